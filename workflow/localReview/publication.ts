import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, words, type Handler, type Recorder, sendKey } from '../kernel.js';
import { actingRole } from '../access.js';
import type { PartnershipConfig } from '../partnership.js';
import { dateProblem, dayWords, findReview, publicLink, sendBoard, sentAtProblem } from './common.js';
import { copyDueAt, endOfLondonDate, pastSixMonths } from './rules.js';
import { publishDecision, type LocalReview } from './state.js';
import type { Justification } from './words.js';
import { copyRecheckWords } from './copyCheck.js';

/**
 * Publication (002 5.16, 5.18). "The ... Partnership Team will send a copy of the full report to
 * the Child Safeguarding Practice Review Panel and to the Secretary of State no later than seven
 * working days before publication. They will confirm and share what is being published and when and
 * set out for the Panel and the Secretary of State the justification for any non-publication, or
 * delay to publication, if applicable." The copy's deadline follows the PLANNED publication day, so
 * moving that day moves it (the new instant is recorded with the plan), and a copy already sent is
 * judged again against it (copyCheck.ts).
 */

/** Which justifications the review needs now, whether or not already sent. */
export function justificationsNeeded(l: LocalReview, now: Date): Justification[] {
  const needed: Justification[] = [];
  const late =
    (l.publication && pastSixMonths(l.publication.plannedDate, l.publicationDueDate)) ||
    (l.published && !l.published.onTime) ||
    (!l.published && publishDecision(l) !== false && now.getTime() >= endOfLondonDate(l.publicationDueDate).getTime());
  if (late) needed.push('delay');
  if (publishDecision(l) === false) needed.push('notPublished');
  return needed;
}

function promptJustification(r: Recorder, config: PartnershipConfig, about: Justification) {
  sendBoard(r, config);
  r.effect({ type: 'send', key: sendKey.localReviewJustification(about), to: monitoring, card: { kind: 'localReviewJustification' }, tracked: true });
}

export const planLocalReviewPublication: Handler<'PlanLocalReviewPublication'> = ({ config, calendar }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'PlanLocalReviewPublication');
  if (!role) return refuse('Only the business unit plans the publication date.');
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  if (l.published) return refuse(`The report was published on ${dayWords(l.published.publishedDate)}.`);
  if (publishDecision(l) === false) return refuse('The executive decided not to publish the report; there is no publication to plan.');
  const problem = dateProblem(command.plannedDate, l, now, 'future', 'publication date');
  if (problem) return refuse(problem);
  if (l.publication?.plannedDate === command.plannedDate) return refuse(`Publication is already planned for ${dayWords(command.plannedDate)}.`);
  const copyDue = copyDueAt(calendar, command.plannedDate);
  const r = recorder(state);
  r.record({ type: 'LocalReviewPublicationPlanned', at: iso(now), by: actorAs(command.actor, role), plannedDate: command.plannedDate, copyDueAt: iso(copyDue) });
  const late = pastSixMonths(command.plannedDate, l.publicationDueDate);
  if (late && !l.justifications.delay) promptJustification(r, config, 'delay');
  r.effect({ type: 'refreshCards' });
  const copy = l.copySent
    ? copyRecheckWords(calendar, l, iso(copyDue), now)
    : copyDue.getTime() <= now.getTime()
      ? ` The copy to the Panel and the Secretary of State was due by ${words(iso(copyDue), now)}, which has passed: send it at once and record it.`
      : ` The copy of the full report to the Panel and the Secretary of State is due by ${words(iso(copyDue), now)}.`;
  const delay = late ? ` That is after the six-month deadline (${dayWords(l.publicationDueDate)}): please send the justification for the delay to the Panel and the Secretary of State and record it.` : '';
  return r.done(`${l.publication ? 'Moved' : 'Planned'}: publication on ${dayWords(command.plannedDate)}.${copy}${delay}`);
};

