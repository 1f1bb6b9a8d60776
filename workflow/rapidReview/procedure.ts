import type { CaseCommand, CommandActor } from '../commands.js';
import type { Effect, Recipient } from '../effects.js';
import type { Actor, CaseEvent } from '../events.js';
import { checkFreeText, identifyingDetailIn } from '../freeText.js';
import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { WorkingHours } from '../calendar/workingHours.js';
import { actingRole, actsForAgency } from '../access.js';
import { PARTNERS, partnerPeople, partnersRepresentedBy, rolesOf, type Agency, type PartnershipConfig, type Role } from '../partnership.js';
import type { AgencyReturn, CaseState, RapidReview } from '../state.js';
import { closeOfDay, defaultReturnsDue, londonDate, papersDueFor, startOfDay, workingDayAfter, workingDayBefore } from './dates.js';

/**
 * The rapid review after a notification (DOMAIN "The rapid review and scoping returns"; Isle of
 * Wight Section B): set up by the business unit, scoping returns requested from every agency and
 * chased to their due date, papers one week before the meeting, completed within 15 working days.
 */

type Decision = { ok: true; events: CaseEvent[]; effects: Effect[]; message?: string } | { ok: false; refusal: string };
type Recorder = {
  readonly state: CaseState | undefined;
  record(event: CaseEvent): void;
  effect(effect: Effect): void;
  done(message?: string): Decision;
};

export type ReviewTools = {
  config: PartnershipConfig;
  calendar: WorkingCalendar;
  recorder: (state: CaseState | undefined) => Recorder;
  actorAs: (actor: CommandActor, role: Role) => Actor;
  words: (at: string, now: Date) => string;
};

const refuse = (refusal: string): Decision => ({ ok: false, refusal });
const nothing = (message?: string): Decision => ({ ok: true, events: [], effects: [], ...(message ? { message } : {}) });
const person = (aadObjectId: string): Recipient => ({ kind: 'person', aadObjectId });
const monitoring: Recipient = { kind: 'conversation', target: 'monitoring' };
const OPEN: AgencyReturn['status'][] = ['requested', 'extensionAsked', 'extensionAgreed'];

