import { z } from 'zod';
import type { Event, Message, ScheduleInformation } from '@microsoft/microsoft-graph-types';

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
 * recipient, kept in the mailbox's Sent Items so the business unit can see what went out.
 */
export const SendMailMessageSchema = z.object({
  subject: z.string().min(1).max(255),
  body: z.object({ contentType: z.literal('text'), content: z.string().min(1) }),
  toRecipients: z.array(z.object({ emailAddress: z.object({ address: z.email() }) })).length(1),
});
export const SendMailRequestSchema = z.object({ message: SendMailMessageSchema, saveToSentItems: z.literal(true) });

/** Compiles only when `Parsed` can stand in for Graph's own type. */
type AssignableTo<Parsed extends Official, Official> = Parsed;

export type ParsedScheduleInformation = AssignableTo<z.infer<typeof ScheduleInformationSchema>, ScheduleInformation>;
export type ParsedCreatedEvent = AssignableTo<z.infer<typeof CreatedEventSchema>, Event>;
export type ParsedSendMailMessage = AssignableTo<z.infer<typeof SendMailMessageSchema>, Message>;
