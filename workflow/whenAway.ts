import type { ReminderAbout } from './events.js';
import type { CardSpec } from './effects.js';
import { person, type Recorder } from './kernel.js';
import { everyoneAskedAt, heldAt, type Asked } from './absence.js';
import type { PartnershipConfig } from './partnership.js';

/**
 * Who is sent a 1:1 card while someone it names is away (issue 16: "while it lasts their deputy is
 * asked, or their absence inbox is told, and the card says so"), decided per card kind here and
 * nowhere else. Every 1:1 send of a `standIn` or `holder` kind goes through `sendAsked` (a test
 * reads the sources for it); an `asNamed` card may be sent directly, as nothing changes for it.
 *
 * - `standIn`: the card asks for something the roster's deputies may do for the person (the
 *   access policy, workflow/access.ts, lets them): someone away is not sent it; their present
 *   stand-ins are (workflow/absence.ts askedAt), each card saying for whom and until when. 002
 *   Section B: the local authority's representative "In their absence this decision will be made
 *   by the Children's Services Department Representative"; the ICB's "communication will be shared
 *   ... with the Designated Doctor ... and the generic inbox"; the police's "with the generic
 *   inbox". DOMAIN: an agency's deputies record its scoping return in the contact's absence.
 * - `holder`: only the role holder may answer (the review group chair, the children's services
 *   director, the final decision maker): sent to them all the same; where their partner has
 *   absence inboxes, the inboxes are told and the card says they are away.
 * - `asNamed`: for information, nothing is asked of anyone: sent as named, read on their return.
 * - `channel`: never sent 1:1 (the decision or monitoring channel's card).
 */
export type WhenAway = 'standIn' | 'holder' | 'asNamed' | 'channel';

export const WHEN_AWAY: Record<Exclude<CardSpec['kind'], 'reminder'>, WhenAway> = {
  // The SIN decision (002 Section B). The initial view: the chair "together with" the director (DOMAIN), nobody else.
  initialViewRequest: 'holder',
  partnerDecision: 'channel',
  overdue: 'channel',
  decisionRecorded: 'asNamed',
  disputeOpened: 'channel',
  // The local authority's representative or deputy confirms the Panel notification (002: "In their absence this decision will be made by the Children's Services Department Representative").
  panelNotificationRequest: 'standIn',
  panelNotificationConfirmed: 'channel',
  nextStepRequest: 'holder',
  nextStepChosen: 'channel',
  meetingBooked: 'channel',
  arrangeMeetingRequest: 'channel',
  meetingCancelled: 'channel',
  meetingOutcomeRequest: 'holder',
  disputeEscalated: 'channel',
  // 8.1: the partnership chair decides; nobody decides for them.
  finalDecisionRequest: 'holder',
  decisionReopened: 'asNamed',
  scrutineerReview: 'asNamed',
  // Rapid review: an agency's contact or deputies record its return and ask for more time.
  rapidReviewSetup: 'channel',
  rapidReviewBoard: 'channel',
  scopingRequest: 'standIn',
  scopingChaser: 'standIn',
  scopingOverdue: 'channel',
  extensionDecisionRequest: 'channel',
  extensionAnswer: 'standIn',
  // A partner's representative or deputy confirms who attends the meeting.
  attendanceRequest: 'standIn',
  papersPrompt: 'channel',
  rapidReviewOutcomeRequest: 'holder',
  rapidReviewCompleted: 'channel',
  // The local authority's representative or deputy records the notification to the Secretary of State and Ofsted.
  statutoryNotificationRequest: 'standIn',
  noRapidReview: 'asNamed',
  rapidReviewInvitation: 'standIn',
  lcsprDecision: 'channel',
  // The decider (partnership chair or scrutineer, a per-partnership setting) alone decides.
  lcsprDispute: 'holder',
  lcsprDecided: 'asNamed',
  // The partners' representatives or deputies who have not replied on the local review.
  lcsprChaser: 'standIn',
  rapidReviewApproved: 'asNamed',
  rapidReviewForInformation: 'asNamed',
  rapidReviewSendPrompt: 'channel',
  // Issue 17: the owner's contact (or partner representative) or deputies give the evidence.
  actionRequest: 'standIn',
  // Sent as named for now: workflow/actions/timers.ts is being changed on another branch (fin17).
  actionChaser: 'asNamed',
  actionsBoard: 'channel',
  actionsReport: 'channel',
  reviewCosts: 'channel',
  // The business unit's own cards and the executive's letter: every member is sent them, nobody deputises.
  localReviewBoard: 'asNamed',
  localReviewLetter: 'asNamed',
  localReviewReminder: 'asNamed',
  localReviewOverdue: 'asNamed',
  localReviewJustification: 'channel',
  // The business unit and the chair act on the learning event; a lead partner's people are all sent it anyway.
  learningEvent: 'asNamed',
  learningEventChaser: 'asNamed',
  // 8.2: "The Learning Inquiry Group safeguarding partner representatives, including the chair" agree the outcome
  // (each partner's people are all sent it already), the chair records it, the decider alone decides: each is
  // sent it while away, and where their partner has absence inboxes (002: the police's "communication will be
  // shared ... with the generic inbox") the inboxes are told.
  reviewGroupDispute: 'holder',
  reviewGroupDisputeChaser: 'holder',
};

/**
 * Reminders: a partner's deputies may act on a partner's reply and on the local authority's
 * Panel notification; the initial view and the meeting's outcome are for their holders only.
 */
export const REMINDERS_WHEN_AWAY: Record<ReminderAbout, WhenAway> = {
  initialView: 'holder',
  partnerReply: 'standIn',
  panelNotification: 'standIn',
  meetingOutcome: 'holder',
};

export function whenAway(card: CardSpec): WhenAway {
  return card.kind === 'reminder' ? REMINDERS_WHEN_AWAY[card.about] : WHEN_AWAY[card.kind];
}

/** Who is sent a card naming these people at `now`, once each, with why where someone is away. */
export function askedFor(config: PartnershipConfig, now: Date, card: CardSpec, named: readonly string[]): Asked[] {
  const unique = [...new Set(named)];
  switch (whenAway(card)) {
    case 'standIn':
      return everyoneAskedAt(config, unique, now);
    case 'holder':
      return unique.map((id) => heldAt(config, id, now));
    case 'asNamed':
    case 'channel':
      return unique.map((aadObjectId) => ({ aadObjectId }));
  }
}

/**
 * Sends the card 1:1 to whoever is asked in place of the people named (see `askedFor`); `key`
 * makes each recipient's send idempotent. Returns who was sent it, for the event that records it.
 */
export function sendAsked(r: Recorder, config: PartnershipConfig, now: Date, named: readonly string[], card: CardSpec, key: (aadObjectId: string) => string, tracked: boolean): string[] {
  const asked = askedFor(config, now, card, named);
  for (const { aadObjectId, awayFor } of asked) {
    const note = awayFor ? { awayFor: { displayName: awayFor.displayName, until: awayFor.until, inboxes: awayFor.inboxes, ...(awayFor.aadObjectId === aadObjectId ? { nobodyStandsIn: true as const } : {}) } } : {};
    r.effect({ type: 'send', key: key(aadObjectId), to: person(aadObjectId), card: { ...card, ...note }, tracked });
  }
  return asked.map((a) => a.aadObjectId);
}
