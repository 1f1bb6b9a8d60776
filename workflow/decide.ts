import type { CaseCommand } from './commands.js';
import { stepContext, type Decide, type Handler } from './kernel.js';
import type { PartnershipConfig } from './partnership.js';
import type { WorkingCalendar } from './calendar/workingCalendar.js';
import { logReferral } from './steps/referral.js';
import { giveInitialView } from './steps/initialView.js';
import { recordPartnerCardPosted, replyAsPartner } from './steps/partnerReplies.js';
import { recordMeetingOutcome } from './steps/disputeStage1.js';
import { recordFinalDecision, reopenDecision } from './steps/disputeStage2.js';
import { arrangeMeeting, recordMeetingBooked, recordMeetingBookingFailed } from './steps/meetings.js';
import { confirmPanelNotification } from './steps/outcome.js';
import { chooseNextStep } from './steps/nextStep.js';
import { setUpRapidReview } from './rapidReview/setUp.js';
import { recordNoInvolvement, recordScopingReturn } from './rapidReview/returns.js';
import { decideExtension, requestExtension } from './rapidReview/extensions.js';
import { confirmAttendance } from './rapidReview/attendance.js';
import { approveRapidReview, recordRapidReviewSent } from './rapidReview/completion.js';
import { recordRapidReviewMeeting } from './rapidReview/meeting.js';
import { decideLcsprDispute, replyOnLcspr } from './rapidReview/lcspr.js';
import { tick } from './tick.js';
import { recordStatutoryNotification } from './steps/statutoryNotification.js';
import { recordNoRapidReview, recordNoRapidReviewPanelTold } from './rapidReview/notHeld.js';
import { concurInitialView } from './steps/jointInitialView.js';
import { agreeAction, moveActionDueDate, recordActionCompletion, recordActionImpact, recordExecutiveTold, recordRecommendation } from './actions/steps.js';
import { recordReviewCosts } from './costs/step.js';
import {
  commissionLocalReviewer,
  openLocalReview,
  planLocalReviewMilestone,
  planLocalReviewPublication,
  recordLocalReviewBodiesTold,
  recordLocalReviewCopySent,
  recordLocalReviewJustification,
  recordLocalReviewLead,
  recordLocalReviewMilestone,
  recordLocalReviewPublished,
} from './localReview/index.js';
import { recordLearningEventApproval, recordLearningEventDecision, recordLearningEventDissemination, recordLearningEventReport, setUpLearningEvent } from './learningEvent/learningEvent.js';
import { decideReviewGroupDispute, openReviewGroupDispute, recordReviewGroupDisputeOutcome } from './learningEvent/disputes.js';

/**
 * The procedure (DOMAIN steps 1-8 and the rapid review): given a case's state, a command and the
 * time, what happens. Pure: it performs nothing, and a command that does not apply is refused
 * with a reason the user can read and no events, so a late click or a second sweep of the same
 * deadline changes nothing. Each command is handled by the step it belongs to; this table is
 * the one place that says which, and the compiler insists every command is in it.
 */

export type { Decide, Decision } from './kernel.js';
export { partnerWindowFrom } from './steps/partnerReplies.js';
export { VIEW_WORDS } from './words.js';

type Handlers = { readonly [T in CaseCommand['type']]: Handler<T> };

const HANDLERS: Handlers = {
  LogReferral: logReferral,
  GiveInitialView: giveInitialView,
  RecordPartnerCardPosted: recordPartnerCardPosted,
  ReplyAsPartner: replyAsPartner,
  RecordMeetingBooked: recordMeetingBooked,
  RecordMeetingBookingFailed: recordMeetingBookingFailed,
  ArrangeMeeting: arrangeMeeting,
  RecordMeetingOutcome: recordMeetingOutcome,
  RecordFinalDecision: recordFinalDecision,
  ReopenDecision: reopenDecision,
  ConfirmPanelNotification: confirmPanelNotification,
  ChooseNextStep: chooseNextStep,
  SetUpRapidReview: setUpRapidReview,
  RecordScopingReturn: recordScopingReturn,
  RecordNoInvolvement: recordNoInvolvement,
  RequestExtension: requestExtension,
  DecideExtension: decideExtension,
  ConfirmAttendance: confirmAttendance,
  Tick: tick,
  RecordStatutoryNotification: recordStatutoryNotification,
  RecordNoRapidReview: recordNoRapidReview,
  RecordNoRapidReviewPanelTold: recordNoRapidReviewPanelTold,
  RecordRapidReviewMeeting: recordRapidReviewMeeting,
  ReplyOnLcspr: replyOnLcspr,
  DecideLcsprDispute: decideLcsprDispute,
  ApproveRapidReview: approveRapidReview,
  RecordRapidReviewSent: recordRapidReviewSent,
  ConcurInitialView: concurInitialView,
  // Recommendations and actions, costs (issue 17).
  RecordRecommendation: recordRecommendation,
  AgreeAction: agreeAction,
  RecordActionCompletion: recordActionCompletion,
  RecordActionImpact: recordActionImpact,
  MoveActionDueDate: moveActionDueDate,
  RecordExecutiveTold: recordExecutiveTold,
  RecordReviewCosts: recordReviewCosts,
  // The local review (LCSPR): localReview/.
  OpenLocalReview: openLocalReview,
  RecordLocalReviewLead: recordLocalReviewLead,
  RecordLocalReviewBodiesTold: recordLocalReviewBodiesTold,
  CommissionLocalReviewer: commissionLocalReviewer,
  PlanLocalReviewMilestone: planLocalReviewMilestone,
  RecordLocalReviewMilestone: recordLocalReviewMilestone,
  PlanLocalReviewPublication: planLocalReviewPublication,
  RecordLocalReviewCopySent: recordLocalReviewCopySent,
  RecordLocalReviewJustification: recordLocalReviewJustification,
  RecordLocalReviewPublished: recordLocalReviewPublished,
  // Issue 17: the local learning event and review-group disputes.
  RecordLearningEventDecision: recordLearningEventDecision,
  SetUpLearningEvent: setUpLearningEvent,
  RecordLearningEventReport: recordLearningEventReport,
  RecordLearningEventApproval: recordLearningEventApproval,
  RecordLearningEventDissemination: recordLearningEventDissemination,
  OpenReviewGroupDispute: openReviewGroupDispute,
  RecordReviewGroupDisputeOutcome: recordReviewGroupDisputeOutcome,
  DecideReviewGroupDispute: decideReviewGroupDispute,
};

export function createDecider(config: PartnershipConfig, calendar: WorkingCalendar): Decide {
  const context = stepContext(config, calendar);
  return (state, command, now) => (HANDLERS[command.type] as Handler<CaseCommand['type']>)(context, state, command, now);
}
