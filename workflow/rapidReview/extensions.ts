import { sendAsked } from '../whenAway.js';
import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, sendKey, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { agencyAction, agencyById, contacts, openReview } from './common.js';
import { closeOfDay, londonDate } from './dates.js';

/** More time for a scoping return: asked by the agency, agreed or declined by the business unit. */

export const requestExtension: Handler<'RequestExtension'> = ({ config, calendar, hours }, state, command, now) => {
  const found = agencyAction(config, state, command.actor, command.agency);
  if (found.error) return found.error;
  if (found.a.status === 'extensionAsked') return refuse('More time has already been asked for; the business unit will answer.');
  const problem = checkFreeText('reason', command.reason, { required: true });
  if (problem) return refuse(problem.message);
  const day = londonDate(new Date(command.proposedDueAt));
  if (!calendar.isWorkingDay(day)) return refuse('The proposed date falls on a weekend or bank holiday; choose a working day.');
  const proposed = closeOfDay(day, hours);
  if (proposed.getTime() <= Date.parse(found.a.dueAt)) return refuse(`The proposed date must be after the current due date (${words(found.a.dueAt, now)}).`);
  const rr = state!.rapidReview!;
  if (proposed.getTime() > Date.parse(rr.dueAt)) return refuse(`The proposed date is after the rapid review deadline (${words(rr.dueAt, now)}), so it cannot be agreed.`);
  const r = recorder(state);
  r.record({ type: 'ExtensionRequested', at: iso(now), by: found.by, agency: found.agency.id, reason: command.reason.trim(), proposedDueAt: iso(proposed) });
  r.effect({ type: 'send', key: sendKey.extensionDecisionRequest(found.agency.id, r.state?.version), to: monitoring, card: { kind: 'extensionDecisionRequest', agency: found.agency.id }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done(`Asked: the business unit will answer. Until then the return is due by ${words(found.a.dueAt, now)}.`);
};

export const decideExtension: Handler<'DecideExtension'> = ({ config }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const role = actingRole(config, command.actor.aadObjectId, 'DecideExtension');
  if (!role) return refuse("Only the partnership's business unit can decide a request for more time.");
  const a = found.rr.agencies[command.agency];
  const agency = agencyById(config, command.agency);
  if (!a || !agency || a.status !== 'extensionAsked' || !a.extension) return refuse('There is no request for more time to decide.');
  const r = recorder(state);
  r.record({ type: 'ExtensionDecided', at: iso(now), by: actorAs(command.actor, role), agency: agency.id, agreed: command.agree, dueAt: command.agree ? a.extension.proposedDueAt : a.dueAt });
  const v = r.state?.version;
  sendAsked(r, config, now, contacts(agency), { kind: 'extensionAnswer', agency: agency.id }, (to) => sendKey.extensionAnswer(agency.id, to, v), false);
  r.effect({ type: 'refreshCards' });
  return r.done(command.agree ? `Agreed: ${agency.name}'s return is now due by ${words(a.extension.proposedDueAt, now)}.` : `Declined: ${agency.name}'s return stays due by ${words(a.dueAt, now)}.`);
};
