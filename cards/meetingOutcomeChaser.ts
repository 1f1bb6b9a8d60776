import { withRole } from '../workflow/words.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { outcomeWords } from './dispute.js';
import { actorWords, decisionMakerWords, when } from './wording.js';

/**
 * The chaser (1:1, to the review group chair and the business unit) when the partners' meeting's
 * outcome was not recorded by its deadline. It asks for the outcome and says the case waits for
 * it: stage 2 is for differences that "cannot be resolved" (002 Section B step 6), not for a
 * missed click. Rendered when sent, so it first checks whether the outcome came meanwhile.
 */
export function meetingOutcomeChaser(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now, notice } = parts;
  const subtitle = "Chaser: partners' meeting outcome";
  const dispute = state.dispute;
  const outcome = dispute?.outcome;
  if (!dispute || outcome || state.decision) {
    const done = outcome ? `the outcome was recorded by ${actorWords(outcome.by)} at ${when(outcome.at, now)}: ${outcomeWords(outcome)}.` : 'no outcome of a partners\' meeting is awaited on this case.';
    return caseFrame({ state, subtitle, notice, body: [textBlock(`Nothing outstanding: ${done}`)] });
  }
  const chair = config.reviewGroupChair;
  const isChair = parts.recipient.kind === 'person' && parts.recipient.aadObjectId === chair.aadObjectId;
  return caseFrame({
    state,
    subtitle,
    notice,
    body: [
      textBlock(`The outcome of the partners' meeting was due **by ${when(dispute.meetingDueAt, now)}** and has not been recorded.`, { size: 'Medium', color: 'Attention' }),
      textBlock(
        isChair
          ? 'Please record it now: agreed (with the decision) or not resolved, with a rationale.'
          : `Please chase ${withRole(chair, 'reviewGroupChair')} to record it: agreed (with the decision) or not resolved.`,
      ),
      textBlock(`The case waits for it; the outcome is never assumed. It goes to ${decisionMakerWords(config)} for a final decision only if the meeting did not resolve it.`, { isSubtle: true }),
    ],
    actions: [showCaseCard(state, 'Record the outcome', 'meetingOutcomeRequest')],
  });
}
