import { sendAsked } from '../whenAway.js';
import type { ScopingChase } from '../events.js';
import { checkDocumentLink } from '../documentLink.js';
import { iso, monitoring, recorder, refuse, sendKey, type Handler, type Recorder } from '../kernel.js';
import type { Agency, PartnershipConfig } from '../partnership.js';
import type { AgencyReturn } from '../state.js';
import { declareTimers, timer, type Clock, type Timer } from '../timers.js';
import { OPEN, agencyAction, agencyById, contacts } from './common.js';
import { londonDate, startOfDay, workingDayAfter, workingDayBefore } from './dates.js';

/**
 * Scoping returns: each agency asked records its return (a link into the document store) or that
 * it had no involvement; until then it is reminded before the due date and chased after it.
 */

export const recordScopingReturn: Handler<'RecordScopingReturn'> = ({ config }, state, command, now) => {
  const found = agencyAction(config, state, command.actor, command.agency);
  if (found.error) return found.error;
  const link = checkDocumentLink(config, command.documentUrl, 'The return');
  if (!link.ok) return refuse(link.refusal);
  const r = recorder(state);
  r.record({ type: 'ScopingReturned', at: iso(now), by: found.by, agency: found.agency.id, documentUrl: link.url.toString() });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: ${found.agency.name}'s return. Thank you; no more reminders will be sent.`);
};

export const recordNoInvolvement: Handler<'RecordNoInvolvement'> = ({ config }, state, command, now) => {
  const found = agencyAction(config, state, command.actor, command.agency);
  if (found.error) return found.error;
  const r = recorder(state);
  r.record({ type: 'NoInvolvementRecorded', at: iso(now), by: found.by, agency: found.agency.id });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: ${found.agency.name} had no involvement with this child or family.`);
};

function chase(r: Recorder, config: PartnershipConfig, now: Date, agency: Agency, kind: ScopingChase, to: (agency: Agency) => string[], day?: string) {
  r.record({ type: 'ScopingChased', at: iso(now), agency: agency.id, chase: kind, ...(day ? { day } : {}) });
  const v = r.state?.version;
  sendAsked(r, config, now, to(agency), { kind: 'scopingChaser', agency: agency.id, chase: kind }, (id) => sendKey.scopingChaser(agency.id, kind, day, id, v), false);
  r.effect({ type: 'refreshCards' });
}

const withEscalation = (agency: Agency) => [...new Set([...contacts(agency), agency.escalation.aadObjectId])];

/** The agency is looked up when a timer fires: its instants depend on the return, not on who is asked. */
function forAgency(id: string, fire: (r: Recorder, agency: Agency, now: Date, config: PartnershipConfig) => void): Timer['fire'] {
  return (r, { config }, now) => {
    const agency = agencyById(config, id);
    if (agency) fire(r, agency, now, config);
  };
}

/** Reminders two working days before and on the morning a return is due; after that a chaser each working day. */
function chaserTimers(id: string, a: AgencyReturn, { calendar, hours }: Clock): Timer[] {
  const due = new Date(a.dueAt);
  const dueDay = londonDate(due);
  const dueMorning = startOfDay(dueDay, hours);
  const lastOverdue = a.chased.filter((c) => c.startsWith('overdue:')).map((c) => c.slice('overdue:'.length)).sort().at(-1);
  // The first chaser is due the first working morning at or after the due time; then one each working day.
  const next = lastOverdue ? workingDayAfter(calendar, lastOverdue) : calendar.isWorkingDay(dueDay) && due.getTime() <= dueMorning.getTime() ? dueDay : workingDayAfter(calendar, dueDay);
  return [
    ...(a.chased.includes('twoDaysBefore')
      ? []
      : timer('returns:twoDaysBefore', startOfDay(workingDayBefore(calendar, dueDay, 2), hours), forAgency(id, (r, agency, now, config) => chase(r, config, now, agency, 'twoDaysBefore', contacts)), new Date(Math.min(dueMorning.getTime(), due.getTime())), `returns:${id}:twoDaysBefore`)),
    ...(a.chased.includes('dueMorning') || !calendar.isWorkingDay(dueDay) ? [] : timer('returns:dueMorning', dueMorning, forAgency(id, (r, agency, now, config) => chase(r, config, now, agency, 'dueMorning', contacts)), due, `returns:${id}:dueMorning`)),
    ...timer(
      'returns:overdue',
      startOfDay(next, hours),
      forAgency(id, (r, agency, now, config) => {
        // Once each working day, to the contacts and the agency's escalation contact; the monitoring channel is flagged the first time.
        // Due (`at`) is the first working morning at or after the due time, or after the last chaser. A sweep that comes
        // late (it was down over a night or a weekend) chases when it runs rather than waiting for a working morning: a
        // timer that is due and does nothing would leave the schedule index with that tick and never be looked at again.
        // The next chaser is then due the working morning after.
        const today = londonDate(now);
        const first = !a.chased.some((c) => c.startsWith('overdue:'));
        chase(r, config, now, agency, 'overdue', withEscalation, today);
        if (first) r.effect({ type: 'send', key: sendKey.scopingOverdue(id, a.dueAt), to: monitoring, card: { kind: 'scopingOverdue', agency: id }, tracked: false });
      }),
      undefined,
      `returns:${id}:overdue`,
    ),
  ];
}

export const returnsTimers = declareTimers(['returns:twoDaysBefore', 'returns:dueMorning', 'returns:overdue'], (state, clock) => {
  const rr = state.rapidReview;
  if (state.stage !== 'rapidReview' || !rr?.setup || rr.completed) return [];
  return rr.agencyOrder.flatMap((id) => {
    const a = rr.agencies[id];
    return a && OPEN.includes(a.status) ? chaserTimers(id, a, clock) : [];
  });
});
