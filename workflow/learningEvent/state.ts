import type { Actor } from '../events.js';
import type { DisputeAbout, LearningAreaEvent, LearningLead, LearningMethod } from './events.js';

/**
 * The learning event's and the review-group disputes' slices of a case, folded from their events
 * only. Pure functions `(slice | undefined, event) -> slice`, so state.ts delegates in one line.
 */

export type LearningEvent = {
  /** One learning event per case: recommendations and actions attach to `{ kind, id }` (see summary.ts). */
  kind: 'learningEvent';
  id: string;
  openedAt: string;
  openedBy: Actor;
  decidedOn: string;
  basis: 'partnersDecided' | 'reviewGroupDispute';
  disputeId?: string;
  rationale: string;
  reportDueAt: string;
  setUp?: { at: string; by: Actor; methods: LearningMethod[]; leads: LearningLead[]; termsOfReferenceUrl?: string };
  /** 'tenDaysBefore', 'threeDaysBefore', 'overdue': each sent once. */
  chased: string[];
  report?: { at: string; by: Actor; readyAt: string; documentUrl: string; onTime: boolean };
  approved?: { at: string; by: Actor; approvedOn: string };
  disseminated?: { at: string; by: Actor; disseminatedOn: string; how: string };
};

export type ReviewGroupDispute = {
  id: string;
  about: DisputeAbout;
  openedAt: string;
  openedBy: Actor;
  reason: string;
  outcomeDueAt: string;
  outcome?: { at: string; by: Actor; outcome: 'agreed' | 'notResolved'; criteriaMet?: boolean; rationale: string };
  escalated?: { at: string; reason: 'notResolved' | 'outcomeOverdue'; decider: 'partnershipChair' | 'independentScrutineer'; decisionDueAt: string };
  decided?: { at: string; by: Actor; criteriaMet: boolean; rationale: string };
  chased: string[];
};

export type LearningArea = { learningEvent?: LearningEvent; reviewGroupDisputes?: ReviewGroupDispute[] };

/** The id the first learning event of a case gets: stable, so actions can name it. */
export const LEARNING_EVENT_ID = 'learningEvent-1';

export function foldLearningEvent(slice: LearningEvent | undefined, event: LearningAreaEvent): LearningEvent | undefined {
  if (event.type === 'LearningEventOpened') {
    return {
      kind: 'learningEvent',
      id: LEARNING_EVENT_ID,
      openedAt: event.at,
      openedBy: event.by,
      decidedOn: event.decidedOn,
      basis: event.basis,
      ...(event.disputeId ? { disputeId: event.disputeId } : {}),
      rationale: event.rationale,
      reportDueAt: event.reportDueAt,
      chased: [],
    };
  }
  if (!slice) return slice;
  switch (event.type) {
    case 'LearningEventSetUp':
      return { ...slice, setUp: { at: event.at, by: event.by, methods: event.methods, leads: event.leads, ...(event.termsOfReferenceUrl ? { termsOfReferenceUrl: event.termsOfReferenceUrl } : {}) } };
    case 'LearningEventChased':
      return { ...slice, chased: [...slice.chased, event.chase] };
    case 'LearningEventReportReady':
      return { ...slice, report: { at: event.at, by: event.by, readyAt: event.readyAt, documentUrl: event.documentUrl, onTime: event.onTime } };
    case 'LearningEventApproved':
      return { ...slice, approved: { at: event.at, by: event.by, approvedOn: event.approvedOn } };
    case 'LearningEventDisseminated':
      return { ...slice, disseminated: { at: event.at, by: event.by, disseminatedOn: event.disseminatedOn, how: event.how } };
    default:
      return slice;
  }
}

export function foldReviewGroupDisputes(slice: ReviewGroupDispute[] | undefined, event: LearningAreaEvent): ReviewGroupDispute[] | undefined {
  if (event.type === 'ReviewGroupDisputeOpened') {
    return [...(slice ?? []), { id: event.id, about: event.about, openedAt: event.at, openedBy: event.by, reason: event.reason, outcomeDueAt: event.outcomeDueAt, chased: [] }];
  }
  if (!('id' in event) || !slice) return slice;
  const change = (f: (d: ReviewGroupDispute) => ReviewGroupDispute) => slice.map((d) => (d.id === event.id ? f(d) : d));
  switch (event.type) {
    case 'ReviewGroupDisputeOutcomeRecorded':
      return change((d) => ({ ...d, outcome: { at: event.at, by: event.by, outcome: event.outcome, rationale: event.rationale, ...(event.criteriaMet !== undefined ? { criteriaMet: event.criteriaMet } : {}) } }));
    case 'ReviewGroupDisputeEscalated':
      return change((d) => ({ ...d, escalated: { at: event.at, reason: event.reason, decider: event.decider, decisionDueAt: event.decisionDueAt } }));
    case 'ReviewGroupDisputeDecided':
      return change((d) => ({ ...d, decided: { at: event.at, by: event.by, criteriaMet: event.criteriaMet, rationale: event.rationale } }));
    case 'ReviewGroupDisputeChased':
      return change((d) => ({ ...d, chased: [...d.chased, event.chase] }));
    default:
      return slice;
  }
}

/** The whole area's fold, for state.ts's one delegating line. */
export function foldLearningArea<S extends LearningArea>(s: S, event: LearningAreaEvent): S {
  const learningEvent = foldLearningEvent(s.learningEvent, event);
  const reviewGroupDisputes = foldReviewGroupDisputes(s.reviewGroupDisputes, event);
  return { ...s, ...(learningEvent ? { learningEvent } : {}), ...(reviewGroupDisputes ? { reviewGroupDisputes } : {}) };
}

/** A dispute is settled by an agreed outcome or by the decider. */
export const disputeSettled = (d: ReviewGroupDispute): boolean => d.decided !== undefined || d.outcome?.outcome === 'agreed';

/** What the dispute concluded: whether the criteria are met, once settled. */
export const disputeConclusion = (d: ReviewGroupDispute): boolean | undefined => (d.decided ? d.decided.criteriaMet : d.outcome?.outcome === 'agreed' ? d.outcome.criteriaMet : undefined);

export const openDispute = (disputes: ReviewGroupDispute[] | undefined): ReviewGroupDispute | undefined => disputes?.find((d) => !disputeSettled(d));

export const latestDispute = (disputes: ReviewGroupDispute[] | undefined): ReviewGroupDispute | undefined => disputes?.at(-1);
