import type { Actor } from '../events.js';
import { PARTNER_NAMES } from '../partnership.js';
import type { TimelineRow } from '../timelineRow.js';
import type { LearningAreaEvent } from './events.js';
import { dateWords } from './opening.js';
import { ABOUT_WORDS, DECIDER_WORDS, METHOD_WORDS } from './words.js';

/** The history's rows for the learning event and the review-group disputes. */

const BOT = { who: 'Recorded automatically', role: 'the bot' };
const by = (actor: Actor) => ({ who: actor.displayName, role: actor.role });
const CHASE_WORDS = {
  tenDaysBefore: 'Reminded the leads and the business unit: the learning event report is due in 10 working days.',
  threeDaysBefore: 'Reminded the leads and the business unit: the learning event report is due in 3 working days.',
  overdue: 'The learning event report is overdue: the business unit and the monitoring channel were told.',
} as const;
const DISPUTE_CHASE_WORDS = {
  outcomeReminder: "Reminded the partner representatives and the review group chair: the disagreement's outcome is due.",
  decisionReminder: 'Reminded the decider: the decision on the disagreement is due.',
  decisionOverdue: 'The decision on the disagreement is overdue: the monitoring channel was told.',
} as const;

export function learningAreaRow(event: LearningAreaEvent, context: { at: (iso: string) => string; agency: (id: string) => string }): TimelineRow {
  const { at, agency } = context;
  switch (event.type) {
    case 'LearningEventOpened':
      return {
        at: event.at,
        ...by(event.by),
        what: `${event.basis === 'partnersDecided' ? `Recorded the partners' decision of ${dateWords(event.decidedOn)}` : 'The disagreement was settled'}: a local learning event will be held. The report is due ready for approval by ${at(event.reportDueAt)}.`,
        detail: event.rationale,
        deemed: false,
      };
    case 'LearningEventSetUp':
      return {
        at: event.at,
        ...by(event.by),
        what: `Recorded the learning event's method (${event.methods.map((m) => METHOD_WORDS[m]).join(' and ')}) and ${event.leads.length > 1 ? 'co-leads' : 'lead'} (${event.leads.map((l) => (l.kind === 'partner' ? PARTNER_NAMES[l.partner] : agency(l.agency))).join(' and ')}).`,
        ...(event.termsOfReferenceUrl ? { detail: event.termsOfReferenceUrl } : {}),
        deemed: false,
      };
    case 'LearningEventChased':
      return { at: event.at, ...BOT, what: CHASE_WORDS[event.chase], deemed: false };
    case 'LearningEventReportReady':
      return { at: event.at, ...by(event.by), what: `Recorded the learning event report ready for approval at ${at(event.readyAt)}, ${event.onTime ? 'within' : 'after'} the four months.`, detail: event.documentUrl, deemed: false };
    case 'LearningEventApproved':
      return { at: event.at, ...by(event.by), what: `Recorded the executive's approval of the learning event report on ${dateWords(event.approvedOn)}.`, deemed: false };
    case 'LearningEventDisseminated':
      return { at: event.at, ...by(event.by), what: `Recorded the dissemination of learning on ${dateWords(event.disseminatedOn)}.`, detail: event.how, deemed: false };
    case 'ReviewGroupDisputeOpened':
      return { at: event.at, ...by(event.by), what: `Raised a disagreement on ${ABOUT_WORDS[event.about]}; the partner representatives and the review group chair agree an outcome by ${at(event.outcomeDueAt)}.`, detail: event.reason, deemed: false };
    case 'ReviewGroupDisputeOutcomeRecorded':
      return {
        at: event.at,
        ...by(event.by),
        what: event.outcome === 'agreed' ? `Recorded the agreed outcome of the disagreement: ${event.criteriaMet ? 'the criteria are met' : 'the criteria are not met'}.` : 'Recorded that the partner representatives could not agree an outcome.',
        detail: event.rationale,
        deemed: false,
      };
    case 'ReviewGroupDisputeEscalated':
      return { at: event.at, ...BOT, what: `The disagreement went to the ${DECIDER_WORDS[event.decider]} (${event.reason === 'notResolved' ? 'not resolved' : 'no outcome in 3 working days'}), who decides by ${at(event.decisionDueAt)}.`, deemed: false };
    case 'ReviewGroupDisputeDecided':
      return { at: event.at, ...by(event.by), what: `Decided the disagreement: ${event.criteriaMet ? 'the criteria are met' : 'the criteria are not met'}.`, detail: event.rationale, deemed: false };
    case 'ReviewGroupDisputeChased':
      return { at: event.at, ...BOT, what: DISPUTE_CHASE_WORDS[event.chase], deemed: false };
  }
}

