import { z } from 'zod';
import { DisputeAboutSchema } from '../workflow/learningEvent/events.js';

/**
 * What the learning event's and the review-group dispute's Action.Execute buttons send (see
 * verbs.ts for the conventions: strings, free text defaulting to "", the procedure wording
 * what is missing). Spread into VERB_DATA_SCHEMAS there.
 */

const CaseRef = z.string().trim().min(1).max(100);
const FreeText = z.string().max(20_000).default('');
const DateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const Url = z.string().trim().max(4_000).default('');
/** Multi-select choices, comma-separated; checked against the menu and the roster by the procedure. */
const List = z.string().max(4_000).regex(/^([a-zA-Z0-9:-]+(,[a-zA-Z0-9:-]+)*)?$/, 'must be values, comma-separated').default('');

export const LearningDecisionDataSchema = z.object({ caseRef: CaseRef, decidedOn: DateInput, rationale: FreeText });
export const LearningSetUpDataSchema = z.object({ caseRef: CaseRef, methods: List, leads: List, termsOfReferenceUrl: Url });
export const LearningReportDataSchema = z.object({ caseRef: CaseRef, documentUrl: Url });
export const LearningApproveDataSchema = z.object({ caseRef: CaseRef, approvedOn: DateInput });
export const LearningDisseminateDataSchema = z.object({ caseRef: CaseRef, disseminatedOn: DateInput, how: FreeText });
export const ReviewGroupDisputeOpenDataSchema = z.object({ caseRef: CaseRef, about: DisputeAboutSchema, reason: FreeText });
/** "Agreed" carries what was agreed, so one required choice says it all. */
export const ReviewGroupDisputeOutcomeSchema = z.enum(['agreedMet', 'agreedNotMet', 'notResolved']);
export const ReviewGroupDisputeOutcomeDataSchema = z.object({ caseRef: CaseRef, outcome: ReviewGroupDisputeOutcomeSchema, rationale: FreeText });
export const ReviewGroupDisputeDecideDataSchema = z.object({ caseRef: CaseRef, criteriaMet: z.enum(['yes', 'no']), rationale: FreeText });

export const LEARNING_VERB_DATA_SCHEMAS = {
  'learningEvent.decision': LearningDecisionDataSchema,
  'learningEvent.setUp': LearningSetUpDataSchema,
  'learningEvent.report': LearningReportDataSchema,
  'learningEvent.approve': LearningApproveDataSchema,
  'learningEvent.disseminate': LearningDisseminateDataSchema,
  'reviewGroupDispute.open': ReviewGroupDisputeOpenDataSchema,
  'reviewGroupDispute.outcome': ReviewGroupDisputeOutcomeDataSchema,
  'reviewGroupDispute.decide': ReviewGroupDisputeDecideDataSchema,
} as const;

export const LEARNING_CARD_ACTIONS = [
  z.object({ verb: z.literal('learningEvent.decision'), data: LearningDecisionDataSchema }),
  z.object({ verb: z.literal('learningEvent.setUp'), data: LearningSetUpDataSchema }),
  z.object({ verb: z.literal('learningEvent.report'), data: LearningReportDataSchema }),
  z.object({ verb: z.literal('learningEvent.approve'), data: LearningApproveDataSchema }),
  z.object({ verb: z.literal('learningEvent.disseminate'), data: LearningDisseminateDataSchema }),
  z.object({ verb: z.literal('reviewGroupDispute.open'), data: ReviewGroupDisputeOpenDataSchema }),
  z.object({ verb: z.literal('reviewGroupDispute.outcome'), data: ReviewGroupDisputeOutcomeDataSchema }),
  z.object({ verb: z.literal('reviewGroupDispute.decide'), data: ReviewGroupDisputeDecideDataSchema }),
] as const;
