import type { CardSpec } from '../effects.js';
import { PARTNERS, type Partner, type Role } from '../partnership.js';
import type { CaseState, RapidReview } from '../state.js';
import { statusOf } from '../actions/state.js';
import { justificationsNeeded } from '../localReview/publication.js';
import { disputeSettled } from '../learningEvent/state.js';

/**
 * Whether a request someone replaced on the roster held is still awaiting an answer from that role
 * in the case as it stands (issue 16: "their open requests move to whoever now holds the role").
 * The rows recording who holds what (store/outbox.ts HeldRequest) are kept for good, so a roster
 * change finds every request a person was ever sent; only the ones still open may move, or a new
 * chair is asked for an initial view given weeks ago. Decided here per card kind, one entry each:
 * a new kind does not compile until it is classified.
 *
 * `false`: the card only informs (or only chases a request, which moves in its own right): it
 * never moves. A function: the request is open in this state, for the new holder's role.
 */

export type OpenContext = {
  state: CaseState;
  now: Date;
  /** The partners the new holder speaks for (their representative or deputy); every partner when none. */
  partners: readonly Partner[];
  /** The new holder's roles on the new roster. */
  roles: readonly Role['kind'][];
};

type Kind = CardSpec['kind'];
type OpenTest<K extends Kind> = false | ((card: Extract<CardSpec, { kind: K }>, c: OpenContext) => boolean);

const review = (s: CaseState): RapidReview | undefined => s.rapidReview;
/** A rapid review still running: neither completed nor decided against. */
const runningReview = (s: CaseState): RapidReview | undefined => {
  const rr = s.rapidReview;
  return rr && !rr.completed && !rr.notHeld ? rr : undefined;
};
/** The rapid review's meeting is still ahead: set up, not yet recorded as held, its time not yet come. */
const beforeMeeting = (rr: RapidReview | undefined, now: Date): rr is RapidReview & { setup: NonNullable<RapidReview['setup']> } =>
  rr?.setup !== undefined && rr.lcspr === undefined && now.getTime() < Date.parse(rr.setup.meetingAt);
const SCOPING_OPEN = new Set(['requested', 'extensionAsked', 'extensionAgreed']);

