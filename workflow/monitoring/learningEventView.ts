import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE, type WorkingHours } from '../calendar/workingHours.js';
import { REMINDER_DAYS, reminderAt } from '../learningEvent/months.js';
import { learningEventSummary, type LearningEventStatus } from '../learningEvent/summary.js';
import { concludedWords } from '../actions/concluded.js';
import type { CaseState } from '../state.js';
import { deadlineView, reviewStatus } from './reviewStatus.js';
import { milestoneLateWords } from './lateWords.js';
import { REVIEW_KIND_TITLES, type ReviewMilestone, type ReviewView } from './schemas.js';

/**
 * The tab's view of a case's local learning event (002 Section C): its one statutory deadline, the
 * report ready for approval within four months of the decision (6.16), and its milestones. The
 * seed gives the business unit no planned dates to set for a learning event: the report's planned
 * date is the four-month date itself; the other steps show when they were done.
 */

const STAGE_WORDS: Record<LearningEventStatus, string> = {
  awaitingSetUp: 'Awaiting the method and leads',
  inProgress: 'Under way',
  overdue: 'Report overdue',
  awaitingApproval: "Report ready: awaiting the executive's approval",
  awaitingDissemination: 'Approved: awaiting dissemination of the learning',
  disseminated: 'Learning disseminated',
};

const londonDate = (iso: string) => DateTime.fromISO(iso, { zone: LONDON_ZONE }).toISODate()!;

export function learningEventView(state: CaseState, now: Date, calendar: WorkingCalendar, hours: WorkingHours): ReviewView | undefined {
  const le = state.learningEvent;
  const summary = learningEventSummary(state, now);
  if (!le || !summary) return undefined;
  const reportDue = new Date(le.reportDueAt);
  const report = deadlineView(
    'Report ready for approval (4 months)',
    le.reportDueAt,
    le.report ? { at: le.report.readyAt, onTime: le.report.onTime } : undefined,
    summary.status === 'overdue',
    reminderAt(reportDue, REMINDER_DAYS.tenDaysBefore, calendar, hours),
    now,
  );
  const today = londonDate(now.toISOString());
  const dueDate = londonDate(le.reportDueAt);
  // The report's "planned" day is its four-month deadline (6.16): late means past that deadline.
  const reportLateText = le.report ? undefined : milestoneLateWords(dueDate, today, undefined, 'the 4-month deadline');
  const reportLate = { late: reportLateText !== undefined, ...(reportLateText ? { lateText: reportLateText } : {}) };
  const milestones: ReviewMilestone[] = [
    { name: 'Decision to hold a learning event', doneOn: le.decidedOn, late: false },
    { name: 'Method and leads agreed', ...(le.setUp ? { doneOn: londonDate(le.setUp.at) } : {}), late: false },
    { name: 'Report ready for approval', plannedOn: dueDate, ...(le.report ? { doneOn: londonDate(le.report.readyAt) } : {}), ...reportLate },
    { name: 'Approved by the executive', ...(le.approved ? { doneOn: le.approved.approvedOn } : {}), late: false },
    { name: 'Learning disseminated', ...(le.disseminated ? { doneOn: le.disseminated.disseminatedOn } : {}), late: false },
  ];
  return {
    caseRef: state.referral.caseRef,
    kind: 'learningEvent',
    title: REVIEW_KIND_TITLES.learningEvent,
    stageText: concludedWords(state, 'learningEvent') ?? STAGE_WORDS[summary.status],
    ...reviewStatus([report], !summary.open),
    deadlines: [report],
    milestones,
    owed: [],
  };
}
