import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, LEARNING_RATIONALE, PEOPLE, REVIEW_GROUP_DISPUTE_REASON, SCENES, sampleConfig, stateOf } from '../support/sampleConfig.js';

/**
 * The learning event's and the review-group dispute's cards (issue 17), parsed by the adaptivecards
 * parser: each says what happens next and by when, and offers the next thing to record.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
const BUSINESS: Recipient = { kind: 'person', aadObjectId: PEOPLE.business.aadObjectId };
const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: BUSINESS, calendar, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n'), verbs: executeActions(card).map((a) => a.verb) };
};

describe('the learning event card', () => {
  test('before one is decided: the business unit records the partners’ decision with its date, or a disagreement is raised', () => {
    const { card, text, verbs } = render({ kind: 'learningEvent' }, SCENES.closed(), '2026-06-11T10:00:00Z');
    expect(text).toContain('No local learning event is recorded on this case.');
    expect(text).toContain('the report is due ready for approval within 4 calendar months of the decision');
    expect(verbs).toEqual(['learningEvent.decision', 'case.show', 'case.history']);
    expect(inputsById(card).get('decidedOn')).toMatchObject({ type: 'Input.Date', isRequired: true, max: '2026-06-11' });
  });

  test('decided: the deadline in words, the rationale, and the method and leads to record next', () => {
    const { card, text, verbs } = render({ kind: 'learningEvent' }, SCENES.learningEventDecided(), '2026-06-11T10:05:00Z');
    expect(text).toContain('ready for approval by 17:00 on Saturday 10 October');
    expect(text).toContain(LEARNING_RATIONALE);
    expect(text).toContain('What happens next: the review group records the method and the lead (or two co-leads); reminders go 10 and 3 working days before 17:00 on Saturday 10 October.');
    // The report is not offered before the method and leads: the step would refuse it.
    expect(verbs).toEqual(['learningEvent.setUp', 'case.history']);
    // The menu is Appendix B's: single-agency learning is not offered.
    expect(inputsById(card).get('methods')).toMatchObject({ isMultiSelect: true, choices: [{ value: 'desktop' }, { value: 'practitionerWorkshop' }] });
    expect(JSON.stringify(inputsById(card).get('leads'))).toContain('agency:gp');
  });

  test('overdue: said in words, nothing decided for anyone', () => {
    const { text } = render({ kind: 'learningEvent' }, SCENES.learningEventOverdue(), '2026-10-12T09:00:00Z');
    expect(text).toContain('The report was due by 17:00 on Saturday 10 October and is overdue. Nothing is decided for anyone');
    expect(text).toContain('desktop review and practitioner workshop');
    expect(text).toContain('Police and GP practice');
  });

  test('report ready: the executive approves it; then the dissemination is recorded', () => {
    const ready = render({ kind: 'learningEvent' }, SCENES.learningEventReportReady(), '2026-09-02T09:00:00Z');
    expect(ready.text).toContain('Report ready');
    expect(ready.text).toContain('What happens next: the executive approves the report (002 6.14)');
    expect(ready.verbs).toEqual(['learningEvent.approve', 'case.history']);
    const approved = render({ kind: 'learningEvent' }, SCENES.learningEventApproved(), '2026-09-16T09:00:00Z');
    expect(approved.text).toContain('record when and how it was shared');
    // The approved report's recommendations are recorded on the actions board, one click away.
    expect(approved.verbs).toEqual(['learningEvent.disseminate', 'case.show', 'case.history']);
    expect(executeActions(approved.card)[1]).toMatchObject({ title: 'Recommendations and actions', data: { card: 'actionsBoard' } });
  });

  test('done: approved, learning shared, only the actions board and the history', () => {
    const { text, verbs } = render({ kind: 'learningEvent' }, SCENES.learningEventDisseminated(), '2026-10-21T09:00:00Z');
    expect(text).toContain('Monday 14 September 2026 by the executive');
    expect(text).toContain('the review group monitors the actions until all are complete');
    expect(verbs).toEqual(['case.show', 'case.history']);
  });

  test('the chaser: working days left before, overdue after', () => {
    const before = render({ kind: 'learningEventChaser' }, SCENES.learningEventSetUp(), '2026-10-07T08:00:00Z');
    expect(before.text).toContain('Reminder: the learning event report');
    expect(before.text).toContain('due ready for approval by 17:00 on Saturday 10 October (3 working days left)');
    const after = render({ kind: 'learningEventChaser' }, SCENES.learningEventOverdue(), '2026-10-12T09:00:00Z', { recipient: { kind: 'conversation', target: 'monitoring' } });
    expect(after.text).toContain('Overdue: the learning event report');
    expect(after.text).toContain('nothing is decided by silence');
  });
});

describe('the review-group dispute card', () => {
  test('open: the chair records the outcome within 3 working days, and what follows if not', () => {
    const { card, text, verbs } = render({ kind: 'reviewGroupDispute' }, SCENES.reviewGroupDisputeOpen(), '2026-06-11T10:05:00Z', { recipient: { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId } });
    expect(text).toContain(REVIEW_GROUP_DISPUTE_REASON);
    expect(text).toContain('agree an outcome **by 11:00 on Tuesday 16 June** (within 3 working days)');
    expect(text).toContain('goes to the partnership chair, who decides within 3 working days');
    expect(verbs).toEqual(['reviewGroupDispute.outcome', 'case.history']);
    expect(inputsById(card).get('outcome')).toMatchObject({ isRequired: true, choices: [{ value: 'agreedMet' }, { value: 'agreedNotMet' }, { value: 'notResolved' }] });
  });

  test('escalated: the decider decides by a time in words', () => {
    const { text, verbs } = render({ kind: 'reviewGroupDispute' }, SCENES.reviewGroupDisputeEscalated(), '2026-06-12T10:05:00Z', { recipient: { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId } });
    expect(text).toContain('the partnership chair (Morgan Partnership) decides **by 11:00 on Wednesday 17 June**');
    expect(verbs).toEqual(['reviewGroupDispute.decide', 'case.history']);
  });

  test('settled by the decider: a learning event is held and opened', () => {
    const { text, verbs } = render({ kind: 'reviewGroupDispute' }, SCENES.reviewGroupDisputeDecided(), '2026-06-15T10:05:00Z');
    expect(text).toContain('Outcome: **hold a local learning event**. What happens next: the local learning event is opened');
    expect(verbs).toEqual(['reviewGroupDispute.open', 'case.history']);
  });

  test('the chaser in the monitoring channel once the decider is overdue', () => {
    const { text } = render({ kind: 'reviewGroupDisputeChaser' }, SCENES.reviewGroupDisputeOverdue(), '2026-06-19T12:00:00Z', { recipient: { kind: 'conversation', target: 'monitoring' } });
    expect(text).toContain('Overdue: a disagreement for the review group');
    expect(text).toContain("the partnership chair's decision is due by 11:30 on Friday 19 June");
    expect(text).toContain('nothing is decided by silence');
  });

  test('no disagreement yet: the form to raise one', () => {
    const { verbs, card } = render({ kind: 'reviewGroupDispute' }, SCENES.closed(), '2026-06-11T10:05:00Z');
    expect(verbs).toEqual(['reviewGroupDispute.open', 'case.history']);
    expect(inputsById(card).get('about')).toMatchObject({ choices: [{ value: 'learningEvent' }, { value: 'reviewGroupDiscussion' }] });
  });
});

test('the cards carry the case reference, never the referral document or a name from the referral', () => {
  for (const [spec, events, now] of [[{ kind: 'learningEvent' }, SCENES.learningEventDisseminated(), '2026-10-21T09:00:00Z'], [{ kind: 'reviewGroupDispute' }, SCENES.reviewGroupDisputeDecided(), '2026-06-15T10:05:00Z']] as const) {
    const { card } = render(spec, [...events], now);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: CASE_REF });
    expect(JSON.stringify(card)).not.toContain('referral.docx');
  }
});

describe("a lead agency's card (002 6.6: the lead agency; access: its people see the learning event, nothing else)", () => {
  const GP: Recipient = { kind: 'person', aadObjectId: PEOPLE.gpContact.aadObjectId };
  test('the learning event card offers the GP practice no button it may not use, and says how the report reaches the partnership', () => {
    const theirs = render({ kind: 'learningEvent' }, SCENES.learningEventSetUp(), '2026-06-15T10:00:00Z', { recipient: GP });
    expect(theirs.verbs).toEqual([]);
    expect(theirs.text).toContain('Your agency leads this learning event: send the report to the partnership’s business unit');
    // The business unit's card still offers the report form and the history.
    const business = render({ kind: 'learningEvent' }, SCENES.learningEventSetUp(), '2026-06-15T10:00:00Z');
    expect(business.verbs).toEqual(expect.arrayContaining(['learningEvent.report', 'case.history']));
  });

  test('their reminder has no History button and does not tell them to record the report themselves', () => {
    const theirs = render({ kind: 'learningEventChaser' }, SCENES.learningEventSetUp(), '2026-09-28T12:00:00Z', { recipient: GP });
    expect(theirs.verbs).not.toContain('case.history');
    expect(theirs.text).not.toContain('record it on the learning event card');
    expect(theirs.text).toContain('send the report to the partnership’s business unit');
  });
});

