import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, NO_LCSPR_RATIONALE, PEOPLE, REVIEW_RATIONALE, SCENES, T, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const person = (p: { aadObjectId: string }): Recipient => ({ kind: 'person', aadObjectId: p.aadObjectId });
const POLICE = person(PEOPLE.police);
const CHAIR = person(PEOPLE.chair);
const ATTENDANCE: CardSpec = { kind: 'attendanceRequest' };
const OUTCOME: CardSpec = { kind: 'rapidReviewOutcomeRequest' };
const AFTER_MEETING = '2026-06-30T12:00:00Z'; // 13:00 Tuesday 30 June

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};

describe("attendance request (1:1 to each statutory partner's representative)", () => {
  test('the meeting time in words, the quorum rule, and Attending / Not attending', () => {
    const { card, text } = render(ATTENDANCE, SCENES.reviewSetUp(), '2026-06-11T12:00:00Z', { recipient: POLICE });
    expect(text).toContain('Rapid review meeting: will you attend?');
    expect(text).toContain('The rapid review meeting for RR-2026-014 is at **10:00 on Tuesday 30 June**.');
    expect(text).toContain("The meeting is quorate only with children's services, police and health.");
    expect(text).toContain('Please confirm, before the meeting, whether Police will attend. Until you do, the business unit sees Police as not yet confirmed');
    expect(executeActions(card)).toEqual([
      { title: 'Attending', verb: 'review.attendance', data: { caseRef: CASE_REF, attending: 'yes' } },
      { title: 'Not attending', verb: 'review.attendance', data: { caseRef: CASE_REF, attending: 'no' } },
      { title: 'History', verb: 'case.history', data: { caseRef: CASE_REF, returnTo: 'attendanceRequest' } },
    ]);
  });

  test('once confirmed: shows it and the quorum, and lets it be changed', () => {
    const { card, text } = render(ATTENDANCE, SCENES.attendanceConfirmed(), '2026-06-12T12:00:00Z', { recipient: POLICE });
    expect(text).toContain('Police: **attending**, confirmed by Pat Police (Police representative) at 10:00 on Friday 12 June.');
    expect(text).toContain('The meeting is quorate.');
    expect(executeActions(card).map((a) => [a.title, a.data.attending])).toEqual([
      ['Change to: not attending', 'no'],
      ['History', undefined],
    ]);
  });

  test('not attending: the meeting is not quorate without them', () => {
    const events = play(SCENES.reviewSetUp(), DO.attend('health', false));
    const { card, text } = render(ATTENDANCE, events, '2026-06-12T12:00:00Z', { recipient: person(PEOPLE.health) });
    expect(text).toContain('Health (ICB): **not attending**');
    expect(text).toContain('If a deputy can go in your place, change this answer to attending: without Health (ICB) the meeting is not quorate.');
    expect(text).toContain('Health (ICB) is not attending: ask for a deputy');
    expect(executeActions(card)[0]).toMatchObject({ title: 'Change to: attending', data: { attending: 'yes' } });
  });

  test('after the meeting, or for anyone who is not a partner, there is nothing to click', () => {
    expect(executeActions(render(ATTENDANCE, SCENES.reviewSetUp(), AFTER_MEETING, { recipient: POLICE }).card).map((a) => a.verb)).toEqual(['case.history']);
    expect(executeActions(render(ATTENDANCE, SCENES.reviewSetUp(), '2026-06-11T12:00:00Z', { recipient: MONITORING }).card).map((a) => a.verb)).toEqual(['case.history']);
  });
});

describe('papers prompt (monitoring channel)', () => {
  test('circulate now, the meeting in words, and the returns still missing', () => {
    const { text } = render({ kind: 'papersPrompt' }, SCENES.papersPrompted(), T.papersPrompted);
    expect(text).toContain('Business unit: please circulate the papers to the review group members now: the rapid review meeting is at **10:00 on Tuesday 30 June**.');
    expect(text).toContain('Returns still missing: GP practice. It is still being chased; send it on to members when it arrives.');
  });

  test('all returns in', () => {
    const events = play(SCENES.extensionAgreed(), DO.returned('gp', '2026-06-22T10:00:00.000Z'), DO.sweep(T.papersPrompted));
    expect(render({ kind: 'papersPrompt' }, events, T.papersPrompted).text).toContain('All returns are in.');
  });
});

