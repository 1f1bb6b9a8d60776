import { z } from 'zod';
import { ActorSchema, CommandActorSchema } from '../actor.js';
import { ReviewRefSchema } from '../actions/schemas.js';

/**
 * Costs and proportionality (Tower Hamlets, 000 1.2.3): per review, the estimated cost and the
 * model agreed for apportioning it. Option 1 apportions by involvement; option 2 lets one payer
 * bear it all or caps the largest of several shares at 80% with all three partners contributing.
 */

export const CostModelSchema = z.enum(['option1', 'option2']);
export type CostModel = z.infer<typeof CostModelSchema>;

/** A payer is a statutory partner ('localAuthority', 'police', 'health') or an agency id on the roster. */
export const CostShareSchema = z.object({ payer: z.string().min(1), percent: z.number() });
export type CostShare = z.infer<typeof CostShareSchema>;

const Instant = z.iso.datetime({ offset: true });

export const COST_EVENT_SCHEMAS = [
  z.object({
    type: z.literal('ReviewCostsRecorded'),
    at: Instant,
    by: ActorSchema,
    review: ReviewRefSchema,
    /** Pounds. */
    estimate: z.number().positive(),
    model: CostModelSchema,
    shares: z.array(CostShareSchema).min(1),
  }),
] as const;

export const COST_COMMAND_SCHEMAS = [
  z.object({ type: z.literal('RecordReviewCosts'), actor: CommandActorSchema, review: ReviewRefSchema, estimate: z.number(), model: CostModelSchema, shares: z.array(CostShareSchema) }),
] as const;
