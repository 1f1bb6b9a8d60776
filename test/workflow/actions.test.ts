import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { fold, type CaseState } from '../../workflow/state.js';
import { timersOf } from '../../workflow/tick.js';
import { actionTimers } from '../../workflow/actions/timers.js';
import { summariseActions } from '../../workflow/actions/summary.js';
import { timeline } from '../../workflow/timeline.js';
import { commandRunner } from '../support/runCommands.js';
import { LR, LR_SCENES } from '../support/localReviewScenes.js';
import { ACTION_DONE, EVIDENCE_URL, EXPECTED_IMPACT, IMPACT_STATEMENT, PEOPLE, RECOMMENDATION, SCENES, sampleConfig } from '../support/sampleConfig.js';

/**
 * Recommendations and actions (issue 17), table-driven with fixed instants in 2026 (British Summer
 * Time until Sunday 25 October). Each table quotes the seed line it enforces. The case is the
 * sample's rapid review, completed on Tuesday 30 June 2026 (SCENES.reviewCompletedOnTime).
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
const decide = createDecider(sampleConfig, calendar);
const run = (steps: [CaseCommand, string][], start: CaseEvent[]) => commandRunner(decide)(steps, start);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const refusal = (d: Decision) => (d.ok ? undefined : d.refusal);
// The rapid review in these scenes decided to hold an LCSPR, which has timers of its own: these tests look at the actions' alone.
const actionSends = (d: Decision) => sends(d).filter((s) => s.startsWith('action'));
const ACTION_TIMERS = [actionTimers];
const sends = (d: Decision) => (d.ok ? d.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind}${'chase' in e.card ? `:${e.card.chase}` : ''} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : [])) : []);
const TICK: CaseCommand = { type: 'Tick' };

const completed = SCENES.reviewCompletedOnTime();
const recommend = (at = '2026-07-01T08:00:00.000Z'): [CaseCommand, string] => [{ type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind: 'rapidReview' }, text: RECOMMENDATION, expectedImpact: EXPECTED_IMPACT }, at];
const agree = (dueDate: string, at = '2026-07-01T09:00:00.000Z', agency = 'gp'): [CaseCommand, string] => [{ type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'agency', agency }, dueDate, done: ACTION_DONE }, at];
/** The GP practice's action A1, due on `dueDate`, agreed on Wednesday 1 July 2026. */
const withAction = (dueDate: string) => run([recommend(), agree(dueDate)], completed).events;

