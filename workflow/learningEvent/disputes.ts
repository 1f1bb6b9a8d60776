import { sendAsked } from '../whenAway.js';
import { actingRole } from '../access.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, sendKey, words, type Handler, type Recorder, type StepContext } from '../kernel.js';
import type { Actor } from '../events.js';
import { londonDate } from '../rapidReview/dates.js';
import { learningEventBlocked, openLearningEvent } from './opening.js';
import { deciderPerson, disputeMembers } from './people.js';
import { disputeConclusion, openDispute, type ReviewGroupDispute } from './state.js';
import { ABOUT_WORDS, CONCLUSION_WORDS, DECIDER_WORDS } from './words.js';

/**
 * Review-group disputes (002 8.2): "Where there is a disagreement regarding whether a case has met
 * the criteria for a local learning event or that a case referral should be considered by the
 * Learning Inquiry Group ... The Learning Inquiry Group safeguarding partner representatives,
 * including the chair of the Learning Inquiry Group, will review the decision collectively and
 * agree an outcome (within three working days). In exceptional circumstances where a decision
 * cannot be reached by the safeguarding partners, this will be escalated for decision by the
 * partnership chair (within three working days)." The decider is the partnership's
 * `reviewDisputeDecider` (Brighton & Hove, 003: the independent scrutineer), as for the LCSPR.
 * The review group chair records the collective outcome. Silence decides nothing: a missed
 * outcome goes to the decider, a missed decision is reported to the monitoring channel. (Unlike
 * the notification's stage 1, which since issue 14 is chased and never escalated by itself: 8.2
 * gives the partner representatives a time limit, "within three working days", and a decision
 * not reached within it is one that "cannot be reached", so it goes to the decider at once.)
 */

export const DISPUTE_DAYS = 3;

export const openReviewGroupDispute: Handler<'OpenReviewGroupDispute'> = ({ config, calendar }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'OpenReviewGroupDispute');
  if (!role) return refuse("Only a safeguarding partner's representative or deputy, the review group chair or the business unit raises a disagreement for the review group.");
  if (!state) return refuse('There is no such case.');
  const open = openDispute(state.reviewGroupDisputes);
  if (open) return refuse(`A disagreement on ${state.referral.caseRef} is already open (${ABOUT_WORDS[open.about]}): its outcome is due by ${words(open.escalated?.decisionDueAt ?? open.outcomeDueAt, now)}.`);
  if (command.about === 'learningEvent') {
    const blocked = learningEventBlocked(state);
    if (blocked) return refuse(blocked);
  }
  const problem = checkFreeText('reason for the disagreement', command.reason, { required: true });
  if (problem) return refuse(problem.message);
  const id = `rgd-${(state.reviewGroupDisputes?.length ?? 0) + 1}`;
  const due = calendar.addWorkingDays(now, DISPUTE_DAYS);
  const r = recorder(state);
  r.record({ type: 'ReviewGroupDisputeOpened', at: iso(now), by: actorAs(command.actor, role), id, about: command.about, reason: command.reason.trim(), outcomeDueAt: iso(due) });
  sendAsked(r, config, now, disputeMembers(config), { kind: 'reviewGroupDispute' }, (who) => sendKey.reviewGroupDispute(id, who), true);
  r.effect({ type: 'send', key: sendKey.reviewGroupDisputeMonitoring(id), to: monitoring, card: { kind: 'reviewGroupDispute' }, tracked: true });
  return r.done(`Recorded the disagreement. The partner representatives and the review group chair agree an outcome by ${words(iso(due), now)}.`);
};

