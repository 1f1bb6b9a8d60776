import type { Client } from '@microsoft/microsoft-graph-client';
import type { Attendee, Event } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { RosterFieldsSchema } from '../workflow/partnership.js';
import { toGraphDateTime } from './graphDateTime.js';
import { classifyGraphError, failure, type GraphResult } from './graphFailure.js';
import { CreatedEventSchema, GetScheduleResponseSchema } from './graphSchemas.js';
import { meetingTextRefusal, type MeetingTextField, type MeetingTextRules } from './meetingText.js';

/**
 * Free/busy, booking and cancelling of the short decision meetings, in the organiser mailbox
 * (a business-unit or service mailbox) with application permissions. Every operation returns a
 * result instead of throwing, so that the caller can fall back to a manual "arrange this
 * meeting" card whatever went wrong.
 */

export type MeetingServiceOptions = {
  /**
   * Undefined when Graph is not configured for the partnership: every call then fails as
   * `notConfigured`. A function is called for the client when it is first needed (lazyGraphClient).
   */
  client: Client | (() => Promise<Client>) | undefined;
  /** The mailbox that organises the meetings (UPN or object id). */
  organiserUpn: string | undefined;
  /** The partnership's case reference pattern; defaults to the configuration schema's default. */
  caseReferencePattern?: string | RegExp;
  /** Words, beyond the procedure's, that invitations may contain (e.g. the partnership's short name). */
  allowedWords?: readonly string[];
};

export type AttendeeSchedule = {
  email: string;
  /** availabilityView digits, one per interval from `start`; undefined when Graph could not read the calendar. */
  availability: string | undefined;
};

export type MeetingRequest = {
  /** Built from the case reference and procedure words only; checked by graph/meetingText.ts. */
  subject: string;
  start: Date;
  end: Date;
  required: readonly string[];
  optional: readonly string[];
  /** From meetingTransactionId(): the same for every attempt at booking this meeting. */
  transactionId: string;
  bodyText: string;
};

export type BookedMeeting = {
  eventId: string;
  /** Undefined when Teams could not attach an online meeting: the invitations have gone out regardless. */
  joinUrl: string | undefined;
};

export type MeetingService = {
  getSchedules(emails: readonly string[], start: Date, end: Date, intervalMinutes: number): Promise<GraphResult<AttendeeSchedule[]>>;
  bookMeeting(request: MeetingRequest): Promise<GraphResult<BookedMeeting>>;
  cancelMeeting(eventId: string, comment: string): Promise<GraphResult<undefined>>;
};

// Graph's limits for getSchedule: at most 20 schedules per call, a window of at most 62 days, an interval of 5-1440 minutes.
export const MAX_SCHEDULES_PER_CALL = 20;
const MAX_WINDOW_MS = 62 * 24 * 3_600_000;
const IntervalSchema = z.number().int().min(5).max(1440);
const EmailSchema = z.email();

const DEFAULT_CASE_REFERENCE_PATTERN = RosterFieldsSchema.shape.caseReferencePattern.parse(undefined);