describe('due dates: the close of a working day the business unit chooses (DOMAIN "Working days": "Monday to Friday, excluding the bank holidays of the partnership\'s nation")', () => {
  it.each([
    // date, agreed at, refusal (or undefined), due at, reminder at (5th working day before, 09:00), first overdue chaser
    ['a Friday before the August bank holiday', '2026-08-28', '2026-07-01T09:00:00.000Z', undefined, '2026-08-28T16:00:00.000Z', '2026-08-21T08:00:00.000Z', '2026-09-01T08:00:00.000Z'],
    ['a Tuesday after the August bank holiday (the reminder counts it out)', '2026-09-01', '2026-07-01T09:00:00.000Z', undefined, '2026-09-01T16:00:00.000Z', '2026-08-24T08:00:00.000Z', '2026-09-02T08:00:00.000Z'],
    ['the Monday after the clocks go back (17:00 GMT)', '2026-10-26', '2026-07-01T09:00:00.000Z', undefined, '2026-10-26T17:00:00.000Z', '2026-10-19T08:00:00.000Z', '2026-10-27T09:00:00.000Z'],
    ['Christmas Eve (a Thursday): chased after Christmas and Boxing Day (Monday 28 December, the substitute day)', '2026-12-24', '2026-07-01T09:00:00.000Z', undefined, '2026-12-24T17:00:00.000Z', '2026-12-17T09:00:00.000Z', '2026-12-29T09:00:00.000Z'],
    ['the August bank holiday', '2026-08-31', '2026-07-01T09:00:00.000Z', 'Monday 31 August 2026 is a bank holiday. Choose a working day, such as Friday 28 August 2026 or Tuesday 1 September 2026.', '', '', ''],
    ['a Saturday', '2026-08-29', '2026-07-01T09:00:00.000Z', 'Saturday 29 August 2026 is not a working day. Choose a working day, such as Friday 28 August 2026 or Tuesday 1 September 2026.', '', '', ''],
    ['Christmas Day', '2026-12-25', '2026-07-01T09:00:00.000Z', 'Friday 25 December 2026 is a bank holiday. Choose a working day, such as Thursday 24 December 2026 or Tuesday 29 December 2026.', '', '', ''],
    ['today, agreed after hours (18:00)', '2026-07-01', '2026-07-01T17:00:00.000Z', 'Wednesday 1 July 2026 has already passed its close of working day; choose a later date.', '', '', ''],
  ])('%s', (_name, dueDate, at, refused, dueAt, reminderAt, overdueAt) => {
    const result = run([recommend(), agree(dueDate, at)], completed);
    expect(refusal(result.last)).toBe(refused);
    if (refused) return;
    const a = result.state.actions!.actions.A1!;
    expect(a.dueAt).toBe(new Date(dueAt).toISOString());
    const timers = Object.fromEntries(timersOf(result.state, { calendar, hours: sampleConfig.workingHours }).map((t) => [t.key, t.at.toISOString()]));
    expect(timers['action:A1:reminder']).toBe(new Date(reminderAt).toISOString());
    expect(timers['action:A1:overdue']).toBe(new Date(overdueAt).toISOString());
  });
});

