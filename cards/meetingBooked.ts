import type { DisputeStage } from '../workflow/events.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { disagreementWords, escalationWords, finalDecisionDueAt, finalDecisionWords, ifFinalDecisionLate } from './dispute.js';
import { joinMeeting, MEETING_SHORT_TITLE, meetingDetails, meetingStatus, meetingTitle } from './meeting.js';
import { decisionMakerWords, VIEW_WORDS, when } from './wording.js';

/**
 * Posted in the partners' decision channel and the monitoring channel once a dispute meeting is
 * booked (by the bot through Graph, or by the business unit by hand), and updated in place: when,
 * with whom, who has a conflict, how to join, and what must come out of it by when.
 */
export function meetingBookedCard({ state, config, now, notice }: CaseCardParts, stage: DisputeStage): AdaptiveCard {
  const meeting = state.dispute?.meetings[stage];
  const title = meetingTitle(stage, config);
  if (!meeting) {
    return caseFrame({
      state,
      subtitle: MEETING_SHORT_TITLE[stage],
      notice,
      body: meetingStatus(state, stage, config, now),
    });
  }
  return caseFrame({
    state,
    subtitle: `${MEETING_SHORT_TITLE[stage]}: ${meeting.cancelled ? 'cancelled' : meeting.arrangedBy ? 'arranged' : 'booked'}`,
    notice,
    body: [
      ...(stage === 2 ? [textBlock(title, { spacing: 'Small' })] : []),
      ...meetingDetails(meeting, now),
      subheading('Why'),
      textBlock(whyWords(state, stage, now)),
      ...(stage === 1 && !meeting.cancelled ? [textBlock('Partner representatives prioritise attendance.', { isSubtle: true })] : []),
      subheading('What happens next'),
      ...whatNext(state, config, stage, now),
    ],
    actions: joinMeeting(meeting),
  });
}

function whyWords(state: CaseState, stage: DisputeStage, now: Date): string {
  const dispute = state.dispute;
  if (stage === 1) return `${disagreementWords(state) ?? 'The partners disagree.'} The partners could not agree in writing.`;
  if (dispute?.reopened) return 'The final decision was re-opened on new information.';
  return (dispute && escalationWords(dispute, now)) ?? 'The partners could not agree.';
}

function whatNext(state: CaseState, config: PartnershipConfig, stage: DisputeStage, now: Date): CardElement[] {
  const dispute = state.dispute;
  if (state.decision) {
    return [textBlock(`Decided: **${VIEW_WORDS[state.decision.decision]}**, recorded at ${when(state.decision.at, now)}.`, { color: 'Good' })];
  }
  if (!dispute) return [];
  const stillAgree = textBlock('If every partner comes to agree before then, the decision is recorded at once and the meeting is cancelled.', { isSubtle: true });
  if (stage === 1 && dispute.stage === 1) {
    return [
      textBlock(
        `The review group chair (${config.reviewGroupChair.displayName}) records the outcome **by ${when(dispute.meetingDueAt, now)}**; if not, it goes to the decision maker, ${decisionMakerWords(config)}.`,
      ),
      stillAgree,
    ];
  }
  const due = finalDecisionDueAt(dispute);
  if (!due) return [];
  return [
    ...(stage === 1 ? [textBlock(`Update: the case has gone to ${decisionMakerWords(config)} for a final decision.`, { color: 'Attention' })] : []),
    textBlock(finalDecisionWords(config, due, now)),
    textBlock(ifFinalDecisionLate(state, now), { isSubtle: true }),
    stillAgree,
  ];
}
