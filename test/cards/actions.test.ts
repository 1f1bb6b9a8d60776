import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { ACTION_DONE, CASE_REF, EXPECTED_IMPACT, IMPACT_STATEMENT, PEOPLE, RECOMMENDATION, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * The cards of recommendations, actions and costs (issue 17), parsed by the adaptivecards library:
 * each says what happens next and by when, offers only what the reader may do, and never offers an
 * agency's people the case history.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const to = (p: Person): Recipient => ({ kind: 'person', aadObjectId: p.aadObjectId });
const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, calendar, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n'), verbs: executeActions(card).map((a) => a.verb) };
};

describe("the owner's card: asked in Teams on creation", () => {
  test('to the GP practice deputy: the recommendation, the impact expected, what done means, the due date, and a link to give', () => {
    const { card, text, verbs } = render({ kind: 'actionRequest', action: 'A1' }, SCENES.actionsAgreed(), '2026-07-01T09:00:00.000Z', { recipient: to(PEOPLE.gpDeputy) });
    expect(text).toContain('Action **A1** for **GP practice**, from recommendation R1 of the rapid review.');
    expect(text).toContain(RECOMMENDATION);
    expect(text).toContain(EXPECTED_IMPACT);
    expect(text).toContain(ACTION_DONE);
    expect(text).toContain('17:00 on Friday 28 August');
    expect(text).toContain('What happens next: record evidence of completion by 17:00 on Friday 28 August. A reminder comes at 09:00 5 working days before the due date');
    expect(inputsById(card).get('documentUrl')).toMatchObject({ isRequired: true, style: 'Url' });
    expect(executeActions(card)).toEqual([{ title: 'Record evidence of completion', verb: 'action.complete', data: { caseRef: CASE_REF, action: 'A1' } }]);
    expect(verbs).not.toContain('case.history');
  });

  test('completed: the impact step, quoting 002 7.1', () => {
    const events = SCENES.actionCompleted();
    const { card, text } = render({ kind: 'actionRequest', action: 'A1' }, events, '2026-09-02T10:00:00.000Z', { recipient: to(PEOPLE.gpContact) });
    expect(text).toContain('assurance of the expected impact of the recommendation in addition to assurance of activity completed (002, 7.1)');
    expect(executeActions(card)).toEqual([{ title: 'Record evidence of impact', verb: 'action.impact', data: { caseRef: CASE_REF, action: 'A1' } }]);
    expect(inputsById(card).get('impact')).toMatchObject({ isRequired: true });
    expect(text).toContain('What happens next: the action closes when evidence of its impact is recorded (a separate step).');
  });

  test('closed: no buttons, the impact quoted', () => {
    const { text, verbs } = render({ kind: 'actionRequest', action: 'A1' }, SCENES.actionsClosed(), '2026-09-08T10:00:00.000Z', { recipient: to(PEOPLE.gpContact) });
    expect(text).toContain(IMPACT_STATEMENT);
    expect(text).toContain('What happens next: nothing more for this action.');
    expect(verbs).toEqual([]);
  });

  test('someone who is not the owner reads it without a form', () => {
    const { verbs, card } = render({ kind: 'actionRequest', action: 'A1' }, SCENES.actionsAgreed(), '2026-07-01T09:00:00.000Z', { recipient: to(PEOPLE.business) });
    expect(verbs).toEqual([]);
    expect(inputsById(card).size).toBe(0);
  });
});

describe('reminders and chasers', () => {
  test('overdue, to the escalation contact: see that it is done; no form', () => {
    const { text, verbs } = render({ kind: 'actionChaser', action: 'A1', chase: 'overdue' }, SCENES.actionOverdue(), '2026-09-01T08:00:00.000Z', { recipient: to(PEOPLE.gpEscalation) });
    expect(text).toContain('Overdue: action A1');
    expect(text).toContain("You are GP practice's escalation contact: please see that its contact or a deputy records the evidence.");
    // Due at Friday's close, read at Tuesday's opening after the bank holiday: no working time has passed yet.
    expect(text).toContain('Overdue since 17:00 on Friday 28 August');
    expect(text).toContain('chased every 5 working days');
    expect(verbs).toEqual([]);
  });

  test('overdue, in the monitoring channel', () => {
    const { text } = render({ kind: 'actionChaser', action: 'A1', chase: 'overdue' }, SCENES.actionOverdue(), '2026-09-01T08:00:00.000Z');
    expect(text).toContain("GP practice's contact, deputies and escalation contact have been chased.");
  });

  test('a reminder sent after the evidence came in says nothing is outstanding', () => {
    const { text, verbs } = render({ kind: 'actionChaser', action: 'A1', chase: 'reminder' }, SCENES.actionsClosed(), '2026-09-08T08:00:00.000Z', { recipient: to(PEOPLE.gpContact) });
    expect(text).toContain('Nothing outstanding: evidence that A1 is completed was recorded by Gail Surgery (GP practice deputy)');
    expect(verbs).toEqual([]);
  });
});

