import type { Event, ScheduleInformation } from '@microsoft/microsoft-graph-types';

/**
 * The organiser's calendar as Graph keeps it, in Graph's own response shapes: one copy of this
 * behaviour serves both the Graph tests (test/graph/graphTestKit.ts, behind msw) and the local
 * Graph stand-in `npm start` books against (local/graphStandIn.ts).
 * - Creating an event returns it with an id and an online meeting join link; a POST whose
 *   transactionId was seen before returns the event already created instead of another.
 * - Cancelling removes it.
 * - Free/busy: everyone is free (the stand-in has no other calendars to read).
 */
export class OrganiserCalendar {
  readonly events = new Map<string, Event>();
  private readonly byTransaction = new Map<string, string>();
  private created = 0;

  /** Graph answers 201 with the event, new or (same transactionId) the one already made. */
  create(body: Event): Event {
    const existing = body.transactionId ? this.byTransaction.get(body.transactionId) : undefined;
    if (existing) return this.events.get(existing)!;
    this.created += 1;
    const id = `AAMkAD-event-${this.created}=`;
    const event: Event = { ...body, id, onlineMeeting: { joinUrl: `https://teams.microsoft.com/l/meetup-join/${this.created}` } };
    this.events.set(id, event);
    if (body.transactionId) this.byTransaction.set(body.transactionId, id);
    return event;
  }

  /** False when there is no such event (Graph answers 404). */
  cancel(eventId: string): boolean {
    return this.events.delete(eventId);
  }

  /** getSchedule's `value`: every slot free for every address asked about. */
  static allFree(body: { schedules?: string[]; startTime?: { dateTime?: string }; endTime?: { dateTime?: string }; availabilityViewInterval?: number }): ScheduleInformation[] {
    const start = Date.parse(`${body.startTime?.dateTime ?? ''}Z`);
    const end = Date.parse(`${body.endTime?.dateTime ?? ''}Z`);
    const interval = body.availabilityViewInterval ?? 30;
    const slots = Number.isFinite(start) && Number.isFinite(end) && end > start ? Math.ceil((end - start) / (interval * 60_000)) : 0;
    return (body.schedules ?? []).map((scheduleId) => ({ scheduleId, availabilityView: '0'.repeat(slots) }));
  }
}
