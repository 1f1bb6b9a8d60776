import type { DisputeStage, OverdueAbout, ReminderAbout, ScopingChase } from './events.js';
import type { ActionChase } from './actions/schemas.js';

/**
 * What the shell must do after events are committed. Effects name what to tell whom; the card is
 * rendered from the case state when the effect is performed, so a retried effect shows the
 * latest truth and an update never shows an older state than the log.
 */

export type Recipient =
  | { kind: 'person'; aadObjectId: string }
  | { kind: 'conversation'; target: 'monitoring' | 'decision' };

/**
 * Why a 1:1 card came to this person while someone is away (workflow/whenAway.ts): sent to a
 * stand-in because the person named is away until then; their partner's absence inboxes are
 * emailed it too (workflow/absence.ts). `nobodyStandsIn`: sent to the away person themselves
 * (nobody may stand in, or only they may answer); only the inboxes are told.
 */
export type AwayNote = { displayName: string; until: string; inboxes?: string[]; nobodyStandsIn?: true };

/** Any card may carry the away note: which kinds get one is decided in workflow/whenAway.ts alone. */
export type CardSpec = CardKind & { awayFor?: AwayNote };

type CardKind =
  | { kind: 'initialViewRequest' }
  | { kind: 'partnerDecision' }
  | { kind: 'reminder'; about: ReminderAbout }
  | { kind: 'overdue'; about: OverdueAbout }
  | { kind: 'decisionRecorded' }
  | { kind: 'disputeOpened' }
  | { kind: 'panelNotificationRequest' }
  | { kind: 'panelNotificationConfirmed' }
  | { kind: 'nextStepRequest' }
  | { kind: 'nextStepChosen' }
  /** Dispute stages (DOMAIN steps 5-6). */
  | { kind: 'meetingBooked'; stage: DisputeStage }
  | { kind: 'arrangeMeetingRequest'; stage: DisputeStage }
  | { kind: 'meetingCancelled'; stage: DisputeStage }
  | { kind: 'meetingOutcomeRequest' }
  | { kind: 'disputeEscalated' }
  | { kind: 'finalDecisionRequest' }
  | { kind: 'decisionReopened' }
  | { kind: 'scrutineerReview' }
  /** Rapid review (scoping returns). */
  | { kind: 'rapidReviewSetup' }
  | { kind: 'rapidReviewBoard' }
  | { kind: 'scopingRequest'; agency: string }
  | { kind: 'scopingChaser'; agency: string; chase: ScopingChase }
  | { kind: 'scopingOverdue'; agency: string }
  | { kind: 'extensionDecisionRequest'; agency: string }
  | { kind: 'extensionAnswer'; agency: string }
  | { kind: 'attendanceRequest' }
  | { kind: 'papersPrompt' }
  | { kind: 'rapidReviewOutcomeRequest' }
  | { kind: 'rapidReviewCompleted' }
  /** The local authority's notification to the Secretary of State and Ofsted (a looked-after child's or care leaver's death). */
  | { kind: 'statutoryNotificationRequest' }
  /** The exceptional decision not to hold a rapid review, and telling the Panel. */
  | { kind: 'noRapidReview' }
  /** Domestic abuse identified: the specialist service invited to take part in the meeting (001). */
  | { kind: 'rapidReviewInvitation'; agency: string }
  /** The partners' decision on a local review, its dispute, its outcome and its chasers. */
  | { kind: 'lcsprDecision' }
  | { kind: 'lcsprDispute' }
  | { kind: 'lcsprDecided' }
  | { kind: 'lcsprChaser' }
  /** The approved rapid review: for scrutiny and information, and the business unit's prompt to send it. */
  | { kind: 'rapidReviewApproved' }
  | { kind: 'rapidReviewForInformation'; agency: string }
  | { kind: 'rapidReviewSendPrompt' }
  /** Recommendations and actions (issue 17): the owner's card, its reminders and chasers, the review group's board, the report. */
  | { kind: 'actionRequest'; action: string }
  | { kind: 'actionChaser'; action: string; chase: ActionChase }
  | { kind: 'actionsBoard' }
  | { kind: 'actionsReport' }
  /** Costs and proportionality (issue 17), with the severity matrix as guidance. */
  | { kind: 'reviewCosts' }
  /** The local review (LCSPR): the business unit's board, the executive's letter, reminders, alerts and the justification prompt. */
  | { kind: 'localReviewBoard' }
  | { kind: 'localReviewLetter' }
  | { kind: 'localReviewReminder' }
  | { kind: 'localReviewOverdue' }
  | { kind: 'localReviewJustification' }
  /** Issue 17: the local learning event (status and forms) and its chasers; the review-group dispute and its chasers. */
  | { kind: 'learningEvent' }
  | { kind: 'learningEventChaser' }
  | { kind: 'reviewGroupDispute' }
  | { kind: 'reviewGroupDisputeChaser' };

export type Effect =
  /**
   * Send a card. `key` is unique within the case and makes the send idempotent; `tracked` cards
   * keep their activity id so later `refreshCards` can update them in place for everyone.
   */
  | { type: 'send'; key: string; to: Recipient; card: CardSpec; tracked: boolean }
  /** Re-render every tracked card of the case from the current state. */
  | { type: 'refreshCards' }
  /**
   * Book the stage's Teams meeting through Microsoft Graph (free/busy, then create). The shell
   * records the result as a command: MeetingBooked, or MeetingBookingFailed for a manual fallback.
   */
  | { type: 'bookMeeting'; stage: DisputeStage }
  /** Cancel a booked meeting through Graph (the partners came to agree before it). */
  | { type: 'cancelMeeting'; stage: DisputeStage; eventId: string };