describe('the owner is asked in Teams, reminded, and chased with its escalation contact once overdue (002 7.1 "Locally, improvement is sustained through regular monitoring and follow up of actions")', () => {
  const start = withAction('2026-08-28');
  const gp = [PEOPLE.gpContact.aadObjectId, PEOPLE.gpDeputy.aadObjectId];

  it('on creation: a 1:1 card to the agency contact and its deputy', () => {
    const result = run([recommend(), agree('2026-08-28')], completed);
    expect(sends(result.last)).toEqual(gp.map((id) => `actionRequest -> ${id}`));
  });

  it('a partner owns an action: its representative and deputies are asked', () => {
    const result = run([recommend(), [{ type: 'AgreeAction', actor: as(PEOPLE.chair), recommendation: 'R1', owner: { kind: 'partner', partner: 'police' }, dueDate: '2026-09-15', done: ACTION_DONE }, '2026-07-01T09:00:00.000Z']], completed);
    expect(sends(result.last)).toEqual([`actionRequest -> ${PEOPLE.police.aadObjectId}`, `actionRequest -> ${PEOPLE.policeDeputy.aadObjectId}`]);
  });

  it.each([
    // sweep at, what is sent
    ['Friday 21 August 09:00: the reminder', '2026-08-21T08:00:00.000Z', gp.map((id) => `actionChaser:reminder -> ${id}`)],
    ['Friday 28 August 18:00: due, not yet chased', '2026-08-28T17:00:00.000Z', []],
    ['Monday 31 August (bank holiday) 10:00: nothing', '2026-08-31T09:00:00.000Z', []],
    ['Tuesday 1 September 09:00: contacts, escalation, monitoring', '2026-09-01T08:00:00.000Z', [...gp, PEOPLE.gpEscalation.aadObjectId].map((id) => `actionChaser:overdue -> ${id}`).concat('actionChaser:overdue -> monitoring')],
  ])('%s', (_name, at, expected) => {
    // The August report is posted first when the sweep is this late; only the action's cards are compared.
    const d = decide(fold(start), TICK, new Date(at));
    expect(sends(d).filter((s) => s.startsWith('actionChaser'))).toEqual(expected);
  });

  it('overdue again every 5 working days (Tuesday 8 September), the monitoring channel only the first time; none once completed', () => {
    const chased = run([[TICK, '2026-09-01T08:00:00.000Z']], start);
    expect(sends(decide(chased.state, TICK, new Date('2026-09-07T08:00:00.000Z')))).toEqual([]);
    expect(sends(decide(chased.state, TICK, new Date('2026-09-08T08:00:00.000Z')))).toEqual([...gp, PEOPLE.gpEscalation.aadObjectId].map((id) => `actionChaser:overdue -> ${id}`));
    const done = run([[{ type: 'RecordActionCompletion', actor: as(PEOPLE.gpDeputy), action: 'A1', documentUrl: EVIDENCE_URL('a1') }, '2026-09-02T09:00:00.000Z']], chased.events);
    expect(timersOf(done.state, { calendar, hours: sampleConfig.workingHours }, ACTION_TIMERS).map((t) => t.key)).toEqual(['actions:report']);
  });

  it('the business unit moves the due date with a reason: the reminders start again from the new date', () => {
    const moved = run([[TICK, '2026-08-21T08:00:00.000Z'], [{ type: 'MoveActionDueDate', actor: as(PEOPLE.business), action: 'A1', dueDate: '2026-09-30', reason: 'The policy goes to the practice board on 28 September.' }, '2026-08-24T10:00:00.000Z']], start);
    expect(refusal(moved.last)).toBeUndefined();
    const timers = Object.fromEntries(timersOf(moved.state, { calendar, hours: sampleConfig.workingHours }).map((t) => [t.key, t.at.toISOString()]));
    expect(timers['action:A1:reminder']).toBe('2026-09-23T08:00:00.000Z');
    expect(timers['action:A1:overdue']).toBe('2026-10-01T08:00:00.000Z');
  });

  it.each([
    ['the chair cannot move it', as(PEOPLE.chair), '2026-09-30', 'A reason.', "Only the business unit moves an action's due date."],
    ['a reason is required', as(PEOPLE.business), '2026-09-30', '', 'Please give a reason.'],
    ['not to a bank holiday', as(PEOPLE.business), '2026-08-31', 'A reason.', 'Monday 31 August 2026 is a bank holiday. Choose a working day, such as Friday 28 August 2026 or Tuesday 1 September 2026.'],
    ['not to the same date', as(PEOPLE.business), '2026-08-28', 'A reason.', 'A1 is already due on Friday 28 August 2026.'],
  ])('moving a due date: %s', (_name, actor, dueDate, reason, refused) => {
    expect(refusal(decide(fold(start), { type: 'MoveActionDueDate', actor, action: 'A1', dueDate, reason }, new Date('2026-08-24T10:00:00.000Z')))).toBe(refused);
  });
});

