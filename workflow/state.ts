import type { Partner } from './partnership.js';
import { PARTNERS } from './partnership.js';
import { isLocalReviewEventType } from './localReview/events.js';
import { foldLocalReview, type LocalReview, type LocalReviewEvent } from './localReview/state.js';
import { foldLearningArea, type LearningEvent, type ReviewGroupDispute } from './learningEvent/state.js';
import { isLearningAreaEvent } from './learningEvent/events.js';
import { isRosterEvent } from './roster/events.js';
import type { ViewGiver } from './events.js';
import { foldActions, isActionEvent, type ActionsSlice } from './actions/state.js';
import { foldCosts, isCostEvent, type CostsSlice } from './costs/state.js';
import type { Actor, CaseEvent, DecisionBasis, DisputeStage, MeetingAttendee, NextStep, OverdueAbout, ReferralDetails, ReminderAbout, View } from './events.js';

/** Where a case stands. Derived from its events only; never stored on its own. */
export type Stage =
  | 'awaitingInitialView'
  | 'awaitingPartnerReplies'
  | 'dispute'
  | 'awaitingPanelNotification'
  | 'awaitingNextStep'
  | 'panelNotified'
  | 'rapidReview'
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

export type AgencyReturnStatus = 'requested' | 'returned' | 'noInvolvement' | 'extensionAsked' | 'extensionAgreed';

/** One agency's scoping return in a rapid review. */
export type AgencyReturn = {
  status: AgencyReturnStatus;
  /** The current due time: the review's return date, or an agreed extension. */
  dueAt: string;
  returned?: { at: string; by: Actor; documentUrl?: string };
  extension?: { reason: string; proposedDueAt: string; by: Actor; at: string; decided?: { agreed: boolean; by: Actor; at: string } };
  /** Chasers already sent: 'twoDaysBefore', 'dueMorning', 'overdue:<London date>'. */
  chased: string[];
};

/** The rapid review after a notification (DOMAIN: completed within 15 WD of the notification). */
export type RapidReview = {
  openedAt: string;
  notifiedAt: string;
  dueAt: string;
  setup?: { at: string; by: Actor; meetingAt: string; papersDueAt: string; returnsDueAt: string };
  /** In the order the business unit chose them. */
  agencyOrder: string[];
  agencies: Record<string, AgencyReturn>;
  attendance: Partial<Record<Partner, { attending: boolean; by: Actor; at: string }>>;
  papersPrompted?: { at: string; missing: string[] };
  /** Domestic abuse identified: these agencies (the specialist service) are invited to the meeting. */
  invited?: string[];
  domesticAbuseIdentified?: boolean;
  /** The review group's recommendation and the partners' decision on a local review (002 Section B 6; 5.3). */
  lcspr?: LcsprDecision;
  approved?: { at: string; by: Actor };
  completed?: { at: string; by: Actor; lcsprNeeded: boolean; rationale: string; sentAt: string; onTime: boolean; dfeSentAt?: string };
  /** The exceptional decision not to hold it (002 Section B), and when the Panel was told. */
  notHeld?: { at: string; by: Actor; rationale: string; panelTold?: { sentAt: string; by: Actor; at: string } };
};

export type LcsprPosition = { status: 'agreed' | 'disagreed'; by: Actor; at: string; rationale?: string } | { status: 'deemed'; at: string; windowClosedAt: string };

/** The LCSPR decision: recommended by the review group at a quorate meeting, decided by the three partners. */
export type LcsprDecision = {
  recordedAt: string;
  by: Actor;
  attended: Partner[];
  invitedAttended: string[];
  recommended: boolean;
  rationale: string;
  linesOfEnquiry?: string;
  methodology?: string;
  repliesDueAt: string;
  positions: Partial<Record<Partner, LcsprPosition>>;
  /** 'reminder', 'repliesOverdue', 'disputeOverdue': each sent once. */
  chased: string[];
  dispute?: { at: string; disagreeing: Partner[]; decider: 'partnershipChair' | 'independentScrutineer'; decisionDueAt: string };
  decided?: { at: string; lcspr: boolean; basis: 'partnersAgreed' | 'disputeDecided'; by?: Actor; rationale?: string };
};