export function createRapidReviewProcedure(tools: ReviewTools) {
  const { config, calendar, actorAs, words } = tools;
  const hours = config.workingHours;
  const iso = (d: Date) => d.toISOString();
  const agencyById = (id: string): Agency | undefined => config.agencies.find((a) => a.id === id);
  const contacts = (agency: Agency) => [...new Set([agency.contact.aadObjectId, ...agency.deputies.map((d) => d.aadObjectId)])];
  const refreshBoard = (r: Recorder) => r.effect({ type: 'refreshCards' });

  /** Opened with the Panel notification's confirmation: 15 working days from the notification. */
  function open(r: Recorder, notifiedAt: Date, now: Date) {
    r.record({ type: 'RapidReviewOpened', at: iso(now), notifiedAt: iso(notifiedAt), dueAt: iso(calendar.addWorkingDays(notifiedAt, 15)) });
    r.effect({ type: 'send', key: 'rapidReviewSetup', to: monitoring, card: { kind: 'rapidReviewSetup' }, tracked: true });
  }

  function review(state: CaseState | undefined): { error: Decision } | { error?: undefined; rr: RapidReview } {
    const rr = state?.rapidReview;
    if (!state || !rr) return { error: refuse('There is no rapid review on this case.') };
    if (rr.completed) return { error: refuse(`The rapid review on ${state.referral.caseRef} was completed on ${words(rr.completed.at, new Date(rr.completed.at))}.`) };
    return { rr };
  }


  /** Only the agency's contact or deputies act for it; the role is written in words. */
  function forAgency(actor: CommandActor, agencyId: string): { agency: Agency; by: Actor } | undefined {
    const agency = agencyById(agencyId);
    if (!agency || !actsForAgency(config, actor.aadObjectId, agencyId)) return undefined;
    const role = agency.contact.aadObjectId === actor.aadObjectId ? 'scoping contact' : 'scoping deputy';
    return { agency, by: { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: `${agency.name} ${role}` } };
  }

  function setUp(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'SetUpRapidReview' }>, now: Date): Decision {
    const found = review(state);
    if (found.error) return found.error;
    const { rr } = found;
    const role = actingRole(config, command.actor.aadObjectId, 'SetUpRapidReview');
    if (!role) return refuse("Only the partnership's business unit can set up the rapid review.");
    if (rr.setup) return refuse(`The rapid review was already set up by ${rr.setup.by.displayName}.`);
    const meetingAt = new Date(command.meetingAt);
    if (meetingAt.getTime() <= now.getTime()) return refuse('The rapid review meeting must be in the future.');
    if (meetingAt.getTime() > Date.parse(rr.dueAt)) return refuse(`The meeting would be after the rapid review deadline (${words(rr.dueAt, now)}); choose an earlier date.`);
    if (!calendar.isWorkingDay(londonDate(meetingAt))) return refuse('The meeting would be on a weekend or bank holiday; choose a working day.');
    const unknown = command.agencies.filter((id) => !agencyById(id));
    if (unknown.length > 0 || command.agencies.length === 0) return refuse(command.agencies.length === 0 ? 'Choose at least one agency to ask for a scoping return.' : 'One of the agencies chosen is not in the partnership\'s configuration.');
    const agencies = [...new Set(command.agencies)];
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

    const r = tools.recorder(state);
    r.record({ type: 'RapidReviewSetUp', at: iso(now), by: tools.actorAs(command.actor, role), meetingAt: iso(meetingAt), papersDueAt: iso(papersDueAt), returnsDueAt: iso(returnsDueAt), agencies });
    for (const id of agencies) {
      for (const to of contacts(agencyById(id)!)) r.effect({ type: 'send', key: `scopingRequest:${id}:${to}`, to: person(to), card: { kind: 'scopingRequest', agency: id }, tracked: true });
    }
    // Representatives and deputies alike: either may confirm the partner's attendance.
    for (const partner of PARTNERS) {
      for (const who of new Set(partnerPeople(config, partner).map((p) => p.aadObjectId))) {
        r.effect({ type: 'send', key: `attendanceRequest:${partner}:${who}`, to: person(who), card: { kind: 'attendanceRequest' }, tracked: true });
      }
    }
    const chair = config.reviewGroupChair.aadObjectId;
    r.effect({ type: 'send', key: `rapidReviewOutcomeRequest:${chair}`, to: person(chair), card: { kind: 'rapidReviewOutcomeRequest' }, tracked: true });
    r.effect({ type: 'send', key: 'rapidReviewBoard', to: monitoring, card: { kind: 'rapidReviewBoard' }, tracked: true });
    refreshBoard(r);
    return r.done([`Rapid review set up: ${agencies.length} agencies asked, returns due by ${words(iso(returnsDueAt), now)}.`, ...warnings].join(' '));
  }

  function agencyAction(state: CaseState | undefined, actor: CommandActor, agencyId: string): { error: Decision } | { error?: undefined; a: AgencyReturn; agency: Agency; by: Actor } {
    const found = review(state);
    if (found.error) return { error: found.error };
    const who = forAgency(actor, agencyId);
    if (!who) return { error: refuse("Only the agency's scoping contact or a deputy can record its return. Nothing was recorded.") };
    const a = found.rr.agencies[agencyId];
    if (!a) return { error: refuse(`${who.agency.name} was not asked for a scoping return in this rapid review.`) };
    if (a.status === 'returned' || a.status === 'noInvolvement') {
      return { error: refuse(`${who.agency.name}'s ${a.status === 'returned' ? 'return' : 'nil return'} was already recorded by ${a.returned?.by.displayName ?? 'someone'}.`) };
    }
    return { a, ...who };
  }

  function recordReturn(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordScopingReturn' }>, now: Date): Decision {
    const found = agencyAction(state, command.actor, command.agency);
    if (found.error) return found.error;
    let url: URL;
    try {
      url = new URL(command.documentUrl.trim());
    } catch {
      return refuse("Give the link to the return in the partnership's document store (https://...).");
    }
    if (url.protocol !== 'https:' || !config.documentStoreHosts.includes(url.hostname) || url.username || url.password) {
      return refuse(`The return must be a link into the partnership's document store (${config.documentStoreHosts.join(', ')}), starting https://.`);
    }
    const detail = identifyingDetailIn(decodedPath(url).replace(/[/_+]/g, ' '));
    if (detail) return refuse(`The link seems to contain ${detail}. Link to a document whose name carries only the case reference.`);
    const r = tools.recorder(state);
    r.record({ type: 'ScopingReturned', at: iso(now), by: found.by, agency: found.agency.id, documentUrl: url.toString() });
    refreshBoard(r);
    return r.done(`Recorded: ${found.agency.name}'s return. Thank you; no more reminders will be sent.`);
  }

  function recordNoInvolvement(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordNoInvolvement' }>, now: Date): Decision {
    const found = agencyAction(state, command.actor, command.agency);
    if (found.error) return found.error;
    const r = tools.recorder(state);
    r.record({ type: 'NoInvolvementRecorded', at: iso(now), by: found.by, agency: found.agency.id });
    refreshBoard(r);
    return r.done(`Recorded: ${found.agency.name} had no involvement with this child or family.`);
  }

  function requestExtension(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RequestExtension' }>, now: Date): Decision {
    const found = agencyAction(state, command.actor, command.agency);
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
    const r = tools.recorder(state);
    r.record({ type: 'ExtensionRequested', at: iso(now), by: found.by, agency: found.agency.id, reason: command.reason.trim(), proposedDueAt: iso(proposed) });
    r.effect({ type: 'send', key: `extensionDecisionRequest:${found.agency.id}:${r.state?.version}`, to: monitoring, card: { kind: 'extensionDecisionRequest', agency: found.agency.id }, tracked: true });
    refreshBoard(r);
    return r.done(`Asked: the business unit will answer. Until then the return is due by ${words(found.a.dueAt, now)}.`);
  }

  function decideExtension(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'DecideExtension' }>, now: Date): Decision {
    const found = review(state);
    if (found.error) return found.error;
    const role = actingRole(config, command.actor.aadObjectId, 'DecideExtension');
    if (!role) return refuse("Only the partnership's business unit can decide a request for more time.");
    const a = found.rr.agencies[command.agency];
    const agency = agencyById(command.agency);
    if (!a || !agency || a.status !== 'extensionAsked' || !a.extension) return refuse('There is no request for more time to decide.');
    const r = tools.recorder(state);
    r.record({ type: 'ExtensionDecided', at: iso(now), by: actorAs(command.actor, role), agency: agency.id, agreed: command.agree, dueAt: command.agree ? a.extension.proposedDueAt : a.dueAt });
    for (const to of contacts(agency)) r.effect({ type: 'send', key: `extensionAnswer:${agency.id}:${to}:${r.state?.version}`, to: person(to), card: { kind: 'extensionAnswer', agency: agency.id }, tracked: false });
    refreshBoard(r);
    return r.done(command.agree ? `Agreed: ${agency.name}'s return is now due by ${words(a.extension.proposedDueAt, now)}.` : `Declined: ${agency.name}'s return stays due by ${words(a.dueAt, now)}.`);
  }

  function confirmAttendance(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'ConfirmAttendance' }>, now: Date): Decision {
    const found = review(state);
    if (found.error) return found.error;
    if (!found.rr.setup) return refuse('The rapid review meeting has not been set up yet.');
    const partner = partnersRepresentedBy(config, command.actor.aadObjectId)[0];
    if (!partner) return refuse("Only a statutory partner's representative or a deputy can confirm attendance for that partner.");
    const current = found.rr.attendance[partner];
    if (current && current.attending === command.attending) return nothing('Already recorded.');
    const role = rolesOf(config, command.actor.aadObjectId).find((x) => 'partner' in x && x.partner === partner)!;
    const r = tools.recorder(state);
    r.record({ type: 'AttendanceConfirmed', at: iso(now), by: actorAs(command.actor, role), partner, attending: command.attending });
    refreshBoard(r);
    return r.done(command.attending ? 'Recorded: attending.' : 'Recorded: not attending. The meeting is quorate only with children\'s services, police and health; the business unit is shown this on the board.');
  }

  function recordOutcome(state: CaseState | undefined, command: Extract<CaseCommand, { type: 'RecordRapidReviewOutcome' }>, now: Date): Decision {
    const found = review(state);
    if (found.error) return found.error;
    const role = actingRole(config, command.actor.aadObjectId, 'RecordRapidReviewOutcome');
    if (!role) return refuse("Only the review group chair can record the rapid review's outcome.");
    if (!found.rr.setup) return refuse('The rapid review has not been set up yet.');
    const problem = checkFreeText('rationale', command.rationale, { required: true });
    if (problem) return refuse(problem.message);
    const sentAt = new Date(command.sentAt);
    if (sentAt.getTime() > now.getTime()) return refuse('The date it was sent to the Panel and Ofsted cannot be in the future.');
    if (sentAt.getTime() < Date.parse(found.rr.notifiedAt)) return refuse('The date it was sent is before the notification; please check it.');
    const r = tools.recorder(state);
    r.record({ type: 'RapidReviewCompleted', at: iso(now), by: actorAs(command.actor, role), lcsprNeeded: command.lcsprNeeded, rationale: command.rationale.trim(), sentAt: iso(sentAt), onTime: sentAt.getTime() <= Date.parse(found.rr.dueAt) });
    r.effect({ type: 'send', key: 'rapidReviewCompleted', to: monitoring, card: { kind: 'rapidReviewCompleted' }, tracked: false });
    refreshBoard(r);
    return r.done(`Recorded: the rapid review is complete (${sentAt.getTime() <= Date.parse(found.rr.dueAt) ? 'on time' : 'late'}).`);
  }

  /** Reminders two working days before and on the morning a return is due; after that a chaser each working day. */
  function tick(r: Recorder, now: Date) {
    const rr = r.state?.rapidReview;
    if (!rr?.setup || rr.completed) return;
    const t = now.getTime();
    const today = londonDate(now);
    let changed = false;
    for (const id of rr.agencyOrder) {
      const a = r.state!.rapidReview!.agencies[id];
      const agency = agencyById(id);
      if (!a || !agency || !OPEN.includes(a.status)) continue;
      const due = Date.parse(a.dueAt);
      const chase = (kind: 'twoDaysBefore' | 'dueMorning' | 'overdue', to: string[], day?: string) => {
        r.record({ type: 'ScopingChased', at: iso(now), agency: id, chase: kind, ...(day ? { day } : {}) });
        for (const person_ of to) r.effect({ type: 'send', key: `scopingChaser:${id}:${kind}:${day ?? ''}:${person_}:${r.state?.version}`, to: person(person_), card: { kind: 'scopingChaser', agency: id, chase: kind }, tracked: false });
        changed = true;
      };
      if (t < due) {
        const dueDay = londonDate(new Date(due));
        if (!a.chased.includes('twoDaysBefore') && t >= startOfDay(workingDayBefore(calendar, dueDay, 2), hours).getTime() && t < startOfDay(dueDay, hours).getTime()) chase('twoDaysBefore', contacts(agency));
        if (!a.chased.includes('dueMorning') && calendar.isWorkingDay(dueDay) && t >= startOfDay(dueDay, hours).getTime()) chase('dueMorning', contacts(agency));
        continue;
      }
      // Overdue: once each working day, to the contact and the agency's escalation contact; the monitoring channel is flagged the first time.
      const morning = startOfDay(today, hours).getTime();
      if (calendar.isWorkingDay(today) && morning >= due && t >= morning && !a.chased.includes(`overdue:${today}`)) {
        const first = !a.chased.some((c) => c.startsWith('overdue:'));
        chase('overdue', [...new Set([...contacts(agency), agency.escalation.aadObjectId])], today);
        if (first) r.effect({ type: 'send', key: `scopingOverdue:${id}:${a.dueAt}`, to: monitoring, card: { kind: 'scopingOverdue', agency: id }, tracked: false });
      }
    }
    if (!rr.papersPrompted && t >= Date.parse(rr.setup.papersDueAt)) {
      const missing = rr.agencyOrder.filter((id) => OPEN.includes(rr.agencies[id]?.status ?? 'returned'));
      r.record({ type: 'PapersPrompted', at: iso(now), missing });
      r.effect({ type: 'send', key: 'papersPrompt', to: monitoring, card: { kind: 'papersPrompt' }, tracked: false });
      changed = true;
    }
    if (changed) refreshBoard(r);
  }

  return { open, setUp, recordReturn, recordNoInvolvement, requestExtension, decideExtension, confirmAttendance, recordOutcome, tick };
}

