import { z } from 'zod';
import { TimelineRowSchema } from '../timelineRow.js';

/**
 * What the monitoring tab's API returns. The one definition of these shapes: the server builds
 * them, and the tab (a browser bundle) parses every response with the same schemas.
 */

export const MonitoringStageSchema = z.enum([
  'awaitingInitialView',
  'awaitingPartnerReplies',
  'disputeStage1',
  'disputeStage2',
  'awaitingPanelNotification',
  'awaitingNextStep',
  'panelNotified',
  'rapidReview',
  'closed',
]);
export type MonitoringStage = z.infer<typeof MonitoringStageSchema>;

/** red: overdue; amber: less than half the time left; green otherwise; closed cases have none. */
export const RagStatusSchema = z.enum(['red', 'amber', 'green', 'closed']);
export type RagStatus = z.infer<typeof RagStatusSchema>;

export const CaseSummarySchema = z.object({
  caseRef: z.string(),
  stage: MonitoringStageSchema,
  stageLabel: z.string(),
  /** People or partners the case is waiting for, by role and name from the roster. */
  waitingFor: z.array(z.string()),
  nextDeadline: z
    .object({
      about: z.string(),
      dueAt: z.string(),
      inWords: z.string(),
    })
    .optional(),
  status: RagStatusSchema,
  /** Why the status is what it is, in words (colour is never the only signal). */
  statusText: z.string(),
  referredAt: z.string(),
  lastChangedAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListSchema = z.object({
  generatedAt: z.string(),
  cases: z.array(CaseSummarySchema),
});
export type CaseList = z.infer<typeof CaseListSchema>;

export const ScopingRowSchema = z.object({
  agency: z.string(),
  status: z.string(),
  dueAt: z.string(),
  dueInWords: z.string(),
  overdue: z.boolean(),
  returnedAt: z.string().optional(),
  extension: z.string().optional(),
});
export type ScopingRow = z.infer<typeof ScopingRowSchema>;

/**
 * Issue 17: the reviews that follow a rapid review (a local review, LCSPR; a local learning event),
 * each with its statutory deadlines and its milestones. A deadline is on time, due soon (inside the
 * window in which the business unit is reminded of it), overdue, or done; a review is done when it
 * has nothing left to do, and otherwise takes the worst of its open deadlines.
 */
export const ReviewKindSchema = z.enum(['lcspr', 'learningEvent']);
export type ReviewKind = z.infer<typeof ReviewKindSchema>;
export const REVIEW_KIND_TITLES: Record<ReviewKind, string> = { lcspr: 'Local review (LCSPR)', learningEvent: 'Local learning event' };

export const ReviewStatusSchema = z.enum(['onTime', 'dueSoon', 'overdue', 'done']);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export const REVIEW_STATUS_WORDS: Record<ReviewStatus, string> = { onTime: 'On time', dueSoon: 'Due soon', overdue: 'Overdue', done: 'Done' };

export const ReviewDeadlineSchema = z.object({
  about: z.string(),
  dueAt: z.string(),
  dueInWords: z.string(),
  status: ReviewStatusSchema,
  /** Why, in words: "Done on time at …", "Done late at …", "Overdue since …", "Due soon: …". */
  statusText: z.string(),
  doneAt: z.string().optional(),
});
export type ReviewDeadline = z.infer<typeof ReviewDeadlineSchema>;

export const ReviewMilestoneSchema = z.object({
  name: z.string(),
  /** London dates (YYYY-MM-DD); planned by the business unit where the review has planned dates. */
  plannedOn: z.string().optional(),
  doneOn: z.string().optional(),
  /** Not done, and its planned day has passed or falls after the deadline it must meet (an LCSPR's six-month publication day). */
  late: z.boolean(),
  /** When late, what it means: past its planned date or planned after the deadline, and by how many days. */
  lateText: z.string().optional(),
});
export type ReviewMilestone = z.infer<typeof ReviewMilestoneSchema>;

export const ReviewViewSchema = z.object({
  caseRef: z.string(),
  kind: ReviewKindSchema,
  title: z.string(),
  /** Where it stands, in words (the review's own stage). */
  stageText: z.string(),
  status: ReviewStatusSchema,
  statusText: z.string(),
  /** The open deadline due soonest, if any. */
  nextDeadline: z.object({ about: z.string(), dueAt: z.string(), inWords: z.string() }).optional(),
  deadlines: z.array(ReviewDeadlineSchema),
  milestones: z.array(ReviewMilestoneSchema),
  /** Owed and not yet recorded, in words (e.g. a justification to the Panel). */
  owed: z.array(z.string()),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

export const ReviewListSchema = z.object({ generatedAt: z.string(), reviews: z.array(ReviewViewSchema) });
export type ReviewList = z.infer<typeof ReviewListSchema>;

/** Issue 17: every action, by review and by owner (agency or partner), in the buckets of workflow/actions/summary.ts. */
export const ActionBucketSchema = z.enum(['open', 'dueSoon', 'overdue', 'awaitingImpact', 'closed']);
export type ActionBucket = z.infer<typeof ActionBucketSchema>;
export const ACTION_BUCKET_WORDS: Record<ActionBucket, string> = { open: 'Open', dueSoon: 'Due soon', overdue: 'Overdue', awaitingImpact: 'Awaiting impact evidence', closed: 'Closed' };
const TallySchema = z.object({ open: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int(), awaitingImpact: z.number().int(), closed: z.number().int() });
export type ActionTally = z.infer<typeof TallySchema>;

export const ActionRowSchema = z.object({
  caseRef: z.string(),
  review: z.string(),
  action: z.string(),
  recommendation: z.string(),
  owner: z.string(),
  /** What "done" means, as the business unit typed it. */
  done: z.string(),
  dueAt: z.string(),
  dueInWords: z.string(),
  bucket: ActionBucketSchema,
  /** The bucket in words; for an overdue action, by how many working days past its due date. */
  statusText: z.string(),
});
export type ActionRow = z.infer<typeof ActionRowSchema>;

export const ActionsViewSchema = z.object({
  generatedAt: z.string(),
  rows: z.array(ActionRowSchema),
  byReview: z.array(TallySchema.extend({ caseRef: z.string(), review: z.string(), concluded: z.boolean() })),
  byOwner: z.array(TallySchema.extend({ owner: z.string() })),
  total: TallySchema,
});
export type ActionsView = z.infer<typeof ActionsViewSchema>;

export const CaseDetailSchema = z.object({
  summary: CaseSummarySchema,
  /** Issue 17: the case's local review and learning event, each with a view of its own. */
  reviews: z.array(z.object({ kind: ReviewKindSchema, title: z.string(), status: ReviewStatusSchema, statusText: z.string() })),
  timeline: z.array(TimelineRowSchema),
  /** Present while a rapid review has agencies asked for scoping returns. */
  scoping: z
    .object({
      reviewDueAt: z.string(),
      reviewDueInWords: z.string(),
      returnsDueInWords: z.string().optional(),
      rows: z.array(ScopingRowSchema),
    })
    .optional(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const YearFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  label: z.string(),
  referrals: z.number().int(),
  notifications: z.number().int(),
  decisions: z.object({
    total: z.number().int(),
    byAgreement: z.number().int(),
    deemedAgreement: z.number().int(),
    stage1: z.number().int(),
    stage2: z.number().int(),
  }),
  /**
   * Timeliness as the statute measures it (002 Section B: the Panel notified "within five working
   * days of becoming aware"): median working days from the partnership becoming aware to the
   * notification being sent, one decimal, absent with no notifications; and how many were sent by
   * the 5-working-day deadline.
   */
  medianWorkingDaysAwarenessToNotification: z.number().optional(),
  notificationsOnTime: z.number().int(),
  rapidReviews: z.object({
    completed: z.number().int(),
    onTime: z.number().int(),
    /** The exceptional decisions not to hold one (002 Section B). */
    notHeld: z.number().int(),
  }),
  /** Deaths of care leavers logged (002 Section D: the review group keeps local data on them), any age up to 24. */
  careLeaverDeaths: z.number().int(),
  /**
   * Issue 17. Local reviews: commissioned (the partners' decision to hold one made in the year, not
   * the reviewer's appointment), and published in the year, of which within six months of the decision.
   */
  localReviews: z.object({ commissioned: z.number().int(), published: z.number().int(), publishedOnTime: z.number().int() }),
  /** Learning events whose report was ready for approval in the year, and of those within 4 months of the decision. */
  learningEvents: z.object({ completed: z.number().int(), withinFourMonths: z.number().int() }),
  /**
   * Actions by owner: open and overdue at `asOf` (the year's end, or now for the current year);
   * closed (impact evidenced) during the year. Overdue actions are among the open ones.
   */
  actionsAsOf: z.string(),
  actionsByOwner: z.array(z.object({ owner: z.string(), open: z.number().int(), overdue: z.number().int(), closed: z.number().int() })),
});
export type YearFigures = z.infer<typeof YearFiguresSchema>;

export const TabUserSchema = z.object({
  displayName: z.string(),
  roles: z.array(z.string()),
  partnership: z.string(),
  mode: z.enum(['sso', 'local']),
});
export type TabUser = z.infer<typeof TabUserSchema>;

export const LocalPeopleSchema = z.object({
  people: z.array(z.object({ aadObjectId: z.string(), displayName: z.string(), roles: z.array(z.string()), allowed: z.boolean() })),
});
export type LocalPeople = z.infer<typeof LocalPeopleSchema>;

export const ProblemSchema = z.object({ error: z.string() });
