import type { AdaptiveCard } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { finalDecisionWords, ifFinalDecisionLate } from './dispute.js';
import { actorWords, stageWords, VIEW_WORDS, when } from './wording.js';

/**
 * Tells the monitoring channel a final decision was re-opened on new information (DOMAIN step 6):
 * who re-opened it, why in their words, and when the new decision is due. Until then there is
 * no decision on the case, so nothing that followed from the old one should go ahead.
 */
export function decisionReopenedCard({ state, config, now, notice, quote }: CaseCardParts): AdaptiveCard {
  const reopened = state.dispute?.reopened;
  const frame = { state, notice, returnTo: 'decisionReopened' as const };
  if (!reopened) {
    return caseFrame({ ...frame, subtitle: 'Decision', body: [textBlock(`The decision on this case has not been re-opened. ${stageWords(state)}.`)] });
  }
  const decided = state.decision && !state.reconsideration && Date.parse(state.decision.at) >= Date.parse(reopened.at) ? state.decision : undefined;
  return caseFrame({
    ...frame,
    subtitle: 'Decision re-opened',
    body: [
      ...(decided
        ? [textBlock(`Update: new decision **${VIEW_WORDS[decided.decision]}**, recorded at ${when(decided.at, now)}${decided.by ? ` by ${actorWords(decided.by)}` : ''}.`, { color: 'Good' })]
        : []),
      textBlock(`Re-opened by ${actorWords(reopened.by)} at ${when(reopened.at, now)}, on new information.`, { size: 'Medium', color: 'Attention' }),
      subheading('Why'),
      quote(reopened.reason),
      ...(decided
        ? []
        : [
            subheading('What happens next'),
            textBlock(finalDecisionWords(config, reopened.decisionDueAt, now)),
            textBlock(
              state.reconsideration
                ? `Until then the earlier decision (${state.decision ? VIEW_WORDS[state.decision.decision] : 'on record'}) stands and the case carries on${state.rapidReview ? ': the rapid review keeps its set-up, returns and attendance' : ''}.`
                : 'Until then the case has no decision: hold anything that followed from the earlier one.',
            ),
            textBlock(ifFinalDecisionLate(state, now), { isSubtle: true }),
          ]),
    ],
  });
}