describe('evidence of completion, then (a separate, later step) of impact (002 7.1: "assurance of the expected impact of the recommendation in addition to assurance of activity completed")', () => {
  const start = withAction('2026-08-28');
  const at = '2026-08-20T10:00:00.000Z';
  const complete = (p: Person, documentUrl = EVIDENCE_URL('a1-completed')): [CaseCommand, string] => [{ type: 'RecordActionCompletion', actor: as(p), action: 'A1', documentUrl }, at];
  const impact = (p: Person, text = IMPACT_STATEMENT, documentUrl = EVIDENCE_URL('a1-impact')): [CaseCommand, string] => [{ type: 'RecordActionImpact', actor: as(p), action: 'A1', documentUrl, impact: text }, '2026-08-27T10:00:00.000Z'];

  it.each([
    ['the agency contact', complete(PEOPLE.gpContact), undefined],
    ['its deputy', complete(PEOPLE.gpDeputy), undefined],
    ['its escalation contact', complete(PEOPLE.gpEscalation), "Only GP practice's contact or deputies record evidence for this action. Nothing was recorded."],
    ["another agency's contact", complete(PEOPLE.educationContact), "Only GP practice's contact or deputies record evidence for this action. Nothing was recorded."],
    ['the business unit', complete(PEOPLE.business), "Only GP practice's contact or deputies record evidence for this action. Nothing was recorded."],
    ['a link outside the document store', complete(PEOPLE.gpContact, 'https://elsewhere.example.com/a1.docx'), "The evidence of completion must be a link into the partnership's document store (documents.example.org), starting https://."],
    ['a plain http link', complete(PEOPLE.gpContact, 'http://documents.example.org/a1.docx'), "The evidence of completion must be a link into the partnership's document store (documents.example.org), starting https://."],
    ['a link naming the child', complete(PEOPLE.gpContact, 'https://documents.example.org/cases/mother Jane Smith/a1.docx'), 'The link seems to contain a name. Link to a document whose name carries only the case reference.'],
    ['not a link', complete(PEOPLE.gpContact, 'the shared drive'), "Give the link to the evidence of completion in the partnership's document store (https://...)."],
  ])('completion by %s', (_name, step, refused) => {
    expect(refusal(run([step], start).last)).toBe(refused);
  });

  it.each([
    ['before completion', [impact(PEOPLE.gpContact)], 'Record evidence that A1 is completed first; evidence of its impact follows.'],
    ['without a statement of impact', [complete(PEOPLE.gpContact), impact(PEOPLE.gpDeputy, '')], 'Please give a statement of impact.'],
    ['with a name in the statement', [complete(PEOPLE.gpContact), impact(PEOPLE.gpDeputy, 'Mrs Smith now gets a call back.')], 'The statement of impact seems to contain a name. Cards and records carry only the case reference: please remove any name, date of birth or address of the child or family.'],
    ['completion twice', [complete(PEOPLE.gpContact), complete(PEOPLE.gpDeputy)], 'Evidence of completion of A1 was already recorded by Glen Surgery at 11:00 on Thursday 20 August.'],
    ['after completion, by the deputy', [complete(PEOPLE.gpContact), impact(PEOPLE.gpDeputy)], undefined],
  ])('impact %s', (_name, steps, refused) => {
    expect(refusal(run(steps, start).last)).toBe(refused);
  });

  it('the action is closed by evidence of impact; the history keeps both steps and the words typed', () => {
    const result = run([complete(PEOPLE.gpContact), impact(PEOPLE.gpDeputy)], start);
    const rows = timeline(result.events, new Date('2026-08-28T10:00:00.000Z'), (id) => (id === 'gp' ? 'GP practice' : id)).slice(-2);
    expect(rows.map((r) => r.what)).toEqual(['Gave evidence that action A1 is completed (a document in the store).', 'Gave evidence of the impact of action A1 (a document in the store); the action is closed.']);
    expect(rows[1]!.detail).toBe(IMPACT_STATEMENT);
  });
});

