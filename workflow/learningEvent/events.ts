import { z } from 'zod';
import type { ActorSchema } from '../events.js';
import { PartnerSchema } from '../partnership.js';

/**
 * The events of a local learning event (002 Section C) and of a review-group dispute (002 8.2).
 * A function of the actor schema, not an import of it: workflow/events.ts spreads these into its
 * union, so importing its values here would be a cycle evaluated before they exist.
 */

const Instant = z.iso.datetime({ offset: true });
/** A London calendar date, YYYY-MM-DD: the partners' decision "with its date", an approval's day. */
export const LondonDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Appendix B's menu for local learning events; "a combination of the approaches" may be chosen.
 * The seed wins over issue 17 and DOMAIN.md here: the issue lists "single-agency learning" as a
 * method, but Appendix B says of it "This type of work is not a local child safeguarding practice
 * review or a local learning event", so it is refused (learningEvent.ts) rather than offered.
 * Likewise the "lead agency": 6.6 has learning events "co-led by two members of the
 * Learning Inquiry Group", so one or two leads are recorded.
 */
export const LearningMethodSchema = z.enum(['desktop', 'practitionerWorkshop']);
export type LearningMethod = z.infer<typeof LearningMethodSchema>;

/** 6.6: led (or co-led) by review-group members representing a safeguarding partner or another agency. */
export const LearningLeadSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner'), partner: PartnerSchema }),
  z.object({ kind: z.literal('agency'), agency: z.string().min(1) }),
]);
export type LearningLead = z.infer<typeof LearningLeadSchema>;

/** 8.2: whether a case meets the criteria for a learning event, or should be considered by the review group. */
export const DisputeAboutSchema = z.enum(['learningEvent', 'reviewGroupDiscussion']);
export type DisputeAbout = z.infer<typeof DisputeAboutSchema>;

export const LearningChaseSchema = z.enum(['tenDaysBefore', 'threeDaysBefore', 'overdue']);
export type LearningChase = z.infer<typeof LearningChaseSchema>;
export const DisputeChaseSchema = z.enum(['outcomeReminder', 'decisionReminder', 'decisionOverdue']);
export type DisputeChase = z.infer<typeof DisputeChaseSchema>;

export function learningEventEventSchemas(Actor: typeof ActorSchema) {
  return [
    /** The partners decided to hold a learning event (recorded by the business unit), or a review-group dispute's outcome says so. */
    z.object({
      type: z.literal('LearningEventOpened'),
      at: Instant,
      by: Actor,
      decidedOn: LondonDateSchema,
      basis: z.enum(['partnersDecided', 'reviewGroupDispute']),
      disputeId: z.string().optional(),
      rationale: z.string().min(1),
      /** Ready for approval by then: 4 calendar months from the decision (see months.ts for the instant). */
      reportDueAt: Instant,
    }),
    z.object({
      type: z.literal('LearningEventSetUp'),
      at: Instant,
      by: Actor,
      methods: z.array(LearningMethodSchema).min(1),
      leads: z.array(LearningLeadSchema).min(1).max(2),
      termsOfReferenceUrl: z.url().optional(),
    }),
    z.object({ type: z.literal('LearningEventChased'), at: Instant, chase: LearningChaseSchema, to: z.array(z.string()) }),
    z.object({ type: z.literal('LearningEventReportReady'), at: Instant, by: Actor, readyAt: Instant, documentUrl: z.url(), onTime: z.boolean() }),
    /** 6.14: "The ... Executive will approve the final report"; the business unit records the day. */
    z.object({ type: z.literal('LearningEventApproved'), at: Instant, by: Actor, approvedOn: LondonDateSchema }),
    z.object({ type: z.literal('LearningEventDisseminated'), at: Instant, by: Actor, disseminatedOn: LondonDateSchema, how: z.string().min(1) }),
    z.object({
      type: z.literal('ReviewGroupDisputeOpened'),
      at: Instant,
      by: Actor,
      id: z.string().min(1),
      about: DisputeAboutSchema,
      reason: z.string().min(1),
      outcomeDueAt: Instant,
    }),
    z.object({
      type: z.literal('ReviewGroupDisputeOutcomeRecorded'),
      at: Instant,
      by: Actor,
      id: z.string().min(1),
      outcome: z.enum(['agreed', 'notResolved']),
      /** For an agreed outcome: whether the criteria are met (hold a learning event / discuss at the review group). */
      criteriaMet: z.boolean().optional(),
      rationale: z.string().min(1),
    }),
    z.object({
      type: z.literal('ReviewGroupDisputeEscalated'),
      at: Instant,
      id: z.string().min(1),
      reason: z.enum(['notResolved', 'outcomeOverdue']),
      decider: z.enum(['partnershipChair', 'independentScrutineer']),
      decisionDueAt: Instant,
    }),
    z.object({ type: z.literal('ReviewGroupDisputeDecided'), at: Instant, by: Actor, id: z.string().min(1), criteriaMet: z.boolean(), rationale: z.string().min(1) }),
    z.object({ type: z.literal('ReviewGroupDisputeChased'), at: Instant, id: z.string().min(1), chase: DisputeChaseSchema, to: z.array(z.string()) }),
  ] as const;
}

type Schemas = ReturnType<typeof learningEventEventSchemas>;
export type LearningAreaEvent = z.infer<Schemas[number]>;
export const LEARNING_AREA_EVENT_TYPES = [
  'LearningEventOpened',
  'LearningEventSetUp',
  'LearningEventChased',
  'LearningEventReportReady',
  'LearningEventApproved',
  'LearningEventDisseminated',
  'ReviewGroupDisputeOpened',
  'ReviewGroupDisputeOutcomeRecorded',
  'ReviewGroupDisputeEscalated',
  'ReviewGroupDisputeDecided',
  'ReviewGroupDisputeChased',
] as const satisfies readonly LearningAreaEvent['type'][];

export function isLearningAreaEvent<E extends { type: string }>(event: E): event is Extract<E, LearningAreaEvent> {
  return (LEARNING_AREA_EVENT_TYPES as readonly string[]).includes(event.type);
}
