import { actionSet, adaptiveCard, execute, heading, textBlock, type AdaptiveCard } from './adaptiveCard.js';
import { dateInput, londonDateOf } from './inputs.js';
import { deadlineInWords } from '../workflow/calendar/words.js';

/**
 * To a person whose Outlook automatic replies are on while the roster has no absence for them
 * (app/awaySuggestions.ts): a suggestion, never a decision. Nothing changes until they record it,
 * with the dates they choose; Outlook's own dates are only the starting point, since an automatic
 * reply often runs to the morning of the return.
 */
export function awaySuggestionCard(o: { from?: Date; until?: Date; now: Date }): AdaptiveCard {
  const since = o.from && o.from > o.now ? ` from ${deadlineInWords(o.from, o.now)}` : '';
  const until = o.until ? ` until ${deadlineInWords(o.until, o.now)}` : '';
  const first = londonDateOf(o.from && o.from > o.now ? o.from : o.now);
  // The last day away is the day before the replies end when they end at midnight, else that day.
  const last = o.until ? londonDateOf(new Date(o.until.getTime() - 1)) : undefined;
  const draft: Record<string, string> = { first, ...(last ? { last } : {}) };
  return adaptiveCard([
    heading('Outlook says you are away'),
    textBlock(
      `Your automatic replies are on${since}${until}. The partnership's requests that a deputy may answer for you still come to you until you record the absence here; then they go to your deputies (and your team's inbox is told), and the cards say you are away.`,
    ),
    dateInput('first', 'First day away', draft, { errorMessage: 'Choose the first day you are away.', min: londonDateOf(o.now) }),
    dateInput('last', 'Last day away', draft, { errorMessage: 'Choose the last day you are away.', min: londonDateOf(o.now) }),
    actionSet([execute('Record my absence', 'absence.record', {})]),
    textBlock('Not away, or someone else covers it? Ignore this message: nothing is recorded unless you choose to. You can also type "away <first day> to <last day>" at any time.', { isSubtle: true }),
  ]);
}
