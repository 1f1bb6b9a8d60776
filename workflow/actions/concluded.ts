import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../calendar/workingHours.js';
import type { CaseState } from '../state.js';
import type { ReviewKind } from './schemas.js';

/**
 * The words every view of a review uses once it is concluded (002 5.16, 7.1: the executive told that
 * all its actions are complete), so the local review's summary, the cards and the tab agree.
 */
export function concludedWords(state: CaseState, kind: ReviewKind): string | undefined {
  const concluded = state.actions?.concluded[kind];
  if (!concluded) return undefined;
  return `Concluded (executive told ${DateTime.fromISO(concluded.executiveToldAt, { zone: LONDON_ZONE }).toFormat('cccc d LLLL yyyy')})`;
}
