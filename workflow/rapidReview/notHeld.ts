import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, person, recorder, refuse, sendKey, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { openReview } from './common.js';

/**
 * The exceptional decision not to hold a rapid review (002 Section B: "any decision not to
 * undertake a rapid review following a serious incident notification must be notified to the Child
 * Safeguarding Practice Review Panel with the rationale for the decision, as agreed by the
 * safeguarding partners with oversight of the ... Independent Scrutineer"). The business unit
 * records the partners' agreement and rationale; the case closes (no scoping, no meeting, no
 * 15-day clock); the business unit then records when the Panel was told. The seed sets no deadline
 * for telling the Panel, so none is invented.
 */

export const recordNoRapidReview: Handler<'RecordNoRapidReview'> = ({ config }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const role = actingRole(config, command.actor.aadObjectId, 'RecordNoRapidReview');
  if (!role) return refuse("Only the partnership's business unit can record a decision not to hold a rapid review.");
  if (!command.partnersAgreed || !command.scrutineerOversight) {
    return refuse("A decision not to hold a rapid review needs the safeguarding partners' agreement, under the independent scrutineer's oversight: confirm both.");
  }
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  r.record({ type: 'NoRapidReviewAgreed', at: iso(now), by: actorAs(command.actor, role), rationale: command.rationale.trim(), partnersAgreed: true, scrutineerOversight: true });
  r.effect({ type: 'send', key: sendKey.noRapidReview(), to: monitoring, card: { kind: 'noRapidReview' }, tracked: true });
  // The scrutineer's oversight is on the record; they are sent what was recorded in their name.
  r.effect({ type: 'send', key: sendKey.noRapidReviewTo(config.independentScrutineer.aadObjectId), to: person(config.independentScrutineer.aadObjectId), card: { kind: 'noRapidReview' }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done('Recorded: no rapid review will be held, and the case is closed. Now tell the Panel, with the rationale, and record when.');
};

export const recordNoRapidReviewPanelTold: Handler<'RecordNoRapidReviewPanelTold'> = ({ config }, state, command, now) => {
  const notHeld = state?.rapidReview?.notHeld;
  if (!state || !notHeld) return refuse('No decision not to hold a rapid review is recorded on this case.');
  const role = actingRole(config, command.actor.aadObjectId, 'RecordNoRapidReviewPanelTold');
  if (!role) return refuse("Only the partnership's business unit can record that the Panel was told.");
  if (notHeld.panelTold) return refuse(`That the Panel was told was already recorded by ${notHeld.panelTold.by.displayName}.`);
  const sentAt = new Date(command.sentAt);
  if (sentAt.getTime() > now.getTime()) return refuse('The time the Panel was told cannot be in the future.');
  if (sentAt.getTime() < Date.parse(state.rapidReview!.notifiedAt)) return refuse('The time the Panel was told is before the serious incident notification; please check it.');
  const r = recorder(state);
  r.record({ type: 'NoRapidReviewPanelTold', at: iso(now), by: actorAs(command.actor, role), sentAt: iso(sentAt) });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the Panel was told at ${words(iso(sentAt), now)}.`);
};
