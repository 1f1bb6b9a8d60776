import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, FINAL_RATIONALE, OUTCOME_RATIONALE, PEOPLE, RATIONALE, REOPEN_REASON, SCENES, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> & { config?: PartnershipFile } = {}) => {
  const c = caseCard(spec, {
    state: stateOf(events),
    config: sampleConfig,
    now: new Date(now),
    recipient: { kind: 'conversation', target: 'monitoring' },
    ...extra,
  });
  assertValidCard(c);
  return { card: c, text: visibleText(c).join('\n') };
};
const verbs = (c: unknown) => executeActions(c).map((a) => a.verb);

describe('decision recorded', () => {
  test('notify: the decision, how it was reached with the deemed agreement marked, and the Panel deadline', () => {
    const { text } = render({ kind: 'decisionRecorded' }, SCENES.decidedNotify(), '2026-06-09T16:00:00Z');
    expect(text).toContain('Decision: **notify the Panel**, recorded at 15:00 on Tuesday 9 June.');
    expect(text).toContain(RATIONALE);
    expect(text).toContain('**Police**: Agreed, by Pat Police (Police representative)');
    expect(text).toContain('Agree; the threshold is met.');
    expect(text).toContain('**Health (ICB)**: Agreement deemed: no response by 15:00 on Tuesday 9 June');
    expect(text).toContain('The local authority notifies the Child Safeguarding Practice Review Panel by **17:00 on Friday 12 June**');
    expect(text).toContain('The independent scrutineer and the strategic partnership manager are told of this decision.');
  });

  test('do not notify: the review group chair chooses the next step', () => {
    const { text } = render({ kind: 'decisionRecorded' }, SCENES.decidedDoNotNotify(), '2026-06-09T16:00:00Z');
    expect(text).toContain('Decision: **do not notify the Panel**');
    expect(text).toContain('The review group chair (Casey Chair) chooses the next step');
  });
});

