import type { Partner } from './partnership.js';
import { PARTNERS } from './partnership.js';
import type { Actor, CaseEvent, DecisionBasis, DisputeStage, MeetingAttendee, NextStep, OverdueAbout, ReferralDetails, ReminderAbout, View } from './events.js';

/** Where a case stands. Derived from its events only; never stored on its own. */
export type Stage =
  | 'awaitingInitialView'
  | 'awaitingPartnerReplies'
  | 'dispute'
  | 'awaitingPanelNotification'
  | 'awaitingNextStep'
  | 'panelNotified'
  | 'closed';

export type PartnerPosition =
  | { status: 'awaiting' }
  | { status: 'agreed'; by: Actor; at: string; comment?: string; asAuthorOfView: boolean; version: number }
  | { status: 'disagreed'; by: Actor; at: string; rationale: string; version: number }
  | { status: 'deemed'; at: string; windowClosedAt: string; version: number };

export type Meeting = {
  start: string;
  end: string;
  eventId?: string;
  joinUrl?: string;
  attendees: MeetingAttendee[];
  arrangedBy?: Actor;
  cancelled?: { at: string; reason: string };
};

/**
 * A disagreement being resolved: stage 1, a meeting of the partner representatives within 1 WD
 * (its outcome recorded by the review group chair); stage 2, a meeting with the decision maker and
 * the scrutineer within 1 WD, ending in the decision maker's final decision.
 */
export type Dispute = {
  openedAt: string;
  /** Stage 1's deadline: the meeting held, and its outcome recorded, within 1 WD of the dispute arising. */
  meetingDueAt: string;
  disagreeing: Partner[];
  stage: DisputeStage;
  meetings: Partial<Record<DisputeStage, Meeting>>;
  bookingFailed: Partial<Record<DisputeStage, { reason: string; arrangeBy: string; at: string }>>;
  outcome?: { outcome: 'agreed' | 'notResolved'; decision?: View; rationale: string; by: Actor; at: string };
  escalated?: { at: string; reason: 'notResolved' | 'outcomeOverdue'; decisionDueAt: string };
  reopened?: { at: string; by: Actor; reason: string; decisionDueAt: string };
};

export type CaseState = {
  /** Number of events folded: the expected version for the next append. */
  version: number;
  stage: Stage;
  referral: ReferralDetails;
  loggedAt: string;
  loggedBy: Actor;
  initialViewDueAt: string;
  panelNotificationDueAt: string;
  /** `postedAt`/`repliesDueAt` are set once the partners' card has been posted: the reply window runs from then. */
  initialView?: { view: View; rationale: string; by: Actor; at: string; postedAt?: string; repliesDueAt?: string };
  positions: Record<Partner, PartnerPosition>;
  decision?: { decision: View; at: string; basis: DecisionBasis; by?: Actor; rationale?: string; scrutineerAttended?: boolean };
  dispute?: Dispute;
  remindersSent: ReminderAbout[];
  overdueRaised: OverdueAbout[];
  panelNotification?: { sentAt: string; panelReference: string; by: Actor; at: string };
  nextStep?: { step: NextStep; rationale: string; by: Actor; at: string };
};

const awaitingAll = (): Record<Partner, PartnerPosition> =>
  Object.fromEntries(PARTNERS.map((p) => [p, { status: 'awaiting' }])) as Record<Partner, PartnerPosition>;

