import type { AdaptiveCard } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { escalationWords, finalDecisionDueAt, finalDecisionWords, ifFinalDecisionLate } from './dispute.js';
import { currentMeeting, joinMeeting, meetingStatus } from './meeting.js';
import { actorWords, decisionMakerWords, stageWords, VIEW_WORDS, when } from './wording.js';

/**
 * Tells the monitoring channel a dispute has gone to the final decision maker (DOMAIN step 6):
 * why, who decides, by when, and that the decision meeting is being booked.
 */
export function disputeEscalatedCard({ state, config, now, notice, quote }: CaseCardParts): AdaptiveCard {
  const dispute = state.dispute;
  const frame = { state, notice, returnTo: 'disputeEscalated' as const };
  const escalated = dispute?.escalated;
  if (!dispute || !escalated) {
    return caseFrame({ ...frame, subtitle: 'Dispute', body: [textBlock(`This dispute has not gone to the decision maker. ${stageWords(state)}.`)] });
  }
  const due = finalDecisionDueAt(dispute) ?? escalated.decisionDueAt;
  const decision = state.decision;
  return caseFrame({
    ...frame,
    subtitle: 'Dispute: final decision needed',
    body: [
      ...(decision
        ? [textBlock(`Update: decision **${VIEW_WORDS[decision.decision]}**, recorded at ${when(decision.at, now)}${decision.by ? ` by ${actorWords(decision.by)}` : ''}.`, { color: 'Good' })]
        : []),
      textBlock(`The case has gone to ${decisionMakerWords(config)} for a final decision.`, { size: 'Medium', color: 'Attention' }),
      subheading('Why'),
      textBlock(escalationWords(dispute, now) ?? 'The partners could not agree.'),
      ...(escalated.reason === 'notResolved' && dispute.outcome ? [quote(dispute.outcome.rationale)] : []),
      subheading('What happens next'),
      textBlock(finalDecisionWords(config, due, now)),
      textBlock(ifFinalDecisionLate(state, now), { isSubtle: true }),
      ...meetingStatus(state, 2, config, now),
    ],
    actions: joinMeeting(currentMeeting(state, 2)),
  });
}
