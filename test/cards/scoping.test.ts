import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, PEOPLE, RETURN_URL, SCENES, T, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const person = (p: { aadObjectId: string }): Recipient => ({ kind: 'person', aadObjectId: p.aadObjectId });
const GP = person(PEOPLE.gpContact);
const GP_DEPUTY = person(PEOPLE.gpDeputy);
const GP_ESCALATION = person(PEOPLE.gpEscalation);
const REQUEST: CardSpec = { kind: 'scopingRequest', agency: 'gp' };
const SET_UP = '2026-06-11T12:00:00Z'; // 13:00 Thursday 11 June, just after the review was set up

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: GP, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
type Json = Record<string, unknown>;
const showCards = (card: { actions: unknown[] }) => card.actions.filter((a): a is Json => (a as Json).type === 'Action.ShowCard');
const agencyEmails = sampleConfig.agencies.flatMap((a) => [a.contact, ...a.deputies, a.escalation]).map((p) => p.email);

describe('scoping request (1:1 to the agency contact and deputies)', () => {
  test('what is asked, of whom, by when in words, why by then, and what happens if it does not come', () => {
    const { text } = render(REQUEST, SCENES.reviewSetUp(), SET_UP);
    expect(text).toContain('Scoping return needed: GP practice');
    expect(text).toContain(
      "Please send a summary of your agency's involvement (referral response form) for rapid review RR-2026-014, **by 17:00 on Monday 22 June**.",
    );
    expect(text).toContain('Asked of GP practice: Glen Surgery (scoping contact) or Gail Surgery (deputy). Any of you may record it.');
    expect(text).toContain('The papers go to the review group members at 10:00 on Tuesday 23 June, one week before the rapid review meeting at 10:00 on Tuesday 30 June.');
    expect(text).toContain('You are reminded two working days before and on the morning it is due. Once it is late, you and Grant Lead (GP practice escalation contact) are chased each working day');
    for (const email of agencyEmails) expect(JSON.stringify(render(REQUEST, SCENES.reviewSetUp(), SET_UP).card)).not.toContain(email);
  });

  test('with the working calendar it counts the working days left', () => {
    expect(render(REQUEST, SCENES.reviewSetUp(), SET_UP, { calendar }).text).toContain('7 working days left.');
  });

  test('"Return submitted": a required link into the document store, not an attachment, recorded with scoping.return for this agency', () => {
    const { card, text } = render(REQUEST, SCENES.reviewSetUp(), SET_UP);
    expect(showCards(card).map((a) => a.title)).toEqual(['Return submitted', 'Ask for more time']);
    expect(text).toContain("Put the return in the partnership's document store (documents.example.org) and give its link here: a link, not an attachment");
    expect(inputsById(card).get('documentUrl')).toMatchObject({ type: 'Input.Text', style: 'Url', isRequired: true, regex: '^https://\\S+$' });
    expect(executeActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Record the return', 'scoping.return', { caseRef: CASE_REF, agency: 'gp' }],
      ['No involvement with this child or family', 'scoping.noInvolvement', { caseRef: CASE_REF, agency: 'gp' }],
      ['Ask for more time', 'scoping.extension', { caseRef: CASE_REF, agency: 'gp' }],
    ]);
  });

  test('"Ask for more time": a reason and a date after the current due date and no later than the review', () => {
    const { card, text } = render(REQUEST, SCENES.reviewSetUp(), SET_UP);
    expect(inputsById(card).get('reason')).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: 2000 });
    // Returned by the close of the day proposed, so no later than the day before the review's deadline (10:45).
    expect(inputsById(card).get('proposedDate')).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2026-06-23', max: '2026-06-30' });
    expect(text).toContain('A date after the papers go out (10:00 on Tuesday 23 June) means your return misses the papers.');
    expect(text).toContain("Never include the child's or family's names");
  });

  test('after a refusal: the notice at the top, and the link or the reason typed is still there', () => {
    const notice = 'The return must be a link into the partnership\'s document store (documents.example.org), starting https://.';
    const { card } = render(REQUEST, SCENES.reviewSetUp(), SET_UP, {
      recipient: GP_DEPUTY,
      notice,
      draft: { caseRef: CASE_REF, agency: 'gp', documentUrl: 'https://elsewhere.example.com/x.docx', reason: 'Lead on leave.', proposedDate: '2026-06-24' },
    });
    expect(card.body[2]).toMatchObject({ type: 'Container', items: [{ text: notice }] });
    expect(inputsById(card).get('documentUrl')?.value).toBe('https://elsewhere.example.com/x.docx');
    expect(inputsById(card).get('reason')?.value).toBe('Lead on leave.');
    expect(inputsById(card).get('proposedDate')?.value).toBe('2026-06-24');
  });

  test('only the contact and deputies get the buttons: anyone else reads the request', () => {
    for (const recipient of [MONITORING, GP_ESCALATION, person(PEOPLE.educationContact)]) {
      const { card } = render(REQUEST, SCENES.reviewSetUp(), SET_UP, { recipient });
      expect(executeActions(card).map((a) => a.verb)).toEqual([]);
      expect(inputsById(card).size).toBe(0);
    }
  });

  test('while more time is asked for: with the business unit, still due by the old date, and not asked twice', () => {
    const { card, text } = render(REQUEST, SCENES.extensionAsked(), '2026-06-18T12:00:00Z');
    expect(text).toContain(
      'More time was asked for, to 17:00 on Wednesday 24 June, by Gail Surgery at 10:00 on Wednesday 17 June: it is with the business unit. Until they agree, the return is due by 17:00 on Monday 22 June.',
    );
    expect(showCards(card).map((a) => a.title)).toEqual(['Return submitted']);
    expect(executeActions(card).map((a) => a.verb)).toEqual(['scoping.return', 'scoping.noInvolvement']);
  });

  test('more time agreed or declined: the date that now stands', () => {
    expect(render(REQUEST, SCENES.extensionAgreed(), '2026-06-18T12:00:00Z').text).toContain(
      'More time agreed by Billie Business (business unit) at 13:00 on Wednesday 17 June: now due by 17:00 on Wednesday 24 June.',
    );
    expect(render(REQUEST, SCENES.extensionDeclined(), '2026-06-18T12:00:00Z').text).toContain(
      'More time (to 17:00 on Wednesday 24 June) was declined by Billie Business (business unit): the return is still due by 17:00 on Monday 22 June.',
    );
  });

  test('late: overdue by N working days, and what happens next', () => {
    const { text } = render(REQUEST, SCENES.scopingOverdue(), '2026-06-24T12:00:00Z', { calendar });
    expect(text).toContain('Overdue by 2 working days: please send it now.');
    expect(text).toContain('Until it arrives, you and Grant Lead (GP practice escalation contact) are chased each working day');
    expect(render(REQUEST, SCENES.scopingOverdue(), '2026-06-24T12:00:00Z').text).toContain('Overdue since 17:00 on Monday 22 June: please send it now.');
  });

  test('once returned: what was recorded and a button to the document, with no inputs', () => {
    const { card, text } = render({ kind: 'scopingRequest', agency: 'education' }, SCENES.extensionAsked(), '2026-06-18T12:00:00Z', { recipient: person(PEOPLE.educationContact) });
    expect(text).toContain("Education's return was recorded by Eve Education (Education scoping contact) at 11:00 on Thursday 18 June.");
    expect(text).not.toContain(RETURN_URL('education'));
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open return', url: RETURN_URL('education') });
    expect(inputsById(card).size).toBe(0);
    expect(executeActions(card).map((a) => a.verb)).toEqual([]);
  });

  test('once no involvement is recorded: says so, with no inputs', () => {
    const { card, text } = render({ kind: 'scopingRequest', agency: 'probation' }, SCENES.extensionAsked(), '2026-06-18T12:00:00Z', { recipient: person(PEOPLE.probationContact) });
    expect(text).toContain('Recorded by Parker Probation (Probation Service scoping contact) at 14:00 on Monday 15 June: Probation Service had no involvement with this child or family.');
    expect(inputsById(card).size).toBe(0);
  });

  test('an agency not asked is told so', () => {
    expect(render({ kind: 'scopingRequest', agency: 'hospital-trust' }, SCENES.reviewSetUp(), SET_UP).text).toContain(
      'Isle of Wight NHS Trust has not been asked for a scoping return in this rapid review.',
    );
  });
});

