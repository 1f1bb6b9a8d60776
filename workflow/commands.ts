import { z } from 'zod';
import { PartnerSchema } from './partnership.js';
import { NextStepSchema, ReferralDetailsSchema, ViewSchema } from './events.js';

/**
 * What a person (or the clock) asks of a case. `actor` is always the identity taken from the
 * validated Teams activity by the bot layer; card data never supplies it.
 */

export const CommandActorSchema = z.object({
  aadObjectId: z.string().min(1),
  displayName: z.string().min(1),
});
export type CommandActor = z.infer<typeof CommandActorSchema>;

export const CaseCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LogReferral'), actor: CommandActorSchema, referral: ReferralDetailsSchema }),
  z.object({ type: z.literal('GiveInitialView'), actor: CommandActorSchema, view: ViewSchema, rationale: z.string() }),
  z.object({
    type: z.literal('ReplyAsPartner'),
    actor: CommandActorSchema,
    reply: z.enum(['agree', 'disagree']),
    rationale: z.string().optional(),
    /** Only needed by someone on the roster for more than one partner; checked against the roster. */
    partner: PartnerSchema.optional(),
    /** The case version the clicked card showed: a reply on an out-of-date card is not silently applied. */
    seenVersion: z.number().int().min(0).optional(),
  }),
  z.object({
    type: z.literal('ConfirmPanelNotification'),
    actor: CommandActorSchema,
    sentAt: z.iso.datetime({ offset: true }),
    panelReference: z.string(),
  }),
  z.object({ type: z.literal('ChooseNextStep'), actor: CommandActorSchema, step: NextStepSchema, rationale: z.string() }),
  /** The shell posted the partners' card at `postedAt`: their reply window starts then. */
  z.object({ type: z.literal('RecordPartnerCardPosted'), postedAt: z.iso.datetime({ offset: true }) }),
  /** The deadline sweep: apply whatever has fallen due by `now`. */
  z.object({ type: z.literal('Tick') }),
]);
export type CaseCommand = z.infer<typeof CaseCommandSchema>;
