import { z } from 'zod';
import { ActorSchema } from '../actor.js';
import { ActionChaseSchema, ActionOwnerSchema, LondonDateSchema, ReviewRefSchema } from './schemas.js';

/**
 * What happens to a review's recommendations and their actions (002 Section E 7.1; 001
 * "Recommendations and learning"). Spread into the case's event union (workflow/events.ts).
 */

const Instant = z.iso.datetime({ offset: true });

export const ACTION_EVENT_SCHEMAS = [
  /** A recommendation of a review, with the impact it is expected to have (002 7.1 "clarity about the expected impact"). */
  z.object({
    type: z.literal('RecommendationRecorded'),
    at: Instant,
    by: ActorSchema,
    recommendation: z.string().min(1),
    review: ReviewRefSchema,
    text: z.string().min(1),
    expectedImpact: z.string().min(1),
  }),
  /** One action of a recommendation: its owner, due date and what "done" means. */
  z.object({
    type: z.literal('ActionAgreed'),
    at: Instant,
    by: ActorSchema,
    action: z.string().min(1),
    recommendation: z.string().min(1),
    owner: ActionOwnerSchema,
    dueDate: LondonDateSchema,
    dueAt: Instant,
    done: z.string().min(1),
  }),
  /** Evidence the action was carried out: assurance of activity (a link into the document store). */
  z.object({ type: z.literal('ActionCompletionEvidenced'), at: Instant, by: ActorSchema, action: z.string().min(1), documentUrl: z.url() }),
  /** Evidence of its impact, a separate later step: assurance of impact, not only of activity (002 7.1). */
  z.object({ type: z.literal('ActionImpactEvidenced'), at: Instant, by: ActorSchema, action: z.string().min(1), documentUrl: z.url(), impact: z.string().min(1) }),
  /** The business unit moved the due date, with the reason. */
  z.object({ type: z.literal('ActionDueDateMoved'), at: Instant, by: ActorSchema, action: z.string().min(1), dueDate: LondonDateSchema, dueAt: Instant, reason: z.string().min(1) }),
  /** A reminder before the due date, or an overdue chaser (the owner's contacts and its escalation contact). */
  z.object({ type: z.literal('ActionChased'), at: Instant, action: z.string().min(1), chase: ActionChaseSchema, day: LondonDateSchema.optional(), to: z.array(z.string()) }),
  /** The month's progress report was posted for the executive (the monitoring channel). */
  z.object({ type: z.literal('ActionsReported'), at: Instant, month: z.string().regex(/^\d{4}-\d{2}$/) }),
  /** 002 7.1 "the Learning Inquiry Group will advise the Executive that all actions are complete": the review is concluded. */
  z.object({ type: z.literal('ReviewConcluded'), at: Instant, by: ActorSchema, review: ReviewRefSchema, executiveToldAt: Instant }),
] as const;
