import { sendAsked } from '../whenAway.js';
import type { CommandActor } from '../commands.js';
import type { View } from '../events.js';
import { iso, monitoring, person, recorder, sendKey, unique, words, type Decision, type Recorder, type StepContext } from '../kernel.js';
import { finalDecisionMaker } from '../partnership.js';
import type { CaseState } from '../state.js';
import type { Actor } from '../events.js';
import { VIEW_WORDS, withRole } from '../words.js';
import { announceDecision } from './outcome.js';

/**
 * Re-opening a final decision on new information (002 Section E 8.1: "this should be raised via
 * the IOWSCP Team with the Chair of LIG, the IOWSCP Partnership Chair and the IOWSCP Independent
 * Scrutineer. The IOWSCP Partnership Chair is the decision maker."). The business unit (or the
 * partnership chair) raises it; the review group chair, the partnership chair and the scrutineer
 * are told; the partnership chair decides within 1 WD. Until then the decision stands and nothing
 * that followed from it is undone: the Panel notification, the rapid review's set-up, returns and
 * attendance stay. The same decision again keeps the case going; a reversal after the Panel was
 * notified closes it with the chair's reason recorded.
 */

export function raiseNewInformation({ config, calendar }: StepContext, state: CaseState, by: Actor, reason: string, now: Date): Decision {
  const r = recorder(state);
  r.record({ type: 'DecisionReopened', at: iso(now), by, reason, decisionDueAt: iso(calendar.addWorkingDays(now, 1)), keepsOutcome: true });
  const v = r.state?.version;
  const maker = finalDecisionMaker(config).aadObjectId;
  r.effect({ type: 'send', key: sendKey.decisionReopened(v), to: monitoring, card: { kind: 'decisionReopened' }, tracked: false });
  // All of whom are told (8.1); the partnership chair is asked for the decision on their own card.
  for (const id of unique([config.reviewGroupChair.aadObjectId, config.independentScrutineer.aadObjectId])) {
    r.effect({ type: 'send', key: sendKey.decisionReopenedTo(id, v), to: person(id), card: { kind: 'decisionReopened' }, tracked: false });
  }
  sendAsked(r, config, now, [maker], { kind: 'finalDecisionRequest' }, (id) => sendKey.finalDecisionRequest(id, v), true);
  r.effect({ type: 'refreshCards' });
  const due = words(r.state!.reconsideration!.decisionDueAt, now);
  return r.done(
    `Re-opened on new information. ${withRole(finalDecisionMaker(config), 'partnershipChair')} decides again by ${due}; the review group chair and the independent scrutineer have been told. Until then the decision stands and the case carries on.`,
  );
}

/** The partnership chair's decision on a re-opened case: the same outcome (confirmed) or the other (reversed). */
export function redecide(context: StepContext, state: CaseState, actor: CommandActor, by: Actor, decision: View, rationale: string, scrutineerAttended: boolean, now: Date): Decision {
  const { config } = context;
  const before = state.decision!.decision;
  const outcome = decision === before ? 'confirmed' : 'reversed';
  const closes = outcome === 'reversed' && (state.panelNotification !== undefined || state.rapidReview !== undefined);
  const r = recorder(state);
  r.record({ type: 'DecisionReached', at: iso(now), decision, basis: 'finalDecision', by, rationale, scrutineerAttended, reconsidered: outcome });
  if (outcome === 'reversed' && !closes) announceDecision(context, r, decision, now);
  else tellDecided(context, r);
  const scrutineer = config.independentScrutineer.aadObjectId;
  if (!scrutineerAttended && scrutineer !== actor.aadObjectId) {
    r.effect({ type: 'send', key: sendKey.scrutineerReview(r.state?.version), to: person(scrutineer), card: { kind: 'scrutineerReview' }, tracked: false });
  }
  r.effect({ type: 'refreshCards' });
  if (outcome === 'confirmed') return r.done(`Decision confirmed on the new information: ${VIEW_WORDS[decision]}. The case carries on as it was.`);
  if (closes) return r.done(`Decision reversed: ${VIEW_WORDS[decision]}. The Panel had been notified, so the case is closed with your reason recorded.`);
  return r.done(`Decision reversed: ${VIEW_WORDS[decision]}. The case now follows the new decision.`);
}

/** The monitoring channel, the scrutineer and the strategic partnership manager see the new decision; nobody is asked to act again. */
function tellDecided({ config }: StepContext, r: Recorder) {
  const v = r.state?.version;
  r.effect({ type: 'send', key: sendKey.decisionRecorded(v), to: monitoring, card: { kind: 'decisionRecorded' }, tracked: false });
  const informed = unique([config.independentScrutineer.aadObjectId, ...(config.strategicPartnershipManager ? [config.strategicPartnershipManager.aadObjectId] : [])]);
  for (const id of informed) r.effect({ type: 'send', key: sendKey.decisionRecordedTo(id, v), to: person(id), card: { kind: 'decisionRecorded' }, tracked: false });
}
