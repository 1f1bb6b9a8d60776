import type { CaseState } from '../state.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { deadlineInWords } from '../calendar/words.js';
import { PARTNERS, PARTNER_NAMES, finalDecisionMaker, type Partner, type PartnershipConfig } from '../partnership.js';
import { ROLE_WORDS, STAGE_LABELS } from '../words.js';
import { type CaseSummary, type MonitoringStage, type RagStatus } from './schemas.js';
import { NO_DEADLINE_TEXT, closedLabel, outstandingDuties } from './outstanding.js';

/**
 * One line of the business unit's "open cases" view, derived from a case's state at `now`: where
 * it stands, whom it waits for, its next deadline and a red/amber/green status. Pure: the same
 * state and instant always give the same line, so every rule is tested with fixed instants.
 */

type Clock = { start: string; due: string; about: string };
type Position = { stage: MonitoringStage; waitingFor: string[]; clock?: Clock };

export function monitoringStage(state: CaseState): MonitoringStage {
  // A re-opened decision (002 8.1) waits on the partnership chair, whatever else goes on meanwhile.
  if (state.reconsideration) return 'disputeStage2';
  if (state.stage === 'dispute') return state.dispute?.stage === 2 ? 'disputeStage2' : 'disputeStage1';
  return state.stage;
}

/**
 * A party waited for, with the named person who is to act: "Police (Isaiah Langer)", or
 * "Health (ICB, Patti Fernandez)" where the party's own name already ends in brackets. Only
 * professionals from the partnership's roster are named, never anyone the case is about.
 */
export function partyWithPerson(party: string, person: string): string {
  return party.endsWith(')') ? `${party.slice(0, -1)}, ${person})` : `${party} (${person})`;
}

function position(state: CaseState, config: PartnershipConfig): Position {
  const person = (p: { displayName: string }, role: string) => `${p.displayName} (${role})`;
  const partner = (p: Partner) => partyWithPerson(PARTNER_NAMES[p], config.partners[p].representative.displayName);
  const agency = (id: string) => {
    const a = config.agencies.find((x) => x.id === id);
    return a ? partyWithPerson(a.name, a.contact.displayName) : id;
  };
  const stage = monitoringStage(state);
  switch (stage) {
    case 'awaitingInitialView':
      return {
        stage,
        waitingFor: [person(config.reviewGroupChair, ROLE_WORDS.reviewGroupChair), person(config.childrensServicesDirector, ROLE_WORDS.childrensServicesDirector)],
        clock: { start: state.loggedAt, due: state.initialViewDueAt, about: 'Initial view' },
      };
    case 'awaitingPartnerReplies': {
      const view = state.initialView;
      if (!view?.postedAt || !view.repliesDueAt) return { stage, waitingFor: ["The partners' card to reach the decision channel"] };
      const waiting = PARTNERS.filter((p) => state.positions[p].status === 'awaiting').map(partner);
      return { stage, waitingFor: waiting, clock: { start: view.postedAt, due: view.repliesDueAt, about: "Partners' replies (silence counts as agreement)" } };
    }
    case 'disputeStage1': {
      const d = state.dispute!;
      if (d.outcome) return { stage, waitingFor: [] };
      return {
        stage,
        waitingFor: [...d.disagreeing.map(partner), person(config.reviewGroupChair, `${ROLE_WORDS.reviewGroupChair}, to record the outcome`)],
        clock: { start: d.openedAt, due: d.meetingDueAt, about: "Partners' meeting held and outcome recorded" },
      };
    }
    case 'disputeStage2': {
      const d = state.dispute!;
      const due = d.reopened?.decisionDueAt ?? d.escalated?.decisionDueAt;
      const start = d.reopened?.at ?? d.escalated?.at ?? d.openedAt;
      const maker = person(finalDecisionMaker(config), 'decision maker');
      return { stage, waitingFor: [maker], ...(due ? { clock: { start, due, about: 'Final decision' } } : {}) };
    }
    case 'awaitingPanelNotification':
      return {
        stage,
        waitingFor: [person(config.partners.localAuthority.representative, 'local authority representative')],
        // The statutory clock runs from becoming aware (002 Section B), not from the decision.
        clock: { start: state.referral.awareAt, due: state.panelNotificationDueAt, about: 'Panel notification' },
      };
    case 'awaitingNextStep':
      return { stage, waitingFor: [person(config.reviewGroupChair, `${ROLE_WORDS.reviewGroupChair}, to choose the next step`)] };
    case 'panelNotified':
      return { stage, waitingFor: ['Business unit, to open the rapid review'] };
    case 'rapidReview': {
      const rr = state.rapidReview!;
      if (!rr.setup) return { stage, waitingFor: ['Business unit, to set up the rapid review'], clock: { start: rr.openedAt, due: rr.dueAt, about: 'Rapid review completed' } };
      const outstanding = rr.agencyOrder.filter((id) => ['requested', 'extensionAsked', 'extensionAgreed'].includes(rr.agencies[id]?.status ?? ''));
      if (outstanding.length === 0) {
        return { stage, waitingFor: [person(config.reviewGroupChair, `${ROLE_WORDS.reviewGroupChair}, to record the rapid review's outcome`)], clock: { start: rr.openedAt, due: rr.dueAt, about: 'Rapid review completed' } };
      }
      const name = (id: string) => config.agencies.find((a) => a.id === id)?.name ?? id;
      const earliest = outstanding.reduce((a, b) => (Date.parse(rr.agencies[a]!.dueAt) <= Date.parse(rr.agencies[b]!.dueAt) ? a : b));
      return {
        stage,
        waitingFor: outstanding.map(agency),
        clock: { start: rr.setup.at, due: rr.agencies[earliest]!.dueAt, about: `Scoping return: ${name(earliest)}` },
      };
    }
    case 'closed':
      return { stage, waitingFor: [] };
  }
}

