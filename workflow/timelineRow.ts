import { z } from 'zod';

/** One row of a case's timeline; a leaf module so the tab's browser bundle can parse rows without the procedure. */
export const TimelineRowSchema = z.object({
  /** The event's instant, ISO 8601 as stored in the log. */
  at: z.string(),
  /** The person who acted, or the partner / the bot when nobody did. */
  who: z.string(),
  role: z.string(),
  what: z.string(),
  /** Rationale, comment or reference exactly as typed. */
  detail: z.string().optional(),
  /** True only for an agreement deemed from silence. */
  deemed: z.boolean(),
});
export type TimelineRow = z.infer<typeof TimelineRowSchema>;