/** When the sweep must look again: the next reminder, due time or chaser of every open return, and the papers date. */
export function reviewDeadlines(state: CaseState, calendar: WorkingCalendar, hours: WorkingHours): Date[] {
  const rr = state.rapidReview;
  if (!rr?.setup || rr.completed) return [];
  const out: Date[] = [];
  for (const id of rr.agencyOrder) {
    const a = rr.agencies[id];
    if (!a || !OPEN.includes(a.status)) continue;
    const dueDay = londonDate(new Date(a.dueAt));
    if (!a.chased.includes('twoDaysBefore')) out.push(startOfDay(workingDayBefore(calendar, dueDay, 2), hours));
    if (!a.chased.includes('dueMorning') && calendar.isWorkingDay(dueDay)) out.push(startOfDay(dueDay, hours));
    const lastOverdue = a.chased.filter((c) => c.startsWith('overdue:')).map((c) => c.slice('overdue:'.length)).sort().at(-1);
    // The first chaser is due the first working morning at or after the due time; then one each working day.
    const next = lastOverdue ? workingDayAfter(calendar, lastOverdue) : calendar.isWorkingDay(dueDay) && Date.parse(a.dueAt) <= startOfDay(dueDay, hours).getTime() ? dueDay : workingDayAfter(calendar, dueDay);
    out.push(startOfDay(next, hours));
  }
  if (!rr.papersPrompted) out.push(new Date(rr.setup.papersDueAt));
  return out;
}

/** A malformed escape in a link (%E0%A4%A) is checked as written rather than failing the request. */
function decodedPath(url: URL): string {
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}
