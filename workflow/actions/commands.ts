import { z } from 'zod';
import { CommandActorSchema } from '../actor.js';
import { ActionOwnerSchema, LondonDateSchema, ReviewRefSchema } from './schemas.js';

/** What people ask of a review's recommendations and actions. Spread into the command union (workflow/commands.ts). */
export const ACTION_COMMAND_SCHEMAS = [
  z.object({ type: z.literal('RecordRecommendation'), actor: CommandActorSchema, review: ReviewRefSchema, text: z.string(), expectedImpact: z.string() }),
  z.object({ type: z.literal('AgreeAction'), actor: CommandActorSchema, recommendation: z.string(), owner: ActionOwnerSchema, dueDate: LondonDateSchema, done: z.string() }),
  z.object({ type: z.literal('RecordActionCompletion'), actor: CommandActorSchema, action: z.string(), documentUrl: z.string() }),
  z.object({ type: z.literal('RecordActionImpact'), actor: CommandActorSchema, action: z.string(), documentUrl: z.string(), impact: z.string() }),
  z.object({ type: z.literal('MoveActionDueDate'), actor: CommandActorSchema, action: z.string(), dueDate: LondonDateSchema, reason: z.string() }),
  /** The business unit records when the executive was told that all the review's actions are complete. */
  z.object({ type: z.literal('RecordExecutiveTold'), actor: CommandActorSchema, review: ReviewRefSchema, toldAt: z.iso.datetime({ offset: true }) }),
] as const;
