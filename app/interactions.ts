import type { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { caseCard, exportLinksCard, helpCard, historyCard, noticeCard, referralFormCard, referralLoggedCard } from '../cards/index.js';
import { CardActionSchema, agencyIdsOf } from '../cards/verbs.js';
import type { CaseCommand, CommandActor } from '../workflow/commands.js';
import type { CardSpec } from '../workflow/effects.js';
import type { Partner, PartnershipConfig } from '../workflow/partnership.js';
import { isOnRoster, mayDo, mayEverSee, maySee, seeingRole, seesEveryCase, type View } from '../workflow/access.js';
import { roleWords } from '../workflow/words.js';
import type { AccessRecord } from '../workflow/accessRecord.js';
import type { AccessLog } from '../store/accessLog.js';
import type { CaseEvent } from '../workflow/events.js';
import type { CaseState } from '../workflow/state.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { CaseService } from './caseService.js';
import type { CaseStore } from '../store/caseStore.js';
import { signExportLink } from './exportLinks.js';
import { londonInstant } from './londonTime.js';
import type { Logger } from './ports.js';

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
  config: PartnershipConfig;
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
};

type Action = z.infer<typeof CardActionSchema>;

const INVALID_ACTION = noticeCard(
  'That action could not be understood',
  'The card sent something this bot does not recognise, perhaps from an older version of the card. Nothing was recorded. Type "help" to see what you can do.',
);

const REFERRAL_FIELD_WORDS: Record<string, string> = {
  caseRef: 'the case reference',
  referringAgency: 'the referring agency',
  awareDate: 'the date the partnership became aware',
  awareTime: 'the time the partnership became aware',
  harm: 'the harm',
  location: 'where it happened',
  lookedAfter: 'whether the child is looked after',
  documentUrl: 'the link to the referral document',
  abuseOrNeglect: 'whether abuse or neglect is known or suspected',
  careLeaver: 'whether the child or young person is a care leaver',
};

/**
 * A refusal always says that nothing was recorded, so the person never wonders whether a click
 * that was turned down half-happened (most of decide()'s refusals explain only why).
 */
function refusalNotice(reason: string): string {
  return /Nothing was recorded/.test(reason) ? reason : `${reason} Nothing was recorded.`;
}