describe('dispute opened', () => {
  test('which partners disagree and why, the meeting deadline, that the bot books it, and what happens if nobody records it', () => {
    const { text } = render({ kind: 'disputeOpened' }, SCENES.dispute(), '2026-06-09T16:00:00Z');
    expect(text).toContain('Police disagrees with the initial view (notify the Panel');
    expect(text).toContain('We do not think abuse or neglect is suspected on what we know.');
    expect(text).toContain('A meeting must be held, and its outcome recorded, by **15:00 on Wednesday 10 June**.');
    expect(text).toContain('The bot books a short Teams meeting of the partner representatives, who prioritise attendance; if it cannot, this channel is asked to arrange it.');
    expect(text).toContain('if it is not recorded by then, the chair and the business unit are chased and the monitoring channel is told. It goes to Morgan Partnership (partnership chair) for a final decision only if the chair records that the meeting did not resolve it.');
    expect(text).toContain("Partners' meeting: the bot is booking it within one working day");
    expect(text).toContain('Morgan Partnership (partnership chair) decides and Sam Scrutineer (independent scrutineer) mediates');
  });

  test('"The IOWSCP Partnership Chair will make the final decision regarding notification" (002 8.1), even where the scrutineer settles review disputes', () => {
    const config = { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' as const };
    const { text } = render({ kind: 'disputeOpened' }, SCENES.dispute(), '2026-06-09T16:00:00Z', { config });
    expect(text).toContain('Morgan Partnership (partnership chair) decides and Sam Scrutineer (independent scrutineer) mediates');
  });
});

describe('panel notification', () => {
  const LA = { kind: 'person' as const, aadObjectId: PEOPLE.laDeputy.aadObjectId };

  test('request: due by when, asked of whom, date, time and reference inputs, panel.confirm', () => {
    const { card, text } = render({ kind: 'panelNotificationRequest' }, SCENES.decidedNotify(), '2026-06-10T09:00:00Z', { recipient: LA });
    expect(text).toContain('**by 17:00 on Friday 12 June**');
    expect(text).toContain('Dana Director (representative) and Lee Deputy (deputy)');
    expect(text).toContain('If it is not confirmed by then, the monitoring channel will be told it is overdue.');
    const inputs = inputsById(card);
    expect(inputs.get('sentDate')).toMatchObject({ type: 'Input.Date', isRequired: true, max: '2026-06-10' });
    expect(inputs.get('sentTime')).toMatchObject({ type: 'Input.Time', isRequired: true });
    expect(inputs.get('panelReference')).toMatchObject({ type: 'Input.Text', isRequired: true, maxLength: 100 });
    expect(executeActions(card)[0]).toEqual({ title: 'Confirm notification sent', verb: 'panel.confirm', data: { caseRef: CASE_REF } });
  });

  test('request after a refusal keeps what was typed', () => {
    const { card, text } = render({ kind: 'panelNotificationRequest' }, SCENES.decidedNotify(), '2026-06-10T09:00:00Z', {
      recipient: LA,
      notice: 'The time the notification was sent cannot be in the future.',
      draft: { sentDate: '2026-06-10', sentTime: '11:45', panelReference: 'CSPRP-1' },
    });
    expect(text).toContain('The time the notification was sent cannot be in the future.');
    expect(inputsById(card).get('sentDate')?.value).toBe('2026-06-10');
    expect(inputsById(card).get('sentTime')?.value).toBe('11:45');
    expect(inputsById(card).get('panelReference')?.value).toBe('CSPRP-1');
  });

  test('request after confirmation: who confirmed, when it was sent, the reference; no inputs', () => {
    const { card, text } = render({ kind: 'panelNotificationRequest' }, SCENES.panelNotified(), '2026-06-10T12:00:00Z', { recipient: LA });
    expect(text).toContain("Confirmed by Lee Deputy (Local authority children's services deputy) at 11:00 on Wednesday 10 June: sent at 10:45 on Wednesday 10 June.");
    expect(text).toContain('CSPRP-2026-0456');
    expect(inputsById(card).size).toBe(0);
    expect(verbs(card)).toEqual(['case.history']);
  });

  test('overdue request says so', () => {
    const { text } = render({ kind: 'panelNotificationRequest' }, SCENES.decidedNotify(), '2026-06-15T09:00:00Z', { recipient: LA });
    expect(text).toContain('This is overdue since 17:00 on Friday 12 June; the monitoring channel will be told.');
  });

  test('confirmed, in the monitoring channel: sent when, within the deadline, reference, what next', () => {
    const { text } = render({ kind: 'panelNotificationConfirmed' }, SCENES.panelNotified(), '2026-06-10T12:00:00Z');
    expect(text).toContain('sent at **10:45 on Wednesday 10 June**');
    expect(text).toContain('Within the deadline (17:00 on Friday 12 June).');
    expect(text).toContain('CSPRP-2026-0456');
    expect(text).toContain('15 working days');
  });
});

describe('next step', () => {
  const CHAIR = { kind: 'person' as const, aadObjectId: PEOPLE.chair.aadObjectId };

  test('request: the three steps in plain words, a required rationale, nextStep.submit', () => {
    const { card, text } = render({ kind: 'nextStepRequest' }, SCENES.decidedDoNotNotify(), '2026-06-09T16:00:00Z', { recipient: CHAIR });
    expect(text).toContain('The partners decided not to notify the Panel (recorded at 15:00 on Tuesday 9 June).');
    expect(inputsById(card).get('step')).toMatchObject({
      isRequired: true,
      choices: [
        { title: 'Discussion at the review group, with scoping returns', value: 'reviewGroupWithScoping' },
        { title: 'A safeguarding leads meeting', value: 'safeguardingLeadsMeeting' },
        { title: 'No further action', value: 'noFurtherAction' },
      ],
    });
    expect(inputsById(card).get('rationale')).toMatchObject({ isRequired: true, maxLength: 2000 });
    expect(executeActions(card)[0]).toEqual({ title: 'Record next step', verb: 'nextStep.submit', data: { caseRef: CASE_REF } });
  });

  test('after the choice: shows it and the rationale, no inputs', () => {
    const { card, text } = render({ kind: 'nextStepRequest' }, SCENES.closed(), '2026-06-10T14:00:00Z', { recipient: CHAIR });
    expect(text).toContain('Next step chosen by Casey Chair (review group chair) at 13:00 on Wednesday 10 June: **A safeguarding leads meeting**.');
    expect(text).toContain('Single-agency learning is enough; the leads meeting can agree it.');
    expect(inputsById(card).size).toBe(0);
    expect(verbs(card)).toEqual(['case.history']);
  });

  test('chosen, in the monitoring channel: the step, who, the rationale, what the business unit does', () => {
    const { text } = render({ kind: 'nextStepChosen' }, SCENES.closed(), '2026-06-10T14:00:00Z');
    expect(text).toContain('Next step: **A safeguarding leads meeting**.');
    expect(text).toContain('Chosen by Casey Chair (review group chair)');
    expect(text).toContain('The business unit arranges a safeguarding leads meeting.');
  });

  test('chosen, and the case closed: the business unit can open the learning event, the local review and the actions board from it', () => {
    const { card } = render({ kind: 'nextStepChosen' }, SCENES.closed(), '2026-06-10T14:00:00Z');
    expect(executeActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Local learning event', 'case.show', { caseRef: CASE_REF, card: 'learningEvent' }],
      ['Local review (LCSPR)', 'case.show', { caseRef: CASE_REF, card: 'localReviewBoard' }],
      ['Recommendations and actions', 'case.show', { caseRef: CASE_REF, card: 'actionsBoard' }],
      ['History', 'case.history', { caseRef: CASE_REF, returnTo: 'nextStepChosen' }],
    ]);
  });

  test('cards asked for in the wrong state say what the case is waiting for instead of offering inputs', () => {
    const a = render({ kind: 'nextStepRequest' }, SCENES.decidedNotify(), '2026-06-09T16:00:00Z', { recipient: CHAIR });
    expect(a.text).toContain('No next step is asked for on this case.');
    expect(inputsById(a.card).size).toBe(0);
    const b = render({ kind: 'panelNotificationRequest' }, SCENES.awaitingReplies(), '2026-06-09T10:00:00Z');
    expect(b.text).toContain("No Panel notification is asked for on this case. Waiting for the partners' replies.");
    expect(inputsById(b.card).size).toBe(0);
  });
});