/** Sends the dispute to the decider, with 3 working days from now. */
export function escalate(r: Recorder, { config, calendar }: StepContext, d: ReviewGroupDispute, reason: 'notResolved' | 'outcomeOverdue', now: Date) {
  const decider = config.reviewDisputeDecider;
  const due = calendar.addWorkingDays(now, DISPUTE_DAYS);
  r.record({ type: 'ReviewGroupDisputeEscalated', at: iso(now), id: d.id, reason, decider, decisionDueAt: iso(due) });
  const who = deciderPerson(config, decider).aadObjectId;
  sendAsked(r, config, now, [who], { kind: 'reviewGroupDispute' }, () => sendKey.reviewGroupDisputeDecider(d.id), true);
  r.effect({ type: 'refreshCards' });
  return due;
}

/** A settled "hold a learning event" opens it, dated the day of the outcome. */
function conclude(r: Recorder, context: StepContext, id: string, by: Actor, rationale: string, now: Date): string {
  const d = r.state!.reviewGroupDisputes!.find((x) => x.id === id)!;
  const met = disputeConclusion(d);
  const outcome = `Outcome: ${CONCLUSION_WORDS[d.about][met ? 'yes' : 'no']}.`;
  if (d.about !== 'learningEvent' || !met) return outcome;
  // Opened only where it still may be; the dispute could not have been opened otherwise.
  if (learningEventBlocked(r.state)) return outcome;
  const due = openLearningEvent(r, context, now, { by, decidedOn: londonDate(now), rationale, basis: 'reviewGroupDispute', disputeId: id });
  return `${outcome} The local learning event is opened. ${due}`;
}

export const recordReviewGroupDisputeOutcome: Handler<'RecordReviewGroupDisputeOutcome'> = (context, state, command, now) => {
  const role = actingRole(context.config, command.actor.aadObjectId, 'RecordReviewGroupDisputeOutcome');
  if (!role) return refuse("Only the review group chair records the partner representatives' outcome.");
  const d = openDispute(state?.reviewGroupDisputes);
  if (!state || !d) return refuse('There is no open disagreement for the review group on this case.');
  if (d.escalated) return refuse(`The disagreement went to the ${DECIDER_WORDS[d.escalated.decider]} at ${words(d.escalated.at, now)}, who decides by ${words(d.escalated.decisionDueAt, now)}.`);
  if (command.outcome === 'agreed' && command.criteriaMet === undefined) return refuse('Say what was agreed.');
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  const by = actorAs(command.actor, role);
  const rationale = command.rationale.trim();
  r.record({ type: 'ReviewGroupDisputeOutcomeRecorded', at: iso(now), by, id: d.id, outcome: command.outcome, ...(command.outcome === 'agreed' ? { criteriaMet: command.criteriaMet! } : {}), rationale });
  if (command.outcome === 'notResolved') {
    const due = escalate(r, context, d, 'notResolved', now);
    return r.done(`Recorded: not resolved. The ${DECIDER_WORDS[context.config.reviewDisputeDecider]} decides by ${words(iso(due), now)}.`);
  }
  const message = conclude(r, context, d.id, by, rationale, now);
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded the agreed outcome. ${message}`);
};

export const decideReviewGroupDispute: Handler<'DecideReviewGroupDispute'> = (context, state, command, now) => {
  const role = actingRole(context.config, command.actor.aadObjectId, 'DecideReviewGroupDispute');
  if (!role) return refuse(`Only the ${DECIDER_WORDS[context.config.reviewDisputeDecider]} decides a disagreement the review group could not resolve.`);
  const d = openDispute(state?.reviewGroupDisputes);
  if (!state || !d) return refuse('There is no open disagreement for the review group on this case.');
  if (!d.escalated) return refuse(`The partner representatives and the review group chair have until ${words(d.outcomeDueAt, now)} to agree an outcome; it comes to you only if they cannot.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  const by = actorAs(command.actor, role);
  const rationale = command.rationale.trim();
  r.record({ type: 'ReviewGroupDisputeDecided', at: iso(now), by, id: d.id, criteriaMet: command.criteriaMet, rationale });
  const message = conclude(r, context, d.id, by, rationale, now);
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded your decision. ${message}`);
};
