import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { LONDON_ZONE } from '../calendar/workingHours.js';
import { londonDateOf, REMINDER_WORKING_DAYS, reminderAt } from '../localReview/rules.js';
import { JUSTIFICATION_WORDS } from '../localReview/words.js';
import { localReviewSummary, type DeadlineSummary } from '../localReview/summary.js';
import { publishDecision } from '../localReview/state.js';
import type { CaseState } from '../state.js';
import { deadlineView, reviewStatus } from './reviewStatus.js';
import { milestoneLateWords } from './lateWords.js';
import { REVIEW_KIND_TITLES, type ReviewDeadline, type ReviewMilestone, type ReviewView } from './schemas.js';

/**
 * The tab's view of a case's local review (LCSPR, 002 Section B 5.x and Appendix A stage 2), from
 * the local review area's own summary so the tab and the cards agree: publication within six
 * months of the decision (a whole day: "on or before"), the full report to the Panel and the
 * Secretary of State by the close of the 7th working day before the planned publication day, and
 * the milestones the business unit plans. "Due soon" starts at the area's first reminder (the 10th
 * working day before the deadline's day).
 */

const dateWords = (date: string) => DateTime.fromISO(date, { zone: LONDON_ZONE }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');

const ABOUT: Record<DeadlineSummary['what'], string> = {
  publication: 'Publication (within 6 months of the decision)',
  copyToPanel: 'Full report to the Panel and the Secretary of State (7 working days before publication)',
};

export function localReviewView(state: CaseState, now: Date, calendar: WorkingCalendar): ReviewView | undefined {
  const l = state.localReview;
  const summary = localReviewSummary(state, now, calendar);
  if (!l || !summary) return undefined;
  const firstReminder = REMINDER_WORKING_DAYS[0];
  const deadlines: ReviewDeadline[] = summary.deadlines.map((d) => {
    const done = d.state === 'met' || d.state === 'missed';
    if (d.what === 'publication') {
      const publishedWords = l.published ? `published on ${dateWords(l.published.publishedDate)}` : undefined;
      return deadlineView(
        ABOUT.publication,
        d.dueAt,
        done ? { at: d.doneAt!, onTime: d.state === 'met', ...(publishedWords ? { words: publishedWords } : {}) } : undefined,
        d.state === 'overdue',
        reminderAt(calendar, l.publicationDueDate, firstReminder),
        now,
        `the end of ${dateWords(l.publicationDueDate)}`,
      );
    }
    return deadlineView(ABOUT.copyToPanel, d.dueAt, done ? { at: d.doneAt!, onTime: d.state === 'met' } : undefined, d.state === 'overdue', reminderAt(calendar, londonDateOf(new Date(d.dueAt)), firstReminder), now);
  });
  const today = londonDateOf(now);
  // Late against the deadline as well as against today: a step planned after the six-month day cannot be
  // met in time for publication (5.16), so it is flagged when planned, not only once its day has passed.
  const mustPublish = !l.published && publishDecision(l) !== false;
  const lateOn = (plannedDate: string | undefined) => milestoneLateWords(plannedDate, today, mustPublish ? { date: l.publicationDueDate, about: 'six-month publication deadline' } : undefined);
  const late = (lateText: string | undefined) => ({ late: lateText !== undefined, ...(lateText ? { lateText } : {}) });
  const milestones: ReviewMilestone[] = [
    { name: 'Decision to hold the review', doneOn: londonDateOf(new Date(l.decidedAt)), late: false },
    { name: 'Reviewer commissioned', ...(l.reviewer ? { doneOn: londonDateOf(new Date(l.reviewer.at)) } : {}), late: false },
    ...summary.milestones.map((m) => ({
      name: m.words,
      ...(m.plannedDate ? { plannedOn: m.plannedDate } : {}),
      ...(m.doneDate ? { doneOn: m.doneDate } : {}),
      ...late(m.doneDate ? undefined : lateOn(m.plannedDate)),
    })),
    ...(publishDecision(l) === false
      ? []
      : [
          {
            name: 'Publication',
            ...(summary.plannedPublicationDate ? { plannedOn: summary.plannedPublicationDate } : {}),
            ...(l.published ? { doneOn: l.published.publishedDate } : {}),
            ...late(l.published ? undefined : lateOn(summary.plannedPublicationDate)),
          },
        ]),
  ];
  const owed = [
    ...(summary.toldOfDecision ? [] : ['The Panel, Ofsted and the DfE to be told of the decision']),
    ...(l.reviewer && !summary.toldReviewerName ? ["The Panel, Ofsted and the DfE to be told the reviewer's name"] : []),
    ...summary.justificationsOwed.map((j) => `A justification to the Panel and the Secretary of State for ${JUSTIFICATION_WORDS[j]}`),
  ];
  // Finished once published or decided not to be, with every justification owed to the Panel sent.
  const finished = (l.published !== undefined || publishDecision(l) === false) && summary.justificationsOwed.length === 0;
  return {
    caseRef: state.referral.caseRef,
    kind: 'lcspr',
    title: REVIEW_KIND_TITLES.lcspr,
    stageText: summary.statusText,
    ...reviewStatus(deadlines, finished, owed),
    deadlines,
    milestones,
    owed,
  };
}