test('a reply by a deputy shows the deputy by name and role', () => {
  const events = play(SCENES.awaitingReplies(), DO.reply(PEOPLE.healthDeputy, 'disagree', 'Not met.'));
  const { text } = render({ kind: 'partnerDecision' }, events, '2026-06-09T10:00:00Z');
  expect(text).toContain('**Health (ICB)**: Disagreed, by Drew Doctor (Health (ICB) deputy)');
});

describe('decision recorded: how the decision was reached', () => {
  const NOW = '2026-06-11T12:00:00Z';

  test('partners agreed after a disagreement: says so, the meeting was not needed', () => {
    const { text } = render({ kind: 'decisionRecorded' }, SCENES.meetingCancelled(), NOW);
    expect(text).toContain('All three partners agreed with the initial view or were deemed to agree, after a disagreement; the meeting was not needed.');
    expect(text).toContain('Having read the chronology, we agree.');
  });

  test("agreed at the partners' meeting: when, recorded by the chair, with the chair's rationale, then the written positions", () => {
    const { text } = render({ kind: 'decisionRecorded' }, SCENES.meetingAgreed(), NOW);
    expect(text).toContain('Decision: **do not notify the Panel**, recorded at 11:00 on Wednesday 10 June.');
    expect(text).toContain("Agreed at the partners' meeting (10:00 to 10:30 on Wednesday 10 June), recorded by Casey Chair (review group chair) at 11:00 on Wednesday 10 June.");
    expect(text).toContain('The police account settled it: abuse or neglect is not suspected.');
    expect(text).toContain('Before the meeting, in writing:');
    expect(text).toContain('**Police**: Disagreed, by Pat Police (Police representative)');
    expect(text).not.toContain('All three partners agreed');
  });

  test('final decision: by whom, the rationale, why it came to them, and whether the scrutineer attended', () => {
    const attended = render({ kind: 'decisionRecorded' }, SCENES.finalDecisionAttended(), NOW).text;
    expect(attended).toContain('Final decision by Morgan Partnership (partnership chair) at 10:15 on Thursday 11 June, because the partners could not agree.');
    expect(attended).toContain(FINAL_RATIONALE);
    expect(attended).toContain('The independent scrutineer attended the decision meeting: **yes**.');
    expect(attended).toContain("The partners' meeting did not resolve the disagreement");
    expect(attended).toContain(OUTCOME_RATIONALE);
    const absent = render({ kind: 'decisionRecorded' }, SCENES.finalDecisionNotAttended(), NOW).text;
    expect(absent).toContain('The independent scrutineer attended the decision meeting: **no**. The full record has been sent to Sam Scrutineer to review.');
  });

  test('a decision after a re-opening says what re-opened it', () => {
    const { text } = render({ kind: 'decisionRecorded' }, SCENES.decidedAgainAfterReopening(), '2026-06-15T16:00:00Z');
    expect(text).toContain('It follows a re-opening by Morgan Partnership (partnership chair) at 10:00 on Monday 15 June:');
    expect(text).toContain(REOPEN_REASON);
  });

  test('while re-opened there is no decision, and the card says so', () => {
    const { text } = render({ kind: 'decisionRecorded' }, SCENES.reopened(), '2026-06-15T10:00:00Z');
    expect(text).toContain('No decision has been recorded yet.');
  });
});

describe('dispute opened, later in the dispute', () => {
  test('once gone to the decision maker, it says so', () => {
    const { text } = render({ kind: 'disputeOpened' }, SCENES.escalatedNotResolved(), '2026-06-10T12:00:00Z');
    expect(text).toContain('Update: the case has gone to Morgan Partnership (partnership chair) for a final decision.');
  });
});
