import { describe, expect, test } from 'vitest';
import { caseCard, cardBytes } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { assertValidCard, CARD_BYTES_LIMIT, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import {
  CASE_REF,
  FINAL_RATIONALE,
  JOIN_URL,
  OUTCOME_RATIONALE,
  PEOPLE,
  RATIONALE,
  REOPEN_REASON,
  SCENES,
  reopenedWith,
  sampleConfig,
  stateOf,
} from '../support/sampleConfig.js';

const MAKER: Recipient = { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId };
const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
// Brighton & Hove's setting is for whether-to-review disputes; the notification is still the partnership chair's (8.1).
const scrutineerDecides: PartnershipFile = { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' };

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MAKER, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
const verbs = (c: unknown) => executeActions(c).map((a) => a.verb);
const showCards = (c: { actions: unknown[] }) => c.actions.filter((a) => (a as { type?: string }).type === 'Action.ShowCard');
const FINAL = { kind: 'finalDecisionRequest' } as const;
const STAGE_2 = '2026-06-10T12:00:00Z'; // 13:00 Wednesday 10 June

describe('final decision request (1:1 to the final decision maker)', () => {
  test('what is asked, by when, that it is final, and what happens if it is late', () => {
    const { text } = render(FINAL, SCENES.decisionMeetingBooked(), STAGE_2);
    expect(text).toContain('Final decision needed');
    expect(text).toContain('Please record your final decision **by 11:00 on Thursday 11 June**.');
    expect(text).toContain('Your decision is final, on the information known now; it can be re-opened if new information arrives.');
    expect(text).toContain('the monitoring channel is told. Nobody decides in your place, and the Panel notification deadline (17:00 on Friday 12 June) keeps running.');
  });

  test('everything it is decided on: the initial view, every position, the partners’ meeting, the decision meeting', () => {
    const { card, text } = render(FINAL, SCENES.decisionMeetingBooked(), STAGE_2);
    expect(text).toContain('Initial view: notify the Panel');
    expect(text).toContain(RATIONALE);
    expect(text).toContain("**Local authority children's services**: Agreed");
    expect(text).toContain('**Police**: Disagreed, by Pat Police (Police representative)');
    expect(text).toContain('**Health (ICB)**: Agreement deemed');
    expect(text).toContain("The partners' meeting did not resolve the disagreement");
    expect(JSON.stringify(card.body)).toContain(JSON.stringify({ type: 'TextRun', text: OUTCOME_RATIONALE }));
    expect(text).toContain('(mediator): **09:30 to 10:00 on Thursday 11 June**.');
    expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Join the meeting', url: `${JOIN_URL}-2` });
  });

  test('inputs: the decision, a required rationale, and whether the scrutineer attended (off unless ticked); decision.final', () => {
    const { card, text } = render(FINAL, SCENES.decisionMeetingBooked(), STAGE_2);
    const inputs = inputsById(card);
    expect(inputs.get('decision')).toMatchObject({
      type: 'Input.ChoiceSet',
      isRequired: true,
      choices: [
        { title: 'Notify the Panel', value: 'notify' },
        { title: 'Do not notify the Panel', value: 'doNotNotify' },
      ],
    });
    expect(inputs.get('rationale')).toMatchObject({ isRequired: true, maxLength: 2000 });
    expect(inputs.get('scrutineerAttended')).toMatchObject({
      type: 'Input.Toggle',
      title: 'The independent scrutineer attended the meeting',
      valueOn: 'true',
      valueOff: 'false',
      value: 'false',
    });
    expect(text).toContain('If Sam Scrutineer did not attend, the full record is sent to them to review.');
    expect(executeActions(card)[0]).toEqual({ title: 'Record final decision', verb: 'decision.final', data: { caseRef: CASE_REF } });
    expect(showCards(card)).toEqual([]);
  });

  test('"The IOWSCP Partnership Chair will make the final decision regarding notification" (002 8.1): even where the scrutineer settles review disputes, the chair decides and the attendance toggle stays', () => {
    const { card, text } = render(FINAL, SCENES.decisionMeetingBooked(), STAGE_2, {
      config: scrutineerDecides,
      recipient: { kind: 'person', aadObjectId: PEOPLE.partnershipChair.aadObjectId },
    });
    expect(inputsById(card).has('scrutineerAttended')).toBe(true);
    expect(text).toContain('If Sam Scrutineer did not attend, the full record is sent to them to review.');
    expect(executeActions(card)[0]).toEqual({ title: 'Record final decision', verb: 'decision.final', data: { caseRef: CASE_REF } });
  });

  test('after a refusal: the notice, and the choice, the rationale and the toggle as they were', () => {
    const { card, text } = render(FINAL, SCENES.decisionMeetingBooked(), STAGE_2, {
      notice: 'The rationale seems to contain a date of birth. Nothing was recorded.',
      draft: { decision: 'doNotNotify', rationale: 'born 2015', scrutineerAttended: 'true' },
    });
    expect(text).toContain('The rationale seems to contain a date of birth. Nothing was recorded.');
    const inputs = inputsById(card);
    expect(inputs.get('decision')?.value).toBe('doNotNotify');
    expect(inputs.get('rationale')?.value).toBe('born 2015');
    expect(inputs.get('scrutineerAttended')?.value).toBe('true');
  });

  test('once decided: the decision, its rationale and the scrutineer’s attendance; no inputs; Re-open with a required reason', () => {
    const { card, text } = render(FINAL, SCENES.finalDecisionAttended(), '2026-06-11T12:00:00Z');
    expect(text).toContain('Final decision: **notify the Panel**, recorded by Morgan Partnership (partnership chair) at 10:15 on Thursday 11 June.');
    expect(text).toContain(FINAL_RATIONALE);
    expect(text).toContain('The independent scrutineer attended the decision meeting: **yes**.');
    expect(text).toContain('The local authority notifies the Child Safeguarding Practice Review Panel by **17:00 on Friday 12 June**');
    const reopen = showCards(card);
    expect(reopen).toEqual([expect.objectContaining({ type: 'Action.ShowCard', title: 'Re-open' })]);
    expect(inputsById(card.body).size).toBe(0);
    expect(inputsById(reopen[0]).get('reason')).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(executeActions(reopen[0])).toEqual([{ title: 'Re-open the decision', verb: 'decision.reopen', data: { caseRef: CASE_REF } }]);
    expect(verbs(card)).toEqual(['decision.reopen', 'case.history']);
  });

  test('decided without the scrutineer: says the record has gone to them', () => {
    const { text } = render(FINAL, SCENES.finalDecisionNotAttended(), '2026-06-11T12:00:00Z');
    expect(text).toContain('The independent scrutineer attended the decision meeting: **no**. The full record has been sent to Sam Scrutineer to review.');
  });

  test('a refused re-opening keeps the notice and the typed reason', () => {
    const { card, text } = render(FINAL, SCENES.finalDecisionAttended(), '2026-06-11T12:00:00Z', {
      notice: 'Please give a reason.',
      draft: { reason: 'New information from the GP' },
    });
    expect(text).toContain('Please give a reason.');
    expect(inputsById(showCards(card)[0]).get('reason')?.value).toBe('New information from the GP');
  });

  test('Re-open is offered only on a final decision: not on one the partners agreed, in writing or at the meeting', () => {
    for (const events of [SCENES.decidedNotify(), SCENES.meetingAgreed(), SCENES.meetingCancelled()]) {
      const { card, text } = render(FINAL, events, '2026-06-11T12:00:00Z');
      expect(text).toContain('No final decision is needed');
      expect(showCards(card)).toEqual([]);
      expect(inputsById(card).size).toBe(0);
      expect(verbs(card)).toEqual(['case.history']);
    }
  });

  test('before the dispute reaches the decision maker: nothing to decide, and when it would come', () => {
    const { card, text } = render(FINAL, SCENES.meetingBooked(), '2026-06-10T07:00:00Z');
    expect(text).toContain('No final decision is asked for on this case.');
    expect(text).toContain("If the review group chair records that the partners' meeting did not resolve it, it comes to Morgan Partnership (partnership chair) for a final decision. The outcome is due by 15:00 on Wednesday 10 June; if it is late it is chased, never assumed.");
    expect(inputsById(card).size).toBe(0);
  });

  test('re-opened: the reason verbatim, the new deadline, inputs again, and no Re-open until decided again', () => {
    const { card, text } = render(FINAL, SCENES.reopened(), '2026-06-15T10:00:00Z');
    expect(text).toContain('Final decision needed again: re-opened');
    expect(text).toContain('Re-opened by Morgan Partnership (partnership chair) at 10:00 on Monday 15 June, on new information. The earlier decision no longer stands.');
    expect(JSON.stringify(card.body)).toContain(JSON.stringify({ type: 'TextRun', text: REOPEN_REASON }));
    expect(text).toContain('Please record your final decision **by 10:00 on Tuesday 16 June**.');
    expect(text).toContain('the Panel notification deadline (17:00 on Friday 12 June) has passed');
    expect(text).toContain('the bot does not book another one for a re-opening. The earlier one was 09:30 to 10:00 on Thursday 11 June.');
    expect(inputsById(card).has('decision')).toBe(true);
    expect(showCards(card)).toEqual([]);
    expect(card.actions.some((a) => a.type === 'Action.OpenUrl')).toBe(false);
    const again = render(FINAL, SCENES.decidedAgainAfterReopening(), '2026-06-15T16:00:00Z');
    expect(again.text).toContain('It follows a re-opening by Morgan Partnership (partnership chair) at 10:00 on Monday 15 June:');
    expect(showCards(again.card)).toHaveLength(1);
  });

  test('the largest card (every text and the drafts at 2,000 characters) still fits', () => {
    const long = (seed: string) => `${seed} `.repeat(2000).slice(0, 2000);
    const events = reopenedWith({ view: long('view'), la: long('la'), police: long('police'), health: long('health'), outcome: long('outcome'), final: long('final'), reason: long('reason') });
    const { card } = render(FINAL, events, '2026-06-15T10:00:00Z', { notice: 'Please give a rationale.', draft: { rationale: long('draft') } });
    expect(cardBytes(card)).toBeLessThan(CARD_BYTES_LIMIT);
  });
});

describe('decision re-opened (monitoring channel)', () => {
  test('who re-opened it, why in their words, and the new deadline', () => {
    const { card, text } = render({ kind: 'decisionReopened' }, SCENES.reopened(), '2026-06-15T10:00:00Z', { recipient: MONITORING });
    expect(text).toContain('Decision re-opened');
    expect(text).toContain('Re-opened by Morgan Partnership (partnership chair) at 10:00 on Monday 15 June, on new information.');
    expect(JSON.stringify(card.body)).toContain(JSON.stringify({ type: 'TextRun', text: REOPEN_REASON }));
    expect(text).toContain('Morgan Partnership (partnership chair) records the final decision **by 10:00 on Tuesday 16 June**.');
    expect(text).toContain('It is never made for the decision maker');
    expect(verbs(card)).toEqual(['case.history']);
  });

  test('once decided again it says so, and no longer asks', () => {
    const { text } = render({ kind: 'decisionReopened' }, SCENES.decidedAgainAfterReopening(), '2026-06-15T16:00:00Z', { recipient: MONITORING });
    expect(text).toContain('Update: new decision **notify the Panel**, recorded at 15:00 on Monday 15 June by Morgan Partnership (partnership chair).');
    expect(text).not.toContain('What happens next');
  });
});

describe('scrutineer review (1:1 to the independent scrutineer)', () => {
  const SCRUTINEER: Recipient = { kind: 'person', aadObjectId: PEOPLE.scrutineer.aadObjectId };

  test('the decision, who made it, the rationale, and a request to review the full record from History', () => {
    const { card, text } = render({ kind: 'scrutineerReview' }, SCENES.finalDecisionNotAttended(), '2026-06-11T12:00:00Z', { recipient: SCRUTINEER });
    expect(text).toContain('Please review a final decision');
    expect(text).toContain('Final decision: **notify the Panel**, made by Morgan Partnership (partnership chair) at 10:15 on Thursday 11 June.');
    expect(text).toContain(FINAL_RATIONALE);
    expect(text).toContain('You did not attend the decision meeting; please review the full record');
    expect(executeActions(card)).toEqual([{ title: 'History', verb: 'case.history', data: { caseRef: CASE_REF, returnTo: 'scrutineerReview' } }]);
  });

  test('no review is asked where the scrutineer attended, or there is no final decision', () => {
    expect(render({ kind: 'scrutineerReview' }, SCENES.finalDecisionAttended(), '2026-06-11T12:00:00Z', { recipient: SCRUTINEER }).text).toContain('No review is asked for');
    expect(render({ kind: 'scrutineerReview' }, SCENES.decidedNotify(), '2026-06-11T12:00:00Z', { recipient: SCRUTINEER }).text).toContain(
      'There is no final decision on this case to review.',
    );
  });
});
