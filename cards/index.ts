import type { AwayNote, CardSpec } from '../workflow/effects.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { deadlineInWords } from '../workflow/calendar/words.js';
import type { Quote } from './budget.js';
import { fitQuotes } from './budget.js';
import type { CaseCardContext, CaseCardParts } from './context.js';
import { arrangeMeetingRequestCard } from './arrangeMeeting.js';
import { overdueCard, reminderCard } from './deadlines.js';
import { decisionReopenedCard } from './decisionReopened.js';
import { disputeEscalatedCard } from './disputeEscalated.js';
import { finalDecisionRequestCard } from './finalDecision.js';
import { meetingBookedCard } from './meetingBooked.js';
import { meetingCancelledCard } from './meetingCancelled.js';
import { meetingOutcomeRequestCard } from './meetingOutcome.js';
import { scrutineerReviewCard } from './scrutineerReview.js';
import { decisionRecordedCard, disputeOpenedCard } from './decision.js';
import { initialViewRequestCard } from './initialView.js';
import { nextStepChosenCard, nextStepRequestCard } from './nextStep.js';
import { panelNotificationConfirmedCard, panelNotificationRequestCard } from './panel.js';
import { partnerDecisionCard } from './partnerDecision.js';
import { attendanceRequestCard } from './attendance.js';
import { extensionAnswerCard } from './extensionAnswer.js';
import { extensionDecisionRequestCard } from './extensionDecision.js';
import { papersPromptCard } from './papersPrompt.js';
import { rapidReviewBoardCard } from './rapidReviewBoard.js';
import { rapidReviewCompletedCard, rapidReviewOutcomeRequestCard } from './rapidReviewOutcome.js';
import { rapidReviewSetupCard } from './rapidReviewSetup.js';
import { scopingChaserCard } from './scopingChaser.js';
import { scopingOverdueCard } from './scopingOverdue.js';
import { scopingRequestCard } from './scopingRequest.js';
import { statutoryNotificationRequestCard } from './statutoryNotification.js';
import { noRapidReviewCard } from './noRapidReview.js';
import { lcsprChaserCard, lcsprDecidedCard, lcsprDecisionCard, lcsprDisputeCard } from './lcspr.js';
import { actionChaserCard, actionRequestCard } from './actions.js';
import { actionsBoardCard, actionsReportCard } from './actionsBoard.js';
import { reviewCostsCard } from './costs.js';
import { localReviewBoardCard, localReviewJustificationCard, localReviewLetterCard, localReviewOverdueCard, localReviewReminderCard } from './localReview.js';
import { learningEventCard, learningEventChaserCard } from './learningEvent.js';
import { reviewGroupDisputeCard, reviewGroupDisputeChaserCard } from './reviewGroupDispute.js';
import { rapidReviewApprovedCard, rapidReviewForInformationCard, rapidReviewInvitationCard, rapidReviewSendPromptCard } from './rapidReviewCompletion.js';

/**
 * The cards the bot sends. Every case card is rendered from the case state at the moment it is
 * sent or refreshed (see workflow/effects.ts), so what a card says is always the log's latest truth.
 */

export type { CaseCardContext } from './context.js';
export type { AdaptiveCard } from './adaptiveCard.js';
export { CARD_BYTES_MAX, cardBytes } from './budget.js';
export { referralFormCard, referralLoggedCard } from './referral.js';
export { helpCard } from './help.js';
export { historyCard, exportLinksCard, currentCardKind } from './history.js';
export { noticeCard } from './notice.js';
export { awaySuggestionCard } from './awaySuggestion.js';
export * from './verbs.js';

/**
 * A card sent while someone is away says first why (workflow/whenAway.ts decides who gets one): a
 * stand-in is told whom they stand in for and until when; someone asked all the same (only they
 * may answer, or nobody can stand in) that their team's absence inbox has been told.
 */
function withAwayNote(card: AdaptiveCard, away: AwayNote, now: Date): AdaptiveCard {
  const until = deadlineInWords(new Date(away.until), now);
  const text = away.nobodyStandsIn ? `${away.displayName} is away until ${until}; their team's inbox has been told.` : `You are asked because ${away.displayName} is away until ${until}: you stand in for them as their deputy.`;
  const note = { type: 'TextBlock' as const, text, wrap: true as const, weight: 'Bolder' as const };
  return { ...card, body: [note, ...card.body] };
}

function render(spec: CardSpec, parts: CaseCardParts): AdaptiveCard {
  const card = renderKind(spec, parts);
  return spec.awayFor ? withAwayNote(card, spec.awayFor, parts.now) : card;
}

