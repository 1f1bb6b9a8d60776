import { actorAs, iso, monitoring, recorder, refuse, type Handler, sendKey } from '../kernel.js';
import { actingRole } from '../access.js';
import { dateProblem, dayWords, findReview, sendBoard } from './common.js';
import { MILESTONE_WORDS, type Milestone } from './words.js';
import { pastSixMonths } from './rules.js';

/**
 * The review's milestones (002 Appendix A stage 2, steps 18-26; step 20, the action plans, is the actions area). The business unit plans
 * each (and can move it) and records it done: who, and on which date. Step 24 carries the
 * executive's decision on publication (5.15: "The ... Executive Group decide on publication,
 * including the documents to be published. This may include a decision not to publish"); a
 * decision not to publish prompts the justification to the Panel and the Secretary of State (5.18).
 */

const lower = (m: Milestone) => MILESTONE_WORDS[m].charAt(0).toLowerCase() + MILESTONE_WORDS[m].slice(1);

export const planLocalReviewMilestone: Handler<'PlanLocalReviewMilestone'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'PlanLocalReviewMilestone');
  if (!role) return refuse('Only the business unit plans the review\'s milestones.');
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  const m = l.milestones[command.milestone];
  if (m?.done) return refuse(`${MILESTONE_WORDS[command.milestone]}: already recorded done on ${dayWords(m.done.doneDate)}.`);
  const problem = dateProblem(command.plannedDate, l, now, 'future', 'planned date');
  if (problem) return refuse(problem);
  if (m?.plannedDate === command.plannedDate) return refuse(`${MILESTONE_WORDS[command.milestone]} is already planned for ${dayWords(command.plannedDate)}.`);
  const r = recorder(state);
  r.record({ type: 'LocalReviewMilestonePlanned', at: iso(now), by: actorAs(command.actor, role), milestone: command.milestone, plannedDate: command.plannedDate });
  r.effect({ type: 'refreshCards' });
  const late = pastSixMonths(command.plannedDate, l.publicationDueDate) ? ` Note: that is after the six-month publication deadline (${dayWords(l.publicationDueDate)}).` : '';
  return r.done(`${m?.plannedDate ? 'Moved' : 'Planned'}: ${lower(command.milestone)} on ${dayWords(command.plannedDate)}.${late}`);
};

export const recordLocalReviewMilestone: Handler<'RecordLocalReviewMilestone'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLocalReviewMilestone');
  if (!role) return refuse("Only the business unit records the review's milestones.");
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  const m = l.milestones[command.milestone];
  if (m?.done) return refuse(`${MILESTONE_WORDS[command.milestone]}: already recorded done by ${m.done.by.displayName} on ${dayWords(m.done.doneDate)}.`);
  const problem = dateProblem(command.doneDate, l, now, 'past', 'date it was done');
  if (problem) return refuse(problem);
  const approval = command.milestone === 'executiveApproval';
  if (approval && command.publish === undefined) return refuse('Say whether the executive decided to publish the report.');
  if (!approval && command.publish !== undefined) return refuse('Only the executive approval (step 24) carries the decision to publish.');
  if (approval && l.published) return refuse(`The report was already published on ${dayWords(l.published.publishedDate)}.`);
  const r = recorder(state);
  r.record({ type: 'LocalReviewMilestoneDone', at: iso(now), by: actorAs(command.actor, role), milestone: command.milestone, doneDate: command.doneDate, ...(approval ? { publish: command.publish } : {}) });
  let then = '';
  if (approval && command.publish === false) {
    // 5.18: "set out for the Panel and the Secretary of State the justification for any non-publication".
    sendBoard(r, config);
    r.effect({ type: 'send', key: sendKey.localReviewJustification('notPublished'), to: monitoring, card: { kind: 'localReviewJustification' }, tracked: true });
    then = ' The executive decided not to publish: please send the justification to the Panel and the Secretary of State and record it.';
  } else if (approval) {
    then = l.publication ? '' : ' Please plan the publication date: the copy to the Panel and the Secretary of State is due 7 working days before it.';
  }
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: ${lower(command.milestone)}, done on ${dayWords(command.doneDate)}.${then}`);
};