describe('a review is concluded when all its actions are complete and the executive has been told (002 7.1 "Upon completion, the Learning Inquiry Group will advise the ... Executive that all actions are complete"; 5.16 "Formally conclude the review process when all the actions have been implemented")', () => {
  const told = (toldAt: string, at = '2026-09-08T11:00:00.000Z', p: Person = PEOPLE.business): [CaseCommand, string] => [{ type: 'RecordExecutiveTold', actor: as(p), review: { kind: 'rapidReview' }, toldAt }, at];

  it.each([
    ['actions open', SCENES.actionOverdue(), told('2026-09-08T10:00:00.000Z'), 'The review cannot be concluded while actions are open: A1 (not completed), A2 (not completed). 002 7.1: the executive is advised when all actions are complete.'],
    ['awaiting impact', run([[{ type: 'RecordActionCompletion', actor: as(PEOPLE.gpContact), action: 'A1', documentUrl: EVIDENCE_URL('a1') }, '2026-09-02T09:00:00.000Z']], SCENES.actionOverdue()).events, told('2026-09-08T10:00:00.000Z'), 'The review cannot be concluded while actions are open: A1 (awaiting evidence of impact), A2 (not completed). 002 7.1: the executive is advised when all actions are complete.'],
    ['a recommendation with no action', run([recommend('2026-09-08T09:00:00.000Z')], SCENES.actionsClosed()).events, told('2026-09-08T10:00:00.000Z'), 'R3 has no action yet; every recommendation becomes at least one action before the review can be concluded.'],
    ['no recommendations at all', completed, told('2026-09-08T10:00:00.000Z'), 'No recommendations of the rapid review are recorded; there is nothing to conclude.'],
    ['told before the last action closed', SCENES.actionsClosed(), told('2026-09-04T10:00:00.000Z'), 'The executive can only have been told that all actions are complete after the last was closed (10:00 on Monday 7 September).'],
    ['by the review group chair', SCENES.actionsClosed(), told('2026-09-08T10:00:00.000Z', undefined, PEOPLE.chair), 'Only the business unit records that the executive was told.'],
    ['all closed, by the business unit', SCENES.actionsClosed(), told('2026-09-08T10:00:00.000Z'), undefined],
  ])('%s', (_name, start, step, refused) => {
    expect(refusal(run([step], start).last)).toBe(refused);
  });

  it('once concluded nothing more is added, and no timer is left', () => {
    const concluded = fold(SCENES.reviewConcluded())!;
    expect(refusal(decide(concluded, recommend('2026-09-09T09:00:00.000Z')[0], new Date('2026-09-09T09:00:00.000Z')))).toBe('The rapid review on RR-2026-014 was concluded on 12:00 on Tuesday 8 September; nothing more can be added to it.');
    expect(timersOf(concluded, { calendar, hours: sampleConfig.workingHours }, ACTION_TIMERS)).toEqual([]);
  });

  it('the last impact evidenced tells the monitoring channel the review is ready to conclude', () => {
    const before = SCENES.actionsClosed().slice(0, -1);
    const last = decide(fold(before), { type: 'RecordActionImpact', actor: as(PEOPLE.policeDeputy), action: 'A2', documentUrl: EVIDENCE_URL('a2-impact'), impact: 'Referral rates now match call data.' }, new Date('2026-09-07T09:00:00.000Z'));
    expect(sends(last)).toEqual(['actionsReport -> monitoring']);
  });
});

describe('a review is concluded only once it has finished (002 Section B "On completion of the rapid review, the ... Team will share the Rapid Review with the ... Child Safeguarding Practice Review Panel and Ofsted"; 5.16 "Formally conclude the review process when all the actions have been implemented", after publication; 5.18 the justification for non-publication; 6.4 the learning disseminated)', () => {
  /** A recommendation of the review with one police action, completed and its impact evidenced, then the executive told. */
  const closeAndTell = (kind: 'rapidReview' | 'lcspr' | 'learningEvent'): [CaseCommand, string][] => [
    [{ type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind }, text: RECOMMENDATION, expectedImpact: EXPECTED_IMPACT }, '2026-12-07T09:00:00.000Z'],
    [{ type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'partner', partner: 'police' }, dueDate: '2026-12-18', done: ACTION_DONE }, '2026-12-07T09:05:00.000Z'],
    [{ type: 'RecordActionCompletion', actor: as(PEOPLE.police), action: 'A1', documentUrl: EVIDENCE_URL('a1-completed') }, '2026-12-08T09:00:00.000Z'],
    [{ type: 'RecordActionImpact', actor: as(PEOPLE.policeDeputy), action: 'A1', documentUrl: EVIDENCE_URL('a1-impact'), impact: IMPACT_STATEMENT }, '2026-12-09T09:00:00.000Z'],
    [{ type: 'RecordExecutiveTold', actor: as(PEOPLE.business), review: { kind }, toldAt: '2026-12-10T10:00:00.000Z' }, '2026-12-10T11:00:00.000Z'],
  ];
  const notPublishedJustified = () => commandRunner(decide)([LR.justify('notPublished', '2026-11-05T10:00:00.000Z', '2026-11-05T10:05:00.000Z')], LR_SCENES.notPublished()).events;

  it.each([
    ['a rapid review still running (its one action closed)', 'rapidReview', SCENES.reviewSetUp, "The rapid review on RR-2026-014 has not finished: it is concluded once it is complete, sent to the Panel and Ofsted. Record when it was sent on the rapid review's card first."],
    ['a rapid review approved by the chair, not yet sent', 'rapidReview', SCENES.reviewApproved, "The rapid review on RR-2026-014 has not finished: it is concluded once it is complete, sent to the Panel and Ofsted. Record when it was sent on the rapid review's card first."],
    ['a rapid review completed', 'rapidReview', SCENES.reviewCompletedOnTime, undefined],
    ['an LCSPR approved, not yet published', 'lcspr', LR_SCENES.approved, 'The LCSPR on RR-2026-014 has not finished: it is concluded once published, or once the executive decides not to publish it. Record the publication (or that decision) on the local review card first.'],
    ['an LCSPR published', 'lcspr', LR_SCENES.published, undefined],
    ['an LCSPR not to be published, its justification not sent', 'lcspr', LR_SCENES.notPublished, 'The LCSPR on RR-2026-014 has not finished: the Panel and the Secretary of State are owed the justification for the decision not to publish (5.18). Record it on the local review card first.'],
    ['an LCSPR not to be published, its justification sent', 'lcspr', notPublishedJustified, undefined],
    ['a learning event approved, its learning not disseminated', 'learningEvent', SCENES.learningEventApproved, 'The local learning event on RR-2026-014 has not finished: it is concluded once its learning is disseminated. Record the dissemination on the learning event card first.'],
    ['a learning event disseminated', 'learningEvent', SCENES.learningEventDisseminated, undefined],
  ] as const)('%s', (_name, kind, scene, refused) => {
    const result = run(closeAndTell(kind), scene());
    expect(result.decisions.slice(0, -1).every((d) => d.ok)).toBe(true);
    expect(refusal(result.last)).toBe(refused);
    expect(result.state.actions?.concluded[kind] !== undefined).toBe(refused === undefined);
  });
});