export function createMeetingService(options: MeetingServiceOptions): MeetingService {
  const { client, organiserUpn } = options;
  const pattern = options.caseReferencePattern ?? DEFAULT_CASE_REFERENCE_PATTERN;
  const textRules: MeetingTextRules = {
    // Without a "g" flag, whatever the caller passed: a global regex's test() is stateful.
    caseReferencePattern: new RegExp(typeof pattern === 'string' ? pattern : pattern.source),
    extraWords: options.allowedWords ?? [],
  };

  const configured = (): { client: () => Promise<Client>; organiser: string } | undefined =>
    client && organiserUpn && organiserUpn.trim() !== ''
      ? { client: typeof client === 'function' ? client : async () => client, organiser: `/users/${encodeURIComponent(organiserUpn.trim())}` }
      : undefined;
  const notConfigured = () =>
    failure({ kind: 'notConfigured', detail: 'no Microsoft Graph client or organiser mailbox is configured' });

  const refusal = (field: MeetingTextField, text: string) => {
    const reason = meetingTextRefusal(field, text, textRules);
    return reason === undefined ? undefined : failure({ kind: 'refused', detail: reason });
  };

  return {
    async getSchedules(emails, start, end, intervalMinutes) {
      const graph = configured();
      if (!graph) return notConfigured();
      const invalid = scheduleRequestProblem(emails, start, end, intervalMinutes);
      if (invalid) return failure({ kind: 'refused', detail: invalid });
      const unique = uniqueEmails(emails);
      const schedules: AttendeeSchedule[] = [];
      // In turn rather than in parallel: one mailbox's calls share one throttling budget.
      for (let i = 0; i < unique.length; i += MAX_SCHEDULES_PER_CALL) {
        const batch = unique.slice(i, i + MAX_SCHEDULES_PER_CALL);
        const result = await call(async () =>
          (await graph.client()).api(`${graph.organiser}/calendar/getSchedule`).post({
            schedules: batch,
            startTime: toGraphDateTime(start),
            endTime: toGraphDateTime(end),
            availabilityViewInterval: intervalMinutes,
          }),
        );
        if (!result.ok) return result;
        const parsed = GetScheduleResponseSchema.safeParse(result.value);
        if (!parsed.success) return unexpected('getSchedule', parsed.error);
        // Matched by address, not position: Graph does not promise to answer in the order asked.
        const byAddress = new Map(parsed.data.value.map((entry) => [entry.scheduleId.toLowerCase(), entry]));
        for (const email of batch) {
          const entry = byAddress.get(email.toLowerCase());
          // An entry with an error (another tenant, no mailbox) is "cannot tell", not "busy".
          const readable = entry && !entry.error && entry.availabilityView ? entry.availabilityView : undefined;
          schedules.push({ email, availability: readable });
        }
      }
      return { ok: true, value: schedules };
    },

    async bookMeeting(request) {
      const graph = configured();
      if (!graph) return notConfigured();
      const refused = refusal('subject', request.subject) ?? refusal('body', request.bodyText);
      if (refused) return refused;
      const invalid = meetingRequestProblem(request);
      if (invalid) return failure({ kind: 'refused', detail: invalid });

      const result = await call(async () => (await graph.client()).api(`${graph.organiser}/events`).post(eventBody(request)));
      if (!result.ok) return result;
      const parsed = CreatedEventSchema.safeParse(result.value);
      if (!parsed.success) return unexpected('event creation', parsed.error);
      return { ok: true, value: { eventId: parsed.data.id, joinUrl: parsed.data.onlineMeeting?.joinUrl ?? undefined } };
    },

    async cancelMeeting(eventId, comment) {
      const graph = configured();
      if (!graph) return notConfigured();
      const refused = refusal('comment', comment);
      if (refused) return refused;
      if (eventId.trim() === '') return failure({ kind: 'refused', detail: 'the event id is empty' });
      const result = await call(async () =>
        (await graph.client()).api(`${graph.organiser}/events/${encodeURIComponent(eventId)}/cancel`).post({ comment }),
      );
      return result.ok ? { ok: true, value: undefined } : result;
    },
  };
}

/** The event as Graph's own type, so a misspelt property fails to compile. */
export function eventBody(request: MeetingRequest): Event {
  const required = uniqueEmails(request.required);
  const requiredSet = new Set(required.map((email) => email.toLowerCase()));
  // Someone both required and optional is required: the stronger invitation wins.
  const optional = uniqueEmails(request.optional).filter((email) => !requiredSet.has(email.toLowerCase()));
  const attendee = (type: 'required' | 'optional') => (address: string): Attendee => ({ emailAddress: { address }, type });
  return {
    subject: request.subject,
    body: { contentType: 'text', content: request.bodyText },
    start: toGraphDateTime(request.start),
    end: toGraphDateTime(request.end),
    attendees: [...required.map(attendee('required')), ...optional.map(attendee('optional'))],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    // The time was chosen to meet a 1-working-day deadline; proposals would land in an unwatched mailbox.
    allowNewTimeProposals: false,
    transactionId: request.transactionId,
  };
}

/** Runs one client call; whatever it throws becomes a typed failure. */
async function call(send: () => Promise<unknown>): Promise<GraphResult<unknown>> {
  try {
    return { ok: true, value: await send() };
  } catch (error) {
    return failure(classifyGraphError(error));
  }
}

function unexpected(what: string, error: z.ZodError) {
  return failure({ kind: 'unexpectedResponse', detail: `${what} answered in an unexpected shape:\n${z.prettifyError(error)}` });
}

function scheduleRequestProblem(emails: readonly string[], start: Date, end: Date, intervalMinutes: number): string | undefined {
  if (emails.length === 0) return 'no schedules asked for';
  if (emails.some((email) => !EmailSchema.safeParse(email).success)) return 'a schedule address is not an e-mail address';
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return 'the window has an invalid Date';
  if (end.getTime() <= start.getTime()) return 'the window ends before it starts';
  if (end.getTime() - start.getTime() > MAX_WINDOW_MS) return 'the window is longer than the 62 days Graph allows';
  if (!IntervalSchema.safeParse(intervalMinutes).success) return 'the interval must be a whole number of minutes from 5 to 1440';
  return undefined;
}

function meetingRequestProblem(request: MeetingRequest): string | undefined {
  const { start, end } = request;
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return 'the meeting has an invalid Date';
  if (end.getTime() <= start.getTime()) return 'the meeting ends before it starts';
  if (request.required.length === 0) return 'the meeting has no required attendee';
  if ([...request.required, ...request.optional].some((email) => !EmailSchema.safeParse(email).success)) {
    return 'an attendee address is not an e-mail address';
  }
  // Without it Graph cannot de-duplicate a retried create, and a crash could invite everyone twice.
  if (request.transactionId.trim() === '') return 'the transactionId is empty';
  return undefined;
}

/** First spelling of each address kept; addresses compare without regard to case. */
function uniqueEmails(emails: readonly string[]): string[] {
  const seen = new Set<string>();
  return emails.map((email) => email.trim()).filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
