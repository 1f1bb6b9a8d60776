import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { caseCard, noticeCard } from '../cards/index.js';
import { mayEverSee, maySee, seeingRole } from '../workflow/access.js';
import type { CommandActor } from '../workflow/commands.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { PartnershipFile } from '../config/partnershipFile.js';
import { roleWords } from '../workflow/words.js';
import type { AccessLog } from '../store/accessLog.js';
import type { CaseStore } from '../store/caseStore.js';
import { ACT_VERBS, cardOf, requestParameter, type ActRequest } from './actLink.js';
import type { Interactions } from './interactions.js';

/**
 * What the page an email links to shows and does, for a signed-in person on the roster. It shows
 * the card the bot would send that person for the request, built by the same card code from the
 * same case state, with only the request's own actions left on it (no history, no export: the
 * page is for acting on what the email asked). A submission is handed to the bot's own card-action
 * path (Interactions.cardAction: the verb's schema, the command, the access rules, the case's
 * events), so acting here and clicking in Teams cannot differ.
 */

/** One recorded view covers that person's further views of the case for half an hour, as in the tab. */
const VIEW_RECORD_MS = 30 * 60_000;

export type WebActDeps = {
  config: PartnershipFile;
  calendar: WorkingCalendar;
  store: CaseStore;
  accessLog: AccessLog;
  interactions: Interactions;
};

/** The same words whether the case does not exist or is not theirs: references follow a pattern anyone can guess. */
const NOT_YOURS = noticeCard('Not available', 'There is nothing on that case reference for you to see or do here. Nothing was recorded.');
const NOT_HERE = noticeCard('Not available here', 'This page records only what an email asked of you, on the card it linked to. Use Microsoft Teams for anything else. Nothing was recorded.');

export function createWebAct(deps: WebActDeps) {
  const { config, store, accessLog } = deps;

  /** The case, if this person may see the request's card on it; the same answer whether the case is missing or not theirs. */
  async function visible(request: ActRequest, actor: CommandActor) {
    const spec = cardOf(request);
    // Roles first: someone who could never see this card learns nothing, not even how long a read takes.
    if (!mayEverSee(config, actor.aadObjectId, spec)) return undefined;
    const { state } = await store.load(request.case);
    return state && maySee(config, actor.aadObjectId, spec, state) ? { spec, state } : undefined;
  }

  async function view(request: ActRequest, actor: CommandActor, now: Date): Promise<AdaptiveCard> {
    const seen = await visible(request, actor);
    if (!seen) return NOT_YOURS;
    const { spec, state } = seen;
    const caseRef = state.referral.caseRef;
    // The card shows the initial view and its rationale: on the case's audit trail, like the tab's case view.
    const access = await accessLog.of(caseRef);
    const viewedLately = access.some((r) => r.via === 'web' && r.what === 'caseViewed' && r.by.aadObjectId === actor.aadObjectId && now.getTime() - Date.parse(r.at) < VIEW_RECORD_MS);
    if (!viewedLately) {
      const role = seeingRole(config, actor.aadObjectId, spec);
      await accessLog.record(caseRef, { at: now.toISOString(), by: { ...actor, role: role ? roleWords(role) : '' }, what: 'caseViewed', via: 'web' });
    }
    const card = caseCard(spec, { state, config, calendar: deps.calendar, now, recipient: { kind: 'person', aadObjectId: actor.aadObjectId } });
    return onlyVerbs(card, new Set(ACT_VERBS[request.do]));
  }

  /**
   * A submission from the page for the request its link named: `{ verb, data }` as a card's
   * Action.Execute sends it; the actor is the signed-in person's. Only that request's verbs, on
   * that case (and agency or action), from someone who may see its card: anything else is turned
   * away before the bot's card-action path is asked, so nothing is recorded.
   */
  async function act(request: ActRequest, payload: unknown, actor: CommandActor): Promise<AdaptiveCard> {
    const verbs: ReadonlySet<string> = new Set(ACT_VERBS[request.do]);
    const sent = isObject(payload) ? payload : {};
    const data = isObject(sent.data) ? sent.data : {};
    if (typeof sent.verb !== 'string' || !verbs.has(sent.verb)) return NOT_HERE;
    if (typeof data.caseRef !== 'string' || data.caseRef.trim().toUpperCase() !== request.case.toUpperCase()) return NOT_HERE;
    const parameter = requestParameter(request);
    if (parameter && data[parameter.field] !== parameter.value) return NOT_HERE;
    if (!(await visible(request, actor))) return NOT_YOURS;
    const reply = await deps.interactions.cardAction(payload, actor);
    return onlyVerbs(reply.card, verbs);
  }

  return { view, act };
}

export type WebAct = ReturnType<typeof createWebAct>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The card with every Action.Execute whose verb is not in `verbs` taken off (and a ShowCard or an
 * ActionSet left with nothing to do), so the page offers only what it accepts.
 */
export function onlyVerbs(card: AdaptiveCard, verbs: ReadonlySet<string>): AdaptiveCard {
  const allowed = (action: unknown): boolean => {
    if (!isObject(action)) return true;
    if (action.type === 'Action.Execute') return typeof action.verb === 'string' && verbs.has(action.verb);
    if (action.type === 'Action.ShowCard') return JSON.stringify(prune(action.card)).includes('"Action.Execute"');
    return true;
  };
  const prune = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(prune).filter((item) => !(isObject(item) && item.type === 'ActionSet' && Array.isArray(item.actions) && item.actions.length === 0));
    if (!isObject(node)) return node;
    const out: Json = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data') out[key] = value;
      else if (key === 'selectAction') {
        if (allowed(value)) out[key] = prune(value);
      } else if (key === 'actions' && Array.isArray(value)) out[key] = value.filter(allowed).map(prune);
      else out[key] = prune(value);
    }
    return out;
  };
  return prune(card) as AdaptiveCard;
}