describe('recommendations: recorded against a review of the case by the business unit or the review group chair (001 "The case review subgroup is responsible for converting the recommendations into action plans")', () => {
  const earlier = SCENES.reviewSetUp();
  it.each([
    ['the chair, on the rapid review', completed, as(PEOPLE.chair), 'rapidReview', RECOMMENDATION, undefined],
    ['the business unit, on an LCSPR', completed, as(PEOPLE.business), 'lcspr', RECOMMENDATION, undefined],
    ['a partner representative', completed, as(PEOPLE.police), 'rapidReview', RECOMMENDATION, "Only the business unit or the review group chair records a review's recommendations."],
    ['on a case with no rapid review', SCENES.closed(), as(PEOPLE.chair), 'rapidReview', RECOMMENDATION, 'There is no rapid review on RR-2026-014.'],
    ['with a name in it', completed, as(PEOPLE.chair), 'rapidReview', 'Make sure baby Ava is seen.', 'The recommendation seems to contain a name. Cards and records carry only the case reference: please remove any name, date of birth or address of the child or family.'],
    ['while the rapid review is still running', earlier, as(PEOPLE.chair), 'rapidReview', RECOMMENDATION, undefined],
    ['on an LCSPR while the rapid review is still running (no local review yet)', earlier, as(PEOPLE.business), 'lcspr', RECOMMENDATION, "There is no local child safeguarding practice review (LCSPR) on RR-2026-014. Record the partners' decision to hold one on the local review card first."],
    ['on a learning event the partners never decided', completed, as(PEOPLE.business), 'learningEvent', RECOMMENDATION, "There is no local learning event on RR-2026-014. Record the partners' decision to hold one on the learning event card first."],
    ['on a learning event the partners decided to hold', SCENES.learningEventDecided(), as(PEOPLE.business), 'learningEvent', RECOMMENDATION, undefined],
  ] as const)('%s', (_name, start, actor, kind, text, refused) => {
    expect(refusal(run([[{ type: 'RecordRecommendation', actor, review: { kind }, text, expectedImpact: EXPECTED_IMPACT }, '2026-07-01T08:00:00.000Z']], start).last)).toBe(refused);
  });
});

