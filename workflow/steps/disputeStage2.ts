import { sendAsked } from '../whenAway.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, person, recorder, refuse, sendKey, words, type Handler, type Recorder, type StepContext } from '../kernel.js';
import { actingRole } from '../access.js';
import { finalDecisionMaker } from '../partnership.js';
import type { CaseState } from '../state.js';
import { declareTimers, timer } from '../timers.js';
import { VIEW_WORDS } from '../words.js';
import { raiseOverdue } from './notices.js';
import { announceDecision } from './outcome.js';
import { raiseNewInformation, redecide } from './reconsideration.js';

/**
 * Dispute stage 2 (DOMAIN step 6): the partnership's final decision maker decides within 1 WD,
 * after a meeting with the independent scrutineer as mediator; a final decision may be re-opened.
 */

export function escalate({ config, calendar }: StepContext, r: Recorder, now: Date, reason: 'notResolved' | 'outcomeOverdue') {
  r.record({ type: 'DisputeEscalated', at: iso(now), reason, decisionDueAt: iso(calendar.addWorkingDays(now, 1)) });
  const v = r.state?.version;
  r.effect({ type: 'send', key: sendKey.disputeEscalated(v), to: monitoring, card: { kind: 'disputeEscalated' }, tracked: false });
  r.effect({ type: 'bookMeeting', stage: 2 });
  const maker = finalDecisionMaker(config).aadObjectId;
  sendAsked(r, config, now, [maker], { kind: 'finalDecisionRequest' }, (id) => sendKey.finalDecisionRequest(id, v), true);
  r.effect({ type: 'refreshCards' });
}

/** When the awaited final decision is due, while a dispute is at stage 2. */
export function finalDecisionDue(state: CaseState): string | undefined {
  if (state.reconsideration) return state.reconsideration.decisionDueAt;
  const d = state.dispute;
  if (state.decision || !d || d.stage !== 2) return undefined;
  return d.reopened?.decisionDueAt ?? d.escalated?.decisionDueAt;
}

export const recordFinalDecision: Handler<'RecordFinalDecision'> = (context, state, command, now) => {
  const { config } = context;
  if (!state) return refuse('There is no such case.');
  const maker = finalDecisionMaker(config);
  const role = actingRole(config, command.actor.aadObjectId, 'RecordFinalDecision');
  if (!role) return refuse(`Only the partnership's final decision maker (${maker.displayName}) can record the final decision.`);
  if (state.decision && !state.reconsideration) return refuse(`The decision on ${state.referral.caseRef} (${VIEW_WORDS[state.decision.decision]}) was already recorded on ${words(state.decision.at, now)}. Re-open it if new information has arrived.`);
  if (!finalDecisionDue(state)) return refuse(`Case ${state.referral.caseRef} is not waiting for a final decision.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  if (state.reconsideration) return redecide(context, state, command.actor, actorAs(command.actor, role), command.decision, command.rationale.trim(), command.scrutineerAttended, now);
  const r = recorder(state);
  r.record({ type: 'DecisionReached', at: iso(now), decision: command.decision, basis: 'finalDecision', by: actorAs(command.actor, role), rationale: command.rationale.trim(), scrutineerAttended: command.scrutineerAttended });
  announceDecision(context, r, command.decision, now);
  const scrutineer = config.independentScrutineer.aadObjectId;
  if (!command.scrutineerAttended && scrutineer !== command.actor.aadObjectId) {
    r.effect({ type: 'send', key: sendKey.scrutineerReview(r.state?.version), to: person(scrutineer), card: { kind: 'scrutineerReview' }, tracked: false });
  }
  r.effect({ type: 'refreshCards' });
  return r.done(`Final decision recorded: ${VIEW_WORDS[command.decision]}.`);
};

/** New information on a final decision (002 8.1): raised through the business unit, decided again by the partnership chair; see reconsideration.ts. */
export const reopenDecision: Handler<'ReopenDecision'> = (context, state, command, now) => {
  const { config } = context;
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'ReopenDecision');
  if (!role) return refuse(`Only the business unit or the partnership chair (${finalDecisionMaker(config).displayName}) can re-open a final decision on new information.`);
  if (state.reconsideration) return refuse(`The decision on ${state.referral.caseRef} was already re-opened by ${state.reconsideration.by.displayName} at ${words(state.reconsideration.at, now)}; the partnership chair's new decision is due by ${words(state.reconsideration.decisionDueAt, now)}.`);
  if (!state.decision || state.decision.basis !== 'finalDecision') return refuse(`There is no final decision on ${state.referral.caseRef} to re-open.`);
  if (state.closedByReversal) return refuse(`Case ${state.referral.caseRef} was closed when its decision was reversed.`);
  const problem = checkFreeText('reason', command.reason, { required: true });
  if (problem) return refuse(problem.message);
  return raiseNewInformation(context, state, actorAs(command.actor, role), command.reason.trim(), now);
};

/** An alert when the final decision is overdue (once per escalation or re-opening). */
export const disputeStage2Timers = declareTimers(['dispute:finalDecision'], (state) => {
  const due = finalDecisionDue(state);
  if (!due || state.overdueRaised.includes('finalDecision')) return [];
  return timer('dispute:finalDecision', new Date(due), (r, _, now) => raiseOverdue(r, now, 'finalDecision'));
});