/** The state after the first event; undefined means "no such case yet". */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === 'ReferralLogged') {
    return {
      version: 1,
      stage: 'awaitingInitialView',
      referral: event.referral,
      loggedAt: event.at,
      loggedBy: event.by,
      initialViewDueAt: event.initialViewDueAt,
      panelNotificationDueAt: event.panelNotificationDueAt,
      positions: awaitingAll(),
      remindersSent: [],
      overdueRaised: [],
    };
  }
  if (!state) throw new Error(`A ${event.type} event cannot start a case`);
  const s: CaseState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'InitialViewGiven':
      return {
        ...s,
        stage: 'awaitingPartnerReplies',
        initialView: { view: event.view, rationale: event.rationale, by: event.by, at: event.at },
      };
    case 'PartnerCardPosted':
      return s.initialView ? { ...s, initialView: { ...s.initialView, postedAt: event.at, repliesDueAt: event.repliesDueAt } } : s;
    case 'PartnerReplied':
      return {
        ...s,
        positions: {
          ...s.positions,
          [event.partner]:
            event.reply === 'agree'
              ? { status: 'agreed', by: event.by, at: event.at, asAuthorOfView: event.asAuthorOfView, version: s.version, ...(event.rationale ? { comment: event.rationale } : {}) }
              : { status: 'disagreed', by: event.by, at: event.at, rationale: event.rationale ?? '', version: s.version },
        },
      };
    case 'AgreementDeemed':
      return {
        ...s,
        positions: { ...s.positions, [event.partner]: { status: 'deemed', at: event.at, windowClosedAt: event.windowClosedAt, version: s.version } },
      };
    case 'DecisionReached':
      return {
        ...s,
        stage: event.decision === 'notify' ? 'awaitingPanelNotification' : 'awaitingNextStep',
        decision: {
          decision: event.decision,
          at: event.at,
          basis: event.basis,
          ...(event.by ? { by: event.by } : {}),
          ...(event.rationale ? { rationale: event.rationale } : {}),
          ...(event.scrutineerAttended !== undefined ? { scrutineerAttended: event.scrutineerAttended } : {}),
        },
        // A new decision after a re-opening re-opens the outcomes too.
        ...(s.decision ? { panelNotification: undefined, nextStep: undefined, overdueRaised: s.overdueRaised.filter((o) => o !== 'panelNotification' && o !== 'finalDecision'), remindersSent: s.remindersSent.filter((r) => r !== 'panelNotification') } : {}),
      };
    case 'DisputeOpened':
      return {
        ...s,
        stage: 'dispute',
        dispute: { openedAt: event.at, meetingDueAt: event.meetingDueAt, disagreeing: event.disagreeing, stage: 1, meetings: {}, bookingFailed: {} },
      };
    case 'MeetingBooked':
      return withDispute(s, (d) => ({
        ...d,
        meetings: {
          ...d.meetings,
          [event.stage]: {
            start: event.start,
            end: event.end,
            attendees: event.attendees,
            ...(event.eventId ? { eventId: event.eventId } : {}),
            ...(event.joinUrl ? { joinUrl: event.joinUrl } : {}),
            ...(event.arrangedBy ? { arrangedBy: event.arrangedBy } : {}),
          },
        },
      }));
    case 'MeetingBookingFailed':
      return withDispute(s, (d) => ({ ...d, bookingFailed: { ...d.bookingFailed, [event.stage]: { reason: event.reason, arrangeBy: event.arrangeBy, at: event.at } } }));
    case 'MeetingCancelled':
      return withDispute(s, (d) => {
        const meeting = d.meetings[event.stage];
        return meeting ? { ...d, meetings: { ...d.meetings, [event.stage]: { ...meeting, cancelled: { at: event.at, reason: event.reason } } } } : d;
      });
    case 'MeetingOutcomeRecorded':
      return withDispute(s, (d) => ({
        ...d,
        outcome: { outcome: event.outcome, rationale: event.rationale, by: event.by, at: event.at, ...(event.decision ? { decision: event.decision } : {}) },
      }));
    case 'DisputeEscalated':
      return withDispute(s, (d) => ({ ...d, stage: 2, escalated: { at: event.at, reason: event.reason, decisionDueAt: event.decisionDueAt } }));
    case 'DecisionReopened': {
      const reopened = withDispute(s, (d) => ({ ...d, stage: 2, reopened: { at: event.at, by: event.by, reason: event.reason, decisionDueAt: event.decisionDueAt } }));
      // The earlier outcome (Panel notification, next step) stays in the history, not in the current state.
      return { ...reopened, stage: 'dispute', decision: undefined, panelNotification: undefined, nextStep: undefined, overdueRaised: reopened.overdueRaised.filter((o) => o !== 'finalDecision') };
    }
    case 'ReminderSent':
      return { ...s, remindersSent: [...s.remindersSent, event.about] };
    case 'OverdueRaised':
      return { ...s, overdueRaised: [...s.overdueRaised, event.about] };
    case 'PanelNotificationConfirmed':
      return {
        ...s,
        stage: 'panelNotified',
        panelNotification: { sentAt: event.sentAt, panelReference: event.panelReference, by: event.by, at: event.at },
      };
    case 'NextStepChosen':
      return { ...s, stage: 'closed', nextStep: { step: event.step, rationale: event.rationale, by: event.by, at: event.at } };
  }
}

/** Dispute events only ever follow DisputeOpened (a re-opening of an agreed decision starts one). */
function withDispute(s: CaseState, change: (d: Dispute) => Dispute): CaseState {
  const dispute: Dispute = s.dispute ?? { openedAt: s.decision?.at ?? s.loggedAt, meetingDueAt: s.decision?.at ?? s.loggedAt, disagreeing: [], stage: 2, meetings: {}, bookingFailed: {} };
  return { ...s, dispute: change(dispute) };
}

export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(evolve, undefined);
}
