import type { CaseCommand, CommandActor } from './commands.js';
import type { Effect, Recipient } from './effects.js';
import type { Actor, CaseEvent, DisputeStage, OverdueAbout, ReminderAbout, ScopingChase } from './events.js';
import type { Partner, PartnershipConfig, Role } from './partnership.js';
import { rolesOf } from './partnership.js';
import type { CaseState } from './state.js';
import type { LearningChase } from './learningEvent/events.js';
import { evolve } from './state.js';
import type { WorkingCalendar } from './calendar/workingCalendar.js';
import type { WorkingHours } from './calendar/workingHours.js';
import { deadlineInWords } from './calendar/words.js';
import { roleWords } from './words.js';

/**
 * What every step of the procedure shares: the decision type, refusals, the recorder that folds
 * events as they are decided, and the few helpers for recipients, times and actors. Plain
 * functions, imported where used, so a step reads on its own.
 */

export type Decision =
  | { ok: true; events: CaseEvent[]; effects: Effect[]; message?: string }
  | { ok: false; refusal: string };

export type Decide = (state: CaseState | undefined, command: CaseCommand, now: Date) => Decision;

/** What a step knows besides the case: the partnership, its calendar and working hours. */
export type StepContext = {
  readonly config: PartnershipConfig;
  readonly calendar: WorkingCalendar;
  readonly hours: WorkingHours;
  /** Anchored whatever the configuration says, so "Jayden Smith RR-1" can never pass as a reference. */
  readonly caseRefPattern: RegExp;
};

export function stepContext(config: PartnershipConfig, calendar: WorkingCalendar): StepContext {
  return { config, calendar, hours: config.workingHours, caseRefPattern: new RegExp(`^(?:${config.caseReferencePattern})$`) };
}

export type CommandOf<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>;

/** A step's handler for one command type. */
export type Handler<T extends CaseCommand['type']> = (context: StepContext, state: CaseState | undefined, command: CommandOf<T>, now: Date) => Decision;

export const refuse = (refusal: string): Decision => ({ ok: false, refusal });

export const nothing = (message?: string): Decision => ({ ok: true, events: [], effects: [], ...(message ? { message } : {}) });

export const iso = (d: Date): string => d.toISOString();

/** "16:30 on Monday 8 June", relative to now. */
export const words = (at: string, now: Date): string => deadlineInWords(new Date(at), now);

export const person = (aadObjectId: string): Recipient => ({ kind: 'person', aadObjectId });

export const monitoring: Recipient = { kind: 'conversation', target: 'monitoring' };

type Version = number | undefined;
type Conversation = Extract<Recipient, { kind: 'conversation' }>['target'];

/**
 * Every send key the procedure uses, one named builder each. A send's key is its identity in the
 * outbox and, for a tracked card, the card that later refreshes: two steps building the same key
 * for different cards would overwrite each other's card. Written here side by side, each family
 * has its own prefix, and a step names the send it means instead of spelling out a string. The
 * strings are stored with cards already sent, so they never change.
 */
