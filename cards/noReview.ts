import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { ShowableCardKind } from './verbs.js';
import { stageWords } from './wording.js';

/** The card for a case with no rapid review (opened from History on a case that was not notified). */
export function noReviewCard(parts: { state: CaseState; notice?: string | undefined }, subtitle: string, returnTo?: ShowableCardKind, options: { showHistory?: boolean } = {}): AdaptiveCard {
  return caseFrame({
    ...options,
    state: parts.state,
    notice: parts.notice,
    subtitle,
    ...(returnTo ? { returnTo } : {}),
    body: [textBlock(`There is no rapid review on this case. ${stageWords(parts.state)}.`)],
  });
}
