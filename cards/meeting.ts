import type { DisputeStage } from '../workflow/events.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import { finalDecisionMaker } from '../workflow/partnership.js';
import type { CaseState, Meeting } from '../workflow/state.js';
import { periodInWords } from '../workflow/timeline.js';
import { MEETING_TITLES } from '../workflow/words.js';
import type { CardActionJson, CardElement } from './adaptiveCard.js';
import { factSet, openUrl, textBlock } from './adaptiveCard.js';
import { actorWords, decisionMakerRole, listWords, when } from './wording.js';

/**
 * How a dispute meeting (DOMAIN steps 5-6) is shown on every card that mentions it, so the
 * partners, the chair, the decision maker and the business unit all read the same time, the same
 * people and the same conflicts. Attendees are shown by name only: e-mail addresses appear only
 * where the business unit must send the invitation itself (the arrange card).
 */

/** For a card's subtitle; the body gives the stage 2 meeting's full title. */
export { MEETING_TITLES as MEETING_SHORT_TITLE } from '../workflow/words.js';

/** Lower-case, for use inside a sentence. */
export { MEETING_WORDS as MEETING_NAME } from '../workflow/words.js';

/** The stage 2 meeting names who decides and who mediates: that is the point of the meeting. */
export function meetingTitle(stage: DisputeStage, config: PartnershipConfig): string {
  if (stage === 1) return MEETING_TITLES[1];
  const maker = finalDecisionMaker(config).displayName;
  return `${MEETING_TITLES[2]} with the ${decisionMakerRole(config)}, ${maker} (decision maker), and ${config.independentScrutineer.displayName} (mediator)`;
}

/** "10:00 to 10:30 on Tuesday 5 May". */
export function meetingTime(meeting: Meeting, now: Date): string {
  return periodInWords(meeting.start, meeting.end, now);
}

/**
 * The meeting that belongs to the dispute as it stands. A re-opening keeps the earlier decision
 * meeting in the state; it is history, not the meeting the new decision is waiting for.
 */
export function currentMeeting(state: CaseState, stage: DisputeStage): Meeting | undefined {
  const dispute = state.dispute;
  const meeting = dispute?.meetings[stage];
  if (!dispute || !meeting) return undefined;
  if (stage === 2 && dispute.reopened && Date.parse(meeting.start) < Date.parse(dispute.reopened.at)) return undefined;
  return meeting;
}

/** The Join button, only while the meeting can still be joined (not once cancelled). */
export function joinMeeting(meeting: Meeting | undefined): CardActionJson[] {
  return meeting?.joinUrl && !meeting.cancelled ? [openUrl('Join the meeting', meeting.joinUrl)] : [];
}

/** Who has a conflict at the booked time, by name, so the business unit can chase the right person. */
export function conflictWords(meeting: Meeting): string | undefined {
  const busy = meeting.attendees.filter((a) => !a.free).map((a) => a.name);
  if (busy.length === 0) return undefined;
  return `${listWords(busy)} ${busy.length === 1 ? 'has' : 'have'} a conflict at that time.`;
}

/** When, who is invited, who has a conflict, who arranged it, and whether it was cancelled. */
export function meetingDetails(meeting: Meeting, now: Date): CardElement[] {
  const required = meeting.attendees.filter((a) => a.required).map((a) => a.name);
  const optional = meeting.attendees.filter((a) => !a.required).map((a) => a.name);
  const conflicts = conflictWords(meeting);
  const time = meetingTime(meeting, now);
  return [
    meeting.cancelled
      ? textBlock(`Was to be held ${time}: **cancelled** at ${when(meeting.cancelled.at, now)}.`, { size: 'Medium', color: 'Attention' })
      : textBlock(`**${time}**`, { size: 'Medium', spacing: 'Small' }),
    ...(meeting.cancelled ? [textBlock(meeting.cancelled.reason)] : []),
    factSet([
      ...(required.length > 0 ? [{ title: 'Required', value: listWords(required) }] : []),
      ...(optional.length > 0 ? [{ title: 'Optional', value: listWords(optional) }] : []),
    ]),
    ...(conflicts && !meeting.cancelled ? [textBlock(conflicts, { color: 'Warning' })] : []),
    ...(meeting.arrangedBy
      ? [textBlock(`Arranged by ${actorWords(meeting.arrangedBy)}, by hand.${meeting.joinUrl ? '' : ' No join link was given: see the invitation.'}`, { isSubtle: true })]
      : []),
  ];
}

/**
 * The stage's meeting in a line or two, for cards whose subject is something else: booked (when),
 * being arranged by the business unit (by when), or being booked by the bot.
 */
export function meetingStatus(state: CaseState, stage: DisputeStage, config: PartnershipConfig, now: Date): CardElement[] {
  const dispute = state.dispute;
  if (!dispute) return [];
  const meeting = currentMeeting(state, stage);
  const title = meetingTitle(stage, config);
  if (meeting) {
    const conflicts = conflictWords(meeting);
    return [
      textBlock(`${title}: **${meetingTime(meeting, now)}**${meeting.cancelled ? ' (cancelled)' : ''}.`),
      ...(conflicts && !meeting.cancelled ? [textBlock(conflicts, { color: 'Warning', spacing: 'None' })] : []),
    ];
  }
  const failed = dispute.bookingFailed[stage];
  if (failed && !(stage === 2 && dispute.reopened && Date.parse(failed.at) < Date.parse(dispute.reopened.at))) {
    return [textBlock(`${title}: the bot could not book it, so the business unit is arranging it, by ${when(failed.arrangeBy, now)}.`)];
  }
  if (stage === 2 && dispute.reopened) {
    const earlier = dispute.meetings[2];
    return [textBlock(`${title}: the bot does not book another one for a re-opening.${earlier ? ` The earlier one was ${meetingTime(earlier, now)}.` : ''}`)];
  }
  return [textBlock(`${title}: the bot is booking it within one working day; the cards show it once booked.`)];
}
