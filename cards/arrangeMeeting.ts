import type { DisputeStage } from '../workflow/events.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, factSet, subheading, textBlock, verbatim } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { disagreementWords, escalationWords, finalDecisionDueAt, finalDecisionWords, ifFinalDecisionLate } from './dispute.js';
import type { Draft } from './inputs.js';
import { dateInput, lineInput, timeInput } from './inputs.js';
import { expectedAttendees } from '../workflow/meetings/attendees.js';
import { joinMeeting, MEETING_NAME, MEETING_SHORT_TITLE, meetingDetails, meetingStatus, meetingTitle } from './meeting.js';
import { asSentence, decisionMakerWords, VIEW_WORDS, when } from './wording.js';
import { MEETING_NAMES, ROLE_WORDS, withRole } from '../workflow/words.js';

const JOIN_URL_MAX = 2000;

/**
 * Posted (tracked) in the monitoring channel when the bot could not book a dispute meeting: the
 * business unit arranges it by hand and records it here, so the partners' and the chair's cards
 * show it. This is the one card with e-mail addresses on it, because the business unit must
 * send the invitation itself; once the meeting is recorded they are no longer shown.
 */
export function arrangeMeetingRequestCard({ state, config, now, notice, draft }: CaseCardParts, stage: DisputeStage): AdaptiveCard {
  const dispute = state.dispute;
  const title = meetingTitle(stage, config);
  const meeting = dispute?.meetings[stage];
  const frame = { state, notice };
  if (meeting) {
    return caseFrame({
      ...frame,
      subtitle: `${MEETING_SHORT_TITLE[stage]}: ${meeting.arrangedBy ? 'arranged' : 'booked'}`,
      body: [...(stage === 2 ? [textBlock(title, { spacing: 'Small' })] : []), ...meetingDetails(meeting, now), textBlock('Nothing more to arrange.', { isSubtle: true })],
      actions: joinMeeting(meeting),
    });
  }
  const failed = dispute?.bookingFailed[stage];
  const done = nothingToArrange(state, config, stage, now);
  if (!failed || done) {
    return caseFrame({
      ...frame,
      subtitle: MEETING_SHORT_TITLE[stage],
      body: [textBlock(`Nothing to arrange: ${done ?? 'the bot is booking this meeting itself.'}`), ...(done ? [] : meetingStatus(state, stage, config, now))],
    });
  }
  const caseRef = state.referral.caseRef;
  return caseFrame({
    ...frame,
    subtitle: `Please arrange ${MEETING_NAME[stage]}`,
    body: [
      textBlock(`Arrange this meeting **by ${when(failed.arrangeBy, now)}**.`, { size: 'Medium', color: 'Attention' }),
      textBlock(`The bot could not book it: ${asSentence(failed.reason)}`),
      textBlock(title, { weight: 'Bolder', spacing: 'Medium' }),
      textBlock(whyWords(state, stage, now)),
      ...deadlineWords(state, config, stage, now),
      subheading('Invite'),
      ...inviteBlocks(config, stage, caseRef),
      subheading('Record the meeting'),
      textBlock(`Once it is arranged, record it here: the partners' card and the ${ROLE_WORDS.reviewGroupChair}'s card then show it.`),
      ...recordInputs(draft),
    ],
    actions: [execute('Record the meeting', 'meeting.arrange', { caseRef, stage: stage === 1 ? '1' : '2' }, { style: 'positive' })],
  });
}

/** Why the meeting is no longer needed, or undefined while it is. */
function nothingToArrange(state: CaseState, config: PartnershipConfig, stage: DisputeStage, now: Date): string | undefined {
  const dispute = state.dispute;
  if (state.decision) return `the decision (${VIEW_WORDS[state.decision.decision]}) was recorded at ${when(state.decision.at, now)}.`;
  if (!dispute || state.stage !== 'dispute') return 'there is no dispute on this case.';
  if (stage === 1 && (dispute.stage === 2 || dispute.outcome)) return `the case has gone to ${decisionMakerWords(config)} for a final decision.`;
  return undefined;
}

function whyWords(state: CaseState, stage: DisputeStage, now: Date): string {
  if (stage === 1) return `${disagreementWords(state) ?? 'The partners disagree.'} The partner representatives meet to resolve it, and prioritise attendance.`;
  const why = state.dispute ? escalationWords(state.dispute, now) : undefined;
  return `${why ?? 'The partners could not agree.'} The decision maker and the ${ROLE_WORDS.independentScrutineer} meet the partner representatives.`;
}

/** What happens if the meeting does not happen: the deadlines run whatever the business unit does. */
function deadlineWords(state: CaseState, config: PartnershipConfig, stage: DisputeStage, now: Date): CardElement[] {
  const dispute = state.dispute;
  if (!dispute) return [];
  if (stage === 1) {
    return [
      textBlock(
        `It must be held, and its outcome recorded by ${withRole(config.reviewGroupChair, 'reviewGroupChair')}, by **${when(dispute.meetingDueAt, now)}**. If the outcome is not recorded by then, the chair and the business unit are chased and the monitoring channel is told. It goes to ${decisionMakerWords(config)} for a final decision only if the chair records that the meeting did not resolve it.`,
      ),
    ];
  }
  const due = finalDecisionDueAt(dispute);
  return due ? [textBlock(finalDecisionWords(config, due, now)), textBlock(ifFinalDecisionLate(state, now), { isSubtle: true })] : [];
}

/** Names with addresses, then the addresses alone to paste into the invitation, and a safe subject. */
function inviteBlocks(config: PartnershipConfig, stage: DisputeStage, caseRef: string): CardElement[] {
  const attendees = expectedAttendees(config, stage);
  const required = attendees.filter((a) => a.required).map((a) => a.person);
  const optional = attendees.filter((a) => !a.required).map((a) => a.person);
  return [
    textBlock('Required', { weight: 'Bolder', spacing: 'Small' }),
    factSet(required.map((p) => ({ title: p.displayName, value: p.email }))),
    ...(optional.length > 0
      ? [textBlock('Optional', { weight: 'Bolder', spacing: 'Small' }), factSet(optional.map((p) => ({ title: p.displayName, value: p.email })))]
      : []),
    textBlock('To paste into the invitation (required; optional):', { isSubtle: true, spacing: 'Medium' }),
    verbatim(required.map((p) => p.email).join('; ')),
    ...(optional.length > 0 ? [verbatim(optional.map((p) => p.email).join('; '))] : []),
    textBlock('Use a subject with the case reference only, never a name, for example:', { isSubtle: true, spacing: 'Medium' }),
    verbatim(`${caseRef}: ${MEETING_NAMES[stage]}`),
  ];
}

function recordInputs(draft: Draft): CardElement[] {
  return [
    dateInput('date', 'Date', draft, { errorMessage: 'Please give the date of the meeting.' }),
    timeInput('time', 'Start time (UK time)', draft, { errorMessage: 'Please give the time the meeting starts.' }),
    lineInput('joinUrl', 'Join link (optional)', draft, {
      required: false,
      style: 'Url',
      placeholder: 'https://teams.microsoft.com/…',
      maxLength: JOIN_URL_MAX,
      regex: '^https://\\S+$',
      errorMessage: 'The join link must start https://.',
    }),
  ];
}
