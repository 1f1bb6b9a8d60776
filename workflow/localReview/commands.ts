import { z } from 'zod';
import { JustificationSchema, LcsprMethodSchema, MilestoneSchema, ReviewerKindSchema, ToldAboutSchema } from './words.js';

/** What people ask of a local review. Spread into CaseCommandSchema. Dates are London dates YYYY-MM-DD. */

const Instant = z.iso.datetime({ offset: true });
const LondonDate = z.string();

/** A function of the shared actor schema: commands.ts spreads this into its union (an import back would be a cycle). */
export function localReviewCommands<A extends z.ZodType>(CommandActorSchema: A) {
  return [
  /** A case the review group discussed without a notification: the partners decided to hold an LCSPR at `decidedAt`. */
  z.object({ type: z.literal('OpenLocalReview'), actor: CommandActorSchema, decidedAt: Instant, rationale: z.string() }),
  /**
   * `lookedAfter` defaults to the referral's answer; for a looked-after child `responsibleAuthority`
   * is required, and `leadReason` when the lead is not that authority's partnership (5.5).
   */
  z.object({
    type: z.literal('RecordLocalReviewLead'),
    actor: CommandActorSchema,
    leadPartnership: z.string(),
    weLead: z.boolean(),
    involved: z.array(z.string()).default([]),
    lookedAfter: z.boolean().optional(),
    responsibleAuthority: z.string().optional(),
    leadReason: z.string().optional(),
  }),
  z.object({ type: z.literal('RecordLocalReviewBodiesTold'), actor: CommandActorSchema, about: ToldAboutSchema, sentAt: Instant }),
  z.object({
    type: z.literal('CommissionLocalReviewer'),
    actor: CommandActorSchema,
    reviewerName: z.string(),
    reviewerKind: ReviewerKindSchema,
    independence: z.string(),
    conflicts: z.string(),
    methodology: z.array(LcsprMethodSchema),
    termsOfReferenceUrl: z.string(),
    familyEngagementPlanned: z.boolean(),
    familyNote: z.string().optional(),
    practitionerEngagementPlanned: z.boolean(),
    practitionerNote: z.string().optional(),
  }),
  z.object({ type: z.literal('PlanLocalReviewMilestone'), actor: CommandActorSchema, milestone: MilestoneSchema, plannedDate: LondonDate }),
  z.object({ type: z.literal('RecordLocalReviewMilestone'), actor: CommandActorSchema, milestone: MilestoneSchema, doneDate: LondonDate, publish: z.boolean().optional() }),
  z.object({ type: z.literal('PlanLocalReviewPublication'), actor: CommandActorSchema, plannedDate: LondonDate }),
  z.object({ type: z.literal('RecordLocalReviewCopySent'), actor: CommandActorSchema, sentAt: Instant }),
  z.object({ type: z.literal('RecordLocalReviewJustification'), actor: CommandActorSchema, about: JustificationSchema, justification: z.string(), sentAt: Instant }),
  z.object({ type: z.literal('RecordLocalReviewPublished'), actor: CommandActorSchema, publishedDate: LondonDate, url: z.string() }),
  ] as const;
}

export const LOCAL_REVIEW_COMMAND_TYPES = [
  'OpenLocalReview',
  'RecordLocalReviewLead',
  'RecordLocalReviewBodiesTold',
  'CommissionLocalReviewer',
  'PlanLocalReviewMilestone',
  'RecordLocalReviewMilestone',
  'PlanLocalReviewPublication',
  'RecordLocalReviewCopySent',
  'RecordLocalReviewJustification',
  'RecordLocalReviewPublished',
] as const;
