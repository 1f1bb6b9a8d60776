import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, sendKey, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';

/** After a decision not to notify (DOMAIN step 8): the review group chair chooses the next step, with a rationale. */

export const chooseNextStep: Handler<'ChooseNextStep'> = ({ config }, state, command, now) => {
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'ChooseNextStep');
  if (!role) return refuse('Only the review group chair can choose the next step.');
  if (state.nextStep) return refuse(`The next step for ${state.referral.caseRef} was already chosen by ${state.nextStep.by.displayName} on ${words(state.nextStep.at, now)}.`);
  if (state.stage !== 'awaitingNextStep') return refuse(`Case ${state.referral.caseRef} is not waiting for a next step.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  r.record({ type: 'NextStepChosen', at: iso(now), by: actorAs(command.actor, role), step: command.step, rationale: command.rationale.trim() });
  r.effect({ type: 'send', key: sendKey.nextStepChosen(), to: monitoring, card: { kind: 'nextStepChosen' }, tracked: false });
  r.effect({ type: 'refreshCards' });
  return r.done(`Next step for ${state.referral.caseRef} recorded.`);
};
