import { z } from 'zod';

/**
 * Who acted, as schemas with no other dependency, so an area's own event and command files
 * (workflow/actions/, ...) can use them while events.ts and commands.ts spread those files in
 * without an import cycle. events.ts and commands.ts re-export them.
 */

/** The person who acted, as the validated activity identified them, and the role they acted in. */
export const ActorSchema = z.object({
  aadObjectId: z.string().min(1),
  displayName: z.string().min(1),
  role: z.string().min(1),
});

/** The person giving a command, as the bot layer took them from the validated Teams activity. */
export const CommandActorSchema = z.object({
  aadObjectId: z.string().min(1),
  displayName: z.string().min(1),
});