function isReferralSubmit(payload: unknown): payload is { verb: 'referral.submit'; data: unknown } {
  return typeof payload === 'object' && payload !== null && (payload as { verb?: unknown }).verb === 'referral.submit';
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
  const HISTORY_REFUSED = noticeCard('Not available', "The case history is shown only to the partnership's own roster (partners, chairs, scrutineer, business unit).");
  const EXPORT_REFUSED = noticeCard('Not available', "Only the partnership's business unit can export a case's history.");
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

  /** Who read the history, as its audit row names them. */
  function accessor(actor: CommandActor, view: View): AccessRecord['by'] {
    const role = seeingRole(config, actor.aadObjectId, view);
    return { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: role ? roleWords(role) : '' };
  }

  async function cardAction(payload: unknown, actor: CommandActor): Promise<Reply> {
    const parsed = CardActionSchema.safeParse(payload);
    if (!parsed.success && isReferralSubmit(payload)) {
      // Keep what was typed: the form comes back filled in, with what to correct.
      const draft = stringFields(payload.data);
      const fields = [...new Set(parsed.error.issues.map((i) => REFERRAL_FIELD_WORDS[String(i.path.at(-1))] ?? String(i.path.at(-1))))];
      return { card: referralFormCard({ config, now: deps.now(), notice: `Please check: ${fields.join(', ')}. Nothing was recorded yet.`, draft }) };
    }
    if (!parsed.success) {
      log.warn('card action refused: unrecognised payload', { issues: parsed.error.issues.length });
      return { card: INVALID_ACTION };
    }
    const action: Action = parsed.data;
    const now = deps.now();
    const draft = stringFields(action.data);
    switch (action.verb) {
      case 'referral.submit': {
        const d = action.data;
        if (!mayDo(config, actor.aadObjectId, { type: 'LogReferral' }, undefined)) return { card: noticeCard('Not logged', "Only members of the partnership's business unit can log a referral. Nothing was recorded.") };
        const awareAt = londonInstant(d.awareDate, d.awareTime);
        if (!awareAt) return { card: referralFormCard({ config, now, notice: refusalNotice('Please give a valid date and time when the partnership became aware.'), draft }) };
        let documentUrl: string;
        try {
          documentUrl = new URL(d.documentUrl).toString();
        } catch {
          return { card: referralFormCard({ config, now, notice: refusalNotice("The referral document must be a link (https://...) into the partnership's document store."), draft }) };
        }
        const caseRef = d.caseRef.trim().toUpperCase();
        const outcome = await cases.execute(
          caseRef,
          {
            type: 'LogReferral',
            actor,
            referral: { caseRef, referringAgency: d.referringAgency, awareAt: awareAt.toISOString(), harm: d.harm, location: d.location, lookedAfter: d.lookedAfter === 'true', documentUrl, abuseOrNeglect: d.abuseOrNeglect, careLeaver: d.careLeaver },
          },
          now,
        );
        if (!outcome.decision.ok) return { card: referralFormCard({ config, now, notice: refusalNotice(outcome.decision.refusal), draft }) };
        return { card: referralLoggedCard(outcome.state!, config, now), updateClickedCardForEveryone: true };
      }
      case 'initialView.submit':
        return run(action.data.caseRef, { type: 'GiveInitialView', actor, view: action.data.view, rationale: action.data.rationale ?? '' }, { kind: 'initialViewRequest' }, actor, now, draft);
      case 'partner.agree':
      case 'partner.disagree': {
        const seen = action.data.asOf === undefined ? {} : { seenVersion: Number(action.data.asOf) };
        const reply =
          action.verb === 'partner.agree'
            ? { reply: 'agree' as const, ...(action.data.comment ? { rationale: action.data.comment } : {}) }
            : { reply: 'disagree' as const, rationale: action.data.rationale ?? '' };
        return run(action.data.caseRef, { type: 'ReplyAsPartner', actor, ...reply, ...seen }, { kind: 'partnerDecision' }, actor, now, draft);
      }
      case 'panel.confirm': {
        const sentAt = londonInstant(action.data.sentDate ?? '', action.data.sentTime ?? '');
        if (!sentAt) return showCase(action.data.caseRef, { kind: 'panelNotificationRequest' }, actor, now, 'Please give the date and time the notification was sent.', draft);
        return run(action.data.caseRef, { type: 'ConfirmPanelNotification', actor, sentAt: sentAt.toISOString(), panelReference: action.data.panelReference ?? '' }, { kind: 'panelNotificationRequest' }, actor, now, draft);
      }
      case 'nextStep.submit':
        return run(action.data.caseRef, { type: 'ChooseNextStep', actor, step: action.data.step, rationale: action.data.rationale ?? '' }, { kind: 'nextStepRequest' }, actor, now, draft);
      case 'meeting.arrange': {
        const stage = action.data.stage === '2' ? 2 : 1;
        const spec: CardSpec = { kind: 'arrangeMeetingRequest', stage };
        const start = londonInstant(action.data.date, action.data.time);
        if (!start) return showCase(action.data.caseRef, spec, actor, now, 'Please give the date and time of the meeting you arranged.', draft);
        return run(action.data.caseRef, { type: 'ArrangeMeeting', actor, stage, start: start.toISOString(), ...(action.data.joinUrl ? { joinUrl: action.data.joinUrl } : {}) }, spec, actor, now, draft);
      }
      case 'dispute.outcome': {
        const o = action.data.outcome;
        const command: CaseCommand =
          o === 'notResolved'
            ? { type: 'RecordMeetingOutcome', actor, outcome: 'notResolved', rationale: action.data.rationale ?? '' }
            : { type: 'RecordMeetingOutcome', actor, outcome: 'agreed', decision: o === 'agreedNotify' ? 'notify' : 'doNotNotify', rationale: action.data.rationale ?? '' };
        return run(action.data.caseRef, command, { kind: 'meetingOutcomeRequest' }, actor, now, draft);
      }
      case 'decision.final':
        return run(
          action.data.caseRef,
          { type: 'RecordFinalDecision', actor, decision: action.data.decision, rationale: action.data.rationale ?? '', scrutineerAttended: action.data.scrutineerAttended === 'true' },
          { kind: 'finalDecisionRequest' },
          actor,
          now,
          draft,
        );
      case 'decision.reopen':
        return run(action.data.caseRef, { type: 'ReopenDecision', actor, reason: action.data.reason ?? '' }, { kind: 'finalDecisionRequest' }, actor, now, draft);
      case 'review.setup': {
        const d = action.data;
        const spec: CardSpec = { kind: 'rapidReviewSetup' };
        const meetingAt = londonInstant(d.meetingDate, d.meetingTime);
        if (!meetingAt) return showCase(d.caseRef, spec, actor, now, 'Please give the date and time of the rapid review meeting.', draft);
        let returnsDueAt: Date | undefined;
        if (d.returnsDate) {
          returnsDueAt = londonInstant(d.returnsDate, '12:00');
          if (!returnsDueAt) return showCase(d.caseRef, spec, actor, now, 'Please give a valid return date, or leave it empty for the default.', draft);
        }
        const chosen = d.agencies.split(',').map((id) => id.trim()).filter(Boolean);
        // Where domestic abuse is identified, the procedure asks the specialist service and invites it to the meeting (North Tyneside).
        return run(d.caseRef, { type: 'SetUpRapidReview', actor, meetingAt: meetingAt.toISOString(), agencies: chosen, ...(d.includeDomesticAbuse === 'true' ? { domesticAbuse: true } : {}), ...(returnsDueAt ? { returnsDueAt: returnsDueAt.toISOString() } : {}) }, spec, actor, now, draft);
      }
      case 'scoping.return':
        return run(action.data.caseRef, { type: 'RecordScopingReturn', actor, agency: action.data.agency, documentUrl: action.data.documentUrl }, { kind: 'scopingRequest', agency: action.data.agency }, actor, now, draft);
      case 'scoping.noInvolvement':
        return run(action.data.caseRef, { type: 'RecordNoInvolvement', actor, agency: action.data.agency }, { kind: 'scopingRequest', agency: action.data.agency }, actor, now, draft);
      case 'scoping.extension': {
        const spec: CardSpec = { kind: 'scopingRequest', agency: action.data.agency };
        const proposed = londonInstant(action.data.proposedDate, '12:00');
        if (!proposed) return showCase(action.data.caseRef, spec, actor, now, 'Please give the date you propose.', draft);
        return run(action.data.caseRef, { type: 'RequestExtension', actor, agency: action.data.agency, reason: action.data.reason ?? '', proposedDueAt: proposed.toISOString() }, spec, actor, now, draft);
      }
      case 'extension.decide':
        return run(action.data.caseRef, { type: 'DecideExtension', actor, agency: action.data.agency, agree: action.data.decision === 'agree' }, { kind: 'extensionDecisionRequest', agency: action.data.agency }, actor, now, draft);
      case 'review.attendance':
        return run(action.data.caseRef, { type: 'ConfirmAttendance', actor, attending: action.data.attending === 'yes' }, { kind: 'attendanceRequest' }, actor, now, draft);
      case 'review.outcome': {
        const d = action.data;
        const attended = d.attended.split(',').filter((p): p is Partner => p === 'localAuthority' || p === 'police' || p === 'health');
        const command: CaseCommand = {
          type: 'RecordRapidReviewMeeting',
          actor,
          attended,
          invitedAttended: agencyIdsOf(d.invitedAttended),
          lcsprRecommended: d.lcsprRecommended === 'yes',
          rationale: d.rationale ?? '',
          ...(d.linesOfEnquiry ? { linesOfEnquiry: d.linesOfEnquiry } : {}),
          ...(d.methodology ? { methodology: d.methodology } : {}),
        };
        return run(d.caseRef, command, { kind: 'rapidReviewOutcomeRequest' }, actor, now, draft);
      }
      case 'lcspr.agree':
        return run(action.data.caseRef, { type: 'ReplyOnLcspr', actor, reply: 'agree', ...(action.data.comment ? { rationale: action.data.comment } : {}) }, { kind: 'lcsprDecision' }, actor, now, draft);
      case 'lcspr.disagree':
        return run(action.data.caseRef, { type: 'ReplyOnLcspr', actor, reply: 'disagree', rationale: action.data.rationale ?? '' }, { kind: 'lcsprDecision' }, actor, now, draft);
      case 'lcspr.decide':
        return run(action.data.caseRef, { type: 'DecideLcsprDispute', actor, lcspr: action.data.lcspr === 'yes', rationale: action.data.rationale ?? '' }, { kind: 'lcsprDispute' }, actor, now, draft);
      case 'review.approve':
        return run(action.data.caseRef, { type: 'ApproveRapidReview', actor }, { kind: 'rapidReviewOutcomeRequest' }, actor, now, draft);
      case 'review.sent': {
        const spec: CardSpec = { kind: 'rapidReviewSendPrompt' };
        const sentAt = londonInstant(action.data.sentDate, action.data.sentTime);
        const dfeSentAt = londonInstant(action.data.dfeDate, action.data.dfeTime);
        if (!sentAt || !dfeSentAt) return showCase(action.data.caseRef, spec, actor, now, 'Please give the dates and times it was sent to the Panel and Ofsted, and the decision to DfE.', draft);
        return run(action.data.caseRef, { type: 'RecordRapidReviewSent', actor, sentAt: sentAt.toISOString(), dfeSentAt: dfeSentAt.toISOString() }, spec, actor, now, draft);
      }
      case 'case.history': {
        const found = await loadVisible(action.data.caseRef, { kind: 'history' }, actor, HISTORY_REFUSED);
        if ('refusal' in found) return found.refusal;
        const caseRef = found.state.referral.caseRef;
        // Recorded before it is shown: whoever reads every rationale is on the case's audit trail.
        await deps.accessLog.record(caseRef, { at: now.toISOString(), by: accessor(actor, { kind: 'history' }), what: 'historyViewed', via: 'bot' });
        const access = await deps.accessLog.of(caseRef);
        const canExport = maySee(config, actor.aadObjectId, { kind: 'export' }, found.state);
        return { card: historyCard(found.state, found.events, config, now, { canExport, access, ...(action.data.returnTo ? { returnTo: action.data.returnTo } : {}) }) };
      }
      case 'case.show':
        return showCase(action.data.caseRef, { kind: action.data.card } as CardSpec, actor, now);
      case 'case.export': {
        const found = await loadVisible(action.data.caseRef, { kind: 'export' }, actor, EXPORT_REFUSED);
        if ('refusal' in found) return found.refusal;
        const { state } = found;
        const link = (format: 'csv' | 'json') => signExportLink({ ...deps.exportLinks, caseRef: state.referral.caseRef, format, by: actor.aadObjectId, now });
        const csv = link('csv');
        return { card: exportLinksCard(state.referral.caseRef, { csvUrl: csv.url, jsonUrl: link('json').url, expiresAt: csv.expiresAt }, now) };
      }
      case 'statutory.record': {
        const spec: CardSpec = { kind: 'statutoryNotificationRequest' };
        const sentAt = londonInstant(action.data.sentDate, action.data.sentTime);
        if (!sentAt) return showCase(action.data.caseRef, spec, actor, now, 'Please give the date and time the notification was sent.', draft);
        return run(action.data.caseRef, { type: 'RecordStatutoryNotification', actor, sentAt: sentAt.toISOString() }, spec, actor, now, draft);
      }
      case 'noReview.record':
        return run(
          action.data.caseRef,
          { type: 'RecordNoRapidReview', actor, partnersAgreed: action.data.partnersAgreed === 'true', scrutineerOversight: action.data.scrutineerOversight === 'true', rationale: action.data.rationale ?? '' },
          { kind: 'noRapidReview' },
          actor,
          now,
          draft,
        );
      case 'noReview.panelTold': {
        const spec: CardSpec = { kind: 'noRapidReview' };
        const sentAt = londonInstant(action.data.sentDate, action.data.sentTime);
        if (!sentAt) return showCase(action.data.caseRef, spec, actor, now, 'Please give the date and time the Panel was told.', draft);
        return run(action.data.caseRef, { type: 'RecordNoRapidReviewPanelTold', actor, sentAt: sentAt.toISOString() }, spec, actor, now, draft);
      }
      case 'initialView.concur':
        return run(action.data.caseRef, { type: 'ConcurInitialView', actor }, { kind: 'initialViewRequest' }, actor, now, draft);
      // Issue 17: the local learning event and review-group disputes (cards/learningEvent.ts, cards/reviewGroupDispute.ts).
      case 'learningEvent.decision':
        return run(action.data.caseRef, { type: 'RecordLearningEventDecision', actor, decidedOn: action.data.decidedOn, rationale: action.data.rationale }, { kind: 'learningEvent' }, actor, now, draft);
      case 'learningEvent.setUp': {
        const list = (text: string) => text.split(',').map((v) => v.trim()).filter(Boolean);
        const tor = action.data.termsOfReferenceUrl;
        return run(action.data.caseRef, { type: 'SetUpLearningEvent', actor, methods: list(action.data.methods), leads: list(action.data.leads), ...(tor ? { termsOfReferenceUrl: tor } : {}) }, { kind: 'learningEvent' }, actor, now, draft);
      }
      case 'learningEvent.report':
        return run(action.data.caseRef, { type: 'RecordLearningEventReport', actor, documentUrl: action.data.documentUrl }, { kind: 'learningEvent' }, actor, now, draft);
      case 'learningEvent.approve':
        return run(action.data.caseRef, { type: 'RecordLearningEventApproval', actor, approvedOn: action.data.approvedOn }, { kind: 'learningEvent' }, actor, now, draft);
      case 'learningEvent.disseminate':
        return run(action.data.caseRef, { type: 'RecordLearningEventDissemination', actor, disseminatedOn: action.data.disseminatedOn, how: action.data.how }, { kind: 'learningEvent' }, actor, now, draft);
      case 'reviewGroupDispute.open':
        return run(action.data.caseRef, { type: 'OpenReviewGroupDispute', actor, about: action.data.about, reason: action.data.reason }, { kind: 'reviewGroupDispute' }, actor, now, draft);
      case 'reviewGroupDispute.outcome': {
        const o = action.data.outcome;
        const command: CaseCommand =
          o === 'notResolved'
            ? { type: 'RecordReviewGroupDisputeOutcome', actor, outcome: 'notResolved', rationale: action.data.rationale }
            : { type: 'RecordReviewGroupDisputeOutcome', actor, outcome: 'agreed', criteriaMet: o === 'agreedMet', rationale: action.data.rationale };
        return run(action.data.caseRef, command, { kind: 'reviewGroupDispute' }, actor, now, draft);
      }
      case 'reviewGroupDispute.decide':
        return run(action.data.caseRef, { type: 'DecideReviewGroupDispute', actor, criteriaMet: action.data.criteriaMet === 'yes', rationale: action.data.rationale }, { kind: 'reviewGroupDispute' }, actor, now, draft);
    }
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
