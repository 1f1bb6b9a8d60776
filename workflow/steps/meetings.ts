import type { DisputeStage, MeetingAttendee } from '../events.js';
import { actorAs, iso, nothing, recorder, refuse, sendKey, words, type Handler, type Recorder } from '../kernel.js';
import { actingRole } from '../access.js';
import { expectedAttendees } from '../meetings/attendees.js';
import type { PartnershipConfig } from '../partnership.js';
import { finalDecisionDue } from './disputeStage2.js';

/**
 * The dispute's meetings, at either stage: booked by the shell through Graph, or arranged by the
 * business unit by hand when booking failed; cancelled if the dispute ends without them.
 */

export const recordMeetingBooked: Handler<'RecordMeetingBooked'> = (_, state, command, now) => {
  const d = state?.dispute;
  // A booking that returns after the dispute ended (or twice, after a retry) changes nothing.
  if (!state || !d || state.decision || d.meetings[command.stage]) return nothing();
  const r = recorder(state);
  r.record({ type: 'MeetingBooked', at: iso(now), stage: command.stage, start: command.start, end: command.end, eventId: command.eventId, ...(command.joinUrl ? { joinUrl: command.joinUrl } : {}), attendees: command.attendees });
  announceMeeting(r, command.stage);
  return r.done();
};

export const recordMeetingBookingFailed: Handler<'RecordMeetingBookingFailed'> = ({ calendar }, state, command, now) => {
  const d = state?.dispute;
  if (!state || !d || state.decision || d.meetings[command.stage] || d.bookingFailed[command.stage]) return nothing();
  const arrangeBy = command.stage === 1 ? d.meetingDueAt : (finalDecisionDue(state) ?? iso(calendar.addWorkingDays(now, 1)));
  const r = recorder(state);
  r.record({ type: 'MeetingBookingFailed', at: iso(now), stage: command.stage, reason: command.reason, arrangeBy });
  // The case never waits silently: the business unit is asked to arrange it by hand.
  r.effect({ type: 'send', key: sendKey.arrangeMeetingRequest(command.stage, r.state?.version), to: { kind: 'conversation', target: 'monitoring' }, card: { kind: 'arrangeMeetingRequest', stage: command.stage }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done();
};

export const arrangeMeeting: Handler<'ArrangeMeeting'> = ({ config }, state, command, now) => {
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'ArrangeMeeting');
  if (!role) return refuse("Only the partnership's business unit can record a meeting it arranged.");
  const d = state.dispute;
  if (!d || state.decision) return refuse(`Case ${state.referral.caseRef} has no meeting to arrange: ${state.decision ? 'the decision has been recorded' : 'there is no dispute'}.`);
  const existing = d.meetings[command.stage];
  if (existing) return refuse(`This meeting is already ${existing.arrangedBy ? `arranged by ${existing.arrangedBy.displayName}` : 'booked'}, for ${words(existing.start, now)}.`);
  if (!d.bookingFailed[command.stage]) return refuse('The bot is booking this meeting itself; there is nothing to arrange by hand.');
  const start = new Date(command.start);
  if (start.getTime() < now.getTime() - 7 * 86_400_000) return refuse('That meeting time is more than a week ago; please check the date.');
  let joinUrl: string | undefined;
  if (command.joinUrl?.trim()) {
    try {
      const url = new URL(command.joinUrl.trim());
      if (url.protocol !== 'https:' || url.username || url.password) throw new Error('not a plain https link');
      joinUrl = url.toString();
    } catch {
      return refuse('The join link must be a meeting link starting https://.');
    }
  }
  const r = recorder(state);
  r.record({
    type: 'MeetingBooked',
    at: iso(now),
    stage: command.stage,
    start: start.toISOString(),
    end: new Date(start.getTime() + 30 * 60_000).toISOString(),
    ...(joinUrl ? { joinUrl } : {}),
    attendees: meetingAttendees(config, command.stage),
    arrangedBy: actorAs(command.actor, role),
  });
  announceMeeting(r, command.stage);
  return r.done(`Recorded: the meeting is at ${words(start.toISOString(), now)}.`);
};

function meetingAttendees(config: PartnershipConfig, stage: DisputeStage): MeetingAttendee[] {
  return expectedAttendees(config, stage).map(({ person, required }) => ({ name: person.displayName, email: person.email, required, free: true }));
}

function announceMeeting(r: Recorder, stage: DisputeStage) {
  for (const target of ['decision', 'monitoring'] as const) {
    r.effect({ type: 'send', key: sendKey.meetingBooked(stage, target), to: { kind: 'conversation', target }, card: { kind: 'meetingBooked', stage }, tracked: true });
  }
  r.effect({ type: 'refreshCards' });
}

/** Meetings booked for a dispute that ended without them are cancelled, and everyone told. */
export function cancelMeetings(r: Recorder, now: Date, reason: string) {
  const dispute = r.state?.dispute;
  if (!dispute) return;
  for (const stage of [1, 2] as const) {
    const meeting = dispute.meetings[stage];
    if (!meeting || meeting.cancelled || Date.parse(meeting.end) <= now.getTime()) continue;
    r.record({ type: 'MeetingCancelled', at: iso(now), stage, reason });
    if (meeting.eventId) r.effect({ type: 'cancelMeeting', stage, eventId: meeting.eventId });
    for (const target of ['decision', 'monitoring'] as const) {
      r.effect({ type: 'send', key: sendKey.meetingCancelled(stage, target), to: { kind: 'conversation', target }, card: { kind: 'meetingCancelled', stage }, tracked: false });
    }
  }
}
