import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../calendar/workingHours.js';
import type { Actor } from '../events.js';
import { iso, monitoring, person, sendKey, words, type Recorder, type StepContext } from '../kernel.js';
import { londonDate } from '../rapidReview/dates.js';
import type { CaseState } from '../state.js';
import { reportDueAt } from './months.js';
import { businessUnitIds } from './people.js';
import { openDispute } from './state.js';

/**
 * When a case may have a local learning event opened, and opening it. 002 6.1: the review group
 * considers referrals "where the criteria for a serious incident notification and therefore a
 * rapid review have not been met"; after a rapid review, a learning event is the lighter
 * alternative to an LCSPR. So the notification decision, and any rapid review, must be finished
 * (the case's stage `closed`), and no LCSPR may have been decided or opened on the case (002's
 * introduction: "Ensuring local learning happens where the criteria for a local child safeguarding
 * practice review are not met"); localReview/open.ts refuses the reverse.
 */
export function learningEventBlocked(state: CaseState | undefined): string | undefined {
  if (!state) return 'There is no such case.';
  const le = state.learningEvent;
  if (le) return `A local learning event is already open on ${state.referral.caseRef} (decided on ${dateWords(le.decidedOn)}).`;
  if (state.stage !== 'closed') return `The notification decision or the rapid review on ${state.referral.caseRef} is still open: a learning event is decided after it.`;
  const rr = state.rapidReview;
  if (rr?.completed?.lcsprNeeded || rr?.lcspr?.decided?.lcspr) return `The partners decided to hold an LCSPR on ${state.referral.caseRef}: a learning event is the alternative to one, not an addition.`;
  // A local review opened on a case the review group discussed (no rapid review) counts the same.
  if (state.localReview) return `A local review (LCSPR) is held on ${state.referral.caseRef} (decided on ${dateWords(londonDate(new Date(state.localReview.decidedAt)))}): a learning event is for where the criteria for an LCSPR are not met, the alternative to one, not an addition.`;
  return undefined;
}

/** "Friday 31 October 2026". */
export function dateWords(date: string): string {
  return DateTime.fromISO(date, { zone: LONDON_ZONE }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** A London date the user gave: a real date, not after today, not before `earliest`; or the problem in words. */
export function checkPastDate(field: string, date: string, now: Date, earliest?: { date: string; what: string }): string | undefined {
  if (!DateTime.fromISO(date, { zone: LONDON_ZONE }).isValid) return `The ${field} is not a date.`;
  if (date > londonDate(now)) return `The ${field} cannot be in the future.`;
  if (earliest && date < earliest.date) return `The ${field} cannot be before ${earliest.what} (${dateWords(earliest.date)}).`;
  return undefined;
}

/** Records the opening and sends the learning event's card to the business unit, the review group chair and the monitoring channel. */
export function openLearningEvent(
  r: Recorder,
  { config, hours }: StepContext,
  now: Date,
  opened: { by: Actor; decidedOn: string; rationale: string; basis: 'partnersDecided' | 'reviewGroupDispute'; disputeId?: string },
) {
  const due = reportDueAt(opened.decidedOn, hours);
  r.record({ type: 'LearningEventOpened', at: iso(now), ...opened, reportDueAt: iso(due) });
  for (const id of [...businessUnitIds(config), config.reviewGroupChair.aadObjectId]) {
    r.effect({ type: 'send', key: sendKey.learningEvent(id), to: person(id), card: { kind: 'learningEvent' }, tracked: true });
  }
  r.effect({ type: 'send', key: sendKey.learningEventMonitoring(), to: monitoring, card: { kind: 'learningEvent' }, tracked: true });
  return `The report is due ready for approval by ${words(iso(due), now)}.`;
}

/** A learning-event dispute still open stops the partners' decision being recorded around it. */
export function learningDisputeOpen(state: CaseState): boolean {
  return openDispute(state.reviewGroupDisputes)?.about === 'learningEvent';
}
