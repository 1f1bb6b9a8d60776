import { z } from 'zod';
import type { CommandActorSchema } from '../commands.js';
import { DisputeAboutSchema, LondonDateSchema } from './events.js';

/** What people ask of a learning event or a review-group dispute. A function of the actor schema, for the reason events.ts gives. */
export function learningEventCommandSchemas(Actor: typeof CommandActorSchema) {
  return [
    /** The business unit records the partners' decision to hold a local learning event, with its date (6.4). */
    z.object({ type: z.literal('RecordLearningEventDecision'), actor: Actor, decidedOn: LondonDateSchema, rationale: z.string() }),
    /** The review group's choice of method(s) from the menu and lead(s): "partner:police", "agency:gp". */
    z.object({ type: z.literal('SetUpLearningEvent'), actor: Actor, methods: z.array(z.string()), leads: z.array(z.string()), termsOfReferenceUrl: z.string().optional() }),
    /** The report is ready for approval: a link into the document store; `readyAt` defaults to now. */
    z.object({ type: z.literal('RecordLearningEventReport'), actor: Actor, documentUrl: z.string(), readyAt: z.iso.datetime({ offset: true }).optional() }),
    z.object({ type: z.literal('RecordLearningEventApproval'), actor: Actor, approvedOn: LondonDateSchema }),
    z.object({ type: z.literal('RecordLearningEventDissemination'), actor: Actor, disseminatedOn: LondonDateSchema, how: z.string() }),
    z.object({ type: z.literal('OpenReviewGroupDispute'), actor: Actor, about: DisputeAboutSchema, reason: z.string() }),
    z.object({ type: z.literal('RecordReviewGroupDisputeOutcome'), actor: Actor, outcome: z.enum(['agreed', 'notResolved']), criteriaMet: z.boolean().optional(), rationale: z.string() }),
    z.object({ type: z.literal('DecideReviewGroupDispute'), actor: Actor, criteriaMet: z.boolean(), rationale: z.string() }),
  ] as const;
}
