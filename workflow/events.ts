import { z } from 'zod';
import { PartnerSchema } from './partnership.js';
import { ActorSchema } from './actor.js';
import { ACTION_EVENT_SCHEMAS } from './actions/events.js';
import { COST_EVENT_SCHEMAS } from './costs/schemas.js';
import { localReviewEvents } from './localReview/events.js';
import { learningEventEventSchemas } from './learningEvent/events.js';

/**
 * What happened to a case, in the past tense. The event log is the audit trail: events are
 * appended and never changed, so everything here must be enough to reconstruct who did what,
 * when, with which rationale, and which agreements were deemed from silence.
 * Events are stored as JSON, so instants are ISO strings.
 */

const Instant = z.iso.datetime({ offset: true });

/** The person who acted, and the role they acted in (workflow/actor.ts, shared with the areas' own event files). */
export { ActorSchema };
export type Actor = z.infer<typeof ActorSchema>;

export const ViewSchema = z.enum(['notify', 'doNotNotify']);
export type View = z.infer<typeof ViewSchema>;

/** The two who give the initial view together (002 Section B step 3). */
export const ViewGiverSchema = z.enum(['reviewGroupChair', 'childrensServicesDirector']);
export type ViewGiver = z.infer<typeof ViewGiverSchema>;

export const HarmSchema = z.enum(['death', 'seriousHarm']);
export const LocationSchema = z.enum(['inArea', 'residentHarmedOutsideEngland']);
/** The notification criteria's first limb (002 Section B): whether abuse or neglect is known or suspected. */
export const AbuseOrNeglectSchema = z.enum(['known', 'suspected', 'neither']);
export type AbuseOrNeglect = z.infer<typeof AbuseOrNeglectSchema>;
/** A care leaver (002 Section D: up to the 25th birthday); under 18 the serious incident decision still runs. */
export const CareLeaverSchema = z.enum(['no', 'under18', 'aged18to24']);
export type CareLeaver = z.infer<typeof CareLeaverSchema>;

export const ReferralDetailsSchema = z.object({
  caseRef: z.string().min(1),
  referringAgency: z.string().min(1),
  awareAt: Instant,
  harm: HarmSchema,
  location: LocationSchema,
  lookedAfter: z.boolean(),
  documentUrl: z.url(),
  /** Absent on referrals logged before the form asked it. */
  abuseOrNeglect: AbuseOrNeglectSchema.optional(),
  /** Absent on referrals logged before the form asked it: read as "no". */
  careLeaver: CareLeaverSchema.optional(),
});
export type ReferralDetails = z.infer<typeof ReferralDetailsSchema>;

export const ReminderAboutSchema = z.enum(['initialView', 'partnerReply', 'panelNotification', 'meetingOutcome']);
export type ReminderAbout = z.infer<typeof ReminderAboutSchema>;
export const OverdueAboutSchema = z.enum(['initialView', 'panelNotification', 'meetingOutcome', 'finalDecision']);
export type OverdueAbout = z.infer<typeof OverdueAboutSchema>;

/** Stage 1: the partner representatives meet; stage 2: with the decision maker and the scrutineer (DOMAIN steps 5-6). */
export const DisputeStageSchema = z.union([z.literal(1), z.literal(2)]);
export type DisputeStage = z.infer<typeof DisputeStageSchema>;

export const MeetingAttendeeSchema = z.object({
  name: z.string().min(1),
  email: z.email(),
  required: z.boolean(),
  /** False when free/busy showed a conflict; true when free or unreadable (another tenant). */
  free: z.boolean(),
});
export type MeetingAttendee = z.infer<typeof MeetingAttendeeSchema>;

export const DecisionBasisSchema = z.enum(['partnersAgreed', 'meetingAgreed', 'finalDecision']);
export type DecisionBasis = z.infer<typeof DecisionBasisSchema>;

