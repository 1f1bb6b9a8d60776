import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { DEFAULT_WORKING_HOURS } from '../../workflow/calendar/workingHours.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, EXTENSION_REASON, PEOPLE, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: DEFAULT_WORKING_HOURS });
const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const GP: Recipient = { kind: 'person', aadObjectId: PEOPLE.gpContact.aadObjectId };
const DECIDE: CardSpec = { kind: 'extensionDecisionRequest', agency: 'gp' };
const ANSWER: CardSpec = { kind: 'extensionAnswer', agency: 'gp' };
const ASKED = '2026-06-17T09:00:05Z';

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
/** The scene with the GP practice asking for a different date. */
const askingFor = (proposedDueAt: string): CaseEvent[] => SCENES.extensionAsked().map((e) => (e.type === 'ExtensionRequested' ? { ...e, proposedDueAt } : e));

describe('request for more time (monitoring channel, for the business unit)', () => {
  test('who asks, the reason verbatim, the dates, and that the return would miss the papers', () => {
    const { card, text } = render(DECIDE, SCENES.extensionAsked(), ASKED, { calendar });
    expect(text).toContain('More time asked: GP practice');
    expect(text).toContain('Asked by Gail Surgery (GP practice scoping deputy) at 10:00 on Wednesday 17 June, to **17:00 on Wednesday 24 June**.');
    expect(JSON.stringify(card.body)).toContain(JSON.stringify({ type: 'TextRun', text: EXTENSION_REASON }));
    expect(text).toMatch(/Currently due\n17:00 on Monday 22 June/);
    expect(text).toContain('That is 2 working days later than now.');
    expect(text).toContain('It is after the papers go to members (10:00 on Tuesday 23 June): the return would miss the papers.');
    expect(text).toContain('Until you decide, the return stays due by 17:00 on Monday 22 June and GP practice is reminded and chased to that date.');
  });

  test('a date before the papers go out keeps the return in the papers; one after the review deadline is flagged', () => {
    expect(render(DECIDE, askingFor('2026-06-19T16:00:00.000Z'), ASKED).text).toContain('It is before the papers go to members, so the return would still be in the papers.');
    expect(render(DECIDE, askingFor('2026-07-02T16:00:00.000Z'), ASKED).text).toContain('It is after the rapid review deadline (10:45 on Wednesday 1 July): the review cannot wait for it.');
  });

  test('Agree and Decline send extension.decide with the agency and the decision, and no inputs are needed', () => {
    const { card } = render(DECIDE, SCENES.extensionAsked(), ASKED);
    expect(inputsById(card).size).toBe(0);
    expect(executeActions(card)).toEqual([
      { title: 'Agree', verb: 'extension.decide', data: { caseRef: CASE_REF, agency: 'gp', decision: 'agree' } },
      { title: 'Decline', verb: 'extension.decide', data: { caseRef: CASE_REF, agency: 'gp', decision: 'decline' } },
      { title: 'History', verb: 'case.history', data: { caseRef: CASE_REF } },
    ]);
  });

  test('once decided: the decision, by whom, the date that stands, and no buttons', () => {
    const agreed = render(DECIDE, SCENES.extensionAgreed(), '2026-06-17T12:00:05Z');
    expect(agreed.text).toContain('More time for GP practice: agreed');
    expect(agreed.text).toContain("Agreed by Billie Business (business unit) at 13:00 on Wednesday 17 June: GP practice's return is now due by **17:00 on Wednesday 24 June**.");
    expect(executeActions(agreed.card).map((a) => a.verb)).toEqual(['case.history']);
    const declined = render(DECIDE, SCENES.extensionDeclined(), '2026-06-17T12:00:05Z');
    expect(declined.text).toContain("Declined by Billie Business (business unit) at 13:00 on Wednesday 17 June: GP practice's return is still due by **17:00 on Monday 22 June**.");
    expect(executeActions(declined.card).map((a) => a.verb)).toEqual(['case.history']);
  });

  test('an agency that has not asked', () => {
    expect(render(DECIDE, SCENES.reviewSetUp(), ASKED).text).toContain('GP practice has not asked for more time.');
  });
});

describe("the business unit's answer (1:1 to the agency contact)", () => {
  test('agreed: the new due date', () => {
    const { text } = render(ANSWER, SCENES.extensionAgreed(), '2026-06-17T12:00:05Z', { recipient: GP, calendar });
    expect(text).toContain("Agreed: GP practice's scoping return is now due by **17:00 on Wednesday 24 June**.");
    expect(text).toContain('Decided by Billie Business (business unit) at 13:00 on Wednesday 17 June; you asked for 17:00 on Wednesday 24 June.');
    expect(text).toContain('5 working days left.');
  });

  test('declined: the original due date stands, and the chasers run to it', () => {
    const { text } = render(ANSWER, SCENES.extensionDeclined(), '2026-06-17T12:00:05Z', { recipient: GP });
    expect(text).toContain("Declined: the original date stands. GP practice's scoping return is due by **17:00 on Monday 22 June**.");
    expect(text).toContain('Reminders and chasers run to this date; once it is late, you and your escalation contact are chased each working day.');
  });

  test('not yet answered', () => {
    expect(render(ANSWER, SCENES.extensionAsked(), ASKED, { recipient: GP }).text).toContain(
      "The business unit has not answered yet. Until it agrees, GP practice's return is due by **17:00 on Monday 22 June**.",
    );
  });
});
