import { sendAsked } from '../whenAway.js';
import { actorAs, iso, monitoring, recorder, refuse, sendKey, words, type Handler, type Recorder, type StepContext } from '../kernel.js';
import { actingRole } from '../access.js';
import { PARTNERS, partnerPeople } from '../partnership.js';
import { declareTimers, timer } from '../timers.js';
import { OPEN, agencyById, contacts, openReview } from './common.js';
import { scopingAgencies, unaskedPartnerWarnings } from './asked.js';
import { closeOfDay, defaultReturnsDue, londonDate, papersDueFor } from './dates.js';

/**
 * The rapid review's set-up (DOMAIN "The rapid review and scoping returns"; Isle of Wight
 * Section B): opened by the Panel notification, set up by the business unit (meeting, agencies,
 * return date), papers one week before the meeting.
 */

/** Opened with the Panel notification's confirmation: 15 working days from the notification. */
export function openRapidReview({ calendar }: StepContext, r: Recorder, notifiedAt: Date, now: Date) {
  r.record({ type: 'RapidReviewOpened', at: iso(now), notifiedAt: iso(notifiedAt), dueAt: iso(calendar.addWorkingDays(notifiedAt, 15)) });
  r.effect({ type: 'send', key: sendKey.rapidReviewSetup(), to: monitoring, card: { kind: 'rapidReviewSetup' }, tracked: true });
}

export const setUpRapidReview: Handler<'SetUpRapidReview'> = ({ config, calendar, hours }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const { rr } = found;
  const role = actingRole(config, command.actor.aadObjectId, 'SetUpRapidReview');
  if (!role) return refuse("Only the partnership's business unit can set up the rapid review.");
  if (rr.setup) return refuse(`The rapid review was already set up by ${rr.setup.by.displayName}.`);
  const meetingAt = new Date(command.meetingAt);
  if (meetingAt.getTime() <= now.getTime()) return refuse('The rapid review meeting must be in the future.');
  if (meetingAt.getTime() > Date.parse(rr.dueAt)) return refuse(`The meeting would be after the rapid review deadline (${words(rr.dueAt, now)}); choose an earlier date.`);
  if (!calendar.isWorkingDay(londonDate(meetingAt))) return refuse('The meeting would be on a weekend or bank holiday; choose a working day.');
  const unknown = command.agencies.filter((id) => !agencyById(config, id));
  if (unknown.length > 0) return refuse('One of the agencies chosen is not in the partnership\'s configuration.');
  const asked = scopingAgencies(config, command.agencies, command.domesticAbuse === true);
  if (asked.error !== undefined) return refuse(asked.error);
  const { agencies, invited } = asked;
  if (agencies.length === 0) return refuse('Choose at least one agency to ask for a scoping return.');
  const papersDueAt = papersDueFor(meetingAt);
  let returnsDueAt = defaultReturnsDue(calendar, hours, papersDueAt);
  if (command.returnsDueAt) {
    const chosen = new Date(command.returnsDueAt);
    const day = londonDate(chosen);
    if (!calendar.isWorkingDay(day)) return refuse('The return date falls on a weekend or bank holiday; choose a working day.');
    returnsDueAt = closeOfDay(day, hours);
    if (returnsDueAt.getTime() <= now.getTime()) return refuse('The return date is in the past.');
    if (returnsDueAt.getTime() > Date.parse(rr.dueAt)) return refuse(`The return date is after the rapid review deadline (${words(rr.dueAt, now)}).`);
  }
  const warnings: string[] = [];
  if (papersDueAt.getTime() < now.getTime()) warnings.push('This leaves less than one week for the papers before the meeting.');
  if (returnsDueAt.getTime() > papersDueAt.getTime()) warnings.push('Returns are due after the papers go out, so late returns will miss the papers.');
  if (returnsDueAt.getTime() <= now.getTime()) return refuse('With this meeting date the default return date has already passed; give a return date.');

  const r = recorder(state);
  warnings.push(...unaskedPartnerWarnings(config));
  r.record({
    type: 'RapidReviewSetUp',
    at: iso(now),
    by: actorAs(command.actor, role),
    meetingAt: iso(meetingAt),
    papersDueAt: iso(papersDueAt),
    returnsDueAt: iso(returnsDueAt),
    agencies,
    ...(command.domesticAbuse !== undefined ? { domesticAbuseIdentified: command.domesticAbuse } : {}),
    ...(invited.length > 0 ? { invited } : {}),
  });
  // Invited to take part in the meeting, not only asked for a return (001).
  // An agency's contact and deputies, a partner's representative and deputies: someone away is not sent it, their stand-ins are (workflow/whenAway.ts).
  for (const id of invited) sendAsked(r, config, now, contacts(agencyById(config, id)!), { kind: 'rapidReviewInvitation', agency: id }, (to) => sendKey.rapidReviewInvitation(id, to), true);
  for (const id of agencies) sendAsked(r, config, now, contacts(agencyById(config, id)!), { kind: 'scopingRequest', agency: id }, (to) => sendKey.scopingRequest(id, to), true);
  // Representatives and deputies alike: either may confirm the partner's attendance.
  for (const partner of PARTNERS) sendAsked(r, config, now, partnerPeople(config, partner).map((p) => p.aadObjectId), { kind: 'attendanceRequest' }, (who) => sendKey.attendanceRequest(partner, who), true);
  sendAsked(r, config, now, [config.reviewGroupChair.aadObjectId], { kind: 'rapidReviewOutcomeRequest' }, sendKey.rapidReviewOutcomeRequest, true);
  r.effect({ type: 'send', key: sendKey.rapidReviewBoard(), to: monitoring, card: { kind: 'rapidReviewBoard' }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done([`Rapid review set up: ${agencies.length} agencies asked, returns due by ${words(iso(returnsDueAt), now)}.`, ...(invited.length > 0 ? [`${invited.map((id) => agencyById(config, id)!.name).join(', ')} invited to take part in the meeting.`] : []), ...warnings].join(' '));
};

/** When the papers are due, the business unit is prompted, with the returns still missing. */
export const papersTimers = declareTimers(['rapidReview:papers'], (state) => {
  const rr = state.rapidReview;
  if (state.stage !== 'rapidReview' || !rr?.setup || rr.completed || rr.papersPrompted) return [];
  return timer('rapidReview:papers', new Date(rr.setup.papersDueAt), (r, _, now) => {
    const missing = rr.agencyOrder.filter((id) => OPEN.includes(rr.agencies[id]?.status ?? 'returned'));
    r.record({ type: 'PapersPrompted', at: iso(now), missing });
    r.effect({ type: 'send', key: sendKey.papersPrompt(), to: monitoring, card: { kind: 'papersPrompt' }, tracked: false });
    r.effect({ type: 'refreshCards' });
  });
});