export const ScopingChaseSchema = z.enum(['twoDaysBefore', 'dueMorning', 'overdue']);
export type ScopingChase = z.infer<typeof ScopingChaseSchema>;

export const NextStepSchema = z.enum(['reviewGroupWithScoping', 'safeguardingLeadsMeeting', 'noFurtherAction']);
export type NextStep = z.infer<typeof NextStepSchema>;

export const CaseEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ReferralLogged'),
    at: Instant,
    by: ActorSchema,
    referral: ReferralDetailsSchema,
    initialViewDueAt: Instant,
    panelNotificationDueAt: Instant,
  }),
  z.object({
    type: z.literal('InitialViewGiven'),
    at: Instant,
    by: ActorSchema,
    view: ViewSchema,
    rationale: z.string().min(1),
    /** The other of the two view-givers, who concurred (002 step 3: the view is the chair's and the director's together). */
    concurredBy: ActorSchema.optional(),
  }),
  z.object({
    /**
     * The partners' card reached their channel or chat. Their one working day starts here, not
     * when the view was given: nobody can be deemed to agree to a card they never received.
     */
    type: z.literal('PartnerCardPosted'),
    at: Instant,
    repliesDueAt: Instant,
  }),
  z.object({
    type: z.literal('PartnerReplied'),
    at: Instant,
    by: ActorSchema,
    partner: PartnerSchema,
    reply: z.enum(['agree', 'disagree']),
    rationale: z.string().optional(),
    /** Recorded on the partner's behalf because its representative or deputy wrote the initial view. */
    asAuthorOfView: z.boolean().default(false),
  }),
  z.object({
    type: z.literal('AgreementDeemed'),
    at: Instant,
    partner: PartnerSchema,
    windowClosedAt: Instant,
  }),
  z.object({
    type: z.literal('DecisionReached'),
    at: Instant,
    decision: ViewSchema,
    basis: DecisionBasisSchema,
    /** Who recorded it, for a decision reached at a meeting or by the final decision maker. */
    by: ActorSchema.optional(),
    rationale: z.string().optional(),
    /** For a final decision: whether the independent scrutineer attended (if not, the record goes to them). */
    scrutineerAttended: z.boolean().optional(),
    /**
     * A re-decision after new information (002 8.1): the same outcome ('confirmed', the case goes
     * on as it was) or the other ('reversed'). Absent on every other decision, and on re-decisions
     * stored before issue 14, which replaced the outcome.
     */
    reconsidered: z.enum(['confirmed', 'reversed']).optional(),
  }),
  z.object({
    type: z.literal('DisputeOpened'),
    at: Instant,
    disagreeing: z.array(PartnerSchema).min(1),
    meetingDueAt: Instant,
  }),
  z.object({
    type: z.literal('MeetingBooked'),
    at: Instant,
    stage: DisputeStageSchema,
    start: Instant,
    end: Instant,
    /** Graph's event id in the organiser's calendar, for cancelling; absent for a meeting arranged by hand. */
    eventId: z.string().optional(),
    joinUrl: z.url().optional(),
    attendees: z.array(MeetingAttendeeSchema),
    /** Recorded by the business unit, who arranged it by hand because Graph could not. */
    arrangedBy: ActorSchema.optional(),
  }),
  z.object({
    type: z.literal('MeetingBookingFailed'),
    at: Instant,
    stage: DisputeStageSchema,
    /** In words for the business unit, e.g. "Microsoft Graph is not configured". */
    reason: z.string().min(1),
    arrangeBy: Instant,
  }),
  z.object({
    type: z.literal('MeetingCancelled'),
    at: Instant,
    stage: DisputeStageSchema,
    reason: z.string().min(1),
  }),
  z.object({
    type: z.literal('MeetingOutcomeRecorded'),
    at: Instant,
    by: ActorSchema,
    outcome: z.enum(['agreed', 'notResolved']),
    decision: ViewSchema.optional(),
    rationale: z.string().min(1),
  }),
  z.object({
    type: z.literal('DisputeEscalated'),
    at: Instant,
    reason: z.enum(['notResolved', 'outcomeOverdue']),
    /** The decision maker's decision is due one working day from the escalation. */
    decisionDueAt: Instant,
  }),
  z.object({
    type: z.literal('DecisionReopened'),
    at: Instant,
    by: ActorSchema,
    reason: z.string().min(1),
    decisionDueAt: Instant,
    /**
     * Set on re-openings since issue 14: the decision and what followed from it (the Panel
     * notification, the rapid review's set-up, returns and attendance) stand until the partnership
     * chair decides again. Absent on older ones, which set the decision aside.
     */
    keepsOutcome: z.boolean().optional(),
  }),
  z.object({
    /** The rapid review opens when the Panel notification is sent: 15 working days from then. */
    type: z.literal('RapidReviewOpened'),
    at: Instant,
    notifiedAt: Instant,
    dueAt: Instant,
  }),
  z.object({
    type: z.literal('RapidReviewSetUp'),
    at: Instant,
    by: ActorSchema,
    meetingAt: Instant,
    /** Papers go to members one week before the meeting. */
    papersDueAt: Instant,
    returnsDueAt: Instant,
    agencies: z.array(z.string()).min(1),
    /** Domestic abuse identified: the specialist service is invited to the meeting (001), not only asked for a return. */
    domesticAbuseIdentified: z.boolean().optional(),
    /** Agencies invited to take part in the meeting besides the review group (the domestic abuse service). */
    invited: z.array(z.string()).optional(),
  }),
  z.object({ type: z.literal('ScopingReturned'), at: Instant, by: ActorSchema, agency: z.string(), documentUrl: z.url() }),
  z.object({ type: z.literal('NoInvolvementRecorded'), at: Instant, by: ActorSchema, agency: z.string() }),
  z.object({ type: z.literal('ExtensionRequested'), at: Instant, by: ActorSchema, agency: z.string(), reason: z.string().min(1), proposedDueAt: Instant }),
  z.object({ type: z.literal('ExtensionDecided'), at: Instant, by: ActorSchema, agency: z.string(), agreed: z.boolean(), dueAt: Instant }),
  z.object({
    type: z.literal('ScopingChased'),
    at: Instant,
    agency: z.string(),
    chase: ScopingChaseSchema,
    /** For overdue chasers: which working day (London date) this one is for; one a day. */
    day: z.string().optional(),
  }),
  z.object({ type: z.literal('AttendanceConfirmed'), at: Instant, by: ActorSchema, partner: PartnerSchema, attending: z.boolean() }),
  z.object({ type: z.literal('PapersPrompted'), at: Instant, missing: z.array(z.string()) }),
  z.object({
    type: z.literal('RapidReviewCompleted'),
    at: Instant,
    by: ActorSchema,
    lcsprNeeded: z.boolean(),
    rationale: z.string().min(1),
    /** When the completed rapid review went to the Panel and Ofsted. */
    sentAt: Instant,
    onTime: z.boolean(),
    /** When the business unit told DfE of the LCSPR decision (002 5.6); absent on reviews completed before the partners decided. */
    dfeSentAt: Instant.optional(),
  }),
  z.object({
    type: z.literal('ReminderSent'),
    at: Instant,
    about: ReminderAboutSchema,
    to: z.array(z.string()),
  }),
  z.object({
    type: z.literal('OverdueRaised'),
    at: Instant,
    about: OverdueAboutSchema,
  }),
  z.object({
    type: z.literal('PanelNotificationConfirmed'),
    at: Instant,
    by: ActorSchema,
    sentAt: Instant,
    panelReference: z.string().min(1),
  }),
  z.object({
    type: z.literal('NextStepChosen'),
    at: Instant,
    by: ActorSchema,
    step: NextStepSchema,
    rationale: z.string().min(1),
  }),
  /** The death of a care leaver aged 18 to 24 (002 Section D): no serious incident decision, no rapid review. */
  z.object({ type: z.literal('CareLeaverDeathLogged'), at: Instant }),
  /** The local authority notified the Secretary of State and Ofsted (a looked-after child's or a care leaver's death). */
  z.object({ type: z.literal('StatutoryNotificationRecorded'), at: Instant, by: ActorSchema, sentAt: Instant }),
  /** The exceptional decision not to hold a rapid review (002 Section B), recorded by the business unit. */
  z.object({
    type: z.literal('NoRapidReviewAgreed'),
    at: Instant,
    by: ActorSchema,
    rationale: z.string().min(1),
    /** Both attested by whoever recorded it; the procedure refuses the decision without them. */
    partnersAgreed: z.literal(true),
    scrutineerOversight: z.literal(true),
  }),
  z.object({ type: z.literal('NoRapidReviewPanelTold'), at: Instant, by: ActorSchema, sentAt: Instant }),
  /** The review group chair records the rapid review meeting: who attended (quorate) and the group's LCSPR recommendation. */
  z.object({
    type: z.literal('RapidReviewMeetingRecorded'),
    at: Instant,
    by: ActorSchema,
    attended: z.array(PartnerSchema),
    /** Invited agencies that attended (the domestic abuse service). */
    invitedAttended: z.array(z.string()).default([]),
    lcsprRecommended: z.boolean(),
    rationale: z.string().min(1),
    linesOfEnquiry: z.string().optional(),
    methodology: z.string().optional(),
    repliesDueAt: Instant,
  }),
  z.object({ type: z.literal('LcsprReplied'), at: Instant, by: ActorSchema, partner: PartnerSchema, reply: z.enum(['agree', 'disagree']), rationale: z.string().optional() }),
  /** Only where the partnership's configuration says silence counts as agreement on the LCSPR decision. */
  z.object({ type: z.literal('LcsprAgreementDeemed'), at: Instant, partner: PartnerSchema, windowClosedAt: Instant }),
  z.object({ type: z.literal('LcsprChased'), at: Instant, chase: z.enum(['reminder', 'repliesOverdue', 'disputeOverdue']), to: z.array(z.string()) }),
  z.object({
    type: z.literal('LcsprDisputed'),
    at: Instant,
    disagreeing: z.array(PartnerSchema).min(1),
    decider: z.enum(['partnershipChair', 'independentScrutineer']),
    decisionDueAt: Instant,
  }),
  z.object({
    type: z.literal('LcsprDecided'),
    at: Instant,
    lcspr: z.boolean(),
    basis: z.enum(['partnersAgreed', 'disputeDecided']),
    by: ActorSchema.optional(),
    rationale: z.string().optional(),
  }),
  z.object({ type: z.literal('RapidReviewApproved'), at: Instant, by: ActorSchema }),
  /**
   * One of the two view-givers' own view, with rationale: a draft for the other to concur with,
   * a different view, or a revision. The initial view is given only when the two agree.
   */
  z.object({ type: z.literal('InitialViewProposed'), at: Instant, by: ActorSchema, giver: ViewGiverSchema, view: ViewSchema, rationale: z.string().min(1) }),
  /** The two view-givers' views differ: the business unit is told, and each sees the other's. */
  z.object({ type: z.literal('InitialViewsDiffered'), at: Instant }),
  // Recommendations and actions (issue 17): workflow/actions/events.ts.
  ...ACTION_EVENT_SCHEMAS,
  // Costs and proportionality (issue 17): workflow/costs/schemas.ts.
  ...COST_EVENT_SCHEMAS,
  // The local review (LCSPR) after the decision to hold one: localReview/events.ts.
  ...localReviewEvents(ActorSchema),
  // Issue 17: the local learning event and review-group disputes (workflow/learningEvent/).
  ...learningEventEventSchemas(ActorSchema),
]);
export type CaseEvent = z.infer<typeof CaseEventSchema>;
export type CaseEventType = CaseEvent['type'];