describe('the review group sees every open action by review and by agency (a pure summary, for the report, the tab and its CSV)', () => {
  const states = (scene: () => CaseEvent[]) => [fold(scene())!];
  it.each([
    // now, the rapid review's tally, the GP practice's, the police's
    ['Wednesday 19 August: both open', SCENES.actionsAgreed, '2026-08-19T12:00:00.000Z', { open: 2, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 0 }, { open: 1, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 0 }],
    ['Friday 21 August 09:00: the GP action due soon', SCENES.actionsAgreed, '2026-08-21T08:00:00.000Z', { open: 1, dueSoon: 1, overdue: 0, awaitingImpact: 0, closed: 0 }, { open: 0, dueSoon: 1, overdue: 0, awaitingImpact: 0, closed: 0 }],
    ['Friday 28 August 17:00 exactly: still due, not overdue', SCENES.actionsAgreed, '2026-08-28T16:00:00.000Z', { open: 1, dueSoon: 1, overdue: 0, awaitingImpact: 0, closed: 0 }, { open: 0, dueSoon: 1, overdue: 0, awaitingImpact: 0, closed: 0 }],
    ['Saturday 29 August: overdue', SCENES.actionsAgreed, '2026-08-29T10:00:00.000Z', { open: 1, dueSoon: 0, overdue: 1, awaitingImpact: 0, closed: 0 }, { open: 0, dueSoon: 0, overdue: 1, awaitingImpact: 0, closed: 0 }],
    ['Tuesday 8 September: all closed', SCENES.actionsClosed, '2026-09-08T10:00:00.000Z', { open: 0, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 2 }, { open: 0, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 1 }],
  ])('%s', (_name, scene, now, review, gp) => {
    const summary = summariseActions(states(scene), new Date(now), calendar, sampleConfig.workingHours);
    expect(summary.byReview['RR-2026-014 rapidReview']).toMatchObject(review);
    expect(summary.byOwner.gp).toEqual(gp);
    expect(summary.total).toEqual(review);
    expect(summary.lines.map((l) => `${l.action} ${l.owner} ${l.bucket}`)).toHaveLength(2);
  });

  it('a concluded review says so', () => {
    expect(summariseActions(states(SCENES.reviewConcluded), new Date('2026-09-09T10:00:00.000Z'), calendar, sampleConfig.workingHours).byReview['RR-2026-014 rapidReview']!.concluded).toBe(true);
  });
});

describe('the regular report to the executive: the monitoring channel, 09:00 on the first working day of each month while any action is not closed (002 7.1 "reported to the ... Executive on a regular basis")', () => {
  const reportAt = (state: CaseState) => timersOf(state, { calendar, hours: sampleConfig.workingHours }).find((t) => t.key === 'actions:report')?.at.toISOString();
  it.each([
    // actions agreed on, the first report
    ['agreed in July: Monday 3 August (the 1st is a Saturday)', '2026-07-01T09:00:00.000Z', '2026-08-28', '2026-08-03T08:00:00.000Z'],
    ['agreed in December: Monday 4 January 2027 (the 1st is a bank holiday Friday)', '2026-12-01T10:00:00.000Z', '2027-01-29', '2027-01-04T09:00:00.000Z'],
    ['agreed in October: Monday 2 November, after the clocks went back', '2026-10-01T09:00:00.000Z', '2026-12-18', '2026-11-02T09:00:00.000Z'],
  ])('%s', (_name, at, dueDate, first) => {
    const state = run([recommend(at), agree(dueDate, at)], completed).state;
    expect(reportAt(state)).toBe(first);
    const d = decide(state, TICK, new Date(first));
    expect(actionSends(d)).toEqual(['actionsReport -> monitoring']);
  });

  it('the next report is a month on; none once every action is closed', () => {
    const reported = fold(SCENES.actionOverdue())!;
    expect(reported.actions!.reported).toEqual(['2026-08', '2026-09']);
    expect(reportAt(reported)).toBe('2026-10-01T08:00:00.000Z');
    expect(reportAt(fold(SCENES.actionsClosed())!)).toBeUndefined();
  });
});