export type ViewProposal = { view: View; rationale: string; by: Actor; at: string };
export type JointView = { proposals: Partial<Record<ViewGiver, ViewProposal>>; differedAt?: string };

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
  initialView?: { view: View; rationale: string; by: Actor; at: string; postedAt?: string; repliesDueAt?: string; concurredBy?: Actor };
  /** The two view-givers' own views until they agree (002 step 3), and when they last differed. */
  jointView?: JointView;
  /** New information raised on a final decision (002 8.1): the decision stands until the partnership chair decides again. */
  reconsideration?: { at: string; by: Actor; reason: string; decisionDueAt: string };
  /** The case closed because a re-decision reversed the decision to notify after the Panel was notified. */
  closedByReversal?: { at: string; by?: Actor; rationale?: string };
  positions: Record<Partner, PartnerPosition>;
  decision?: { decision: View; at: string; basis: DecisionBasis; by?: Actor; rationale?: string; scrutineerAttended?: boolean };
  dispute?: Dispute;
  remindersSent: ReminderAbout[];
  overdueRaised: OverdueAbout[];
  panelNotification?: { sentAt: string; panelReference: string; by: Actor; at: string };
  nextStep?: { step: NextStep; rationale: string; by: Actor; at: string };
  rapidReview?: RapidReview;
  /** When the local authority notified the Secretary of State and Ofsted (see steps/statutoryNotification.ts for when it is due). */
  statutoryNotification?: { sentAt: string; by: Actor; at: string };
  /** A care leaver aged 18 to 24 died: logged for the year's figures, with no decision and no rapid review. */
  careLeaverDeath?: { at: string };
  /** Recommendations of the case's reviews and their actions (workflow/actions/): they outlive the stage `closed`. */
  actions?: ActionsSlice;
  /** Each review's estimated cost and apportionment model (workflow/costs/). */
  costs?: CostsSlice;
  /** The local review (LCSPR) once the decision to hold one is made: localReview/state.ts. */
  localReview?: LocalReview;
  /** Issue 17: the case's local learning event (002 Section C), and its review-group disputes (8.2). */
  learningEvent?: LearningEvent;
  reviewGroupDisputes?: ReviewGroupDispute[];
  /** The roster versions whose change this case has recorded (issue 16): a follow-up retried after a failure skips them. */
  rosterVersions?: number[];
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
  if (isActionEvent(event)) return { ...s, actions: foldActions(s.actions, event) };
  if (isCostEvent(event)) return { ...s, costs: foldCosts(s.costs, event) };
  if (isLocalReviewEventType(event.type)) return withLocalReview(s, foldLocalReview(s.localReview, event as LocalReviewEvent));
  if (isLearningAreaEvent(event)) return foldLearningArea(s, event);
  // A roster change is the case's history: who holds a role is the roster's, read when needed. Only
  // which version it was is kept, so the same change is never recorded (nor its requests moved) twice.
  if (isRosterEvent(event)) return { ...s, rosterVersions: [...(s.rosterVersions ?? []), event.rosterVersion] };
  switch (event.type) {
    case 'InitialViewGiven':
      return {
        ...s,
        stage: 'awaitingPartnerReplies',
        initialView: { view: event.view, rationale: event.rationale, by: event.by, at: event.at, ...(event.concurredBy ? { concurredBy: event.concurredBy } : {}) },
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
      if (event.reconsidered) return reconsidered(s, event);
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
      if (event.keepsOutcome) return reopenedKeepingOutcome(s, event);
      const reopened = withDispute(s, (d) => ({ ...d, stage: 2, reopened: { at: event.at, by: event.by, reason: event.reason, decisionDueAt: event.decisionDueAt } }));
      // The earlier outcome (Panel notification, next step) stays in the history, not in the current state.
      return { ...reopened, stage: 'dispute', decision: undefined, panelNotification: undefined, nextStep: undefined, overdueRaised: reopened.overdueRaised.filter((o) => o !== 'finalDecision') };
    }
    case 'RapidReviewOpened':
      return { ...s, stage: 'rapidReview', rapidReview: { openedAt: event.at, notifiedAt: event.notifiedAt, dueAt: event.dueAt, agencyOrder: [], agencies: {}, attendance: {} } };
    case 'RapidReviewSetUp':
      return withReview(s, (r) => ({
        ...r,
        ...(event.invited ? { invited: event.invited } : {}),
        ...(event.domesticAbuseIdentified !== undefined ? { domesticAbuseIdentified: event.domesticAbuseIdentified } : {}),
        setup: { at: event.at, by: event.by, meetingAt: event.meetingAt, papersDueAt: event.papersDueAt, returnsDueAt: event.returnsDueAt },
        agencyOrder: event.agencies,
        agencies: Object.fromEntries(event.agencies.map((id) => [id, { status: 'requested', dueAt: event.returnsDueAt, chased: [] }])),
      }));
    case 'ScopingReturned':
      return withAgency(s, event.agency, (a) => ({ ...a, status: 'returned', returned: { at: event.at, by: event.by, documentUrl: event.documentUrl } }));
    case 'NoInvolvementRecorded':
      return withAgency(s, event.agency, (a) => ({ ...a, status: 'noInvolvement', returned: { at: event.at, by: event.by } }));
    case 'ExtensionRequested':
      return withAgency(s, event.agency, (a) => ({ ...a, status: 'extensionAsked', extension: { reason: event.reason, proposedDueAt: event.proposedDueAt, by: event.by, at: event.at } }));
    case 'ExtensionDecided':
      return withAgency(s, event.agency, (a) => ({
        ...a,
        status: event.agreed ? 'extensionAgreed' : 'requested',
        dueAt: event.dueAt,
        // A new due date earns the reminders again.
        chased: event.agreed ? [] : a.chased,
        ...(a.extension ? { extension: { ...a.extension, decided: { agreed: event.agreed, by: event.by, at: event.at } } } : {}),
      }));
    case 'ScopingChased':
      return withAgency(s, event.agency, (a) => ({ ...a, chased: [...a.chased, event.chase === 'overdue' ? `overdue:${event.day ?? ''}` : event.chase] }));
    case 'AttendanceConfirmed':
      return withReview(s, (r) => ({ ...r, attendance: { ...r.attendance, [event.partner]: { attending: event.attending, by: event.by, at: event.at } } }));
    case 'PapersPrompted':
      return withReview(s, (r) => ({ ...r, papersPrompted: { at: event.at, missing: event.missing } }));
    case 'RapidReviewCompleted': {
      const done = withReview(s, (r) => ({ ...r, completed: { at: event.at, by: event.by, lcsprNeeded: event.lcsprNeeded, rationale: event.rationale, sentAt: event.sentAt, onTime: event.onTime, ...(event.dfeSentAt ? { dfeSentAt: event.dfeSentAt } : {}) } }));
      return { ...done, stage: 'closed' };
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
    case 'CareLeaverDeathLogged':
      return { ...s, stage: 'closed', careLeaverDeath: { at: event.at } };
    case 'StatutoryNotificationRecorded':
      return { ...s, statutoryNotification: { sentAt: event.sentAt, by: event.by, at: event.at } };
    case 'NoRapidReviewAgreed': {
      // Closed at once: no scoping, no meeting; what is left (telling the Panel) has no deadline in the seed.
      const notHeld = withReview(s, (r) => ({ ...r, notHeld: { at: event.at, by: event.by, rationale: event.rationale } }));
      return { ...notHeld, stage: 'closed' };
    }
    case 'NoRapidReviewPanelTold':
      return withReview(s, (r) => (r.notHeld ? { ...r, notHeld: { ...r.notHeld, panelTold: { sentAt: event.sentAt, by: event.by, at: event.at } } } : r));
    case 'RapidReviewMeetingRecorded':
      return withReview(s, (r) => ({
        ...r,
        lcspr: {
          recordedAt: event.at,
          by: event.by,
          attended: event.attended,
          invitedAttended: event.invitedAttended,
          recommended: event.lcsprRecommended,
          rationale: event.rationale,
          ...(event.linesOfEnquiry ? { linesOfEnquiry: event.linesOfEnquiry } : {}),
          ...(event.methodology ? { methodology: event.methodology } : {}),
          repliesDueAt: event.repliesDueAt,
          positions: {},
          chased: [],
        },
      }));
    case 'LcsprReplied':
      return withLcspr(s, (l) => ({ ...l, positions: { ...l.positions, [event.partner]: { status: event.reply === 'agree' ? 'agreed' : 'disagreed', by: event.by, at: event.at, ...(event.rationale ? { rationale: event.rationale } : {}) } } }));
    case 'LcsprAgreementDeemed':
      return withLcspr(s, (l) => ({ ...l, positions: { ...l.positions, [event.partner]: { status: 'deemed', at: event.at, windowClosedAt: event.windowClosedAt } } }));
    case 'LcsprChased':
      return withLcspr(s, (l) => ({ ...l, chased: [...l.chased, event.chase] }));
    case 'LcsprDisputed':
      return withLcspr(s, (l) => ({ ...l, dispute: { at: event.at, disagreeing: event.disagreeing, decider: event.decider, decisionDueAt: event.decisionDueAt } }));
    case 'LcsprDecided':
      return withLcspr(s, (l) => ({ ...l, decided: { at: event.at, lcspr: event.lcspr, basis: event.basis, ...(event.by ? { by: event.by } : {}), ...(event.rationale ? { rationale: event.rationale } : {}) } }));
    case 'RapidReviewApproved':
      return withReview(s, (r) => ({ ...r, approved: { at: event.at, by: event.by } }));
    case 'InitialViewProposed':
      return { ...s, jointView: { ...s.jointView, proposals: { ...s.jointView?.proposals, [event.giver]: { view: event.view, rationale: event.rationale, by: event.by, at: event.at } } } };
    case 'InitialViewsDiffered':
      return { ...s, jointView: { proposals: s.jointView?.proposals ?? {}, differedAt: event.at } };
  }
}