export const sendKey = {
  initialViewRequest: (to: string) => `initialViewRequest:${to}`,
  initialViewsDiffer: (version: Version) => `initialViewsDiffer:${version}`,
  partnerDecision: () => 'partnerDecision',
  statutoryNotificationRequest: (to: string) => `statutoryNotificationRequest:${to}`,
  reminder: (about: ReminderAbout, to: string) => `reminder:${about}:${to}`,
  overdue: (about: OverdueAbout) => `overdue:${about}`,
  disputeOpened: (version: Version) => `disputeOpened:${version}`,
  meetingOutcomeRequest: (chair: string, version: Version) => `meetingOutcomeRequest:${chair}:${version}`,
  arrangeMeetingRequest: (stage: DisputeStage, version: Version) => `arrangeMeetingRequest:${stage}:${version}`,
  meetingBooked: (stage: DisputeStage, target: Conversation) => `meetingBooked:${stage}:${target}`,
  meetingCancelled: (stage: DisputeStage, target: Conversation) => `meetingCancelled:${stage}:${target}`,
  disputeEscalated: (version: Version) => `disputeEscalated:${version}`,
  finalDecisionRequest: (maker: string, version: Version) => `finalDecisionRequest:${maker}:${version}`,
  scrutineerReview: (version: Version) => `scrutineerReview:${version}`,
  decisionReopened: (version: Version) => `decisionReopened:${version}`,
  decisionReopenedTo: (to: string, version: Version) => `decisionReopened:${to}:${version}`,
  decisionRecorded: (version: Version) => `decisionRecorded:monitoring:${version}`,
  decisionRecordedTo: (to: string, version: Version) => `decisionRecorded:${to}:${version}`,
  panelNotificationRequest: (to: string, version: Version) => `panelNotificationRequest:${to}:${version}`,
  panelNotificationConfirmed: () => 'panelNotificationConfirmed',
  nextStepRequest: (chair: string, version: Version) => `nextStepRequest:${chair}:${version}`,
  nextStepChosen: () => 'nextStepChosen',
  rapidReviewSetup: () => 'rapidReviewSetup',
  rapidReviewInvitation: (agency: string, to: string) => `rapidReviewInvitation:${agency}:${to}`,
  scopingRequest: (agency: string, to: string) => `scopingRequest:${agency}:${to}`,
  attendanceRequest: (partner: Partner, to: string) => `attendanceRequest:${partner}:${to}`,
  rapidReviewOutcomeRequest: (chair: string) => `rapidReviewOutcomeRequest:${chair}`,
  rapidReviewBoard: () => 'rapidReviewBoard',
  papersPrompt: () => 'papersPrompt',
  scopingChaser: (agency: string, chase: ScopingChase, day: string | undefined, to: string, version: Version) => `scopingChaser:${agency}:${chase}:${day ?? ''}:${to}:${version}`,
  scopingOverdue: (agency: string, dueAt: string) => `scopingOverdue:${agency}:${dueAt}`,
  extensionDecisionRequest: (agency: string, version: Version) => `extensionDecisionRequest:${agency}:${version}`,
  extensionAnswer: (agency: string, to: string, version: Version) => `extensionAnswer:${agency}:${to}:${version}`,
  noRapidReview: () => 'noRapidReview',
  noRapidReviewTo: (scrutineer: string) => `noRapidReview:${scrutineer}`,
  lcsprDecision: () => 'lcsprDecision',
  lcsprDispute: () => 'lcsprDispute',
  lcsprDisputeMonitoring: () => 'lcsprDispute:monitoring',
  lcsprDecidedScrutineer: () => 'lcsprDecided:scrutineer',
  lcsprDecidedMonitoring: () => 'lcsprDecided:monitoring',
  lcsprDisputeOverdue: () => 'lcsprChaser:disputeOverdue',
  lcsprReminder: (to: string) => `lcsprChaser:reminder:${to}`,
  lcsprRepliesOverdue: () => 'lcsprChaser:repliesOverdue',
  rapidReviewApproval: (chair: string) => `rapidReviewApproval:${chair}`,
  rapidReviewForInformation: (agency: string, to: string) => `rapidReviewForInformation:${agency}:${to}`,
  rapidReviewApproved: (to: string) => `rapidReviewApproved:${to}`,
  rapidReviewSendPrompt: () => 'rapidReviewSendPrompt',
  rapidReviewCompleted: () => 'rapidReviewCompleted',
  learningEvent: (to: string) => `learningEvent:${to}`,
  learningEventMonitoring: () => 'learningEvent:monitoring',
  learningEventLead: (to: string) => `learningEvent:lead:${to}`,
  learningEventChaser: (chase: LearningChase, to: string) => `learningEventChaser:${chase}:${to}`,
  learningEventOverdueMonitoring: () => 'learningEventChaser:overdue:monitoring',
  reviewGroupDispute: (dispute: string, to: string) => `reviewGroupDispute:${dispute}:${to}`,
  reviewGroupDisputeMonitoring: (dispute: string) => `reviewGroupDispute:${dispute}:monitoring`,
  reviewGroupDisputeDecider: (dispute: string) => `reviewGroupDispute:${dispute}:decider`,
  reviewGroupDisputeOutcomeReminder: (dispute: string, to: string) => `reviewGroupDisputeChaser:${dispute}:outcomeReminder:${to}`,
  reviewGroupDisputeOutcomeOverdue: (dispute: string) => `reviewGroupDisputeChaser:${dispute}:outcomeOverdue:monitoring`,
  reviewGroupDisputeDecisionReminder: (dispute: string) => `reviewGroupDisputeChaser:${dispute}:decisionReminder`,
  reviewGroupDisputeDecisionOverdue: (dispute: string) => `reviewGroupDisputeChaser:${dispute}:decisionOverdue:monitoring`,
  actionRequest: (action: string, to: string) => `actionRequest:${action}:${to}`,
  actionsComplete: (reviewKind: string) => `actionsComplete:${reviewKind}`,
  reviewConcluded: (reviewKind: string) => `reviewConcluded:${reviewKind}`,
  actionChaser: (action: string, chase: string, day: string, to: string) => `actionChaser:${action}:${chase}:${day}:${to}`,
  actionOverdueMonitoring: (action: string, dueDate: string) => `actionOverdue:${action}:${dueDate}`,
  actionsReport: (month: string) => `actionsReport:${month}`,
  localReviewBoard: (to: string) => `localReviewBoard:${to}`,
  localReviewBoardMonitoring: () => 'localReviewBoard:monitoring',
  localReviewLetter: (to: string) => `localReviewLetter:${to}`,
  localReviewJustification: (about: string) => `localReviewJustification:${about}`,
  /** A reminder or an alert about one of the local review's deadlines (`about` names the deadline). */
  localReviewChase: (kind: 'localReviewReminder' | 'localReviewOverdue', about: string, to: string) => `${kind}:${about}:${to}`,
} as const;

/** A malformed escape in a link (%E0%A4%A) is checked as written rather than failing the request. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const unique = (ids: string[]): string[] => [...new Set(ids)];

/** The actor's role for one statutory partner (representative or deputy), or undefined. */
export function partnerRoleFor(config: PartnershipConfig, actor: CommandActor, partner: Partner): Role | undefined {
  return rolesOf(config, actor.aadObjectId).find((role) => 'partner' in role && role.partner === partner);
}

export function actorAs(actor: CommandActor, role: Role): Actor {
  return { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: roleWords(role) };
}

/** Appends events to a running state so later rules see what earlier ones decided. */
export function recorder(start: CaseState | undefined) {
  let state = start;
  const events: CaseEvent[] = [];
  const effects: Effect[] = [];
  return {
    get state() {
      return state;
    },
    record(event: CaseEvent) {
      state = evolve(state, event);
      events.push(event);
    },
    effect(effect: Effect) {
      effects.push(effect);
    },
    done(message?: string): Decision {
      // A refresh re-renders every tracked card from the committed state: one, last, is enough.
      const last = effects.findLastIndex((e) => e.type === 'refreshCards');
      const kept = effects.filter((e, i) => e.type !== 'refreshCards' || i === last);
      return { ok: true, events, effects: kept, ...(message ? { message } : {}) };
    },
  };
}
export type Recorder = ReturnType<typeof recorder>;