/**
 * Red once the deadline has passed (the deadline itself is still on time); amber while LESS than
 * half the working time is left, so exactly half left is still green; green otherwise. Measured in
 * working time, not by the wall clock: an evening or a bank holiday uses none of the time.
 */
export function ragStatus(clock: Clock | undefined, calendar: WorkingCalendar, now: Date): RagStatus {
  if (!clock) return 'green';
  const due = new Date(clock.due);
  if (now.getTime() > due.getTime()) return 'red';
  const total = calendar.workingTimeBetween(new Date(clock.start), due);
  const left = calendar.workingTimeBetween(now, due);
  return left * 2 < total ? 'amber' : 'green';
}

const STATUS_TEXT: Record<RagStatus, string> = {
  red: 'Overdue',
  amber: 'Less than half the time left',
  green: 'On track',
  closed: 'Closed',
};

export function caseSummary(state: CaseState, caseRef: string, lastChangedAt: string, config: PartnershipConfig, calendar: WorkingCalendar, now: Date): CaseSummary {
  const { stage, waitingFor: stepWaitingFor, clock } = position(state, config);
  const outstanding = outstandingDuties(state, config);
  const waitingFor = [...stepWaitingFor, ...outstanding];
  // A closed case still owing a notification is not done; with no deadline it cannot be late.
  const status = stage === 'closed' ? (outstanding.length > 0 ? 'green' : 'closed') : ragStatus(clock, calendar, now);
  return {
    caseRef,
    stage,
    stageLabel: closedLabel(state) ?? STAGE_LABELS[stage],
    waitingFor,
    ...(clock ? { nextDeadline: { about: clock.about, dueAt: clock.due, inWords: deadlineInWords(new Date(clock.due), now) } } : {}),
    status,
    statusText: stage === 'closed' && status === 'green' ? NO_DEADLINE_TEXT : STATUS_TEXT[status],
    referredAt: state.loggedAt,
    lastChangedAt,
  };
}
