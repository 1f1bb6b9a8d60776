/** The learning event and review-group disputes (issue 17, 002 Section C and 8.2): what the rest of the app uses. */
export { learningEventEventSchemas, isLearningAreaEvent, type LearningAreaEvent, type LearningLead, type LearningMethod, type DisputeAbout } from './events.js';
export { learningEventCommandSchemas } from './commands.js';
export { foldLearningArea, LEARNING_EVENT_ID, type LearningEvent, type ReviewGroupDispute } from './state.js';
export { recordLearningEventDecision, setUpLearningEvent, recordLearningEventReport, recordLearningEventApproval, recordLearningEventDissemination } from './learningEvent.js';
export { openReviewGroupDispute, recordReviewGroupDisputeOutcome, decideReviewGroupDispute } from './disputes.js';
export { learningEventTimers, reviewGroupDisputeTimers } from './timers.js';
export { learningEventSummary, learningEventRef, reviewGroupDisputeSummaries, type LearningEventSummary, type ReviewGroupDisputeSummary } from './summary.js';
export { learningAreaRow } from './timeline.js';
export { addCalendarMonths, reportDueAt, reminderAt, REMINDER_DAYS } from './months.js';
