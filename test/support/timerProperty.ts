import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decide } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { evolve, fold, type CaseState } from '../../workflow/state.js';
import { TIMERS, timersOf } from '../../workflow/tick.js';
import type { DeclareTimers } from '../../workflow/timers.js';
import { closeOfDay, londonDate, startOfDay, workingDayBefore } from '../../workflow/rapidReview/dates.js';
import { pendingDeadlines } from '../../workflow/deadlines.js';
import { CASE_REF, DOCUMENT_URL, MANY_AGENCY_IDS, PEOPLE, SCENES, sampleConfig } from './sampleConfig.js';
import { LR, LR_SCENES, lrRun } from './localReviewScenes.js';

/**
 * The timer property test's machinery, shared by its two files (test/workflow/timersAgree.test.ts
 * and timersMissing.test.ts, of about equal run time, so two workers share the suite's longest run).
 *
 * The one timer model, as a property: the schedule index (pendingDeadlines) and the sweep (Tick)
 * never disagree. For every sample history and for generated ones, a simulated sweep scans
 * every working-hour boundary and every declared instant (and 1 ms either side) and checks that
 *  - the tick acts only when some indexed instant at or before now is still in the index (else a
 *    real sweep, which only ticks cases with a due entry, would never have acted: a missed deadline);
 *  - the tick acts at every instant the index holds (else the entry is dead: a timer the sweep forgot);
 *  - a second tick at the same instant does nothing.
 */

// The sample configuration, plus the thirty agencies of SCENES.thirtyAgencies so their timers can fire.
const manyAgencies = MANY_AGENCY_IDS.map((id) => {
  const who = (suffix: string): Person => ({ aadObjectId: `aad-${id}${suffix}`, email: `${id}${suffix}@agency.example.org`, displayName: `Contact ${id}${suffix}` });
  return { id, name: `Agency ${id}`, contact: who(''), escalation: who('-lead') };
});
export const config = PartnershipFileSchema.parse({ ...sampleConfig, agencies: [...sampleConfig.agencies, ...manyAgencies] });
export const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: config.workingHours });
export const clock = { calendar, hours: config.workingHours };
export const decide = createDecider(config, calendar);
export const TICK: CaseCommand = { type: 'Tick' };
const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

type Index = (state: CaseState) => Date[];
export type Sides = { decide: Decide; index: Index };
export const REAL: Sides = { decide, index: (state) => pendingDeadlines(state, calendar, config.workingHours) };

/** Every working day's opening and close in [from, to), London time. */
function boundaries(from: number, to: number): number[] {
  const out: number[] = [];
  for (let day = londonDate(new Date(from)); startOfDay(day, clock.hours).getTime() < to; day = londonDate(new Date(startOfDay(day, clock.hours).getTime() + DAY))) {
    for (const edge of [startOfDay(day, clock.hours), closeOfDay(day, clock.hours)]) if (edge.getTime() >= from && edge.getTime() < to) out.push(edge.getTime());
  }
  return out;
}

/**
 * Sweeps one state over [from, to) as the real sweep would, returning the state at `to` and the
 * violations found. The index starts as the state's instants; entries at or before a tick are
 * removed after it, and a tick that changes the case adds the new state's instants.
 */
