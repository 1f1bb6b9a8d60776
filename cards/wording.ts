import type { Actor } from '../workflow/events.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import { finalDecisionMaker } from '../workflow/partnership.js';
import { deadlineInWords } from '../workflow/calendar/words.js';
import { ROLE_WORDS } from '../workflow/words.js';

/** The plain words cards use for the procedure's values, kept in one place so cards agree. */

export { HARM_WORDS, LOCATION_WORDS, NEXT_STEP_THEN, NEXT_STEP_WORDS, STAGE_WORDS, VIEW_WORDS, stageWords } from '../workflow/words.js';
export { asSentence } from '../workflow/timeline.js';

/** "16:30 on Monday 8 June" for an ISO instant from the case state. */
export function when(iso: string, now: Date): string {
  return deadlineInWords(new Date(iso), now);
}

/** "Jane Doe (Police representative)". */
export function actorWords(actor: Actor): string {
  return `${actor.displayName} (${actor.role})`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** "partnership chair": the notification's final say is always theirs (002, 8.1). */
export function decisionMakerRole(_config: PartnershipConfig): string {
  return ROLE_WORDS.partnershipChair;
}

/** "Morgan Partnership (partnership chair)". */
export function decisionMakerWords(config: PartnershipConfig): string {
  return `${finalDecisionMaker(config).displayName} (${decisionMakerRole(config)})`;
}
