import type { Partner } from './partnership.js';
import { PARTNERS } from './partnership.js';
import type { Actor, CaseEvent, NextStep, OverdueAbout, ReferralDetails, ReminderAbout, View } from './events.js';

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
  decision?: { decision: View; at: string };
  dispute?: { openedAt: string; meetingDueAt: string; disagreeing: Partner[] };
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
        decision: { decision: event.decision, at: event.at },
      };
    case 'DisputeOpened':
      return { ...s, stage: 'dispute', dispute: { openedAt: event.at, meetingDueAt: event.meetingDueAt, disagreeing: event.disagreeing } };
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

export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(evolve, undefined);
}