function renderKind(spec: CardSpec, parts: CaseCardParts): AdaptiveCard {
  switch (spec.kind) {
    case 'initialViewRequest':
      return initialViewRequestCard(parts);
    case 'partnerDecision':
      return partnerDecisionCard(parts);
    case 'reminder':
      return reminderCard(parts, spec.about);
    case 'overdue':
      return overdueCard(parts, spec.about);
    case 'decisionRecorded':
      return decisionRecordedCard(parts);
    case 'disputeOpened':
      return disputeOpenedCard(parts);
    case 'panelNotificationRequest':
      return panelNotificationRequestCard(parts);
    case 'panelNotificationConfirmed':
      return panelNotificationConfirmedCard(parts);
    case 'nextStepRequest':
      return nextStepRequestCard(parts);
    case 'nextStepChosen':
      return nextStepChosenCard(parts);
    case 'meetingBooked':
      return meetingBookedCard(parts, spec.stage);
    case 'arrangeMeetingRequest':
      return arrangeMeetingRequestCard(parts, spec.stage);
    case 'meetingCancelled':
      return meetingCancelledCard(parts, spec.stage);
    case 'meetingOutcomeRequest':
      return meetingOutcomeRequestCard(parts);
    case 'disputeEscalated':
      return disputeEscalatedCard(parts);
    case 'finalDecisionRequest':
      return finalDecisionRequestCard(parts);
    case 'decisionReopened':
      return decisionReopenedCard(parts);
    case 'scrutineerReview':
      return scrutineerReviewCard(parts);
    case 'rapidReviewSetup':
      return rapidReviewSetupCard(parts);
    case 'rapidReviewBoard':
      return rapidReviewBoardCard(parts);
    case 'scopingRequest':
      return scopingRequestCard(parts, spec.agency);
    case 'scopingChaser':
      return scopingChaserCard(parts, spec.agency, spec.chase);
    case 'scopingOverdue':
      return scopingOverdueCard(parts, spec.agency);
    case 'extensionDecisionRequest':
      return extensionDecisionRequestCard(parts, spec.agency);
    case 'extensionAnswer':
      return extensionAnswerCard(parts, spec.agency);
    case 'attendanceRequest':
      return attendanceRequestCard(parts);
    case 'papersPrompt':
      return papersPromptCard(parts);
    case 'rapidReviewOutcomeRequest':
      return rapidReviewOutcomeRequestCard(parts);
    case 'rapidReviewCompleted':
      return rapidReviewCompletedCard(parts);
    case 'statutoryNotificationRequest':
      return statutoryNotificationRequestCard(parts);
    case 'noRapidReview':
      return noRapidReviewCard(parts);
    case 'rapidReviewInvitation':
      return rapidReviewInvitationCard(parts, spec.agency);
    case 'lcsprDecision':
      return lcsprDecisionCard(parts);
    case 'lcsprDispute':
      return lcsprDisputeCard(parts);
    case 'lcsprDecided':
      return lcsprDecidedCard(parts);
    case 'lcsprChaser':
      return lcsprChaserCard(parts);
    case 'rapidReviewApproved':
      return rapidReviewApprovedCard(parts);
    case 'rapidReviewForInformation':
      return rapidReviewForInformationCard(parts, spec.agency);
    case 'rapidReviewSendPrompt':
      return rapidReviewSendPromptCard(parts);
    // Recommendations and actions, costs (issue 17).
    case 'actionRequest':
      return actionRequestCard(parts, spec.action);
    case 'actionChaser':
      return actionChaserCard(parts, spec.action, spec.chase);
    case 'actionsBoard':
      return actionsBoardCard(parts);
    case 'actionsReport':
      return actionsReportCard(parts);
    case 'reviewCosts':
      return reviewCostsCard(parts);
    // The local review (LCSPR): localReview.ts.
    case 'localReviewBoard':
      return localReviewBoardCard(parts);
    case 'localReviewLetter':
      return localReviewLetterCard(parts);
    case 'localReviewReminder':
      return localReviewReminderCard(parts);
    case 'localReviewOverdue':
      return localReviewOverdueCard(parts);
    case 'localReviewJustification':
      return localReviewJustificationCard(parts);
    case 'learningEvent':
      return learningEventCard(parts);
    case 'learningEventChaser':
      return learningEventChaserCard(parts);
    case 'reviewGroupDispute':
      return reviewGroupDisputeCard(parts);
    case 'reviewGroupDisputeChaser':
      return reviewGroupDisputeChaserCard(parts);
  }
}

/** A case card for `spec`, shortening quoted rationales only if the card would not fit in a Teams message. */
export function caseCard(spec: CardSpec, ctx: CaseCardContext): AdaptiveCard {
  return fitQuotes((quote: Quote) => render(spec, { ...ctx, quote, draft: ctx.draft }));
}