function withLocalReview(s: CaseState, localReview: LocalReview | undefined): CaseState {
  return localReview ? { ...s, localReview } : s;
}

function withLcspr(s: CaseState, change: (l: LcsprDecision) => LcsprDecision): CaseState {
  return withReview(s, (r) => (r.lcspr ? { ...r, lcspr: change(r.lcspr) } : r));
}

/** A re-opening since issue 14: everything stands; the dispute shows it, and the case awaits the chair's decision. */
function reopenedKeepingOutcome(s: CaseState, event: Extract<CaseEvent, { type: 'DecisionReopened' }>): CaseState {
  const reopened = { at: event.at, by: event.by, reason: event.reason, decisionDueAt: event.decisionDueAt };
  const withReopened = withDispute(s, (d) => ({ ...d, stage: 2, reopened }));
  return { ...withReopened, reconsideration: reopened, overdueRaised: withReopened.overdueRaised.filter((o) => o !== 'finalDecision') };
}

/**
 * The partnership chair's decision after a re-opening (002 8.1). The same outcome keeps the case
 * as it was (a rapid review goes on with its set-up, returns and attendance). The other outcome:
 * after the Panel was notified, the case closes with the reason recorded, keeping the review's
 * record; before, the case takes the new decision's path, as any decision does.
 */
