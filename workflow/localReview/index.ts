/** The local review (LCSPR), issue 17: what the rest of the product uses of it. */
export { localReviewTimers } from './timers.js';
export { localReviewSummary, localReviewRef, localReviewRefOf, type LocalReviewSummary, type ReviewRef } from './summary.js';
export { openFromPartnersDecision, openLocalReview } from './open.js';
export { commissionLocalReviewer, recordLocalReviewBodiesTold, recordLocalReviewLead } from './commissioning.js';
export { planLocalReviewMilestone, recordLocalReviewMilestone } from './milestones.js';
export { planLocalReviewPublication, recordLocalReviewCopySent, recordLocalReviewJustification, recordLocalReviewPublished, justificationsNeeded } from './publication.js';
export type { LocalReview } from './state.js';
export { publicationDueDate, copyDueAt } from './rules.js';
