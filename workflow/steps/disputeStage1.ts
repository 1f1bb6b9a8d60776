import { sendAsked } from '../whenAway.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, sendKey, unique, words, type Handler, type Recorder, type StepContext } from '../kernel.js';
import { actingRole } from '../access.js';
import { finalDecisionMaker, type Partner } from '../partnership.js';
import { declareTimers, timer } from '../timers.js';
import { VIEW_WORDS } from '../words.js';
import { escalate, finalDecisionDue } from './disputeStage2.js';
import { raiseOverdue, remind } from './notices.js';
import { announceDecision } from './outcome.js';

/**
 * Dispute stage 1 (DOMAIN step 5): the partners meet within 1 WD of the dispute arising and the
 * review group chair records the outcome: agreed (the decision) or not resolved (stage 2).
 */

/** The partners disagree: a meeting is booked, and the chair is asked for its outcome. */
export function openDispute({ config, calendar }: StepContext, r: Recorder, now: Date, disagreeing: Partner[], arose: Date) {
  r.record({ type: 'DisputeOpened', at: iso(now), disagreeing, meetingDueAt: iso(calendar.addWorkingDays(arose, 1)) });
  const v = r.state?.version;
  r.effect({ type: 'send', key: sendKey.disputeOpened(v), to: monitoring, card: { kind: 'disputeOpened' }, tracked: false });
  r.effect({ type: 'bookMeeting', stage: 1 });
  const chair = config.reviewGroupChair.aadObjectId;
  sendAsked(r, config, now, [chair], { kind: 'meetingOutcomeRequest' }, (id) => sendKey.meetingOutcomeRequest(id, v), true);
}

export const recordMeetingOutcome: Handler<'RecordMeetingOutcome'> = (context, state, command, now) => {
  const { config } = context;
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'RecordMeetingOutcome');
  if (!role) return refuse("Only the review group chair can record the partners' meeting's outcome.");
  const d = state.dispute;
  if (state.decision) return refuse(`The decision on ${state.referral.caseRef} (${VIEW_WORDS[state.decision.decision]}) was already recorded on ${words(state.decision.at, now)}.`);
  if (!d || state.stage !== 'dispute') return refuse(`Case ${state.referral.caseRef} has no partners' meeting to record.`);
  if (d.outcome || d.stage !== 1) {
    return refuse(`The partners' meeting is no longer open for an outcome: the case has gone to ${finalDecisionMaker(config).displayName} for a final decision.`);
  }
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  if (command.outcome === 'agreed' && !command.decision) return refuse('Say what the partners agreed: notify or do not notify.');
  const by = actorAs(command.actor, role);
  const rationale = command.rationale.trim();
  const r = recorder(state);
  r.record({ type: 'MeetingOutcomeRecorded', at: iso(now), by, outcome: command.outcome, ...(command.outcome === 'agreed' ? { decision: command.decision! } : {}), rationale });
  if (command.outcome === 'agreed') {
    r.record({ type: 'DecisionReached', at: iso(now), decision: command.decision!, basis: 'meetingAgreed', by, rationale });
    announceDecision(context, r, command.decision!, now);
    r.effect({ type: 'refreshCards' });
    return r.done(`Recorded: the partners agreed at the meeting (${VIEW_WORDS[command.decision!]}).`);
  }
  escalate(context, r, now, 'notResolved');
  return r.done(`Recorded: not resolved. The case goes to ${finalDecisionMaker(config).displayName} for a final decision by ${words(finalDecisionDue(r.state!)!, now)}.`);
};

/**
 * No outcome recorded in time: the outcome is chased, never assumed. Stage 2 is for differences
 * that "cannot be resolved" (002 Section B step 6), which only the chair's "not resolved" says;
 * a missed click is not one. The chair and the business unit are chased and the monitoring
 * channel is told, once; the chair's card stays open for the outcome.
 */
export const disputeStage1Timers = declareTimers(['dispute:meetingOutcome'], (state) => {
  const d = state.dispute;
  if (state.stage !== 'dispute' || !d || d.stage !== 1 || d.outcome || state.overdueRaised.includes('meetingOutcome')) return [];
  return timer('dispute:meetingOutcome', new Date(d.meetingDueAt), (r, { config }, now) => {
    raiseOverdue(r, now, 'meetingOutcome');
    remind(r, config, now, 'meetingOutcome', unique([config.reviewGroupChair.aadObjectId, ...config.businessUnit.map((p) => p.aadObjectId)]));
  });
});