describe("the review group's board and the report for the executive", () => {
  test('the board lists each recommendation and action and offers the business unit its forms', () => {
    const { card, text, verbs } = render({ kind: 'actionsBoard' }, SCENES.actionOverdue(), '2026-09-01T10:00:00.000Z', { recipient: to(PEOPLE.business) });
    expect(text).toContain('**R1** (1 action)');
    expect(text).toContain('A1 GP practice');
    expect(text).toContain('A2 Police');
    expect(verbs).toEqual(['case.show', 'action.recommend', 'action.agree', 'action.move', 'review.executiveTold', 'case.history']);
    expect(text).toContain('What happens next');
    expect(executeActions(card).find((a) => a.verb === 'case.show')).toMatchObject({ title: 'Costs', data: { card: 'reviewCosts' } });
  });

  test.each([
    // scene, the reviews offered for a recommendation (only those the case has: the procedure refuses the others)
    ['a rapid review that decided on an LCSPR', SCENES.actionOverdue, ['rapidReview', 'lcspr']],
    ['a learning event and no rapid review', SCENES.learningEventDecided, ['learningEvent']],
  ] as const)('the recommendation form offers only the reviews the case has: %s', (_label, scene, offered) => {
    const { card } = render({ kind: 'actionsBoard' }, scene(), '2026-09-01T10:00:00.000Z', { recipient: to(PEOPLE.business) });
    expect((inputsById(card).get('review') as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(offered);
  });

  test('the monthly report: by review and by owner, what is overdue, and when the next one comes', () => {
    const { text } = render({ kind: 'actionsReport' }, SCENES.actionOverdue(), '2026-09-01T08:00:00.000Z');
    expect(text).toContain('0 open, 0 due soon, 1 overdue, 0 completed awaiting impact, 0 closed');
    expect(text).toContain('Rapid review');
    expect(text).toContain('Overdue: A1 (GP practice, due 17:00 on Friday 28 August).');
    expect(text).toContain('posted at 09:00 on the first working day of each month');
  });

  test('all closed: the report says the business unit tells the executive', () => {
    const { text } = render({ kind: 'actionsReport' }, SCENES.actionsClosed(), '2026-09-07T08:00:00.000Z');
    expect(text).toContain('Every action of the rapid review is closed: the business unit tells the executive and records it to conclude the review.');
  });
});

describe('costs and proportionality', () => {
  test('the recorded model and shares, funding never delays, and the severity matrix labelled as guidance', () => {
    const { card, text, verbs } = render({ kind: 'reviewCosts' }, SCENES.costsRecorded(), '2026-07-02T10:00:00.000Z', { recipient: to(PEOPLE.business) });
    expect(text).toContain('£18,000');
    expect(text).toContain("Local authority children's services 40%, Police 30%, Health (ICB) 30%");
    expect(text).toContain('Funding never delays a review');
    expect(text).toContain('Guidance only: severity matrix (004, 2013)');
    expect(text).toContain('The criteria in 002 5.2 decide');
    expect(text).toContain('Practice manager audit or review');
    expect(verbs).toEqual(['costs.record', 'case.history']);
    expect((inputsById(card).get('review') as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(['rapidReview', 'lcspr']);
  });

  test('no review held yet: nothing to cost, no form the procedure would refuse', () => {
    const { text, verbs } = render({ kind: 'reviewCosts' }, SCENES.closed(), '2026-06-15T10:00:00.000Z', { recipient: to(PEOPLE.business) });
    expect(text).toContain('No review is held on this case yet');
    expect(verbs).toEqual(['case.history']);
  });
});
