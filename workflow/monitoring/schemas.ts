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

export const CaseDetailSchema = z.object({
  summary: CaseSummarySchema,
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
