import { sendAsked } from '../whenAway.js';
import { actingRole, ownerRole } from '../access.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, words, type Decision, type Handler, sendKey } from '../kernel.js';
import type { CaseState } from '../state.js';
import type { CommandActor } from '../commands.js';
import type { Actor } from '../events.js';
import type { PartnershipConfig, Role } from '../partnership.js';
import { documentLink } from './links.js';
import { dueAtOf, dueDateProblem, dateWords } from './dates.js';
import { ownerContacts, ownerName, agencyOf } from './owners.js';
import { actionsOf, statusOf, type Action, type ActionsSlice } from './state.js';
import type { ReviewKind } from './schemas.js';
import { REVIEW_WORDS } from './words.js';
import { justificationsNeeded } from '../localReview/publication.js';
import { publishDecision } from '../localReview/state.js';
import { JUSTIFICATION_WORDS } from '../localReview/words.js';

/**
 * Recommendations and actions (002 Section E 7.1; 001 "Recommendations and learning"): the review
 * group turns each recommendation of a review into actions with an owner, a due date and what
 * "done" means; the owner gives evidence of completion, then (a separate, later step) evidence of
 * impact; the review is concluded once every action is closed and the executive has been told
 * (002 7.1 "Upon completion, the Learning Inquiry Group will advise the ... Executive that all
 * actions are complete"; 5.16 "Formally conclude the review process when all the actions have been
 * implemented").
 */

const slice = (state: CaseState): ActionsSlice => state.actions ?? { recommendationOrder: [], recommendations: {}, actionOrder: [], actions: {}, reported: [], concluded: {} };

/** Whether the case has this review (opened, not decided against): the cards offer only these. */
export function reviewHeld(state: CaseState, kind: ReviewKind): boolean {
  if (kind === 'rapidReview') return state.rapidReview !== undefined && !state.rapidReview.notHeld;
  if (kind === 'lcspr') return state.localReview !== undefined;
  return state.learningEvent !== undefined;
}

const NOT_HELD: Record<ReviewKind, (caseRef: string) => string> = {
  rapidReview: (caseRef) => `There is no rapid review on ${caseRef}.`,
  lcspr: (caseRef) => `There is no local child safeguarding practice review (LCSPR) on ${caseRef}. Record the partners' decision to hold one on the local review card first.`,
  learningEvent: (caseRef) => `There is no local learning event on ${caseRef}. Record the partners' decision to hold one on the learning event card first.`,
};

/**
 * Whether the case has the review a recommendation (or a cost estimate, workflow/costs/step.ts)
 * belongs to: a recommendation of a review that was never opened would have nothing to conclude.
 * The refusal says where to record the review first.
 */
