import type { Partner } from '../workflow/partnership.js';
import { PARTNER_NAMES, PARTNERS } from '../workflow/partnership.js';
import type { PartnerPosition } from '../workflow/state.js';
import type { CardElement } from './adaptiveCard.js';
import { container, textBlock } from './adaptiveCard.js';
import type { Quote } from './budget.js';
import { actorWords, when } from './wording.js';

/**
 * Each partner's position in words. A deemed agreement is always labelled as such: silence is
 * recorded as silence, so nobody can later read it as a reply that was never given.
 */
export function positionWords(position: PartnerPosition, now: Date): string {
  switch (position.status) {
    case 'awaiting':
      return 'Awaiting reply';
    case 'agreed':
      return `Agreed, by ${actorWords(position.by)}${position.asAuthorOfView ? ' as author of the initial view' : ''}, at ${when(position.at, now)}`;
    case 'disagreed':
      return `Disagreed, by ${actorWords(position.by)}, at ${when(position.at, now)}`;
    case 'deemed':
      return `Agreement deemed: no response by ${when(position.windowClosedAt, now)}`;
  }
}

/** The typed text that goes with a position, if any. */
function positionText(position: PartnerPosition): string | undefined {
  if (position.status === 'agreed') return position.comment;
  if (position.status === 'disagreed') return position.rationale || undefined;
  return undefined;
}

export function partnerPositionBlock(partner: Partner, position: PartnerPosition, now: Date, quote: Quote): CardElement {
  const text = positionText(position);
  const color = position.status === 'disagreed' ? 'Attention' : position.status === 'deemed' ? 'Warning' : undefined;
  return container(
    [
      textBlock(`**${PARTNER_NAMES[partner]}**: ${positionWords(position, now)}`, color ? { color } : {}),
      ...(text ? [quote(text)] : []),
    ],
    { separator: true, spacing: 'Medium' },
  );
}

export function partnerPositionBlocks(positions: Record<Partner, PartnerPosition>, now: Date, quote: Quote): CardElement[] {
  return PARTNERS.map((p) => partnerPositionBlock(p, positions[p], now, quote));
}
