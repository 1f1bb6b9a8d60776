import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { RapidReview } from '../workflow/state.js';
import type { CardElement, Fact } from './adaptiveCard.js';
import { factSet } from './adaptiveCard.js';
import { deadlineWords } from './workingDays.js';
import { when } from './wording.js';

/**
 * The rapid review's dates as every rapid review card words them (DOMAIN: completed within 15
 * working days of the notification; papers to members one week before the meeting).
 */

export const FIFTEEN_DAYS = '15 working days from the notification';

/** "A rapid review must be completed by … (15 working days from the notification sent …)". */
export function reviewDeadlineSentence(rr: RapidReview, now: Date): string {
  return `A rapid review must be completed by **${when(rr.dueAt, now)}** (${FIFTEEN_DAYS} sent ${when(rr.notifiedAt, now)}).`;
}

/** The review's dates, each with the working days left to it when a calendar is given. */
function reviewDateFacts(rr: RapidReview, now: Date, calendar: WorkingCalendar | undefined): Fact[] {
  const setup = rr.setup;
  // In the order they fall.
  return [
    ...(setup
      ? [
          { title: 'Returns due', value: deadlineWords(setup.returnsDueAt, now, calendar) },
          { title: 'Papers to members', value: deadlineWords(setup.papersDueAt, now, calendar) },
          { title: 'Meeting', value: deadlineWords(setup.meetingAt, now, calendar) },
        ]
      : []),
    { title: 'Rapid review due', value: deadlineWords(rr.dueAt, now, calendar) },
  ];
}

/** The review's dates as a FactSet, soonest first. */
export function dateFactSet(rr: RapidReview, now: Date, calendar: WorkingCalendar | undefined): CardElement {
  return factSet(reviewDateFacts(rr, now, calendar));
}
