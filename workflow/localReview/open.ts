import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, person, recorder, refuse, unique, words, type Handler, type Recorder, sendKey } from '../kernel.js';
import { actingRole } from '../access.js';
import type { PartnershipConfig } from '../partnership.js';
import { boardMemberIds, dayWords, executiveIds, sendBoard } from './common.js';
import { publicationDueDate } from './rules.js';

/**
 * Opening the local review. 5.3: "The safeguarding partners have responsibility for deciding
 * whether to commission and conduct a local child safeguarding practice review"; 5.16: published
 * "within six months from the date of the decision to initiate a review", so the decision's
 * instant starts the clock. From the partners' decision on a rapid review it opens in the same
 * step as that decision (rapidReview/lcspr.ts calls `openFromPartnersDecision`); a case the review
 * group discussed without a notification is opened by the business unit or the review group chair
 * with the decision's instant. 5.6: "a letter of notification will be sent to the ... executive";
 * the partnership team informs "the Child Safeguarding Practice Review Panel, Ofsted and
 * Department for Education (DfE) ... including the name of any reviewer": the business unit is
 * asked on its card.
 */

/**
 * The board card to the business unit and the monitoring channel; the letter of notification to the
 * executive and the board members (5.6), and, for a review the review group decided on, to the
 * independent scrutineer (5.3: "The Independent Scrutineer will also be informed, to allow scrutiny
 * of the decision-making process"; on the rapid-review path the partners' LCSPR decision card does that).
 */
function announce(r: Recorder, config: PartnershipConfig, scrutineerToo: boolean) {
  sendBoard(r, config);
  r.effect({ type: 'send', key: sendKey.localReviewBoardMonitoring(), to: monitoring, card: { kind: 'localReviewBoard' }, tracked: true });
  const to = unique([...executiveIds(config), ...boardMemberIds(config), ...(scrutineerToo ? [config.independentScrutineer.aadObjectId] : [])]);
  for (const id of to) r.effect({ type: 'send', key: sendKey.localReviewLetter(id), to: person(id), card: { kind: 'localReviewLetter' }, tracked: false });
}

/** Called where the partners' LCSPR decision is recorded: a decision to hold one opens the review at once. */
export function openFromPartnersDecision(r: Recorder, config: PartnershipConfig) {
  const decided = r.state?.rapidReview?.lcspr?.decided;
  if (!decided?.lcspr || r.state?.localReview) return;
  r.record({ type: 'LocalReviewOpened', at: decided.at, source: 'rapidReview', decidedAt: decided.at, publicationDueDate: publicationDueDate(new Date(decided.at)) });
  announce(r, config, false);
}

export const openLocalReview: Handler<'OpenLocalReview'> = ({ config }, state, command, now) => {
  const role = actingRole(config, command.actor.aadObjectId, 'OpenLocalReview');
  if (!role) return refuse('Only the business unit or the review group chair records a decision to hold a local review.');
  if (!state) return refuse('There is no such case.');
  const caseRef = state.referral.caseRef;
  if (state.localReview) return refuse(`A local review on ${caseRef} is already open (decided at ${words(state.localReview.decidedAt, now)}).`);
  // 002 introduction: local learning "where the criteria for a local child safeguarding practice review are not
  // met": a learning event on the case is the alternative to an LCSPR, so one is not opened beside it.
  if (state.learningEvent) {
    return refuse(`A local learning event is held on ${caseRef} (decided on ${dayWords(state.learningEvent.decidedOn)}): a learning event is the alternative to an LCSPR, for where its criteria are not met; both are not held on one case.`);
  }
  if (state.careLeaverDeath) return refuse(`${caseRef} is a care leaver's death (002 Section D): no rapid review or LCSPR is held.`);
  if (state.rapidReview && !state.rapidReview.notHeld) {
    return refuse(`${caseRef} has a rapid review: the partners decide on a local review there, and it opens when they decide to hold one.`);
  }
  // Discussed by the review group without a notification: the chair's next step is chosen (or the partners agreed no rapid review).
  if (!state.nextStep && !state.rapidReview?.notHeld) return refuse(`${caseRef} is still being decided; a local review can be opened here once the decision not to notify and the next step are recorded.`);
  const decidedAt = new Date(command.decidedAt);
  if (decidedAt.getTime() > now.getTime()) return refuse('The decision cannot be in the future.');
  if (decidedAt.getTime() < Date.parse(state.loggedAt)) return refuse(`The decision is before the referral was logged (${words(state.loggedAt, now)}); please check it.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  const due = publicationDueDate(decidedAt);
  r.record({ type: 'LocalReviewOpened', at: iso(now), by: actorAs(command.actor, role), source: 'reviewGroup', decidedAt: iso(decidedAt), publicationDueDate: due, rationale: command.rationale.trim() });
  announce(r, config, true);
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: a local review (LCSPR) on ${caseRef}, to be published by ${dayWords(due)}. The executive${config.boardMembers?.length ? ' and the board members get' : ' gets'} the letter of notification and the independent scrutineer is informed (5.3, 5.6); the business unit is asked to tell the Panel, Ofsted and DfE.`);
};
