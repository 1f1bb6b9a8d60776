import type { AdaptiveCard } from './adaptiveCard.js';
import { adaptiveCard, textBlock } from './adaptiveCard.js';

/** A plain message (a refusal, a confirmation) when there is no case card to show it on. */
export function noticeCard(title: string, text: string): AdaptiveCard {
  return adaptiveCard([textBlock(title, { size: 'Medium', weight: 'Bolder' }), textBlock(text)]);
}