describe("rapid review outcome request (1:1 to the review group chair)", () => {
  test('after the meeting: who attended, the recommendation with a required rationale and the lines of enquiry, by the deadline in words', () => {
    const { card, text } = render(OUTCOME, SCENES.papersPrompted(), AFTER_MEETING, { recipient: CHAIR, calendar });
    expect(text).toContain("Casey Chair (review group chair): after the meeting at 10:00 on Tuesday 30 June, please record who attended and the group's recommendation. The rapid review is due by 10:45 on Wednesday 1 July");
    expect(text).toContain('1 working day left.');
    expect(text).toContain("Children's services, police and health (ICB) must all be represented for the meeting to be quorate");
    expect(text).toContain("whether to hold an LCSPR is the partners' decision");
    const inputs = inputsById(card);
    expect(inputs.get('attended')).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, choices: [{ value: 'localAuthority' }, { value: 'police' }, { value: 'health' }] });
    expect(inputs.get('lcsprRecommended')).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, choices: [{ value: 'yes' }, { value: 'no' }] });
    expect(inputs.get('rationale')).toMatchObject({ isRequired: true, maxLength: 2000 });
    expect(inputs.has('linesOfEnquiry')).toBe(true);
    expect(executeActions(card)[0]).toEqual({ title: 'Record the meeting', verb: 'review.outcome', data: { caseRef: CASE_REF } });
  });

  test('after a refusal: the notice and what was typed', () => {
    const notice = 'The meeting was not quorate: Health (ICB) was not represented.';
    const draft = { attended: 'localAuthority,police', lcsprRecommended: 'no', rationale: NO_LCSPR_RATIONALE };
    const { card } = render(OUTCOME, SCENES.papersPrompted(), AFTER_MEETING, { recipient: CHAIR, notice, draft });
    expect(card.body[2]).toMatchObject({ type: 'Container', items: [{ text: notice }] });
    const inputs = inputsById(card);
    expect([inputs.get('attended')?.value, inputs.get('lcsprRecommended')?.value, inputs.get('rationale')?.value]).toEqual(['localAuthority,police', 'no', NO_LCSPR_RATIONALE]);
  });

  test('past the deadline it says it will be shown as late', () => {
    expect(render(OUTCOME, SCENES.papersPrompted(), '2026-07-01T12:00:00Z', { recipient: CHAIR }).text).toContain(
      'The deadline passed at 10:45 on Wednesday 1 July: record it anyway; it will be shown as late.',
    );
  });

  test('once recorded: the outcome, on time or late, the rationale, and no inputs', () => {
    const onTime = render(OUTCOME, SCENES.reviewCompletedOnTime(), '2026-06-30T15:00:00Z', { recipient: CHAIR });
    expect(onTime.text).toContain('An LCSPR is needed. Sent to the Panel and Ofsted **on time**, within 15 working days from the notification (due by 10:45 on Wednesday 1 July).');
    expect(onTime.text).toContain(REVIEW_RATIONALE);
    expect(inputsById(onTime.card).size).toBe(0);
    expect(executeActions(onTime.card).map((a) => a.verb)).toEqual(['case.history']);
    expect(render(OUTCOME, SCENES.reviewCompletedLate(), '2026-07-02T12:00:00Z', { recipient: CHAIR }).text).toContain('No LCSPR is needed. Sent to the Panel and Ofsted **late**');
  });
});

describe('rapid review completed (monitoring channel)', () => {
  test('on time: the outcome against the 15-working-day deadline', () => {
    const { text } = render({ kind: 'rapidReviewCompleted' }, SCENES.reviewCompletedOnTime(), '2026-06-30T14:00:05Z');
    expect(text).toContain('Outcome: **an LCSPR is needed**.');
    expect(text).toContain('Sent to the Panel and Ofsted at 14:00 on Tuesday 30 June: **on time**, within 15 working days from the notification (due by 10:45 on Wednesday 1 July).');
    expect(text).toContain('it is published within 6 months of the decision');
  });

  test('late', () => {
    const { text } = render({ kind: 'rapidReviewCompleted' }, SCENES.reviewCompletedLate(), '2026-07-02T11:00:05Z');
    expect(text).toContain('Outcome: **no LCSPR is needed**.');
    expect(text).toContain('Sent to the Panel and Ofsted at 11:00 on Thursday 2 July: **late**, after the deadline of 15 working days from the notification (due by 10:45 on Wednesday 1 July).');
    expect(text).toMatch(/Against the deadline\nLate \(due by 10:45 on Wednesday 1 July\)/);
  });

  test('before completion it says when it is due', () => {
    expect(render({ kind: 'rapidReviewCompleted' }, SCENES.reviewSetUp(), '2026-06-12T12:00:00Z').text).toContain(
      'The rapid review has not been completed yet. It is due by 10:45 on Wednesday 1 July.',
    );
  });
});