describe('scoping chasers (1:1; once late, to the escalation contact too)', () => {
  const chaser = (chase: 'twoDaysBefore' | 'dueMorning' | 'overdue'): CardSpec => ({ kind: 'scopingChaser', agency: 'gp', chase });

  test('two working days before: the due date in words, the buttons, and what happens if it does not come', () => {
    const { card, text } = render(chaser('twoDaysBefore'), SCENES.reviewSetUp(), T.twoDaysBefore, { calendar });
    expect(card.body[1]).toMatchObject({ text: "Reminder: GP practice's scoping return" });
    expect(text).toContain("GP practice's scoping return (a summary of its involvement) for rapid review RR-2026-014 is due **by 17:00 on Monday 22 June**.");
    // Thursday, Friday and Monday: three working days of time to a due time at Monday's close.
    expect(text).toContain('3 working days left.');
    expect(text).toContain('Once it is late, you and Grant Lead (GP practice escalation contact) are chased each working day');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['scoping.return', 'scoping.noInvolvement', 'scoping.extension']);
  });

  test('on the morning it is due', () => {
    const { text } = render(chaser('dueMorning'), SCENES.reviewSetUp(), T.dueMorning, { calendar });
    expect(text).toContain("Reminder: GP practice's scoping return is due today");
    expect(text).toContain('1 working day left.');
  });

  test('overdue: by how many working days; the contact and the escalation contact are chased each working day', () => {
    // The first chaser, Tuesday morning, is for the first working day late; Wednesday's for the second.
    expect(render(chaser('overdue'), SCENES.scopingOverdue(), '2026-06-23T08:00:30Z', { calendar }).text).toContain('Overdue by 1 working day: please send it now.');
    const contact = render(chaser('overdue'), SCENES.scopingOverdue(), '2026-06-24T08:00:30Z', { calendar }).text;
    expect(contact).toContain("Overdue: GP practice's scoping return");
    expect(contact).toContain('Overdue by 2 working days: please send it now.');
    expect(contact).toContain(
      'Until it arrives, you and Grant Lead (GP practice escalation contact) are chased each working day, and the business unit sees it as overdue on the rapid review board.',
    );
  });

  test('to the escalation contact: who should act, no buttons the bot would refuse', () => {
    const { card, text } = render(chaser('overdue'), SCENES.scopingOverdue(), '2026-06-24T08:00:30Z', { recipient: GP_ESCALATION, calendar });
    expect(text).toContain("You are GP practice's escalation contact: please make sure Glen Surgery (scoping contact) or Gail Surgery (deputy) records the return.");
    expect(text).toContain('Until it arrives, Glen Surgery and you are chased each working day');
    expect(executeActions(card).map((a) => a.verb)).toEqual([]);
  });

  test('rendered after the return came in: nothing outstanding, no buttons', () => {
    const events = play(SCENES.scopingOverdue(), DO.returned('gp', '2026-06-23T10:00:00.000Z'));
    const { card, text } = render(chaser('overdue'), events, '2026-06-23T10:00:05Z');
    expect(text).toContain("Nothing outstanding: GP practice's return was recorded by Gail Surgery (GP practice scoping deputy) at 11:00 on Tuesday 23 June.");
    expect(executeActions(card).map((a) => a.verb)).toEqual([]);
  });
});

