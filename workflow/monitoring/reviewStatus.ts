import { deadlineInWords } from '../calendar/words.js';
import { daysLateWords } from './lateWords.js';
import { REVIEW_STATUS_WORDS, type ReviewDeadline, type ReviewStatus, type ReviewView } from './schemas.js';

/**
 * The status words shared by every review's view (issue 17): one deadline's status at `now`, and a
 * review's from its deadlines. "Due soon" starts where the business unit's first reminder of that
 * deadline goes, so the tab and the reminders agree on when something is close.
 */

/** Worst first: a review takes the worst status among its open deadlines. */
const SEVERITY: ReviewStatus[] = ['overdue', 'dueSoon', 'onTime'];

/**
 * `overdue` is the review area's own rule (the learning event and the local review each alert at
 * the deadline instant itself), passed in so the tab never disagrees with the cards and alerts.
 */
export function deadlineView(
  about: string,
  dueAt: string,
  done: { at: string; onTime: boolean; words?: string } | undefined,
  overdue: boolean,
  soonFrom: Date,
  now: Date,
  /** For a deadline that is a whole day ("publication by 20 January"), its words instead of the instant's. */
  dueWords?: string,
): ReviewDeadline {
  const due = new Date(dueAt);
  const dueInWords = dueWords ?? deadlineInWords(due, now);
  const base = { about, dueAt, dueInWords };
  const doneWords = done && (done.words ?? deadlineInWords(new Date(done.at), now));
  if (done) return { ...base, status: 'done', statusText: done.onTime ? `Done on time, ${doneWords}` : `Done late (${daysLateWords(dueAt, new Date(done.at))}), ${doneWords}`, doneAt: done.at };
  if (overdue) return { ...base, status: 'overdue', statusText: `Overdue: it was due by ${dueInWords} (${daysLateWords(dueAt, now)})` };
  if (now.getTime() >= soonFrom.getTime()) return { ...base, status: 'dueSoon', statusText: `Due soon: by ${dueInWords}` };
  return { ...base, status: 'onTime', statusText: `On time: due by ${dueInWords}` };
}

/** A finished review is done; otherwise the worst of its open deadlines (on time with none open). */
export function reviewStatus(deadlines: readonly ReviewDeadline[], finished: boolean, owed: readonly string[] = []): Pick<ReviewView, 'status' | 'statusText' | 'nextDeadline'> {
  const open = deadlines.filter((d) => d.status !== 'done').sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const next = open[0];
  const nextDeadline = next ? { nextDeadline: { about: next.about, dueAt: next.dueAt, inWords: next.dueInWords } } : {};
  const late = deadlines.filter((d) => d.status === 'done' && d.statusText.startsWith('Done late'));
  const lateWords = late.length > 0 ? ` (${late.map((d) => d.about).join('; ')}: done late)` : '';
  if (finished) return { status: 'done', statusText: `${REVIEW_STATUS_WORDS.done}${lateWords}` };
  const worst = SEVERITY.find((s) => open.some((d) => d.status === s)) ?? 'onTime';
  const about = open.find((d) => d.status === worst);
  // Nothing on a clock, but something owed without a deadline of its own (a justification to the Panel): said, not coloured.
  const idle = owed.length > 0 ? `No deadline open; owed: ${owed.join('; ')}` : `${REVIEW_STATUS_WORDS.onTime}: no deadline open`;
  return { status: worst, statusText: about ? `${about.statusText} (${about.about})${lateWords}` : `${idle}${lateWords}`, ...nextDeadline };
}
