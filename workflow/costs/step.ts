import { actingRole } from '../access.js';
import { actorAs, iso, recorder, refuse, type Handler } from '../kernel.js';
import { reviewProblem } from '../actions/steps.js';
import { REVIEW_WORDS } from '../actions/words.js';
import { apportionmentProblem, payerOf } from './rules.js';

/**
 * The business unit records a review's estimated cost and the apportionment the partners agreed
 * (000 1.2.3). It can be recorded again as the estimate is monitored ("All reviews should have an
 * outline of estimated costs and that this is monitored on an ongoing basis"); the latest stands
 * and the history keeps each. Nothing in the procedure waits for it: 000 1.2.1 "Joint funding
 * decisions and disputes on local case review should not delay the delivery of a local review
 * once it has been agreed that such a review is warranted". No timer reads this slice.
 */
export const recordReviewCosts: Handler<'RecordReviewCosts'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordReviewCosts');
  if (!role) return refuse("Only the business unit records a review's costs and how they are shared.");
  const problem = reviewProblem(state, command.review.kind);
  if (problem) return problem;
  const why = apportionmentProblem(config, command.estimate, command.model, command.shares);
  if (why) return refuse(why);
  const r = recorder(state);
  r.record({ type: 'ReviewCostsRecorded', at: iso(now), by: actorAs(command.actor, role), review: command.review, estimate: command.estimate, model: command.model, shares: command.shares });
  r.effect({ type: 'refreshCards' });
  const split = command.shares.map((s) => `${payerOf(config, s.payer)!.name} ${s.percent}%`).join(', ');
  return r.done(`Recorded the costs of ${REVIEW_WORDS[command.review.kind]}: an estimate of £${command.estimate.toLocaleString('en-GB')}, ${command.model === 'option1' ? 'option 1 (apportioned by involvement)' : 'option 2'}: ${split}. Funding never delays the review.`);
};
