import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const MONITORING = { kind: 'conversation', target: 'monitoring' } as const;
const OPENED = '2026-06-10T12:00:00Z'; // 13:00 Wednesday 10 June, just after the notification was confirmed

const render = (events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard({ kind: 'rapidReviewSetup' }, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};

describe('rapid review set-up (monitoring channel, for the business unit)', () => {
  test('the deadline in words, 15 working days from the notification, and what happens if nobody sets it up', () => {
    const { text } = render(SCENES.reviewOpened(), OPENED);
    expect(text).toContain(
      'A rapid review must be completed by **10:45 on Wednesday 1 July** (15 working days from the notification sent 10:45 on Wednesday 10 June).',
    );
    expect(text).toContain('Until it is set up no agency is asked, and the deadline keeps running.');
    expect(text).not.toContain('working days left');
  });

  test('with the working calendar it also counts the working days left', () => {
    expect(render(SCENES.reviewOpened(), OPENED, { calendar }).text).toContain('14 working days left.');
  });

  test('the meeting: date no later than the deadline, time, and what the date means for the papers', () => {
    const { card, text } = render(SCENES.reviewOpened(), OPENED);
    const inputs = inputsById(card);
    expect(inputs.get('meetingDate')).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2026-06-10', max: '2026-07-01' });
    expect(inputs.get('meetingTime')).toMatchObject({ type: 'Input.Time', isRequired: true });
    expect(text).toContain('Refused if after 10:45 on Wednesday 1 July; papers go to members one week before it.');
  });

  // 002 Section B: "'summary of involvement requests' which are shared with all Learning Inquiry Group members for completion and any other relevant agencies identified".
  test('the review group members are listed as always asked; the other agencies (not the domestic abuse service) are offered, none ticked', () => {
    const { card, text } = render(SCENES.reviewOpened(), OPENED);
    expect(text).toContain('Always asked, as review group members: Education and GP practice.');
    expect(inputsById(card).get('agencies')).toMatchObject({
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      isRequired: false,
      choices: [
        { title: 'Probation Service', value: 'probation' },
        { title: 'Isle of Wight NHS Trust', value: 'hospital-trust' },
      ],
    });
    expect(inputsById(card).get('agencies')?.value).toBeUndefined();
  });

  // 001: "a representative from a local specialist domestic abuse service will also be asked to participate in every RR where domestic abuse is identified".
  test('the domestic abuse service is offered by a toggle, asked and invited to the meeting, and only where one is configured', () => {
    const toggle = inputsById(render(SCENES.reviewOpened(), OPENED).card).get('includeDomesticAbuse');
    expect(toggle).toMatchObject({ type: 'Input.Toggle', title: 'Domestic abuse is identified: ask Island Domestic Abuse Service for a return and invite it to take part in the meeting', valueOn: 'true', valueOff: 'false', value: 'false' });
    const withoutService: PartnershipFile = { ...sampleConfig, agencies: sampleConfig.agencies.filter((a) => !a.domesticAbuseService) };
    expect(inputsById(render(SCENES.reviewOpened(), OPENED, { config: withoutService }).card).has('includeDomesticAbuse')).toBe(false);
  });

  test('the return date is optional, and the card explains the default', () => {
    const { card, text } = render(SCENES.reviewOpened(), OPENED);
    const returnsDate = inputsById(card).get('returnsDate');
    // Due at the close of the day chosen: the deadline's own day closes after it (10:45), so the day before.
    expect(returnsDate).toMatchObject({ type: 'Input.Date', max: '2026-06-30' });
    expect(returnsDate?.isRequired).toBeUndefined();
    expect(text).toContain('Leave it empty for the default: one working day before the papers go out');
    expect(executeActions(card)[0]).toEqual({ title: 'Set up the rapid review', verb: 'review.setup', data: { caseRef: CASE_REF } });
  });

  test('a deadline at the close of work leaves its own day open for returns', () => {
    const atClose = SCENES.reviewOpened().map((e) => (e.type === 'RapidReviewOpened' ? { ...e, dueAt: '2026-07-01T16:00:00.000Z' } : e));
    expect(inputsById(render(atClose, OPENED).card).get('returnsDate')).toMatchObject({ max: '2026-07-01' });
  });

  test('after a refusal: the notice at the top and everything typed is still there', () => {
    const draft = { meetingDate: '2026-06-29', meetingTime: '14:30:00', agencies: 'probation,hospital-trust', returnsDate: '2026-06-19', includeDomesticAbuse: 'true' };
    const notice = 'The meeting would be on a weekend or bank holiday; choose a working day.';
    const { card } = render(SCENES.reviewOpened(), OPENED, { notice, draft });
    expect(card.body[2]).toMatchObject({ type: 'Container', items: [{ text: notice }] });
    const inputs = inputsById(card);
    expect(inputs.get('meetingDate')?.value).toBe('2026-06-29');
    expect(inputs.get('meetingTime')?.value).toBe('14:30');
    expect(inputs.get('agencies')?.value).toBe('probation,hospital-trust');
    expect(inputs.get('returnsDate')?.value).toBe('2026-06-19');
    expect(inputs.get('includeDomesticAbuse')?.value).toBe('true');
  });

  test('a draft naming an agency no longer offered is dropped', () => {
    const { card } = render(SCENES.reviewOpened(), OPENED, { draft: { agencies: 'education,da-service' } });
    expect(inputsById(card).get('agencies')?.value).toBeUndefined();
  });

  test('after the deadline without a set-up, it says the review will be late', () => {
    expect(render(SCENES.reviewOpened(), '2026-07-01T12:00:00Z').text).toContain('The deadline passed at 10:45 on Wednesday 1 July');
  });

  test('once set up: the meeting, the papers and return dates and the agencies asked, with no inputs', () => {
    const { card, text } = render(SCENES.reviewSetUp(), '2026-06-11T12:00:00Z', { calendar });
    expect(text).toContain('Set up by Billie Business (business unit) at 11:00 on Thursday 11 June.');
    expect(text).toMatch(/Returns due\n17:00 on Monday 22 June \(7 working days left\)/);
    expect(text).toMatch(/Papers to members\n10:00 on Tuesday 23 June/);
    expect(text).toMatch(/Meeting\n10:00 on Tuesday 30 June/);
    expect(text).toContain('Scoping returns asked of Education, Probation Service and GP practice.');
    expect(inputsById(card).size).toBe(0);
    expect(executeActions(card)).toEqual([{ title: 'History', verb: 'case.history', data: { caseRef: CASE_REF, returnTo: 'rapidReviewSetup' } }]);
  });

  test('on a case with no rapid review it says so', () => {
    expect(render(SCENES.closed(), OPENED).text).toContain('There is no rapid review on this case. Closed: the next step has been chosen.');
  });
});
