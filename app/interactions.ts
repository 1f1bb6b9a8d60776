import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { caseCard, helpCard, noticeCard, referralFormCard } from '../cards/index.js';
import { CardActionSchema, type Verb } from '../cards/verbs.js';
import type { CaseCommand, CommandActor } from '../workflow/commands.js';
import type { CardSpec } from '../workflow/effects.js';
import type { PartnershipFile } from '../config/partnershipFile.js';
import { isOnRoster, mayDo, mayEverSee, maySee, seesEveryCase, type View } from '../workflow/access.js';
import type { AccessLog } from '../store/accessLog.js';
import type { CaseEvent } from '../workflow/events.js';
import type { CaseState } from '../workflow/state.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { CaseService } from './caseService.js';
import type { CaseStore } from '../store/caseStore.js';
import { CARD_ROUTES, type CardRoute } from './cardRoutes/index.js';
import { refusalNotice } from './cardRoutes/refusalNotice.js';
import { isCommandRoute, isRefused } from './cardRoutes/route.js';
import type { Logger } from './ports.js';
import { absenceFromWords, absenceRecordedWords, type AbsenceOutcome } from './absences.js';

/**
 * What a click or a typed command does, with no knowledge of botbuilder: the bot layer hands in
 * the validated identity and the raw card payload, and gets back the card to answer with.
 */

export type Reply = {
  /** The card shown to the person who acted (the invoke response, or a reply to a message). */
  card: AdaptiveCard;
  /** Also replace the card that was clicked, for everyone in the conversation. */
  updateClickedCardForEveryone?: boolean;
};

export type InteractionDeps = {
  config: PartnershipFile;
  calendar: WorkingCalendar;
  cases: CaseService;
  store: CaseStore;
  /** Who viewed a case's history: recorded apart from the case's events (store/accessLog.ts). */
  accessLog: AccessLog;
  log: Logger;
  localMode: boolean;
  exportLinks: { baseUrl: string; secret: string };
  /** Local mode only: move the local clock and run the sweep at once. */
  advanceClock?: (ms: number) => Promise<{ now: Date; summary: string }>;
  now: () => Date;
  /** "away <date> to <date>": records the person's own absence on the live roster (app/absences.ts). */
  recordOwnAbsence?: (actor: CommandActor, period: { from: string; to: string }) => Promise<AbsenceOutcome>;
  /** "back": ends the person's own absence that is going on now (app/absences.ts). */
  endOwnAbsence?: (actor: CommandActor) => Promise<AbsenceOutcome>;
};

const INVALID_ACTION = noticeCard(
  'That action could not be understood',
  'The card sent something this bot does not recognise, perhaps from an older version of the card. Nothing was recorded. Type "help" to see what you can do.',
);

/** The route for a payload's verb, if it names one we route (to answer even when its data fails the schema). */
function routeOf(payload: unknown): CardRoute | undefined {
  const verb = typeof payload === 'object' && payload !== null ? (payload as { verb?: unknown }).verb : undefined;
  return typeof verb === 'string' ? CARD_ROUTES.get(verb as Verb) : undefined;
}

function stringFields(data: unknown): Record<string, string> {
  if (typeof data !== 'object' || data === null) return {};
  return Object.fromEntries(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= 4000));
}

