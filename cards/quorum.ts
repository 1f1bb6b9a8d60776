import type { Partner } from '../workflow/partnership.js';
import { PARTNER_NAMES, PARTNERS } from '../workflow/partnership.js';
import type { RapidReview } from '../workflow/state.js';
import type { CardElement } from './adaptiveCard.js';
import { factSet, textBlock } from './adaptiveCard.js';
import { listWords } from './wording.js';

/**
 * The rapid review meeting is quorate only with children's services, police and health (DOMAIN),
 * so every card about the meeting shows each partner's answer and whether the three are there.
 */

export const QUORUM_RULE = "The meeting is quorate only with children's services, police and health.";

type Attendance = RapidReview['attendance'][Partner];

function attendanceWords(entry: Attendance): string {
  if (!entry) return 'not yet confirmed';
  return entry.attending ? `attending (${entry.by.displayName})` : `not attending (${entry.by.displayName})`;
}

function isQuorate(rr: RapidReview): boolean {
  return PARTNERS.every((p) => rr.attendance[p]?.attending === true);
}

/** Each partner's answer, then the quorum in a sentence with who is missing. */
export function quorumBlocks(rr: RapidReview): CardElement[] {
  const absent = PARTNERS.filter((p) => rr.attendance[p]?.attending === false).map((p) => PARTNER_NAMES[p]);
  const unconfirmed = PARTNERS.filter((p) => !rr.attendance[p]).map((p) => PARTNER_NAMES[p]);
  const missing = [
    ...(absent.length > 0 ? [`${listWords(absent)} ${absent.length === 1 ? 'is' : 'are'} not attending: ask for a deputy`] : []),
    ...(unconfirmed.length > 0 ? [`waiting for ${listWords(unconfirmed)} to confirm`] : []),
  ];
  return [
    factSet(PARTNERS.map((p) => ({ title: PARTNER_NAMES[p], value: attendanceWords(rr.attendance[p]) }))),
    isQuorate(rr)
      ? textBlock('The meeting is quorate.', { color: 'Good', weight: 'Bolder' })
      : textBlock(`The meeting is not yet quorate: ${missing.join('; ')}.`, { color: absent.length > 0 ? 'Attention' : 'Warning' }),
  ];
}
