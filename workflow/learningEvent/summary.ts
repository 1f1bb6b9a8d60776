import type { CaseState } from '../state.js';
import { disputeConclusion, disputeSettled, type LearningEvent, type ReviewGroupDispute } from './state.js';

/**
 * What the monitoring tab shows of the area, pure: for the learning event its status, deadline
 * and whether on time; for the review-group disputes which is open and when its outcome is due.
 * The learning event's `{ kind, id }` is what recommendations and actions attach to.
 */

export type LearningEventStatus = 'awaitingSetUp' | 'inProgress' | 'overdue' | 'awaitingApproval' | 'awaitingDissemination' | 'disseminated';

export type LearningEventSummary = {
  kind: 'learningEvent';
  id: string;
  caseRef: string;
  decidedOn: string;
  status: LearningEventStatus;
  reportDueAt: string;
  /** Undefined while the report is not ready and not yet overdue; false once overdue or ready late. */
  onTime: boolean | undefined;
  open: boolean;
};

/** The reference actions use for the case's learning event, or undefined. */
export function learningEventRef(state: CaseState): { kind: 'learningEvent'; id: string; caseRef: string } | undefined {
  return state.learningEvent ? { kind: 'learningEvent', id: state.learningEvent.id, caseRef: state.referral.caseRef } : undefined;
}

function statusOf(le: LearningEvent, now: Date): LearningEventStatus {
  if (le.disseminated) return 'disseminated';
  if (le.approved) return 'awaitingDissemination';
  if (le.report) return 'awaitingApproval';
  if (now.getTime() >= Date.parse(le.reportDueAt)) return 'overdue';
  return le.setUp ? 'inProgress' : 'awaitingSetUp';
}

export function learningEventSummary(state: CaseState, now: Date): LearningEventSummary | undefined {
  const le = state.learningEvent;
  if (!le) return undefined;
  const status = statusOf(le, now);
  return {
    kind: 'learningEvent',
    id: le.id,
    caseRef: state.referral.caseRef,
    decidedOn: le.decidedOn,
    status,
    reportDueAt: le.reportDueAt,
    onTime: le.report ? le.report.onTime : status === 'overdue' ? false : undefined,
    open: status !== 'disseminated',
  };
}

export type ReviewGroupDisputeSummary = {
  id: string;
  caseRef: string;
  about: ReviewGroupDispute['about'];
  status: 'awaitingOutcome' | 'awaitingDecider' | 'settled';
  /** The deadline now running (the outcome's, or the decider's once escalated), while open. */
  dueAt?: string;
  overdue: boolean;
  criteriaMet?: boolean;
};

export function reviewGroupDisputeSummaries(state: CaseState, now: Date): ReviewGroupDisputeSummary[] {
  return (state.reviewGroupDisputes ?? []).map((d) => {
    const settled = disputeSettled(d);
    const dueAt = settled ? undefined : (d.escalated?.decisionDueAt ?? d.outcomeDueAt);
    const met = disputeConclusion(d);
    return {
      id: d.id,
      caseRef: state.referral.caseRef,
      about: d.about,
      status: settled ? 'settled' : d.escalated ? 'awaitingDecider' : 'awaitingOutcome',
      ...(dueAt ? { dueAt } : {}),
      overdue: dueAt !== undefined && now.getTime() >= Date.parse(dueAt),
      ...(met !== undefined ? { criteriaMet: met } : {}),
    };
  });
}