function sweepSegment(sides: Sides, start: CaseState, from: number, to: number, violations: string[]): CaseState {
  let state = start;
  let index = new Set(sides.index(state).map((d) => d.getTime()));
  // The instants still to scan, in order; instants declared by later states are merged in as they appear.
  const queue: number[] = [];
  const queued = new Set<number>();
  const add = (p: number) => {
    if (p < from || p >= to || queued.has(p)) return;
    queued.add(p);
    let lo = 0;
    for (let hi = queue.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      if (queue[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, p);
  };
  const addInstants = (s: CaseState) => {
    for (const at of [...timersOf(s, clock).map((t) => t.at), ...sides.index(s)]) for (const p of [at.getTime() - 1, at.getTime(), at.getTime() + 1]) add(p);
  };
  for (const p of [from, ...boundaries(from, to)]) add(p);
  addInstants(state);
  while (queue.length > 0) {
    const p = queue.shift()!;
    const now = new Date(p);
    const due = [...index].filter((x) => x <= p);
    const decision = sides.decide(state, TICK, now);
    if (!decision.ok) {
      violations.push(`${now.toISOString()}: the tick was refused (${decision.refusal})`);
      continue;
    }
    const what = `${now.toISOString()} in stage ${state.stage}`;
    if (decision.events.length === 0) {
      if (index.has(p) && p >= from) violations.push(`${what}: the index holds this instant but the sweep does nothing at it`);
      for (const x of due) index.delete(x);
      continue;
    }
    if (due.length === 0) violations.push(`${what}: the sweep would act (${decision.events.map((e) => e.type).join(', ')}) but nothing is due in the index`);
    const next = decision.events.reduce<CaseState | undefined>(evolve, state)!;
    const again = sides.decide(next, TICK, now);
    if (again.ok && again.events.length > 0) violations.push(`${what}: a second tick at the same instant acted again (${again.events.map((e) => e.type).join(', ')})`);
    index = new Set([...index, ...sides.index(next).map((d) => d.getTime())]);
    for (const x of due) index.delete(x);
    state = next;
    addInstants(state);
  }
  return state;
}

/** A hand-written history: each state is swept from its last event until the next one (the last for `tailDays`, 25 by default). */
export function checkEvents(sides: Sides, events: CaseEvent[], tailDays = 25): string[] {
  const violations: string[] = [];
  for (let i = 1; i <= events.length; i++) {
    const state = fold(events.slice(0, i))!;
    const from = Date.parse(events[i - 1]!.at);
    const to = i < events.length ? Date.parse(events[i]!.at) : from + tailDays * DAY;
    if (to > from) sweepSegment(sides, state, from, to, violations);
  }
  return violations;
}

/** A small seeded generator (mulberry32): the same seed gives the same history on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!, chance: (p: number) => next() < p };
}

export const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const PARTNER_PEOPLE = [PEOPLE.director, PEOPLE.laDeputy, PEOPLE.police, PEOPLE.policeDeputy, PEOPLE.health, PEOPLE.healthDeputy];
const AGENCY_IDS = ['education', 'probation', 'gp', 'hospital-trust', 'da-service'];
const contactOf = (id: string) => config.agencies.find((a) => a.id === id)!.contact;
const iso = (ms: number) => new Date(ms).toISOString();

/** A plausible next command for the case (some will be refused, as real clicks are). */
function nextCommand(rng: ReturnType<typeof random>, state: CaseState | undefined, now: number): CaseCommand | undefined {
  if (!state) {
    return { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: iso(now - rng.next() * 3 * DAY), harm: rng.pick(['death', 'seriousHarm'] as const), location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } };
  }
  const rationale = 'The threshold reading differs between agencies on what is known.';
  const view = rng.pick(['notify', 'doNotNotify'] as const);
  // A re-opened decision (002 8.1) stands meanwhile, whatever the stage: the partnership chair decides again.
  if (state.reconsideration && rng.chance(0.5)) return { type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: view, rationale, scrutineerAttended: rng.chance(0.5) };
  switch (state.stage) {
    case 'awaitingInitialView':
      // The chair and the director each give a view, concur, or differ (002 Section B step 3).
      return rng.chance(0.4) ? { type: 'ConcurInitialView', actor: as(rng.pick([PEOPLE.chair, PEOPLE.director])) } : { type: 'GiveInitialView', actor: as(rng.pick([PEOPLE.chair, PEOPLE.director])), view, rationale };
    case 'awaitingPartnerReplies':
      if (!state.initialView?.postedAt) return { type: 'RecordPartnerCardPosted', postedAt: iso(now) };
      return { type: 'ReplyAsPartner', actor: as(rng.pick(PARTNER_PEOPLE)), reply: rng.chance(0.5) ? 'agree' : 'disagree', rationale };
    case 'dispute': {
      const stage = state.dispute?.stage ?? 1;
      return rng.pick<CaseCommand>([
        { type: 'RecordMeetingBooked', stage, start: iso(now + 2 * HOUR), end: iso(now + 2.5 * HOUR), eventId: `event-${stage}`, attendees: [] },
        { type: 'RecordMeetingBookingFailed', stage, reason: 'No permission to book.' },
        { type: 'ArrangeMeeting', actor: as(PEOPLE.business), stage, start: iso(now + 3 * HOUR) },
        { type: 'RecordMeetingOutcome', actor: as(PEOPLE.chair), outcome: rng.chance(0.5) ? 'agreed' : 'notResolved', decision: view, rationale },
        { type: 'RecordFinalDecision', actor: as(PEOPLE.partnershipChair), decision: view, rationale, scrutineerAttended: rng.chance(0.5) },
        { type: 'ReplyAsPartner', actor: as(rng.pick(PARTNER_PEOPLE)), reply: 'agree', rationale: 'Agreed on what is known.' },
      ]);
    }
    case 'awaitingPanelNotification':
      if (rng.chance(0.15)) return { type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: 'New information has arrived.' };
      return { type: 'ConfirmPanelNotification', actor: as(rng.pick([PEOPLE.director, PEOPLE.laDeputy])), sentAt: iso(now - rng.next() * HOUR), panelReference: 'NCSPRP-001' };
    case 'awaitingNextStep':
      if (rng.chance(0.15)) return { type: 'ReopenDecision', actor: as(PEOPLE.partnershipChair), reason: 'New information has arrived.' };
      return { type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'safeguardingLeadsMeeting', rationale };
    case 'rapidReview': {
      const rr = state.rapidReview!;
      if (!rr.setup) {
        const meetingDay = workingDayBefore(calendar, londonDate(new Date(rr.dueAt)), 1 + Math.floor(rng.next() * 3));
        const agencies = AGENCY_IDS.filter(() => rng.chance(0.6));
        return { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: iso(startOfDay(meetingDay, clock.hours).getTime() + HOUR), agencies: agencies.length ? agencies : ['gp'] };
      }
      // After the meeting the LCSPR decision is reached more often, so its reminder, window and dispute deadline are all met.
      const l = rr.lcspr;
      if (!l && now >= Date.parse(rr.setup.meetingAt) && rng.chance(0.5)) {
        return { type: 'RecordRapidReviewMeeting', actor: as(PEOPLE.chair), attended: ['localAuthority', 'police', 'health'], invitedAttended: [], lcsprRecommended: rng.chance(0.5), rationale, linesOfEnquiry: rationale };
      }
      if (l && !l.decided && l.dispute) return rng.chance(0.1) ? { type: 'DecideLcsprDispute', actor: as(PEOPLE.partnershipChair), lcspr: rng.chance(0.5), rationale } : { type: 'Tick' };
      if (l && !l.decided && rng.chance(0.6)) return { type: 'ReplyOnLcspr', actor: as(rng.pick(PARTNER_PEOPLE)), reply: rng.chance(0.4) ? 'agree' : 'disagree', rationale };
      // New information raised through the business unit while the review runs: nothing of it is wiped.
      if (rng.chance(0.05)) return { type: 'ReopenDecision', actor: as(PEOPLE.business), reason: 'New information has arrived.' };
      const id = rng.pick(rr.agencyOrder);
      const a = rr.agencies[id]!;
      return rng.pick<CaseCommand>([
        { type: 'RecordScopingReturn', actor: as(contactOf(id)), agency: id, documentUrl: `https://documents.example.org/sites/cases/${CASE_REF}/scoping-${id}.docx` },
        { type: 'RecordNoInvolvement', actor: as(contactOf(id)), agency: id },
        { type: 'RequestExtension', actor: as(contactOf(id)), agency: id, reason: 'The lead is away this week.', proposedDueAt: iso(Date.parse(a.dueAt) + 2 * DAY) },
        { type: 'DecideExtension', actor: as(PEOPLE.business), agency: id, agree: rng.chance(0.5) },
        { type: 'ConfirmAttendance', actor: as(rng.pick(PARTNER_PEOPLE)), attending: rng.chance(0.8) },
        // The meeting (quorate or not), the partners' LCSPR decision, its dispute, the approval and the sending.
        { type: 'RecordRapidReviewMeeting', actor: as(PEOPLE.chair), attended: rng.chance(0.8) ? ['localAuthority', 'police', 'health'] : ['police'], invitedAttended: [], lcsprRecommended: rng.chance(0.5), rationale, linesOfEnquiry: rationale },
        { type: 'ReplyOnLcspr', actor: as(rng.pick(PARTNER_PEOPLE)), reply: rng.chance(0.7) ? 'agree' : 'disagree', rationale },
        { type: 'DecideLcsprDispute', actor: as(PEOPLE.partnershipChair), lcspr: rng.chance(0.5), rationale },
        { type: 'ApproveRapidReview', actor: as(PEOPLE.chair) },
        { type: 'RecordRapidReviewSent', actor: as(PEOPLE.business), sentAt: iso(now), dfeSentAt: iso(now) },
      ]);
    }
    default:
      return undefined;
  }
}

/** Runs a generated history: commands at generated instants, with the simulated sweep between them. */
export function checkGenerated(sides: Sides, seed: number): string[] {
  const rng = random(seed);
  const violations: string[] = [];
  // A Monday to Friday start in 2026, at any minute of the day (including nights and weekends to come).
  let now = Date.parse('2026-03-02T00:00:00.000Z') + Math.floor(rng.next() * 40) * DAY + Math.floor(rng.next() * 1440) * 60_000;
  let state: CaseState | undefined;
  // Long enough for a rapid review to reach its meeting, the partners' LCSPR decision and a dispute's deadline.
  for (let step = 0; step < 45; step++) {
    const command = nextCommand(rng, state, now);
    if (!command) break;
    const decision = sides.decide(state, command, new Date(now));
    if (decision.ok && decision.events.length > 0) state = decision.events.reduce<CaseState | undefined>(evolve, state);
    if (!state) continue;
    const gap = rng.pick([5 * 60_000, HOUR, 4 * HOUR, DAY, 2.5 * DAY]) * (0.2 + rng.next() * 1.6);
    const until = state.stage === 'closed' || state.stage === 'panelNotified' ? now + 25 * DAY : now + gap;
    state = sweepSegment(sides, state, now, until, violations);
    now = until;
    if (state.stage === 'closed' || state.stage === 'panelNotified') break;
  }
  return violations;
}

/**
 * Recommendations and actions (issue 17): histories whose timers (reminders, overdue chasers every 5
 * working days, the monthly report) fall after their last event, swept long enough to reach them all:
 * agreed in July, one moved, one completed and awaiting impact, one owned by a partner.
 */
export const ACTION_TAIL_DAYS = 120;
export const ACTION_HISTORIES: (() => CaseEvent[])[] = [
  SCENES.actionsAgreed,
  SCENES.costsRecorded,
  () => {
    const start = SCENES.actionsAgreed();
    const run = (command: CaseCommand, at: string, events: CaseEvent[]) => {
      const d = decide(fold(events), command, new Date(at));
      if (!d.ok) throw new Error(d.refusal);
      return [...events, ...d.events];
    };
    const moved = run({ type: 'MoveActionDueDate', actor: as(PEOPLE.business), action: 'A2', dueDate: '2026-10-30', reason: 'The force policy board meets late in October.' }, '2026-07-10T10:00:00.000Z', start);
    return run({ type: 'RecordActionCompletion', actor: as(PEOPLE.gpContact), action: 'A1', documentUrl: `https://documents.example.org/sites/cases/${CASE_REF}/a1.docx` }, '2026-07-15T10:00:00.000Z', moved);
  },
];

export const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

/**
 * The local review's histories (issue 17): its deadlines lie months after the last event, so each
 * is swept for 200 days after it, past the six-month day. `moved` moves the publication day after
 * the copy alert, so the re-armed reminders and alert are covered too.
 */
export const LOCAL_REVIEW_HISTORIES: Record<string, () => CaseEvent[]> = {
  ...LR_SCENES,
  moved: () => lrRun([LR.publication('2026-12-16', '2026-11-10T10:00:00.000Z'), LR.done('earlyDraft', '2026-10-01', '2026-11-10T10:05:00.000Z')], LR_SCENES.planned()).events,
};
export const LOCAL_REVIEW_DAYS = 200;

/** Every kind of timer the model declares (each step's declaration lists its own): nothing here lists them by hand. */
export const TIMER_KINDS: readonly string[] = TIMERS.flatMap((declaration) => declaration.kinds);

/** The timers without one kind, as a drifted sweep or index would have them. */
export const without = (kind: string): DeclareTimers[] => TIMERS.map((declare) => (state, c) => declare(state, c).filter((t) => t.kind !== kind));

/** Every timer due at `now` in `state`, as the spies of the coverage checks see them. */
export const dueKinds = (state: CaseState, now: Date): string[] => timersOf(state, clock).flatMap((t) => (t.at.getTime() <= now.getTime() ? [t.kind] : []));

/** Whether any history shows the violation (stopping at the first that does): the property is not vacuous. */
export const foundIn = (sides: Sides, violation: string): boolean =>
  Object.values(SCENES).some((scene) => checkEvents(sides, scene()).some((v) => v.includes(violation))) ||
  ACTION_HISTORIES.some((history) => checkEvents(sides, history(), ACTION_TAIL_DAYS).some((v) => v.includes(violation))) ||
  Object.values(LOCAL_REVIEW_HISTORIES).some((history) => checkEvents(sides, history(), LOCAL_REVIEW_DAYS).some((v) => v.includes(violation))) ||
  SEEDS.some((seed) => checkGenerated(sides, seed).some((v) => v.includes(violation)));