export function createInteractions(deps: InteractionDeps) {
  const { config, cases, store, log } = deps;
  const onRoster = (actor: CommandActor) => isOnRoster(config, actor.aadObjectId);

  const NOT_ON_ROSTER = noticeCard('Not available', "Cases are shown only to people on the partnership's roster. Nothing was recorded.");
  /**
   * To someone who may not see a case, whether or not it exists: the same words for both, and
   * nothing of the case, since references follow a pattern anyone can guess.
   */
  const NOT_YOURS = noticeCard('Not available', 'There is nothing on that case reference for you to see or do here. Nothing was recorded.');
  /** Only for the partnership's own people, who see every case: for them "no such case" hides nothing. */
  const noSuchCase = (caseRef: string) => noticeCard(`No case ${caseRef}`, 'There is no case with that reference. Nothing was recorded.');

  /**
   * The refusal for a view of a case the person may not see (or that does not exist), worded from
   * who they are and never from the case. `roleRefusal` says why someone whose roles never allow
   * this view is refused (the history, the export).
   */
  function notVisible(caseRef: string, view: View, actor: CommandActor, exists: boolean, roleRefusal?: Reply['card']): Reply {
    if (!onRoster(actor)) return { card: NOT_ON_ROSTER };
    if (!mayEverSee(config, actor.aadObjectId, view)) return { card: roleRefusal ?? NOT_YOURS };
    if (!exists && seesEveryCase(config, actor.aadObjectId)) return { card: noSuchCase(caseRef) };
    return { card: NOT_YOURS };
  }

  /** The case if the person may see this view of it; otherwise the refusal to answer with. */
  async function loadVisible(caseRef: string, view: View, actor: CommandActor, roleRefusal?: Reply['card']): Promise<{ state: CaseState; events: CaseEvent[] } | { refusal: Reply }> {
    // Roles first: someone who could never see this learns nothing, not even how long a read takes.
    if (!mayEverSee(config, actor.aadObjectId, view)) return { refusal: notVisible(caseRef, view, actor, false, roleRefusal) };
    const { state, events } = await store.load(caseRef);
    if (!state || !maySee(config, actor.aadObjectId, view, state)) return { refusal: notVisible(caseRef, view, actor, state !== undefined, roleRefusal) };
    return { state, events };
  }

  async function showCase(caseRef: string, spec: CardSpec, actor: CommandActor, now: Date, notice?: string, draft?: Record<string, string>): Promise<Reply> {
    const found = await loadVisible(caseRef, spec, actor);
    if ('refusal' in found) return found.refusal;
    return { card: caseCard(spec, { state: found.state, config, calendar: deps.calendar, now, recipient: { kind: 'person', aadObjectId: actor.aadObjectId }, ...(notice ? { notice: refusalNotice(notice) } : {}), ...(draft ? { draft } : {}) }) };
  }

  /** Runs a command and answers with the case card, carrying the outcome (or the refusal and the typed text). */
  async function run(caseRef: string, command: CaseCommand, spec: CardSpec, actor: CommandActor, now: Date, draft: Record<string, string>): Promise<Reply> {
    // Someone who could never see this card learns nothing about the case, not even from a refusal.
    if (!mayEverSee(config, actor.aadObjectId, spec)) return notVisible(caseRef, spec, actor, false);
    const outcome = await cases.execute(caseRef, command, now);
    // The procedure lets nobody act on a case they may not see, so this only ever turns a refusal
    // into one that says nothing of the case (an agency's people asking about a case or an
    // agency not theirs).
    if (!outcome.state || !maySee(config, actor.aadObjectId, spec, outcome.state)) return notVisible(caseRef, spec, actor, outcome.state !== undefined);
    const recipient = { kind: 'person' as const, aadObjectId: actor.aadObjectId };
    if (!outcome.decision.ok) {
      log.info('command refused', { caseRef, command: command.type });
      return { card: caseCard(spec, { state: outcome.state, config, calendar: deps.calendar, now, recipient, notice: refusalNotice(outcome.decision.refusal), draft }) };
    }
    return { card: caseCard(spec, { state: outcome.state, config, calendar: deps.calendar, now, recipient, ...(outcome.decision.message ? { notice: outcome.decision.message } : {}) }) };
  }

  /**
   * A click: the verb's route (app/cardRoutes/) says what it means. The data is parsed with the
   * verb's schema first; the identity is the validated actor, never anything in the data.
   */
  async function cardAction(payload: unknown, actor: CommandActor): Promise<Reply> {
    const now = deps.now();
    const parsed = CardActionSchema.safeParse(payload);
    if (!parsed.success) {
      const route = routeOf(payload);
      if (route?.invalid) return route.invalid(parsed.error.issues, { actor, now, draft: stringFields((payload as { data?: unknown }).data), deps });
      log.warn('card action refused: unrecognised payload', { issues: parsed.error.issues.length });
      return { card: INVALID_ACTION };
    }
    const action = parsed.data;
    const draft = stringFields(action.data);
    // routeTable checked that every verb has exactly one route.
    const route = CARD_ROUTES.get(action.verb)!;
    // The table pairs each verb with its own route, so the data is that route's: TypeScript cannot
    // relate the two unions (verb and route), hence the one cast.
    const data = action.data as never;
    if (isCommandRoute(route)) {
      // Every command runs on a case, so every command verb's data names one (its schema requires it).
      const { caseRef } = action.data as { caseRef: string };
      const spec = route.answer(data);
      const command = route.toCommand(data, actor);
      if (isRefused(command)) return showCase(caseRef, spec, actor, now, command.refused, draft);
      return run(caseRef, command, spec, actor, now, draft);
    }
    return route.reply(data, {
      actor,
      now,
      draft,
      deps,
      loadVisible: (caseRef, view, roleRefusal) => loadVisible(caseRef, view, actor, roleRefusal),
      showCase: (caseRef, spec, notice) => showCase(caseRef, spec, actor, now, notice),
    });
  }

  /** `where` matters: a timeline typed for in a channel would be shown to everyone there. */
  async function textCommand(text: string, actor: CommandActor, where: { personal: boolean } = { personal: true }): Promise<Reply> {
    const command = text.trim().replace(/\s+/g, ' ');
    const now = deps.now();
    if (/^help$/i.test(command) || command === '') return { card: helpCard(config, { localMode: deps.localMode }) };
    if (/^new referral$/i.test(command)) {
      if (!mayDo(config, actor.aadObjectId, { type: 'LogReferral' }, undefined)) return { card: noticeCard('Not available', "Only members of the partnership's business unit can log a referral.") };
      return { card: referralFormCard({ config, now }) };
    }
    const history = /^history (\S+)$/i.exec(command);
    if (history && !where.personal) {
      return { card: noticeCard('Ask me in a 1:1 chat', "A case's history holds every rationale, so I show it only in your 1:1 chat with me, or to you alone from a case card's History button.") };
    }
    if (history) return cardAction({ verb: 'case.history', data: { caseRef: history[1]!.toUpperCase() } }, actor);
    if (/^away\b/i.test(command) && deps.recordOwnAbsence) {
      const period = absenceFromWords(command);
      if (!period) return { card: noticeCard('When are you away?', 'Type "away" with the first and last day, e.g. "away 2026-05-11 to 2026-05-15". Only the dates are kept.') };
      const outcome = await deps.recordOwnAbsence(actor, period);
      if (!outcome.ok) return { card: noticeCard('Absence not recorded', outcome.reason) };
      return { card: noticeCard('Absence recorded', absenceRecordedWords(command.split(' ')[1]!, command.split(' ')[3]!)) };
    }
    if (/^back$/i.test(command) && deps.endOwnAbsence) {
      const outcome = await deps.endOwnAbsence(actor);
      if (!outcome.ok) return { card: noticeCard('Nothing changed', outcome.reason) };
      return { card: noticeCard('Welcome back', 'Your absence ends now: from now on you are asked again in your own right, and your deputies are no longer asked in your place.') };
    }
    const clock = /^clock(?: \+(\d{1,4})([hd]))?$/i.exec(command);
    if (clock && deps.localMode && deps.advanceClock) {
      const ms = clock[1] ? Number(clock[1]) * (clock[2]!.toLowerCase() === 'd' ? 86_400_000 : 3_600_000) : 0;
      const moved = await deps.advanceClock(ms);
      return { card: noticeCard('Local clock', `${moved.summary}`) };
    }
    return { card: noticeCard("I didn't recognise that", 'That is not one of my commands. Type "help" to see what you can do.') };
  }

  return { cardAction, textCommand };
}

export type Interactions = ReturnType<typeof createInteractions>;
export type { CaseState };
