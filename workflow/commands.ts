import { z } from 'zod';
import { PartnerSchema } from './partnership.js';
import { CommandActorSchema } from './actor.js';
import { ACTION_COMMAND_SCHEMAS } from './actions/commands.js';
import { COST_COMMAND_SCHEMAS } from './costs/schemas.js';
import { localReviewCommands } from './localReview/commands.js';
import { learningEventCommandSchemas } from './learningEvent/commands.js';
import { ROSTER_COMMAND_SCHEMAS } from './roster/events.js';
import { DisputeStageSchema, MeetingAttendeeSchema, NextStepSchema, ReferralDetailsSchema, ViewSchema } from './events.js';

/**
 * What a person (or the clock) asks of a case. `actor` is always the identity taken from the
 * validated Teams activity by the bot layer; card data never supplies it.
 */

export { CommandActorSchema };
export type CommandActor = z.infer<typeof CommandActorSchema>;

export const CaseCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LogReferral'), actor: CommandActorSchema, referral: ReferralDetailsSchema }),
  z.object({ type: z.literal('GiveInitialView'), actor: CommandActorSchema, view: ViewSchema, rationale: z.string() }),
  z.object({
    type: z.literal('ReplyAsPartner'),
    actor: CommandActorSchema,
    reply: z.enum(['agree', 'disagree']),
    rationale: z.string().optional(),
    /** Only needed by someone on the roster for more than one partner; checked against the roster. */
    partner: PartnerSchema.optional(),
    /** The case version the clicked card showed: a reply on an out-of-date card is not silently applied. */
    seenVersion: z.number().int().min(0).optional(),
  }),
  z.object({
    type: z.literal('ConfirmPanelNotification'),
    actor: CommandActorSchema,
    sentAt: z.iso.datetime({ offset: true }),
    panelReference: z.string(),
  }),
  z.object({ type: z.literal('ChooseNextStep'), actor: CommandActorSchema, step: NextStepSchema, rationale: z.string() }),
  /** The shell posted the partners' card at `postedAt`: their reply window starts then. */
  z.object({ type: z.literal('RecordPartnerCardPosted'), postedAt: z.iso.datetime({ offset: true }) }),
  /** The shell booked the stage's meeting through Graph. */
  z.object({
    type: z.literal('RecordMeetingBooked'),
    stage: DisputeStageSchema,
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    eventId: z.string().min(1),
    joinUrl: z.url().optional(),
    attendees: z.array(MeetingAttendeeSchema),
  }),
  /** The shell could not book it (not configured, no permission, mailbox missing, failures outlasting retries). */
  z.object({ type: z.literal('RecordMeetingBookingFailed'), stage: DisputeStageSchema, reason: z.string().min(1) }),
  /** The business unit arranged the meeting by hand after a failed booking. */
  z.object({
    type: z.literal('ArrangeMeeting'),
    actor: CommandActorSchema,
    stage: DisputeStageSchema,
    start: z.iso.datetime({ offset: true }),
    joinUrl: z.string().optional(),
  }),
  /** The review group chair records the partners' meeting: agreed (with the decision) or not resolved. */
  z.object({
    type: z.literal('RecordMeetingOutcome'),
    actor: CommandActorSchema,
    outcome: z.enum(['agreed', 'notResolved']),
    decision: ViewSchema.optional(),
    rationale: z.string(),
  }),
  /** The partnership's final decision maker decides (stage 2, or after a re-opening). */
  z.object({ type: z.literal('RecordFinalDecision'), actor: CommandActorSchema, decision: ViewSchema, rationale: z.string(), scrutineerAttended: z.boolean() }),
  /** New information: the decision maker re-opens a final decision. */
  z.object({ type: z.literal('ReopenDecision'), actor: CommandActorSchema, reason: z.string() }),
  /** The business unit sets up the rapid review: meeting, agencies, return date. */
  z.object({
    type: z.literal('SetUpRapidReview'),
    actor: CommandActorSchema,
    meetingAt: z.iso.datetime({ offset: true }),
    agencies: z.array(z.string()),
    /** Defaults to 17:00 on the working day before the papers go out (one week before the meeting). */
    returnsDueAt: z.iso.datetime({ offset: true }).optional(),
    /** Domestic abuse identified: the specialist service is invited to take part (001). */
    domesticAbuse: z.boolean().optional(),
  }),
  z.object({ type: z.literal('RecordScopingReturn'), actor: CommandActorSchema, agency: z.string(), documentUrl: z.string() }),
  z.object({ type: z.literal('RecordNoInvolvement'), actor: CommandActorSchema, agency: z.string() }),
  z.object({ type: z.literal('RequestExtension'), actor: CommandActorSchema, agency: z.string(), reason: z.string(), proposedDueAt: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal('DecideExtension'), actor: CommandActorSchema, agency: z.string(), agree: z.boolean() }),
  z.object({ type: z.literal('ConfirmAttendance'), actor: CommandActorSchema, attending: z.boolean() }),
  /** The deadline sweep: apply whatever has fallen due by `now`. */
  z.object({ type: z.literal('Tick') }),
  /** The local authority records when it notified the Secretary of State and Ofsted of a looked-after child's or care leaver's death. */
  z.object({ type: z.literal('RecordStatutoryNotification'), actor: CommandActorSchema, sentAt: z.iso.datetime({ offset: true }) }),
  /** The business unit records the partners' exceptional decision not to hold a rapid review. */
  z.object({ type: z.literal('RecordNoRapidReview'), actor: CommandActorSchema, partnersAgreed: z.boolean(), scrutineerOversight: z.boolean(), rationale: z.string() }),
  /** The business unit records when the Panel was told of that decision and its rationale. */
  z.object({ type: z.literal('RecordNoRapidReviewPanelTold'), actor: CommandActorSchema, sentAt: z.iso.datetime({ offset: true }) }),
  /** The review group chair records the meeting: who attended and the group's LCSPR recommendation. */
  z.object({
    type: z.literal('RecordRapidReviewMeeting'),
    actor: CommandActorSchema,
    attended: z.array(PartnerSchema),
    invitedAttended: z.array(z.string()).default([]),
    lcsprRecommended: z.boolean(),
    rationale: z.string(),
    linesOfEnquiry: z.string().optional(),
    methodology: z.string().optional(),
  }),
  z.object({ type: z.literal('ReplyOnLcspr'), actor: CommandActorSchema, reply: z.enum(['agree', 'disagree']), rationale: z.string().optional(), partner: PartnerSchema.optional() }),
  z.object({ type: z.literal('DecideLcsprDispute'), actor: CommandActorSchema, lcspr: z.boolean(), rationale: z.string() }),
  z.object({ type: z.literal('ApproveRapidReview'), actor: CommandActorSchema }),
  /** The business unit records when the approved rapid review went to the Panel and Ofsted, and the LCSPR decision to DfE. */
  /** `dfeSentAt` may be left out only when the local review card already records the decision told (5.6). */
  z.object({ type: z.literal('RecordRapidReviewSent'), actor: CommandActorSchema, sentAt: z.iso.datetime({ offset: true }), dfeSentAt: z.iso.datetime({ offset: true }).optional() }),
  /** The other view-giver concurs with the view the first drafted (002 Section B step 3). */
  z.object({ type: z.literal('ConcurInitialView'), actor: CommandActorSchema }),
  // Recommendations and actions (issue 17): workflow/actions/commands.ts.
  ...ACTION_COMMAND_SCHEMAS,
  // Costs and proportionality (issue 17): workflow/costs/schemas.ts.
  ...COST_COMMAND_SCHEMAS,
  // The local review (LCSPR): localReview/commands.ts.
  ...localReviewCommands(CommandActorSchema),
  // Issue 17: the local learning event and review-group disputes (workflow/learningEvent/).
  ...learningEventCommandSchemas(CommandActorSchema),
  // Issue 16: a roster change that touched the case (workflow/roster/).
  ...ROSTER_COMMAND_SCHEMAS,
]);
export type CaseCommand = z.infer<typeof CaseCommandSchema>;
