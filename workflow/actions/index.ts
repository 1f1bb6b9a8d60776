/** Recommendations and actions (issue 17): what other parts of the product use. */
export { summariseActions, bucketOf, BUCKETS, type ActionsSummary, type ActionLine, type Bucket, type Tally } from './summary.js';
export { actionTimers } from './timers.js';
export { agreeAction, moveActionDueDate, recordActionCompletion, recordActionImpact, recordExecutiveTold, recordRecommendation } from './steps.js';
export { actionRow } from './timeline.js';
export type { ActionsSlice, Action, Recommendation, ActionStatus } from './state.js';
export { statusOf, actionsOf } from './state.js';
export { REVIEW_KINDS, type ReviewKind, type ActionOwner } from './schemas.js';