export function reviewProblem(state: CaseState | undefined, kind: ReviewKind): Decision | undefined {
  if (!state) return refuse('There is no such case.');
  if (!reviewHeld(state, kind)) return refuse(NOT_HELD[kind](state.referral.caseRef));
  const concluded = state.actions?.concluded[kind];
  if (concluded) return refuse(`${capital(REVIEW_WORDS[kind])} on ${state.referral.caseRef} was concluded on ${words(concluded.at, new Date(concluded.at))}; nothing more can be added to it.`);
  return undefined;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const recordRecommendation: Handler<'RecordRecommendation'> = (_context, state, command, now) => {
  const role = actingRole(_context.config, command.actor.aadObjectId, 'RecordRecommendation');
  if (!role) return refuse("Only the business unit or the review group chair records a review's recommendations.");
  const problem = reviewProblem(state, command.review.kind);
  if (problem) return problem;
  const text = checkFreeText('recommendation', command.text, { required: true }) ?? checkFreeText('expected impact', command.expectedImpact, { required: true });
  if (text) return refuse(text.message);
  const s = slice(state!);
  const id = `R${s.recommendationOrder.length + 1}`;
  const r = recorder(state);
  r.record({ type: 'RecommendationRecorded', at: iso(now), by: actorAs(command.actor, role), recommendation: id, review: command.review, text: command.text.trim(), expectedImpact: command.expectedImpact.trim() });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded recommendation ${id} of ${REVIEW_WORDS[command.review.kind]}. What happens next: agree its actions, each with an owner, a due date and what "done" means.`);
};

export const agreeAction: Handler<'AgreeAction'> = ({ config, calendar, hours }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'AgreeAction');
  if (!role) return refuse('Only the business unit or the review group chair agrees the actions of a recommendation.');
  if (!state) return refuse('There is no such case.');
  const rec = state.actions?.recommendations[command.recommendation];
  if (!rec) return refuse(`There is no recommendation ${command.recommendation} on ${state.referral.caseRef}.`);
  const problem = reviewProblem(state, rec.review.kind);
  if (problem) return problem;
  if (command.owner.kind === 'agency' && !agencyOf(config, command.owner.agency)) return refuse(`"${command.owner.agency}" is not an agency on the partnership's roster.`);
  const done = checkFreeText('description of what "done" means', command.done, { required: true });
  if (done) return refuse(done.message);
  const due = dueDateProblem(calendar, hours, command.dueDate, now);
  if (due) return refuse(due);
  const s = slice(state);
  const id = `A${s.actionOrder.length + 1}`;
  const dueAt = dueAtOf(command.dueDate, hours);
  const r = recorder(state);
  r.record({ type: 'ActionAgreed', at: iso(now), by: actorAs(command.actor, role), action: id, recommendation: rec.id, owner: command.owner, dueDate: command.dueDate, dueAt: iso(dueAt), done: command.done.trim() });
  // The owner is asked in Teams: a 1:1 card to its contact and deputies, updated in place as the action moves on.
  // Someone away is not asked: their deputies are, told for whom (workflow/whenAway.ts).
  sendAsked(r, config, now, ownerContacts(config, command.owner), { kind: 'actionRequest', action: id }, (who) => sendKey.actionRequest(id, who), true);
  r.effect({ type: 'refreshCards' });
  return r.done(`Agreed action ${id} for ${ownerName(config, command.owner)}, due by ${words(iso(dueAt), now)}. Its contact and deputies have been asked in Teams.`);
};

/** "GP practice contact", "GP practice deputy"; a partner's people as their role says ("Police deputy"). */
function ownerActor(config: PartnershipConfig, actor: CommandActor, owner: Action['owner'], role: Role): Actor {
  if (owner.kind === 'partner') return actorAs(actor, role);
  const agency = agencyOf(config, owner.agency);
  const what = agency?.contact.aadObjectId === actor.aadObjectId ? 'contact' : 'deputy';
  return { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: `${ownerName(config, owner)} ${what}` };
}

/** The action, acted on by its owner's people, or the refusal to give. */
function ownersAction(state: CaseState | undefined, actionId: string, check: (a: Action) => string | undefined): { error: Decision } | { error?: undefined; a: Action } {
  const a = state?.actions?.actions[actionId];
  if (!state || !a) return { error: refuse(`There is no action ${actionId} on this case.`) };
  const why = check(a);
  return why ? { error: refuse(why) } : { a };
}

export const recordActionCompletion: Handler<'RecordActionCompletion'> = ({ config }, state, command, now) => {
  const found = ownersAction(state, command.action, (a) => (a.completion ? `Evidence of completion of ${a.id} was already recorded by ${a.completion.by.displayName} at ${words(a.completion.at, now)}.` : undefined));
  if (found.error) return found.error;
  const { a } = found;
  const role = ownerRole(config, command.actor.aadObjectId, a.owner);
  if (!role) return refuse(`Only ${ownerName(config, a.owner)}'s contact or deputies record evidence for this action. Nothing was recorded.`);
  const link = documentLink(config, command.documentUrl, 'evidence of completion');
  if ('problem' in link) return refuse(link.problem);
  const r = recorder(state);
  r.record({ type: 'ActionCompletionEvidenced', at: iso(now), by: ownerActor(config, command.actor, a.owner, role), action: a.id, documentUrl: link.url });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: evidence that ${a.id} is completed. No more reminders will be sent. What happens next: the review group needs evidence of its impact too (002 7.1); record it on the same card when it can be shown.`);
};

export const recordActionImpact: Handler<'RecordActionImpact'> = ({ config }, state, command, now) => {
  const found = ownersAction(state, command.action, (a) =>
    a.impact ? `Evidence of the impact of ${a.id} was already recorded by ${a.impact.by.displayName} at ${words(a.impact.at, now)}.` : !a.completion ? `Record evidence that ${a.id} is completed first; evidence of its impact follows.` : undefined,
  );
  if (found.error) return found.error;
  const { a } = found;
  const role = ownerRole(config, command.actor.aadObjectId, a.owner);
  if (!role) return refuse(`Only ${ownerName(config, a.owner)}'s contact or deputies record evidence for this action. Nothing was recorded.`);
  const text = checkFreeText('statement of impact', command.impact, { required: true });
  if (text) return refuse(text.message);
  const link = documentLink(config, command.documentUrl, 'evidence of impact');
  if ('problem' in link) return refuse(link.problem);
  const r = recorder(state);
  r.record({ type: 'ActionImpactEvidenced', at: iso(now), by: ownerActor(config, command.actor, a.owner, role), action: a.id, documentUrl: link.url, impact: command.impact.trim() });
  const after = r.state!.actions!;
  const allClosed = actionsOf(after, a.review.kind).every((x) => statusOf(x) === 'closed') && recommendationsCovered(after, a.review.kind);
  // Every action of the review is closed: the monitoring channel is told, so the business unit tells the executive.
  if (allClosed) r.effect({ type: 'send', key: sendKey.actionsComplete(a.review.kind), to: monitoring, card: { kind: 'actionsReport' }, tracked: false });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: evidence of the impact of ${a.id}; the action is closed.${allClosed ? ` Every action of ${REVIEW_WORDS[a.review.kind]} is now closed: the business unit tells the executive.` : ''}`);
};

/** Every recommendation of the review has at least one action. */
function recommendationsCovered(s: ActionsSlice, kind: ReviewKind): boolean {
  return s.recommendationOrder.filter((id) => s.recommendations[id]!.review.kind === kind).every((id) => s.actionOrder.some((a) => s.actions[a]!.recommendation === id));
}

export const moveActionDueDate: Handler<'MoveActionDueDate'> = ({ config, calendar, hours }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'MoveActionDueDate');
  if (!role) return refuse("Only the business unit moves an action's due date.");
  const found = ownersAction(state, command.action, (a) => (a.completion ? `${a.id} is already completed; its due date no longer applies.` : undefined));
  if (found.error) return found.error;
  const { a } = found;
  if (command.dueDate === a.dueDate) return refuse(`${a.id} is already due on ${dateWords(a.dueDate)}.`);
  const reason = checkFreeText('reason', command.reason, { required: true });
  if (reason) return refuse(reason.message);
  const due = dueDateProblem(calendar, hours, command.dueDate, now);
  if (due) return refuse(due);
  const dueAt = dueAtOf(command.dueDate, hours);
  const r = recorder(state);
  r.record({ type: 'ActionDueDateMoved', at: iso(now), by: actorAs(command.actor, role), action: a.id, dueDate: command.dueDate, dueAt: iso(dueAt), reason: command.reason.trim() });
  r.effect({ type: 'refreshCards' });
  return r.done(`Moved: ${a.id} is now due by ${words(iso(dueAt), now)}. Reminders start again from the new date.`);
};

/**
 * Why the review itself has not finished, if it has not: Section B, a rapid review once completed
 * and shared ("On completion of the rapid review, the ... Team will share the Rapid Review with the
 * ... Child Safeguarding Practice Review Panel and Ofsted": its recommendations may be acted on
 * while it runs, but it cannot be concluded before it is complete); 5.16 concludes an LCSPR after
 * publication (or the executive's decision not to publish, with the justification the Panel and
 * the Secretary of State are owed, 5.18); 6.4 a learning event once its learning is disseminated.
 */
function unfinished(state: CaseState, kind: ReviewKind, now: Date): string | undefined {
  const caseRef = state.referral.caseRef;
  if (kind === 'rapidReview' && !state.rapidReview!.completed) {
    return `The rapid review on ${caseRef} has not finished: it is concluded once it is complete, sent to the Panel and Ofsted. Record when it was sent on the rapid review's card first.`;
  }
  if (kind === 'lcspr') {
    const l = state.localReview!;
    if (!l.published && publishDecision(l) !== false) return `The LCSPR on ${caseRef} has not finished: it is concluded once published, or once the executive decides not to publish it. Record the publication (or that decision) on the local review card first.`;
    const owed = justificationsNeeded(l, now).filter((j) => !l.justifications[j]);
    if (owed.length > 0) return `The LCSPR on ${caseRef} has not finished: the Panel and the Secretary of State are owed the justification for ${owed.map((j) => JUSTIFICATION_WORDS[j]).join(' and for ')} (5.18). Record it on the local review card first.`;
  }
  if (kind === 'learningEvent' && !state.learningEvent!.disseminated) return `The local learning event on ${caseRef} has not finished: it is concluded once its learning is disseminated. Record the dissemination on the learning event card first.`;
  return undefined;
}