describe('scoping overdue alert (monitoring channel)', () => {
  const OVERDUE: CardSpec = { kind: 'scopingOverdue', agency: 'gp' };

  test('overdue since when, by how many working days, who is expected and who is chased', () => {
    const { card, text } = render(OVERDUE, SCENES.scopingOverdue(), '2026-06-23T08:00:30Z', { recipient: MONITORING, calendar });
    expect(text).toContain("GP practice's scoping return has been overdue since **17:00 on Monday 22 June**.");
    expect(text).toContain('Overdue by 1 working day.');
    expect(text).toContain('Expected from Glen Surgery (scoping contact) or Gail Surgery (deputy).');
    expect(text).toContain('They and Grant Lead (GP practice escalation contact) are chased each working day until it arrives');
    expect(text).toContain('The papers go to members at 10:00 on Tuesday 23 June: a return after that misses them.');
    expect(executeActions(card)[0]).toEqual({ title: 'Open the rapid review board', verb: 'case.show', data: { caseRef: CASE_REF, card: 'rapidReviewBoard' } });
  });

  test('rendered after the return came in, it says so', () => {
    const events = play(SCENES.scopingOverdue(), DO.noInvolvement('gp', '2026-06-23T10:00:00.000Z'));
    expect(render(OVERDUE, events, '2026-06-23T10:00:05Z', { recipient: MONITORING }).text).toContain(
      'Update: no involvement was recorded by Gail Surgery (GP practice scoping deputy) at 11:00 on Tuesday 23 June.',
    );
  });
});