export const recordLocalReviewCopySent: Handler<'RecordLocalReviewCopySent'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLocalReviewCopySent');
  if (!role) return refuse('Only the business unit records the copy sent to the Panel and the Secretary of State.');
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  if (!l.publication) return refuse('Plan the publication date first: the copy is due 7 working days before it.');
  if (l.copySent) return refuse(`Already recorded: the copy was sent at ${words(l.copySent.sentAt, now)}.`);
  const problem = sentAtProblem(command.sentAt, l, now);
  if (problem) return refuse(problem);
  const sentAt = new Date(command.sentAt);
  const onTime = sentAt.getTime() <= Date.parse(l.publication.copyDueAt);
  const r = recorder(state);
  r.record({ type: 'LocalReviewCopySent', at: iso(now), by: actorAs(command.actor, role), sentAt: iso(sentAt), copyDueAt: l.publication.copyDueAt, onTime });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the copy of the full report went to the Panel and the Secretary of State at ${words(iso(sentAt), now)} (${onTime ? 'on time' : `late: it was due by ${words(l.publication.copyDueAt, now)}`}).`);
};

export const recordLocalReviewJustification: Handler<'RecordLocalReviewJustification'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLocalReviewJustification');
  if (!role) return refuse('Only the business unit records the justification sent to the Panel and the Secretary of State.');
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  if (!justificationsNeeded(l, now).includes(command.about)) {
    return refuse(command.about === 'delay' ? 'Publication is not planned or made after the six-month deadline, so no justification for a delay is needed.' : 'The executive has not decided against publication, so no justification for non-publication is needed.');
  }
  if (l.justifications[command.about]) return refuse(`Already recorded: the justification was sent at ${words(l.justifications[command.about]!.sentAt, now)}.`);
  const problem = checkFreeText('justification', command.justification, { required: true })?.message ?? sentAtProblem(command.sentAt, l, now);
  if (problem) return refuse(problem);
  const r = recorder(state);
  r.record({ type: 'LocalReviewJustificationSent', at: iso(now), by: actorAs(command.actor, role), about: command.about, justification: command.justification.trim(), sentAt: iso(new Date(command.sentAt)) });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the justification for ${command.about === 'delay' ? 'the delay' : 'not publishing'} went to the Panel and the Secretary of State at ${words(command.sentAt, now)}.`);
};

export const recordLocalReviewPublished: Handler<'RecordLocalReviewPublished'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordLocalReviewPublished');
  if (!role) return refuse('Only the business unit records the publication.');
  const found = findReview(state);
  if (found.error) return found.error;
  const { l } = found;
  if (l.published) return refuse(`Already recorded: published on ${dayWords(l.published.publishedDate)}.`);
  const decision = publishDecision(l);
  if (decision === false) return refuse('The executive decided not to publish the report.');
  if (decision === undefined) return refuse("Record the executive's approval and its decision to publish (step 24) first.");
  // 002 Appendix B: the report is "presented to the Learning Inquiry Group / ... Executive / ... Main Board prior to
  // publication"; Appendix A step 25: "Final report taken to IOWSCP Main Board for ratification".
  const ratified = l.milestones.boardRatification?.done;
  if (!ratified) return refuse('Record the board ratification (step 25) first: the report goes to the Main Board prior to publication (002 Appendix B).');
  const problem = dateProblem(command.publishedDate, l, now, 'past', 'publication date');
  if (problem) return refuse(problem);
  const approvedOn = l.milestones.executiveApproval!.done!.doneDate;
  for (const [date, what] of [[approvedOn, "the executive's approval (step 24)"], [ratified.doneDate, 'the board ratification (step 25)']] as const) {
    if (command.publishedDate < date) return refuse(`The publication date (${dayWords(command.publishedDate)}) is before ${what} on ${dayWords(date)}: the report is approved and ratified prior to publication (002 Appendix B). Please check the date.`);
  }
  const link = publicLink(command.url);
  if (link.error !== undefined) return refuse(link.error);
  const onTime = !pastSixMonths(command.publishedDate, l.publicationDueDate);
  const r = recorder(state);
  r.record({ type: 'LocalReviewPublished', at: iso(now), by: actorAs(command.actor, role), publishedDate: command.publishedDate, url: link.url, onTime });
  if (!onTime && !l.justifications.delay) promptJustification(r, config, 'delay');
  r.effect({ type: 'refreshCards' });
  const copy = l.copySent ? '' : ' The copy to the Panel and the Secretary of State is not recorded: please record when it was sent.';
  const late = onTime ? '' : ` It is after the six-month deadline (${dayWords(l.publicationDueDate)})${l.justifications.delay ? '' : ': please record the justification for the delay'}.`;
  return r.done(`Recorded: published on ${dayWords(command.publishedDate)} (${onTime ? 'on time' : 'late'}). What remains is the review's actions.${copy}${late}`);
};
