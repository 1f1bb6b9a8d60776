import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, JOIN_URL, OUTCOME_RATIONALE, PEOPLE, RATIONALE, SCENES, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const CHAIR: Recipient = { kind: 'person', aadObjectId: PEOPLE.chair.aadObjectId };
const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const POLICE_RATIONALE = 'We do not think abuse or neglect is suspected on what we know.';

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
const verbs = (c: unknown) => executeActions(c).map((a) => a.verb);
const OUTCOME = { kind: 'meetingOutcomeRequest' } as const;
const BEFORE_MEETING = '2026-06-10T07:00:00Z'; // 08:00 Wednesday 10 June

describe("meeting outcome request (1:1 to the review group chair)", () => {
  test('what is asked, by when, what happens if nobody records it, the disagreement verbatim, and the meeting to join', () => {
    const { card, text } = render(OUTCOME, SCENES.meetingBooked(), BEFORE_MEETING, { recipient: CHAIR });
    expect(text).toContain("Partners' meeting: outcome needed");
    expect(text).toContain("Please record the outcome of the partners' meeting **by 15:00 on Wednesday 10 June**.");
    expect(text).toContain('If it is not recorded by then, you and the business unit are chased and the monitoring channel is told; it is never assumed. The case goes to Morgan Partnership (partnership chair) for a final decision only if you record that the meeting did not resolve it.');
    expect(text).toContain('Police disagrees with the initial view (notify the Panel');
    expect(text).toContain('**Police**: Disagreed, by Pat Police (Police representative)');
    expect(JSON.stringify(card.body)).toContain(JSON.stringify({ type: 'TextRun', text: POLICE_RATIONALE }));
    expect(text).toContain(RATIONALE);
    expect(text).toContain("Partners' meeting: **10:00 to 10:30 on Wednesday 10 June**.");
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Join the meeting', url: JOIN_URL });
  });

  test('the outcome is one required choice of three, with a required rationale, sent with dispute.outcome', () => {
    const { card } = render(OUTCOME, SCENES.meetingBooked(), BEFORE_MEETING, { recipient: CHAIR });
    expect(inputsById(card).get('outcome')).toMatchObject({
      type: 'Input.ChoiceSet',
      isRequired: true,
      choices: [
        { title: 'Agreed: notify the Panel', value: 'agreedNotify' },
        { title: 'Agreed: do not notify the Panel', value: 'agreedDoNotNotify' },
        { title: 'Not resolved', value: 'notResolved' },
      ],
    });
    expect(inputsById(card).get('rationale')).toMatchObject({ isRequired: true, maxLength: 2000 });
    expect(executeActions(card)[0]).toEqual({ title: 'Record outcome', verb: 'dispute.outcome', data: { caseRef: CASE_REF } });
  });

  test('while the business unit arranges the meeting, the card says so; no join link to show yet', () => {
    const { card, text } = render(OUTCOME, SCENES.bookingFailed(), BEFORE_MEETING, { recipient: CHAIR });
    expect(text).toContain('the business unit is arranging it, by 15:00 on Wednesday 10 June');
    expect(card.actions.some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });

  test('after a refusal: the notice, the chosen outcome and the typed rationale are kept', () => {
    const { card, text } = render(OUTCOME, SCENES.meetingBooked(), BEFORE_MEETING, {
      recipient: CHAIR,
      notice: 'The rationale seems to contain a name. Nothing was recorded.',
      draft: { outcome: 'notResolved', rationale: 'Mrs Smith disagreed' },
    });
    expect(text).toContain('The rationale seems to contain a name. Nothing was recorded.');
    expect(inputsById(card).get('outcome')?.value).toBe('notResolved');
    expect(inputsById(card).get('rationale')?.value).toBe('Mrs Smith disagreed');
  });

  test('overdue before the sweep has moved it on: says so', () => {
    const { text } = render(OUTCOME, SCENES.meetingBooked(), '2026-06-10T14:30:00Z', { recipient: CHAIR });
    expect(text).toContain('This is overdue since 15:00 on Wednesday 10 June');
  });

  test('once not resolved: the record, who recorded it, the rationale, where it went; no inputs', () => {
    const { card, text } = render(OUTCOME, SCENES.escalatedNotResolved(), '2026-06-10T12:00:00Z', { recipient: CHAIR });
    expect(text).toContain('Outcome recorded by Casey Chair (review group chair) at 11:00 on Wednesday 10 June: **not resolved**.');
    expect(text).toContain(OUTCOME_RATIONALE);
    expect(text).toContain('The case has gone to Morgan Partnership (partnership chair) for a final decision, due by 11:00 on Thursday 11 June.');
    expect(inputsById(card).size).toBe(0);
    expect(verbs(card)).toEqual(['case.history']);
  });

  test('once agreed at the meeting, once overdue, or once every partner agreed in writing: no inputs, and why', () => {
    const agreed = render(OUTCOME, SCENES.meetingAgreed(), '2026-06-10T12:00:00Z', { recipient: CHAIR });
    expect(agreed.text).toContain('**agreed: do not notify the Panel**');
    expect(agreed.text).toContain('Decision: **do not notify the Panel**');
    const overdue = render(OUTCOME, SCENES.escalatedOutcomeOverdue(), '2026-06-10T16:00:00Z', { recipient: CHAIR });
    expect(overdue.text).toContain('The outcome was not recorded by 15:00 on Wednesday 10 June.');
    expect(overdue.text).toContain('due by 15:00 on Thursday 11 June');
    const inWriting = render(OUTCOME, SCENES.meetingCancelled(), '2026-06-09T16:30:00Z', { recipient: CHAIR });
    expect(inWriting.text).toContain('No outcome is needed: every partner now agrees in writing, so the meeting is not needed and was cancelled.');
    for (const c of [agreed, overdue, inWriting]) {
      expect(inputsById(c.card).size).toBe(0);
      expect(verbs(c.card)).toEqual(['case.history']);
    }
  });

  test('History returns to this card', () => {
    const { card } = render(OUTCOME, SCENES.meetingBooked(), BEFORE_MEETING, { recipient: CHAIR });
    expect(executeActions(card).at(-1)).toEqual({ title: 'History', verb: 'case.history', data: { caseRef: CASE_REF, returnTo: 'meetingOutcomeRequest' } });
  });
});

describe('dispute escalated (monitoring channel)', () => {
  test('not resolved at the meeting: why (the chair’s words), who decides, by when, and that the decision meeting is being booked', () => {
    const { text } = render({ kind: 'disputeEscalated' }, SCENES.escalatedNotResolved(), '2026-06-10T12:00:00Z');
    expect(text).toContain('The case has gone to Morgan Partnership (partnership chair) for a final decision.');
    expect(text).toContain("The partners' meeting did not resolve the disagreement (outcome recorded by Casey Chair (review group chair) at 11:00 on Wednesday 10 June).");
    expect(text).toContain(OUTCOME_RATIONALE);
    expect(text).toContain('Morgan Partnership (partnership chair) records the final decision **by 11:00 on Thursday 11 June**.');
    expect(text).toContain('the bot is booking it within one working day');
    expect(text).toContain('It is never made for the decision maker, and the Panel notification deadline (17:00 on Friday 12 June) keeps running.');
  });

  test('outcome not recorded: says by when it was due', () => {
    const { text } = render({ kind: 'disputeEscalated' }, SCENES.escalatedOutcomeOverdue(), '2026-06-10T16:00:00Z');
    expect(text).toContain("The outcome of the partners' meeting was not recorded by 15:00 on Wednesday 10 June.");
    expect(text).toContain('**by 15:00 on Thursday 11 June**');
  });

  test('the decision meeting once booked, with its join link; or the business unit arranging it', () => {
    const booked = render({ kind: 'disputeEscalated' }, SCENES.decisionMeetingBooked(), '2026-06-10T12:00:00Z');
    expect(booked.text).toContain('(mediator): **09:30 to 10:00 on Thursday 11 June**.');
    expect(booked.card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Join the meeting', url: `${JOIN_URL}-2` });
    const failed = render({ kind: 'disputeEscalated' }, SCENES.decisionMeetingBookingFailed(), '2026-06-10T12:00:00Z');
    expect(failed.text).toContain('the business unit is arranging it, by 11:00 on Thursday 11 June');
  });
});

describe('overdue alerts for the dispute (monitoring channel)', () => {
  test("meeting outcome: overdue since when, expected of whom, and that the case has gone to the decision maker", () => {
    const { text } = render({ kind: 'overdue', about: 'meetingOutcome' }, SCENES.escalatedOutcomeOverdue(), '2026-06-10T14:00:10Z');
    expect(text).toContain("The outcome of the partners' meeting has been overdue since **15:00 on Wednesday 10 June**.");
    expect(text).toContain('Expected from Casey Chair (review group chair).');
    expect(text).toContain('The case has gone to Morgan Partnership (partnership chair) for a final decision, due by 15:00 on Thursday 11 June.');
  });

  // 002 Section B step 6: "In exceptional circumstances where differences of view cannot be resolved, IOWSCP will arrange a short meeting..."
  test('meeting outcome, today: the alert asks the business unit to chase, and says the case waits for the outcome', () => {
    const { text } = render({ kind: 'overdue', about: 'meetingOutcome' }, SCENES.outcomeChased(), '2026-06-10T14:00:10Z');
    expect(text).toContain("The outcome of the partners' meeting has been overdue since **15:00 on Wednesday 10 June**.");
    expect(text).toContain('Please chase them; the chair has been reminded too. The outcome is never assumed: the case goes to Morgan Partnership (partnership chair) only if the chair records that the meeting did not resolve it.');
  });

  test.each([
    ['the chair is asked to record it now', 'aad-chair', 'Please record it now: agreed (with the decision) or not resolved, with a rationale.'],
    ['the business unit is asked to chase the chair', 'aad-business', 'Please chase Casey Chair (review group chair) to record it: agreed (with the decision) or not resolved.'],
  ])('meeting outcome chaser (1:1): %s', (_s, id, words) => {
    const { card, text } = render({ kind: 'reminder', about: 'meetingOutcome' }, SCENES.outcomeChased(), '2026-06-10T14:00:10Z', { recipient: { kind: 'person', aadObjectId: id } });
    expect(text).toContain('The outcome of the partners\' meeting was due **by 15:00 on Wednesday 10 June** and has not been recorded.');
    expect(text).toContain(words);
    expect(JSON.stringify(card)).toContain('meetingOutcomeRequest');
  });

  test('final decision: overdue since when, expected of whom, and that it is never made for them', () => {
    const { text } = render({ kind: 'overdue', about: 'finalDecision' }, SCENES.finalDecisionOverdue(), '2026-06-11T10:00:10Z');
    expect(text).toContain('The final decision has been overdue since **11:00 on Thursday 11 June**.');
    expect(text).toContain('Expected from Morgan Partnership (partnership chair).');
    expect(text).toContain('the decision is never made for them');
  });

  test('after a re-opening the new deadline counts', () => {
    const events = play(SCENES.reopened(), DO.sweep('2026-06-16T09:00:05.000Z'));
    const { text } = render({ kind: 'overdue', about: 'finalDecision' }, events, '2026-06-16T09:00:10Z');
    expect(text).toContain('overdue since **10:00 on Tuesday 16 June**');
  });

  test('rendered after the late action, each says it was done and by whom', () => {
    const outcome = render({ kind: 'overdue', about: 'meetingOutcome' }, SCENES.escalatedNotResolved(), '2026-06-10T12:00:00Z');
    expect(outcome.text).toContain('Update: the outcome (due by 15:00 on Wednesday 10 June) was recorded by Casey Chair (review group chair)');
    const decision = render({ kind: 'overdue', about: 'finalDecision' }, play(SCENES.finalDecisionOverdue(), DO.finalDecision(true, '2026-06-11T12:00:00.000Z')), '2026-06-11T12:00:00Z');
    expect(decision.text).toContain('Update: the final decision (due by 11:00 on Thursday 11 June) was recorded by Morgan Partnership (partnership chair) at 13:00 on Thursday 11 June');
  });
});
