import { z } from 'zod';
import type { Event, Message, ScheduleInformation } from '@microsoft/microsoft-graph-types';
import { MAIL_REF_HEADER } from '../app/mailRef.js';

/**
 * The parts of Graph's responses we rely on, validated at the boundary. Only what is used is
 * required; everything else Graph sends is stripped. Each inferred type is checked below to be
 * assignable to the official Graph type, so a typo in a property name fails to compile.
 */

export const ScheduleInformationSchema = z.object({
  scheduleId: z.string().min(1),
  availabilityView: z.string().nullish(),
  error: z
    .object({ message: z.string().nullish(), responseCode: z.string().nullish() })
    .nullish(),
});

export const GetScheduleResponseSchema = z.object({ value: z.array(ScheduleInformationSchema) });

export const CreatedEventSchema = z.object({
  id: z.string().min(1),
  // Null when Teams could not provision the meeting; the event (and its invitations) exist all the same.
  onlineMeeting: z.object({ joinUrl: z.url({ protocol: /^https$/ }).nullish() }).nullish(),
});

/**
 * The body of `POST /users/{mailbox}/sendMail` as the product sends it: plain text, one
 * recipient, kept in the mailbox's Sent Items so the business unit can see what went out, and the
 * email's reference (app/mailRef.ts) in one custom header. Graph takes custom headers only when
 * the message is created, and only with names starting "x-" (message, internetMessageHeaders).
 */
export const SendMailMessageSchema = z.object({
  subject: z.string().min(1).max(255),
  body: z.object({ contentType: z.literal('text'), content: z.string().min(1) }),
  toRecipients: z.array(z.object({ emailAddress: z.object({ address: z.email() }) })).length(1),
  internetMessageHeaders: z
    .array(z.object({ name: z.literal(MAIL_REF_HEADER), value: z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/) }))
    .length(1)
    .optional(),
});
export const SendMailRequestSchema = z.object({ message: SendMailMessageSchema, saveToSentItems: z.literal(true) });

/**
 * One message of `GET /users/{mailbox}/mailFolders/inbox/messages`, as the bounce check selects
 * it (id, internetMessageId, subject, receivedDateTime, body as text). Everything but the id and
 * the time may be missing or empty: a report that cannot be read is still a bounce to report.
 */
export const InboxMessageSchema = z.object({
  id: z.string().min(1),
  internetMessageId: z.string().nullish(),
  subject: z.string().nullish(),
  receivedDateTime: z.iso.datetime({ offset: true }),
  body: z.object({ content: z.string().nullish() }).nullish(),
});
export const InboxPageSchema = z.object({
  value: z.array(InboxMessageSchema),
  '@odata.nextLink': z.url().nullish(),
});

/** Compiles only when `Parsed` can stand in for Graph's own type. */
type AssignableTo<Parsed extends Official, Official> = Parsed;

export type ParsedScheduleInformation = AssignableTo<z.infer<typeof ScheduleInformationSchema>, ScheduleInformation>;
export type ParsedCreatedEvent = AssignableTo<z.infer<typeof CreatedEventSchema>, Event>;
export type ParsedSendMailMessage = AssignableTo<z.infer<typeof SendMailMessageSchema>, Message>;
export type ParsedInboxMessage = AssignableTo<z.infer<typeof InboxMessageSchema>, Message>;
