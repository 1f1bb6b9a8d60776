import type { DisputeStage } from '../workflow/events.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { nextAfterDecision } from './decision.js';
import { MEETING_NAME, MEETING_SHORT_TITLE, meetingStatus, meetingTime, meetingTitle } from './meeting.js';
import { actorWords, VIEW_WORDS, when } from './wording.js';

/**
 * Posted in the decision and monitoring channels when a booked dispute meeting is no longer
 * needed (the partners came to agree before it), so nobody turns up to it: which meeting, why,
 * and the decision that made it unnecessary.
 */
export function meetingCancelledCard({ state, config, now, notice }: CaseCardParts, stage: DisputeStage): AdaptiveCard {
  const meeting = state.dispute?.meetings[stage];
  const title = meetingTitle(stage, config);
  if (!meeting?.cancelled) {
    return caseFrame({
      state,
      subtitle: MEETING_SHORT_TITLE[stage],
      notice,
      body: [textBlock("This meeting has not been cancelled."), ...meetingStatus(state, stage, config, now)],
    });
  }
  const { decision } = state;
  const time = meetingTime(meeting, now);
  const partnersAgree = decision?.basis === 'partnersAgreed';
  const opening = partnersAgree ? `The partners now agree, so ${MEETING_NAME[stage]}` : title;
  return caseFrame({
    state,
    subtitle: `${MEETING_SHORT_TITLE[stage]}: cancelled`,
    notice,
    body: [
      textBlock(`${opening} (${time}) is cancelled.`, { size: 'Medium', color: 'Attention' }),
      // The recorded reason says the same as the opening when the partners agreed; otherwise it is the only why.
      textBlock(`${partnersAgree ? '' : `${meeting.cancelled.reason} `}Cancelled at ${when(meeting.cancelled.at, now)}.`, { isSubtle: true }),
      // The bot can withdraw only the invitations it sent; one arranged by hand is the business unit's to withdraw.
      ...(meeting.eventId
        ? []
        : [textBlock(`It was arranged by hand${meeting.arrangedBy ? ` by ${actorWords(meeting.arrangedBy)}` : ''}: the business unit, please cancel the invitation too.`, { weight: 'Bolder' })]),
      ...(decision
        ? [
            subheading('The decision'),
            textBlock(`Decision: **${VIEW_WORDS[decision.decision]}**, recorded at ${when(decision.at, now)}.`, { color: 'Good' }),
            subheading('What happens next'),
            ...nextAfterDecision(state, config, now),
          ]
        : []),
    ],
  });
}