export const recordExecutiveTold: Handler<'RecordExecutiveTold'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'RecordExecutiveTold');
  if (!role) return refuse('Only the business unit records that the executive was told.');
  const kind = command.review.kind;
  const problem = reviewProblem(state, kind);
  if (problem) return problem;
  const notDone = unfinished(state!, kind, now);
  if (notDone) return refuse(notDone);
  const s = slice(state!);
  const recs = s.recommendationOrder.filter((id) => s.recommendations[id]!.review.kind === kind);
  if (recs.length === 0) return refuse(`No recommendations of ${REVIEW_WORDS[kind]} are recorded; there is nothing to conclude.`);
  const bare = recs.filter((id) => !s.actionOrder.some((a) => s.actions[a]!.recommendation === id));
  if (bare.length > 0) return refuse(`${bare.join(', ')} ${bare.length === 1 ? 'has' : 'have'} no action yet; every recommendation becomes at least one action before the review can be concluded.`);
  const open = actionsOf(s, kind).filter((a) => statusOf(a) !== 'closed');
  if (open.length > 0) {
    return refuse(`The review cannot be concluded while actions are open: ${open.map((a) => `${a.id} (${statusOf(a) === 'open' ? 'not completed' : 'awaiting evidence of impact'})`).join(', ')}. 002 7.1: the executive is advised when all actions are complete.`);
  }
  const toldAt = new Date(command.toldAt);
  if (toldAt.getTime() > now.getTime()) return refuse('The time the executive was told is in the future.');
  const lastClosed = Math.max(...actionsOf(s, kind).map((a) => Date.parse(a.impact!.at)));
  if (toldAt.getTime() < lastClosed) return refuse(`The executive can only have been told that all actions are complete after the last was closed (${words(new Date(lastClosed).toISOString(), now)}).`);
  const r = recorder(state);
  r.record({ type: 'ReviewConcluded', at: iso(now), by: actorAs(command.actor, role), review: command.review, executiveToldAt: iso(toldAt) });
  r.effect({ type: 'send', key: sendKey.reviewConcluded(kind), to: monitoring, card: { kind: 'actionsReport' }, tracked: false });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the executive was told at ${words(iso(toldAt), now)}; ${REVIEW_WORDS[kind]} is formally concluded.`);
};