function reconsidered(s: CaseState, event: Extract<CaseEvent, { type: 'DecisionReached' }>): CaseState {
  const decision = {
    decision: event.decision,
    at: event.at,
    basis: event.basis,
    ...(event.by ? { by: event.by } : {}),
    ...(event.rationale ? { rationale: event.rationale } : {}),
    ...(event.scrutineerAttended !== undefined ? { scrutineerAttended: event.scrutineerAttended } : {}),
  };
  const settled: CaseState = { ...s, decision, reconsideration: undefined };
  if (event.reconsidered === 'confirmed') return settled;
  if (s.panelNotification || s.rapidReview) {
    return { ...settled, stage: 'closed', closedByReversal: { at: event.at, ...(event.by ? { by: event.by } : {}), ...(event.rationale ? { rationale: event.rationale } : {}) } };
  }
  return {
    ...settled,
    stage: event.decision === 'notify' ? 'awaitingPanelNotification' : 'awaitingNextStep',
    panelNotification: undefined,
    nextStep: undefined,
    overdueRaised: s.overdueRaised.filter((o) => o !== 'panelNotification' && o !== 'finalDecision'),
    remindersSent: s.remindersSent.filter((r) => r !== 'panelNotification'),
  };
}

function withReview(s: CaseState, change: (r: RapidReview) => RapidReview): CaseState {
  return s.rapidReview ? { ...s, rapidReview: change(s.rapidReview) } : s;
}

function withAgency(s: CaseState, agency: string, change: (a: AgencyReturn) => AgencyReturn): CaseState {
  return withReview(s, (r) => {
    const current = r.agencies[agency];
    return current ? { ...r, agencies: { ...r.agencies, [agency]: change(current) } } : r;
  });
}

/** Dispute events only ever follow DisputeOpened (a re-opening of an agreed decision starts one). */
function withDispute(s: CaseState, change: (d: Dispute) => Dispute): CaseState {
  const dispute: Dispute = s.dispute ?? { openedAt: s.decision?.at ?? s.loggedAt, meetingDueAt: s.decision?.at ?? s.loggedAt, disagreeing: [], stage: 2, meetings: {}, bookingFailed: {} };
  return { ...s, dispute: change(dispute) };
}

export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(evolve, undefined);
}
