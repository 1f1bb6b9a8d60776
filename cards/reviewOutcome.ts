import type { RapidReview } from '../workflow/state.js';
import type { CardElement } from './adaptiveCard.js';
import { factSet } from './adaptiveCard.js';
import { FIFTEEN_DAYS } from './reviewDates.js';
import { actorWords, when, yesNo } from './wording.js';

/**
 * The completed rapid review as the board, the chair's card and the monitoring channel show it:
 * whether an LCSPR is needed, and whether it reached the Panel and Ofsted within the 15 working days.
 */

/** "LCSPR needed: yes. Sent to the Panel and Ofsted at …: on time." */
export function outcomeBlocks(rr: RapidReview, now: Date): CardElement[] {
  const done = rr.completed;
  if (!done) return [];
  return [
    factSet([
      { title: 'LCSPR needed', value: yesNo(done.lcsprNeeded) },
      { title: 'Sent to the Panel and Ofsted', value: when(done.sentAt, now) },
      { title: 'Against the deadline', value: done.onTime ? `On time (due by ${when(rr.dueAt, now)})` : `Late (due by ${when(rr.dueAt, now)})` },
      { title: 'Recorded by', value: `${actorWords(done.by)} at ${when(done.at, now)}` },
    ]),
  ];
}

/** "**on time**, within 15 working days …" or "**late**, …", to follow "Sent to the Panel and Ofsted". */
export function onTimeWords(rr: RapidReview, now: Date): string {
  const done = rr.completed;
  if (!done) return '';
  return done.onTime
    ? `**on time**, within ${FIFTEEN_DAYS} (due by ${when(rr.dueAt, now)})`
    : `**late**, after the deadline of ${FIFTEEN_DAYS} (due by ${when(rr.dueAt, now)})`;
}
