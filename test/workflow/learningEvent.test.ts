import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { addCalendarMonths, reminderAt, reportDueAt } from '../../workflow/learningEvent/months.js';
import { learningEventRef, learningEventSummary, reviewGroupDisputeSummaries } from '../../workflow/learningEvent/summary.js';
import { timeline } from '../../workflow/timeline.js';
import { commandRunner } from '../support/runCommands.js';
import { PEOPLE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * The local learning event (002 Section C) and review-group disputes (002 8.2), rule by rule,
 * at fixed instants: Fridays before bank holidays, after hours, clock changes, month ends.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
const hours = sampleConfig.workingHours;
const decide = createDecider(sampleConfig, calendar);
const run = commandRunner(decide);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const TICK: CaseCommand = { type: 'Tick' };
const REPORT = 'https://documents.example.org/sites/cases/RR-2026-014/learning-event-report.docx';
/** The case went to the review group on Wednesday 10 June 2026 (SCENES.closed). */
const closed = (): CaseEvent[] => SCENES.closed();
const decision = (decidedOn: string, rationale = 'New learning for the multi-agency system.', who: Person = PEOPLE.business): CaseCommand => ({ type: 'RecordLearningEventDecision', actor: as(who), decidedOn, rationale });
const refusalOf = (d: ReturnType<typeof decide>) => (d.ok ? `accepted: ${d.events.map((e) => e.type).join(', ')}` : d.refusal);

describe('002 6.16 "ready for approval within four months from the date of the decision to initiate a local learning event"', () => {
  // Calendar months, clamped to the month's end; due at the close of working hours (17:00 London) on that date.
  it.each([
    ['31 Oct -> the end of February', '2026-10-31', '2027-02-28', '2027-02-28T17:00:00.000Z'],
    ['31 Oct before a leap year -> 29 February', '2027-10-31', '2028-02-29', '2028-02-29T17:00:00.000Z'],
    ['30 June (summer time) -> 30 October, after the clocks went back', '2026-06-30', '2026-10-30', '2026-10-30T17:00:00.000Z'],
    ['30 November -> 30 March, after the clocks went forward', '2026-11-30', '2027-03-30', '2027-03-30T16:00:00.000Z'],
    ['a due date on a Saturday is not moved: months, not working days', '2026-06-10', '2026-10-10', '2026-10-10T16:00:00.000Z'],
  ])('%s', (_, decidedOn, dueDate, dueAt) => {
    expect(addCalendarMonths(decidedOn, 4)).toBe(dueDate);
    expect(reportDueAt(decidedOn, hours).toISOString()).toBe(dueAt);
  });

  // Reminders at the opening of the 10th and the 3rd working day before the due date (the date itself not counted).
  it.each([
    ['due Saturday 10 October 2026: 10 WD before is Monday 28 September', '2026-10-10T16:00:00.000Z', 10, '2026-09-28T08:00:00.000Z'],
    ['due Saturday 10 October 2026: 3 WD before is Wednesday 7 October', '2026-10-10T16:00:00.000Z', 3, '2026-10-07T08:00:00.000Z'],
    ['due Tuesday 1 June 2027, after the spring bank holiday Monday: 3 WD before is Wednesday 26 May', '2027-06-01T16:00:00.000Z', 3, '2027-05-26T08:00:00.000Z'],
    ['due Monday 29 March 2027, the day after the clocks change and Easter: Good Friday skipped, 3 WD before is Tuesday 23 March, 09:00 GMT', '2027-03-29T16:00:00.000Z', 3, '2027-03-23T09:00:00.000Z'],
  ])('%s', (_, due, days, at) => {
    expect(reminderAt(new Date(due), days, calendar, hours).toISOString()).toBe(at);
  });

  it('the decision recorded fixes the deadline from the decision date, not the day it was recorded', () => {
    const { last, state } = run([[decision('2026-06-10'), '2026-06-11T10:00:00.000Z']], closed());
    expect(last.ok).toBe(true);
    expect(state.learningEvent).toMatchObject({ decidedOn: '2026-06-10', reportDueAt: '2026-10-10T16:00:00.000Z', basis: 'partnersDecided' });
    // The card goes to the business unit, the review group chair and the monitoring channel.
    expect(last.ok && last.effects.filter((e) => e.type === 'send').map((e) => (e.type === 'send' ? e.to : undefined))).toEqual([
      { kind: 'person', aadObjectId: PEOPLE.business.aadObjectId },
      { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId },
      { kind: 'conversation', target: 'monitoring' },
    ]);
  });
});

// 002, introduction: the procedures ensure "local learning happens where the criteria for a local child
// safeguarding practice review are not met"; Section C 6.1: the review group considers referrals "where the criteria
// for a serious incident notification and therefore a rapid review have not been met". A learning event is the
// alternative to an LCSPR, not an addition: neither opens while the other is held on the case.
describe('a learning event and an LCSPR are never both held on one case', () => {
  const openLcspr: [CaseCommand, string] = [{ type: 'OpenLocalReview', actor: as(PEOPLE.business), decidedAt: '2026-06-15T10:00:00.000Z', rationale: 'The review group found system learning across agencies.' }, '2026-06-15T11:00:00.000Z'];
  it('a learning event is refused on a case whose review group opened an LCSPR', () => {
    const { decisions, last } = run([openLcspr, [decision('2026-06-15'), '2026-06-16T10:00:00.000Z']], closed());
    expect(decisions[0]!.ok).toBe(true);
    expect(last).toEqual({
      ok: false,
      refusal: 'A local review (LCSPR) is held on RR-2026-014 (decided on Monday 15 June 2026): a learning event is for where the criteria for an LCSPR are not met, the alternative to one, not an addition.',
    });
  });

  it('an LCSPR is refused on a case with a learning event', () => {
    expect(run([openLcspr], SCENES.learningEventDecided()).last).toEqual({
      ok: false,
      refusal: 'A local learning event is held on RR-2026-014 (decided on Wednesday 10 June 2026): a learning event is the alternative to an LCSPR, for where its criteria are not met; both are not held on one case.',
    });
  });
});

describe('002 6.4 "The safeguarding partners have the responsibility for deciding whether to conduct a local learning event": who records what, and when', () => {
  const setUp = (methods: string[], leads: string[], who = PEOPLE.chair): CaseCommand => ({ type: 'SetUpLearningEvent', actor: as(who), methods, leads });
  it.each<[string, CaseEvent[], CaseCommand, string, RegExp]>([
    ['the chair cannot record the partners’ decision (the business unit does)', closed(), decision('2026-06-10', 'Recorded by the chair.', PEOPLE.chair), '2026-06-11T10:00:00.000Z', /Only the business unit/],
    ['a partner cannot either', closed(), decision('2026-06-10', 'Recorded by a partner.', PEOPLE.police), '2026-06-11T10:00:00.000Z', /Only the business unit/],
    ['not while the notification decision is open (002 6.1: "where the criteria for a serious incident notification ... have not been met")', SCENES.awaitingReplies(), decision('2026-06-08'), '2026-06-09T10:00:00.000Z', /still open/],
    ['not while the rapid review runs', SCENES.reviewSetUp(), decision('2026-06-10'), '2026-06-11T10:00:00.000Z', /still open/],
    ['a decision date in the future', closed(), decision('2026-06-12'), '2026-06-11T22:30:00.000Z', /cannot be in the future/],
    ['a decision date before the referral was logged', closed(), decision('2026-05-01'), '2026-06-11T10:00:00.000Z', /cannot be before the referral was logged/],
    ['not a date at all', closed(), decision('2026-02-30'), '2026-06-11T10:00:00.000Z', /not a date/],
    ['a rationale is required (6.4 "the rationale captured")', closed(), decision('2026-06-10', ' '), '2026-06-11T10:00:00.000Z', /Please give a rationale/],
    ['a second learning event on the same case', SCENES.learningEventDecided(), decision('2026-06-10'), '2026-06-12T10:00:00.000Z', /already open/],
    // 6.6 "The Learning Inquiry Group will decide which agencies should take responsibility for leading the local learning event"; 6.8 "The Learning Inquiry Group will agree the method".
    ['the report before the method and leads are recorded', SCENES.learningEventDecided(), { type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: REPORT }, '2026-07-01T10:00:00.000Z', /^Record the review group's method and leads first \(002 6\.6, 6\.8\): the report comes from the event they lead\.$/],
    ['Appendix B: single-agency learning "is not a local child safeguarding practice review or a local learning event"', SCENES.learningEventDecided(), setUp(['singleAgency'], ['partner:police']), '2026-06-12T10:00:00.000Z', /Single-agency learning is not a local learning event/],
    ['a method not on the menu', SCENES.learningEventDecided(), setUp(['survey'], ['partner:police']), '2026-06-12T10:00:00.000Z', /from the menu/],
    ['6.6 "co-led by two": not three', SCENES.learningEventDecided(), setUp(['desktop'], ['partner:police', 'partner:health', 'agency:gp']), '2026-06-12T10:00:00.000Z', /one or two leads/],
    ['a lead not on the roster', SCENES.learningEventDecided(), setUp(['desktop'], ['agency:unknown']), '2026-06-12T10:00:00.000Z', /on the roster/],
    ['a partner cannot record the method (the review group agrees it, 6.8)', SCENES.learningEventDecided(), setUp(['desktop'], ['partner:police'], PEOPLE.police), '2026-06-12T10:00:00.000Z', /Only the business unit or the review group chair/],
    ['the report must be a document-store link', SCENES.learningEventSetUp(), { type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: 'https://elsewhere.example.com/report.docx' }, '2026-09-01T10:00:00.000Z', /^The report must be a link into the partnership's document store \(documents\.example\.org\), starting https:\/\/\.$/],
    ['the report link may not name the child (as every document link)', SCENES.learningEventSetUp(), { type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: 'https://documents.example.org/cases/mother Jane Smith/report.docx' }, '2026-09-01T10:00:00.000Z', /^The link seems to contain a name\. Link to a document whose name carries only the case reference\.$/],
    ['nor its date of birth, encoded', SCENES.learningEventSetUp(), { type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: 'https://documents.example.org/cases/Report%20DOB%2004-03-2019.docx' }, '2026-09-01T10:00:00.000Z', /^The link seems to contain a date of birth\./],
    ['not a link at all', SCENES.learningEventSetUp(), { type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: 'the report on the shared drive' }, '2026-09-01T10:00:00.000Z', /^Give the link to the report in the partnership's document store \(https:\/\/\.\.\.\)\.$/],
    ['the terms of reference: the same check', SCENES.learningEventDecided(), { type: 'SetUpLearningEvent', actor: as(PEOPLE.chair), methods: ['desktop'], leads: ['partner:police'], termsOfReferenceUrl: 'https://documents.example.org/cases/mother Jane Smith/tor.docx' }, '2026-06-12T10:00:00.000Z', /^The link seems to contain a name\./],
    ['6.14 the executive approves a report that is ready, not before', SCENES.learningEventSetUp(), { type: 'RecordLearningEventApproval', actor: as(PEOPLE.business), approvedOn: '2026-09-01' }, '2026-09-01T10:00:00.000Z', /not yet ready/],
    ['6.14 learning is disseminated after the approval', SCENES.learningEventSetUp(), { type: 'RecordLearningEventDissemination', actor: as(PEOPLE.chair), disseminatedOn: '2026-09-01', how: 'Briefings.' }, '2026-09-01T10:00:00.000Z', /not been approved/],
  ])('%s', (_, start, command, at, refusal) => {
    const d = decide(stateOf(start), command, new Date(at));
    expect(refusalOf(d)).toMatch(refusal);
  });

  it.each([
    ['ready on the last day, at 16:59 on the due date: on time', '2026-10-10T15:59:00.000Z', true],
    ['ready at the close itself: on time', '2026-10-10T16:00:00.000Z', true],
    ['ready a minute after: late', '2026-10-10T16:01:00.000Z', false],
  ])('%s', (_, readyAt, onTime) => {
    const { state, last } = run([[{ type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: REPORT, readyAt }, '2026-10-12T10:00:00.000Z']], SCENES.learningEventSetUp());
    expect(last.ok).toBe(true);
    expect(state.learningEvent?.report).toMatchObject({ readyAt, onTime });
  });

  // 6.6: "a lead ... or co-leads": a lead agency's contact and deputies get the card, as a lead partner's people do.
  it("sends the card to each co-lead's people: the police's representative and deputy, the GP practice's contact and deputy", () => {
    const d = decide(stateOf(SCENES.learningEventDecided()), setUp(['desktop'], ['partner:police', 'agency:gp']), new Date('2026-06-12T10:00:00.000Z'));
    if (!d.ok) throw new Error(d.refusal);
    const to = d.effects.flatMap((e) => (e.type === 'send' && e.card.kind === 'learningEvent' && e.to.kind === 'person' ? [e.to.aadObjectId] : []));
    expect(to).toEqual([PEOPLE.police, PEOPLE.policeDeputy, PEOPLE.gpContact, PEOPLE.gpDeputy].map((p) => p.aadObjectId));
  });

  it('runs to the end: method and leads, report, approval, dissemination; the summary says what is open', () => {
    const events = SCENES.learningEventDisseminated();
    const state = stateOf(events);
    expect(state.learningEvent).toMatchObject({ setUp: { methods: ['desktop', 'practitionerWorkshop'], leads: [{ kind: 'partner', partner: 'police' }, { kind: 'agency', agency: 'gp' }] }, report: { onTime: true }, approved: { approvedOn: '2026-09-14' }, disseminated: { disseminatedOn: '2026-10-19' } });
    expect(learningEventSummary(state, new Date('2026-10-21T10:00:00Z'))).toMatchObject({ kind: 'learningEvent', status: 'disseminated', onTime: true, open: false });
    expect(learningEventRef(state)).toEqual({ kind: 'learningEvent', id: 'learningEvent-1', caseRef: state.referral.caseRef });
    // Every step is a row in the history, with the words typed.
    const rows = timeline(events, undefined, (id) => sampleConfig.agencies.find((a) => a.id === id)?.name ?? id).slice(-5).map((r) => r.what);
    expect(rows[0]).toMatch(/Recorded the partners' decision of Wednesday 10 June 2026: a local learning event will be held. The report is due ready for approval by 17:00 on Saturday 10 October 2026/);
    expect(rows[1]).toMatch(/desktop review and practitioner workshop\) and co-leads \(Police and GP practice\)/);
    expect(rows.slice(2)).toEqual([expect.stringMatching(/report ready for approval .* within the four months/), expect.stringMatching(/executive's approval .* Monday 14 September 2026/), expect.stringMatching(/dissemination of learning on Monday 19 October 2026/)]);
  });
});

describe('learning event timers: reminders 10 and 3 working days before, an overdue alert after; nothing decided by silence', () => {
  it('reminds the co-leads (the police\'s people, the GP practice\'s contact and deputy) and the business unit, then, at the next working day\'s opening, alerts the business unit and the monitoring channel', () => {
    const start = SCENES.learningEventSetUp();
    const cases: [string, string, string[], boolean][] = [
      ['2026-09-28T07:59:59.000Z', '', [], false],
      ['2026-09-28T08:00:00.000Z', 'tenDaysBefore', [PEOPLE.police.aadObjectId, PEOPLE.policeDeputy.aadObjectId, PEOPLE.gpContact.aadObjectId, PEOPLE.gpDeputy.aadObjectId, PEOPLE.business.aadObjectId], false],
      ['2026-10-07T08:00:00.000Z', 'threeDaysBefore', [PEOPLE.police.aadObjectId, PEOPLE.policeDeputy.aadObjectId, PEOPLE.gpContact.aadObjectId, PEOPLE.gpDeputy.aadObjectId, PEOPLE.business.aadObjectId], false],
      ['2026-10-10T15:59:59.000Z', '', [], false],
      // Due 17:00 Saturday 10 October: the alert waits for the start of the next working day, 09:00 Monday 12 October (BST).
      ['2026-10-10T16:00:00.000Z', '', [], false],
      ['2026-10-12T07:59:59.000Z', '', [], false],
      ['2026-10-12T08:00:00.000Z', 'overdue', [PEOPLE.business.aadObjectId], true],
    ];
    let events = start;
    for (const [at, chase, to, monitoring] of cases) {
      const d = decide(stateOf(events), TICK, new Date(at));
      if (!d.ok) throw new Error(d.refusal);
      if (!chase) {
        expect(d.events, at).toEqual([]);
        continue;
      }
      expect(d.events.map((e) => e.type)).toEqual(['LearningEventChased']);
      expect(d.events[0]).toMatchObject({ chase, to });
      const sent = d.effects.flatMap((e) => (e.type === 'send' ? [e.to] : []));
      expect(sent.some((r) => r.kind === 'conversation' && r.target === 'monitoring')).toBe(monitoring);
      events = [...events, ...d.events];
      // A second sweep at the same instant does nothing.
      expect(decide(stateOf(events), TICK, new Date(at))).toEqual({ ok: true, events: [], effects: [] });
    }
    expect(stateOf(events).learningEvent?.report).toBeUndefined();
    expect(learningEventSummary(stateOf(events), new Date('2026-10-12T09:00:00Z'))).toMatchObject({ status: 'overdue', onTime: false, open: true });
  });

  it('a decision recorded late gets one reminder, not two at once, and none once the report is ready', () => {
    // Decided Wednesday 10 June, recorded Thursday 8 October: the 10-day reminder (Monday 28 September) has lapsed.
    const late = run([[decision('2026-06-10'), '2026-10-08T10:00:00.000Z'], [TICK, '2026-10-08T10:00:01.000Z']], closed());
    expect(late.last.ok && late.last.events).toEqual([expect.objectContaining({ type: 'LearningEventChased', chase: 'threeDaysBefore' })]);
    const ready = run([[{ type: 'RecordLearningEventReport', actor: as(PEOPLE.business), documentUrl: REPORT }, '2026-09-01T10:00:00.000Z'], [TICK, '2026-10-12T09:00:00.000Z']], SCENES.learningEventSetUp());
    expect(ready.last).toEqual({ ok: true, events: [], effects: [] });
  });
});

describe('002 8.2 review-group disputes: "agree an outcome (within three working days)"; "escalated for decision by the partnership chair (within three working days)"', () => {
  const open = (at: string, about: 'learningEvent' | 'reviewGroupDiscussion' = 'learningEvent', who = PEOPLE.police): [CaseCommand, string] => [{ type: 'OpenReviewGroupDispute', actor: as(who), about, reason: 'We think the case meets the criteria.' }, at];
  it.each([
    ['opened 16:00 on Friday 28 August 2026, before the bank holiday Monday: due 16:00 Thursday 3 September', '2026-08-28T15:00:00.000Z', '2026-09-03T15:00:00.000Z'],
    ['opened on a Saturday: counted from 09:00 Monday, due at the close of Wednesday', '2026-06-13T09:00:00.000Z', '2026-06-17T16:00:00.000Z'],
    ['opened 18:30 on a Thursday, after hours: due at the close of the following Tuesday', '2026-06-11T17:30:00.000Z', '2026-06-16T16:00:00.000Z'],
    ['opened 10:00 on Friday 23 October 2026 (summer time): due 10:00 GMT Wednesday 28 October, after the clocks went back', '2026-10-23T09:00:00.000Z', '2026-10-28T10:00:00.000Z'],
  ])('%s', (_, at, due) => {
    const { state, last } = run([open(at)], closed());
    expect(last.ok).toBe(true);
    expect(state.reviewGroupDisputes?.[0]).toMatchObject({ about: 'learningEvent', outcomeDueAt: due });
  });

  it.each([
    ['a partner representative', PEOPLE.police, true],
    ['a partner deputy', PEOPLE.healthDeputy, true],
    ['the review group chair', PEOPLE.chair, true],
    ['the business unit, recording it', PEOPLE.business, true],
    ['the independent scrutineer', PEOPLE.scrutineer, false],
    ['an agency contact', PEOPLE.gpContact, false],
  ])('may be opened by %s: %s', (_, who, allowed) => {
    const { last } = run([open('2026-06-11T10:00:00.000Z', 'reviewGroupDiscussion', who)], closed());
    expect(last.ok).toBe(allowed);
  });

  it('a "not resolved" outcome goes to the decider, with 3 working days from then; the decider is the partnership chair, or the scrutineer where the partnership says so (003)', () => {
    const notResolved: [CaseCommand, string] = [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.chair), outcome: 'notResolved', rationale: 'Split.' }, '2026-08-28T15:00:00.000Z'];
    const chairDecides = run([open('2026-08-27T09:00:00.000Z'), notResolved], closed());
    expect(chairDecides.state.reviewGroupDisputes?.[0]?.escalated).toEqual({ at: '2026-08-28T15:00:00.000Z', reason: 'notResolved', decider: 'partnershipChair', decisionDueAt: '2026-09-03T15:00:00.000Z' });
    expect(chairDecides.last.ok && chairDecides.last.effects).toContainEqual(expect.objectContaining({ to: { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId }, card: { kind: 'reviewGroupDispute' } }));
    const scrutineerConfig = PartnershipFileSchema.parse({ ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' });
    const scrutineer = commandRunner(createDecider(scrutineerConfig, calendar));
    const s = scrutineer([open('2026-08-27T09:00:00.000Z'), notResolved, [{ type: 'DecideReviewGroupDispute', actor: as(PEOPLE.partnershipChair), criteriaMet: true, rationale: 'Hold it.' }, '2026-08-28T16:00:00.000Z']], closed());
    expect(s.last.ok ? 'accepted' : s.last.refusal).toMatch(/Only the independent scrutineer/);
    const t = scrutineer([open('2026-08-27T09:00:00.000Z'), notResolved, [{ type: 'DecideReviewGroupDispute', actor: as(PEOPLE.scrutineer), criteriaMet: true, rationale: 'Hold it.' }, '2026-08-28T16:00:00.000Z']], closed());
    expect(t.state.learningEvent).toMatchObject({ basis: 'reviewGroupDispute', disputeId: 'rgd-1', decidedOn: '2026-08-28', reportDueAt: '2026-12-28T17:00:00.000Z' });
  });

  it.each<[string, [CaseCommand, string][], RegExp]>([
    ['the decider cannot decide before the dispute comes to them', [open('2026-06-11T10:00:00.000Z'), [{ type: 'DecideReviewGroupDispute', actor: as(PEOPLE.partnershipChair), criteriaMet: true, rationale: 'Hold it.' }, '2026-06-11T11:00:00.000Z']], /have until .* to agree an outcome/],
    ['only the review group chair records the outcome', [open('2026-06-11T10:00:00.000Z'), [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.police), outcome: 'agreed', criteriaMet: true, rationale: 'Agreed.' }, '2026-06-11T11:00:00.000Z']], /Only the review group chair/],
    ['an agreed outcome says what was agreed', [open('2026-06-11T10:00:00.000Z'), [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.chair), outcome: 'agreed', rationale: 'Agreed.' }, '2026-06-11T11:00:00.000Z']], /Say what was agreed/],
    ['the outcome needs a rationale', [open('2026-06-11T10:00:00.000Z'), [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.chair), outcome: 'agreed', criteriaMet: false, rationale: '' }, '2026-06-11T11:00:00.000Z']], /Please give a rationale/],
    ['one disagreement at a time', [open('2026-06-11T10:00:00.000Z'), open('2026-06-11T11:00:00.000Z', 'reviewGroupDiscussion')], /already open/],
    ['while a learning-event dispute is open, the partners’ decision is not recorded around it', [open('2026-06-11T10:00:00.000Z'), [decision('2026-06-10'), '2026-06-11T11:00:00.000Z']], /its outcome decides/],
  ])('%s', (_, steps, refusal) => {
    const { last } = run(steps, closed());
    expect(last.ok ? 'accepted' : last.refusal).toMatch(refusal);
  });

  it('an agreed "hold a learning event" opens it, dated the day of the outcome; an agreed "not met" opens nothing', () => {
    const met = run([open('2026-10-30T16:30:00.000Z'), [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.chair), outcome: 'agreed', criteriaMet: true, rationale: 'New learning.' }, '2026-10-31T10:00:00.000Z']], closed());
    expect(met.state.learningEvent).toMatchObject({ decidedOn: '2026-10-31', reportDueAt: '2027-02-28T17:00:00.000Z', basis: 'reviewGroupDispute' });
    const notMet = run([open('2026-06-11T10:00:00.000Z'), [{ type: 'RecordReviewGroupDisputeOutcome', actor: as(PEOPLE.chair), outcome: 'agreed', criteriaMet: false, rationale: 'Not new.' }, '2026-06-12T10:00:00.000Z']], closed());
    expect(notMet.state.learningEvent).toBeUndefined();
    expect(reviewGroupDisputeSummaries(notMet.state, new Date('2026-06-12T11:00:00Z'))).toEqual([{ id: 'rgd-1', caseRef: notMet.state.referral.caseRef, about: 'learningEvent', status: 'settled', overdue: false, criteriaMet: false }]);
  });

  it('timers: a reminder at half time, the dispute to the decider at 3 working days (monitoring told), the decider reminded, then overdue in the monitoring channel; never decided for them', () => {
    const events = SCENES.reviewGroupDisputeOverdue();
    const chases = events.filter((e) => e.type === 'ReviewGroupDisputeChased' || e.type === 'ReviewGroupDisputeEscalated').map((e) => [e.type, e.at, 'chase' in e ? e.chase : e.type === 'ReviewGroupDisputeEscalated' ? e.reason : '']);
    expect(chases).toEqual([
      ['ReviewGroupDisputeChased', '2026-06-15T09:00:00.000Z', 'outcomeReminder'],
      ['ReviewGroupDisputeEscalated', '2026-06-16T10:30:00.000Z', 'outcomeOverdue'],
      ['ReviewGroupDisputeChased', '2026-06-18T09:00:00.000Z', 'decisionReminder'],
      ['ReviewGroupDisputeChased', '2026-06-19T12:00:00.000Z', 'decisionOverdue'],
    ]);
    const state = stateOf(events);
    expect(state.reviewGroupDisputes?.[0]?.decided).toBeUndefined();
    expect(state.learningEvent).toBeUndefined();
    expect(reviewGroupDisputeSummaries(state, new Date('2026-06-22T10:00:00Z'))[0]).toMatchObject({ status: 'awaitingDecider', overdue: true });
    // The half-time reminder's instant: opened 11:00 Thursday 11 June, due 11:00 Tuesday 16 June; half is 12 working hours, 15:00 Friday 12 June.
    const d = decide(stateOf(SCENES.reviewGroupDisputeOpen()), TICK, new Date('2026-06-12T13:59:59.000Z'));
    expect(d.ok && d.events).toEqual([]);
    const r = decide(stateOf(SCENES.reviewGroupDisputeOpen()), TICK, new Date('2026-06-12T14:00:00.000Z'));
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['ReviewGroupDisputeChased']);
  });
});
