import type { AdaptiveCard } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { actorWords, decisionMakerWords, stageWords, VIEW_WORDS, when } from './wording.js';

/**
 * Sent 1:1 to the independent scrutineer when a final decision was made without them at the
 * meeting (DOMAIN: the scrutineer "reviews the record afterwards if absent"). The record itself
 * is the case history, reached from the History button.
 */
export function scrutineerReviewCard({ state, config, now, notice, quote }: CaseCardParts): AdaptiveCard {
  const decision = state.decision;
  const frame = { state, notice, returnTo: 'scrutineerReview' as const };
  if (decision?.basis !== 'finalDecision') {
    return caseFrame({ ...frame, subtitle: 'Review of a final decision', body: [textBlock(`There is no final decision on this case to review. ${stageWords(state)}.`)] });
  }
  if (decision.scrutineerAttended !== false) {
    return caseFrame({
      ...frame,
      subtitle: 'Review of a final decision',
      body: [textBlock(`No review is asked for: the independent scrutineer attended the decision meeting. Final decision: ${VIEW_WORDS[decision.decision]}.`)],
    });
  }
  return caseFrame({
    ...frame,
    subtitle: 'Please review a final decision',
    body: [
      textBlock(`Final decision: **${VIEW_WORDS[decision.decision]}**, made by ${decision.by ? actorWords(decision.by) : decisionMakerWords(config)} at ${when(decision.at, now)}.`, {
        size: 'Medium',
      }),
      ...(decision.rationale ? [subheading('Rationale'), quote(decision.rationale)] : []),
      textBlock('You did not attend the decision meeting; please review the full record: open History for every step, who took it and why.', {
        weight: 'Bolder',
        spacing: 'Medium',
      }),
      textBlock(
        `The procedure sets no deadline for your review, and the decision stands meanwhile. If it brings new information to light, ${decisionMakerWords(config)} can re-open the decision.`,
        { isSubtle: true },
      ),
    ],
  });
}
