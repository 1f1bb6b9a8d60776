import type { MeetingService } from '../graph/meetings.js';
import type { GraphFailure } from '../graph/graphFailure.js';
import { meetingTransactionId } from '../graph/transactionId.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import { deadlineInWords } from '../workflow/calendar/words.js';
import type { DisputeStage, MeetingAttendee } from '../workflow/events.js';
import { chooseSlot } from '../workflow/meetings/slots.js';
import type { PartnershipConfig, Person } from '../workflow/partnership.js';
import { expectedAttendees } from '../workflow/meetings/attendees.js';
import type { CaseState } from '../workflow/state.js';

/**
 * Books a dispute meeting through Microsoft Graph: reads free/busy, picks the earliest slot that
 * suits the most required attendees inside working hours before the deadline, and creates the
 * Teams meeting in the organiser's calendar with a transactionId fixed per case and stage, so a
 * retry after a crash finds the same event instead of booking a second one.
 */

export type BookingResult =
  | { ok: true; start: Date; end: Date; eventId: string; joinUrl?: string; attendees: MeetingAttendee[] }
  | { ok: false; reason: string };

export type MeetingBooker = {
  book(caseRef: string, stage: DisputeStage, state: CaseState, now: Date): Promise<BookingResult>;
  /** Resolves once the meeting is cancelled (or was already gone); rejects to be retried. */
  cancel(eventId: string, comment: string): Promise<void>;
};

const DURATION_MINUTES = 30;
const INTERVAL_MINUTES = 15;

export function createMeetingBooker(deps: { meetings: MeetingService; calendar: WorkingCalendar; config: PartnershipConfig }): MeetingBooker {
  const { meetings, calendar, config } = deps;

  function people(stage: DisputeStage): { required: Person[]; optional: Person[] } {
    const attendees = expectedAttendees(config, stage);
    return { required: attendees.filter((a) => a.required).map((a) => a.person), optional: attendees.filter((a) => !a.required).map((a) => a.person) };
  }

  return {
    async book(caseRef, stage, state, now) {
      const dispute = state.dispute;
      if (!dispute) return { ok: false, reason: 'there is no dispute to meet about' };
      const deadline = new Date(stage === 1 ? dispute.meetingDueAt : (dispute.reopened?.decisionDueAt ?? dispute.escalated?.decisionDueAt ?? dispute.meetingDueAt));
      const { required, optional } = people(stage);
      // Free/busy is read on a 15-minute grid starting at the current quarter hour.
      const viewStart = new Date(Math.floor(now.getTime() / (INTERVAL_MINUTES * 60_000)) * INTERVAL_MINUTES * 60_000);
      if (deadline.getTime() <= viewStart.getTime()) return { ok: false, reason: `the deadline (${deadlineInWords(deadline, now)}) has already passed` };
      const schedules = await meetings.getSchedules(required.map((p) => p.email), viewStart, deadline, INTERVAL_MINUTES);
      if (!schedules.ok) return { ok: false, reason: failureWords(schedules.error) };
      const availability = new Map(schedules.value.map((s) => [s.email.toLowerCase(), s.availability]));
      const slot = chooseSlot({
        from: now,
        deadline,
        durationMinutes: DURATION_MINUTES,
        calendar,
        attendees: required.map((p) => ({ email: p.email, availability: availability.get(p.email.toLowerCase()) })),
        viewStart,
        intervalMinutes: INTERVAL_MINUTES,
      });
      if (!slot) return { ok: false, reason: `no 30-minute slot inside working hours fits before ${deadlineInWords(deadline, now)}` };
      const booked = await meetings.bookMeeting({
        // Only the case reference and procedure words: never a child's or family's details.
        subject: invitationText(caseRef, stage).subject,
        start: slot.start,
        end: slot.end,
        required: required.map((p) => p.email),
        optional: optional.map((p) => p.email),
        transactionId: meetingTransactionId({ caseRef, stage: `stage-${stage}`, key: `${config.partnership.id}:${dispute.openedAt}:${dispute.reopened?.at ?? ''}` }),
        bodyText: invitationText(caseRef, stage).body,
      });
      if (!booked.ok) return { ok: false, reason: failureWords(booked.error) };
      const conflicts = new Set(slot.conflicts.map((e) => e.toLowerCase()));
      return {
        ok: true,
        start: slot.start,
        end: slot.end,
        eventId: booked.value.eventId,
        ...(booked.value.joinUrl ? { joinUrl: booked.value.joinUrl } : {}),
        attendees: [
          ...required.map((p) => ({ name: p.displayName, email: p.email, required: true, free: !conflicts.has(p.email.toLowerCase()) })),
          ...optional.map((p) => ({ name: p.displayName, email: p.email, required: false, free: true })),
        ],
      };
    },

    async cancel(eventId, comment) {
      const result = await meetings.cancelMeeting(eventId, comment);
      if (result.ok || result.error.kind === 'eventNotFound' || result.error.kind === 'notConfigured') return;
      throw new Error(`Cancelling the meeting failed: ${failureWords(result.error)}`);
    },
  };
}

/** Why the bot could not book, in words for the business unit who will arrange it instead. */
export function failureWords(failure: GraphFailure): string {
  switch (failure.kind) {
    case 'notConfigured':
      return 'Microsoft Graph is not configured for this partnership, so the bot cannot book meetings';
    case 'authenticationFailed':
      return "the bot could not sign in to Microsoft Graph (check the app registration's client secret)";
    case 'permissionDenied':
      return "the bot's app registration has no permission to the organiser mailbox's calendar (Calendars.ReadWrite)";
    case 'mailboxNotFound':
      return 'the organiser mailbox was not found';
    case 'failedAfterRetries':
      return 'Microsoft Graph did not answer after several tries';
    case 'unexpectedResponse':
      return 'Microsoft Graph answered in an unexpected way';
    default:
      return 'Microsoft Graph refused the request';
  }
}

/**
 * The invitation's subject and text: only the case reference and procedure words, never a child's or
 * family's details. Graph is asked only if they pass the meeting-text check (graph/meetingText.ts),
 * so a word outside its vocabulary here would send every meeting to the business unit to arrange.
 */
export function invitationText(caseRef: string, stage: DisputeStage): { subject: string; body: string } {
  return stage === 1
    ? {
        subject: `${caseRef} SIN decision: partners meeting`,
        body: `Short meeting of the partner representatives to resolve the disagreement on the serious incident notification decision for ${caseRef}. The case and the replies are in Teams.`,
      }
    : {
        subject: `${caseRef} SIN decision: decision meeting`,
        body: `Decision meeting for ${caseRef}: the final decision is for the partnership chair, and the independent scrutineer is the mediator. The case and the replies are in Teams.`,
      };
}