export const STILL_OPEN: { [K in Kind]: OpenTest<K> } = {
  // The SIN decision (002 Section B).
  initialViewRequest: (_, { state }) => state.initialView === undefined && state.decision === undefined,
  partnerDecision: (_, { state, partners }) => state.decision === undefined && partners.some((p) => state.positions[p].status === 'awaiting'),
  reminder: false,
  overdue: false,
  decisionRecorded: false,
  disputeOpened: false,
  panelNotificationRequest: (_, { state }) => state.decision?.decision === 'notify' && state.panelNotification === undefined,
  panelNotificationConfirmed: false,
  nextStepRequest: (_, { state }) => state.decision !== undefined && state.decision.decision !== 'notify' && state.nextStep === undefined,
  nextStepChosen: false,
  // Dispute stages.
  meetingBooked: false,
  arrangeMeetingRequest: (card, { state }) => {
    const d = state.dispute;
    return d !== undefined && state.decision === undefined && d.stage === card.stage && d.bookingFailed[card.stage] !== undefined && d.meetings[card.stage] === undefined;
  },
  meetingCancelled: false,
  meetingOutcomeRequest: (_, { state }) => state.dispute !== undefined && state.dispute.stage === 1 && state.dispute.outcome === undefined && state.decision === undefined,
  disputeEscalated: false,
  finalDecisionRequest: (_, { state }) => state.reconsideration !== undefined || (state.dispute?.stage === 2 && state.decision === undefined),
  decisionReopened: false,
  scrutineerReview: false,
  // Rapid review.
  rapidReviewSetup: (_, { state }) => {
    const rr = runningReview(state);
    return rr !== undefined && rr.setup === undefined;
  },
  rapidReviewBoard: false,
  scopingRequest: (card, { state }) => {
    const a = runningReview(state)?.agencies[card.agency];
    return a !== undefined && SCOPING_OPEN.has(a.status);
  },
  scopingChaser: false,
  scopingOverdue: false,
  extensionDecisionRequest: (card, { state }) => runningReview(state)?.agencies[card.agency]?.status === 'extensionAsked',
  extensionAnswer: false,
  attendanceRequest: (_, { state, now, partners }) => {
    const rr = runningReview(state);
    return beforeMeeting(rr, now) && partners.some((p) => rr.attendance[p] === undefined);
  },
  papersPrompt: false,
  // The chair records the meeting, then, once the partners decided on a local review, approves the review.
  rapidReviewOutcomeRequest: (_, { state }) => {
    const rr = runningReview(state);
    return rr !== undefined && rr.setup !== undefined && (rr.lcspr === undefined || (rr.lcspr.decided !== undefined && rr.approved === undefined));
  },
  rapidReviewCompleted: false,
  statutoryNotificationRequest: (_, { state }) => state.statutoryNotification === undefined,
  // The business unit's card asks it to record that the Panel was told; the scrutineer's only informs.
  noRapidReview: (_, { state, roles }) => roles.includes('businessUnit') && review(state)?.notHeld !== undefined && review(state)?.notHeld?.panelTold === undefined,
  rapidReviewInvitation: (card, { state, now }) => {
    const rr = runningReview(state);
    return beforeMeeting(rr, now) && (rr.invited ?? []).includes(card.agency);
  },
  lcsprDecision: (_, { state, partners }) => {
    const l = runningReview(state)?.lcspr;
    return l !== undefined && l.decided === undefined && partners.some((p) => l.positions[p] === undefined);
  },
  lcsprDispute: (_, { state }) => {
    const l = runningReview(state)?.lcspr;
    return l?.dispute !== undefined && l.decided === undefined;
  },
  lcsprDecided: false,
  lcsprChaser: false,
  rapidReviewApproved: false,
  rapidReviewForInformation: false,
  rapidReviewSendPrompt: (_, { state }) => {
    const rr = runningReview(state);
    return rr?.approved !== undefined;
  },
  // Recommendations and actions (issue 17): the owner's request stands until the action is closed.
  actionRequest: (card, { state }) => {
    const a = state.actions?.actions[card.action];
    return a !== undefined && statusOf(a) !== 'closed';
  },
  actionChaser: false,
  actionsBoard: false,
  actionsReport: false,
  reviewCosts: false,
  // The local review: the business unit works from its board until the review's actions are concluded.
  localReviewBoard: (_, { state }) => state.localReview !== undefined && state.actions?.concluded.lcspr === undefined,
  localReviewLetter: false,
  localReviewReminder: false,
  localReviewOverdue: false,
  localReviewJustification: (_, { state, now }) => {
    const l = state.localReview;
    return l !== undefined && justificationsNeeded(l, now).some((j) => l.justifications[j] === undefined);
  },
  // The local learning event: its card carries each step's form until the report is disseminated.
  learningEvent: (_, { state }) => state.learningEvent !== undefined && state.learningEvent.disseminated === undefined,
  learningEventChaser: false,
  reviewGroupDispute: (_, { state }) => (state.reviewGroupDisputes ?? []).some((d) => !disputeSettled(d)),
  reviewGroupDisputeChaser: false,
};

/** Whether the request this card made is still awaiting an answer from the new holder's role. */
export function stillOpen(card: CardSpec, c: OpenContext): boolean {
  const test = STILL_OPEN[card.kind] as OpenTest<Kind>;
  return test !== false && test(card as never, c);
}

/** The context for a new holder: the partners they speak for on the new roster, else every partner. */
export function openContext(state: CaseState, now: Date, roles: readonly Role[]): OpenContext {
  const partners = roles.flatMap((r) => (r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy' ? [r.partner] : []));
  return { state, now, partners: partners.length > 0 ? [...new Set(partners)] : PARTNERS, roles: roles.map((r) => r.kind) };
}
