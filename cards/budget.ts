import type { AdaptiveCard, RichTextBlock } from './adaptiveCard.js';
import { verbatim } from './adaptiveCard.js';

/**
 * Teams refuses a message over about 28 KB, and a refused update leaves everyone looking at an
 * out-of-date card. Rationales are up to 2,000 characters each (more bytes than characters when
 * they are not plain ASCII), so a card quoting several of them shortens its quotes until it fits;
 * the full text always stays in the event log, the history export and the history card.
 */
export const CARD_BYTES_MAX = 28 * 1024;

export function cardBytes(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

/** Shows typed text verbatim, shortened to `max` characters when the card must be smaller. */
export type Quote = (text: string) => RichTextBlock;

export function quoter(max: number | undefined, whereInFull: string): Quote {
  return (text) => {
    if (max === undefined || text.length <= max) return verbatim(text);
    let kept = text.slice(0, max);
    // Never end on half a surrogate pair (half an emoji), which would serialise as garbage.
    if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
    return verbatim(`${kept.trimEnd()}… [shortened to fit this card; ${whereInFull} has the full text]`);
  };
}

/** Quote lengths tried in turn: in full first. */
export const QUOTE_LIMITS: readonly (number | undefined)[] = [undefined, 1200, 600, 250, 100];

/** The first candidate that fits; if none does, the last (the smallest we know how to make). */
export function firstThatFits(candidates: Iterable<() => AdaptiveCard>): AdaptiveCard {
  let last: AdaptiveCard | undefined;
  for (const build of candidates) {
    last = build();
    if (cardBytes(last) <= CARD_BYTES_MAX) return last;
  }
  if (!last) throw new Error('firstThatFits needs at least one candidate');
  return last;
}

/** Renders with each quote length in turn until the card fits. */
export function fitQuotes(render: (quote: Quote) => AdaptiveCard, whereInFull = 'the case history'): AdaptiveCard {
  return firstThatFits(QUOTE_LIMITS.map((max) => () => render(quoter(max, whereInFull))));
}
