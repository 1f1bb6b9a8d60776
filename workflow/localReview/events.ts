import { z } from 'zod';
import { JustificationSchema, LcsprMethodSchema, MilestoneSchema, ReviewerKindSchema, ToldAboutSchema } from './words.js';

/**
 * The local review's events (issue 17, "The local review (LCSPR)"). Spread into CaseEventSchema.
 * Dates the business unit plans (milestones, publication) are London calendar dates YYYY-MM-DD;
 * instants are ISO strings, as elsewhere in the log.
 */

const Instant = z.iso.datetime({ offset: true });
const LondonDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Engagement = z.object({ planned: z.boolean(), note: z.string().optional() });

/**
 * A function of the shared actor schema rather than an import of it: events.ts spreads this array
 * into its union, so importing back from it would be a cycle evaluated before the schema exists.
 */
export function localReviewEvents<A extends z.ZodType>(ActorSchema: A) {
  return [
  z.object({
    type: z.literal('LocalReviewOpened'),
    at: Instant,
    /** Absent when it opened from the partners' decision (recorded in the same step). */
    by: ActorSchema.optional(),
    source: z.enum(['rapidReview', 'reviewGroup']),
    /** The decision to hold it: the six-month clock starts here (5.16). */
    decidedAt: Instant,
    publicationDueDate: LondonDate,
    rationale: z.string().optional(),
  }),
  z.object({
    type: z.literal('LocalReviewLeadRecorded'),
    at: Instant,
    by: ActorSchema,
    /** The partnership where the child normally lives, or for a looked-after child the responsible authority's (5.5). */
    leadPartnership: z.string().min(1),
    weLead: z.boolean(),
    involved: z.array(z.string().min(1)),
    /** Whether the child is looked after, as recorded with the lead (absent on leads recorded before the rule). */
    lookedAfter: z.boolean().optional(),
    /** For a looked-after child: the local authority with statutory responsibility (5.5). */
    responsibleAuthority: z.string().min(1).optional(),
    /** Why the lead is not the responsible authority's partnership, when it is not. */
    leadReason: z.string().min(1).optional(),
  }),
  z.object({ type: z.literal('LocalReviewBodiesTold'), at: Instant, by: ActorSchema, about: ToldAboutSchema, sentAt: Instant }),
  z.object({
    type: z.literal('LocalReviewCommissioned'),
    at: Instant,
    by: ActorSchema,
    reviewerName: z.string().min(1),
    reviewerKind: ReviewerKindSchema,
    independence: z.string().min(1),
    conflicts: z.string().min(1),
    methodology: z.array(LcsprMethodSchema).min(1),
    termsOfReferenceUrl: z.url(),
    family: Engagement,
    practitioners: Engagement,
  }),
  z.object({ type: z.literal('LocalReviewMilestonePlanned'), at: Instant, by: ActorSchema, milestone: MilestoneSchema, plannedDate: LondonDate }),
  z.object({
    type: z.literal('LocalReviewMilestoneDone'),
    at: Instant,
    by: ActorSchema,
    milestone: MilestoneSchema,
    doneDate: LondonDate,
    /** Only on executive approval (step 24): the executive's decision to publish or not (5.15). */
    publish: z.boolean().optional(),
  }),
  z.object({ type: z.literal('LocalReviewPublicationPlanned'), at: Instant, by: ActorSchema, plannedDate: LondonDate, copyDueAt: Instant }),
  z.object({ type: z.literal('LocalReviewCopySent'), at: Instant, by: ActorSchema, sentAt: Instant, copyDueAt: Instant, onTime: z.boolean() }),
  z.object({ type: z.literal('LocalReviewJustificationSent'), at: Instant, by: ActorSchema, about: JustificationSchema, justification: z.string().min(1), sentAt: Instant }),
  z.object({ type: z.literal('LocalReviewPublished'), at: Instant, by: ActorSchema, publishedDate: LondonDate, url: z.url(), onTime: z.boolean() }),
  /** A reminder or alert the clock sent; `chase` names it with the deadline it was about, so a moved deadline earns it again. */
  z.object({ type: z.literal('LocalReviewChased'), at: Instant, chase: z.string().min(1), to: z.array(z.string()) }),
  ] as const;
}

export const LOCAL_REVIEW_EVENT_TYPES = [
  'LocalReviewOpened',
  'LocalReviewLeadRecorded',
  'LocalReviewBodiesTold',
  'LocalReviewCommissioned',
  'LocalReviewMilestonePlanned',
  'LocalReviewMilestoneDone',
  'LocalReviewPublicationPlanned',
  'LocalReviewCopySent',
  'LocalReviewJustificationSent',
  'LocalReviewPublished',
  'LocalReviewChased',
] as const;
export type LocalReviewEventType = (typeof LOCAL_REVIEW_EVENT_TYPES)[number];
export const isLocalReviewEventType = (type: string): type is LocalReviewEventType => (LOCAL_REVIEW_EVENT_TYPES as readonly string[]).includes(type);
