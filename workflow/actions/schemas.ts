import { z } from 'zod';
import { PartnerSchema } from '../partnership.js';

/**
 * The values recommendations and actions are about. A recommendation belongs to one review of the
 * case: the rapid review, a local review (LCSPR) or a local learning event. It is named by kind
 * only, so this area does not depend on how the local review or the learning event is built.
 */

export const ReviewKindSchema = z.enum(['rapidReview', 'lcspr', 'learningEvent']);
export type ReviewKind = z.infer<typeof ReviewKindSchema>;
export const REVIEW_KINDS = ReviewKindSchema.options;

export const ReviewRefSchema = z.object({ kind: ReviewKindSchema });
export type ReviewRef = z.infer<typeof ReviewRefSchema>;

/** Who owns an action: an agency on the roster (by id) or one of the three statutory partners. */
export const ActionOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agency'), agency: z.string().min(1) }),
  z.object({ kind: z.literal('partner'), partner: PartnerSchema }),
]);
export type ActionOwner = z.infer<typeof ActionOwnerSchema>;

/** A London calendar date, as Input.Date sends it. */
export const LondonDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

/** Reminders before the due date; overdue chasers after it ('overdue:<London date>'). */
export const ActionChaseSchema = z.enum(['reminder', 'overdue']);
export type ActionChase = z.infer<typeof ActionChaseSchema>;
