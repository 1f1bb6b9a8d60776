import { z } from 'zod';
import { ActorSchema, CommandActorSchema } from '../actor.js';

/**
 * A roster change that touched an open case (issue 16): who changed the roster, and who now holds
 * a role someone on the case held. Recorded on the case so its history says why its requests
 * went to someone else from then on.
 */

const PersonRefSchema = z.object({ aadObjectId: z.string().min(1), displayName: z.string().min(1) });

/** "Quinn Police replaced by Robin Newdeputy as deputy for Police". */
export const ReplacementSchema = z.object({
  /** The role in words, as the roster names it. */
  role: z.string().min(1),
  from: PersonRefSchema,
  to: z.array(PersonRefSchema).min(1),
});
export type Replacement = z.infer<typeof ReplacementSchema>;

/**
 * Someone taken off the roster with nobody to hold what they held (an agency removed, a role left
 * empty) while a request to them was open: nothing can move, so the case records it and the
 * business unit follows the request up.
 */
export const RemovalSchema = z.object({ role: z.string().min(1), from: PersonRefSchema });
export type Removal = z.infer<typeof RemovalSchema>;

export const ROSTER_EVENT_SCHEMAS = [
  z.object({
    type: z.literal('RosterChanged'),
    at: z.iso.datetime({ offset: true }),
    by: ActorSchema,
    /** The roster's version after the change (store/rosterStore.ts). */
    rosterVersion: z.number().int().min(1),
    replacements: z.array(ReplacementSchema),
    /** The send keys of the requests moved to the new holders. */
    moved: z.array(z.string()),
    /** Absent from events recorded before removals were: nobody had been removed then. */
    removed: z.array(RemovalSchema).default([]),
  }),
] as const;
export type RosterEvent = z.infer<(typeof ROSTER_EVENT_SCHEMAS)[number]>;

export function isRosterEvent<E extends { type: string }>(event: E): event is Extract<E, RosterEvent> {
  return event.type === 'RosterChanged';
}

/** A request (a tracked card) of the case that went to someone replaced, to be sent to the new holder. */
export const MovedRequestSchema = z.object({
  key: z.string().min(1),
  /** The card as it was asked for (workflow/effects.ts CardSpec), rendered afresh for the new holder. */
  card: z.object({ kind: z.string() }).loose(),
  to: z.string().min(1),
});

export const ROSTER_COMMAND_SCHEMAS = [
  /** From the shell after a roster change: not a person's command (workflow/access.ts leaves it out). */
  z
    .object({
      type: z.literal('RecordRosterChange'),
      actor: CommandActorSchema,
      rosterVersion: z.number().int().min(1),
      replacements: z.array(ReplacementSchema),
      moved: z.array(MovedRequestSchema),
      removed: z.array(RemovalSchema).default([]),
      /** What each removed person held (cards as asked for), so only someone with a request still open is recorded; absent: every removal is. */
      removedHeld: z.array(z.object({ aadObjectId: z.string().min(1), card: MovedRequestSchema.shape.card })).optional(),
    })
    .refine((c) => c.replacements.length + c.removed.length > 0, 'a roster change names someone replaced or removed'),
] as const;
