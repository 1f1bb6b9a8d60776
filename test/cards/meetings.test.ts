import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CaseCardContext } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, JOIN_URL, OUTCOME_RATIONALE, PEOPLE, SCENES, T, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const DECISION: Recipient = { kind: 'conversation', target: 'decision' };
// Brighton & Hove's setting is for whether-to-review disputes; it changes nothing in the notification's meetings.
const scrutineerDecides: PartnershipFile = { ...sampleConfig, reviewDisputeDecider: 'independentScrutineer' };

const render = (spec: CardSpec, events: CaseEvent[], now: string, extra: Partial<CaseCardContext> = {}) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: MONITORING, ...extra });
  assertValidCard(card);
  return { card, text: visibleText(card).join('\n') };
};
const verbs = (c: unknown) => executeActions(c).map((a) => a.verb);
const openUrls = (c: { actions: unknown[] }) => c.actions.filter((a): a is { type: 'Action.OpenUrl'; title: string; url: string } => (a as { type?: string }).type === 'Action.OpenUrl');
const BEFORE_MEETING = '2026-06-10T07:00:00Z'; // 08:00 Wednesday 10 June

describe('meeting booked (decision and monitoring channels)', () => {
  test("partners' meeting: the time in words, who is invited, who has a conflict, how to join, and what must follow by when", () => {
    for (const recipient of [DECISION, MONITORING]) {
      const { card, text } = render({ kind: 'meetingBooked', stage: 1 }, SCENES.meetingBooked(), BEFORE_MEETING, { recipient });
      expect(text).toContain("Partners' meeting: booked");
      expect(text).toContain('**10:00 to 10:30 on Wednesday 10 June**');
      expect(text).toContain('Dana Director, Pat Police and Harper Health');
      expect(text).toContain('Casey Chair');
      expect(text).toContain('Harper Health and Casey Chair have a conflict at that time.');
      expect(text).toContain('Police disagrees with the initial view (notify the Panel');
      expect(text).toContain(
        'The review group chair (Casey Chair) records the outcome **by 15:00 on Wednesday 10 June**; if not, it goes to the decision maker, Morgan Partnership (partnership chair).',
      );
      expect(openUrls(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Join the meeting', url: JOIN_URL }]);
      expect(inputsById(card).size).toBe(0);
      expect(executeActions(card)).toEqual([{ title: 'History', verb: 'case.history', data: { caseRef: CASE_REF } }]);
    }
  });

  test('required and optional attendees are told apart', () => {
    const { card } = render({ kind: 'meetingBooked', stage: 1 }, SCENES.meetingBooked(), BEFORE_MEETING);
    expect(JSON.stringify(card.body)).toContain(JSON.stringify({ type: 'FactSet', facts: [{ title: 'Required', value: 'Dana Director, Pat Police and Harper Health' }, { title: 'Optional', value: 'Casey Chair' }] }));
  });

  test('arranged by the business unit: says who arranged it; no join link, no invented conflicts', () => {
    const { card, text } = render({ kind: 'meetingBooked', stage: 1 }, SCENES.meetingArranged(), BEFORE_MEETING);
    expect(text).toContain("Partners' meeting: arranged");
    expect(text).toContain('**11:00 to 11:30 on Wednesday 10 June**');
    expect(text).toContain('Arranged by Billie Business (business unit), by hand. No join link was given: see the invitation.');
    expect(text).not.toContain('conflict');
    expect(openUrls(card)).toEqual([]);
  });

  test('decision meeting: names the decision maker and the mediator, and when the final decision is due', () => {
    const { card, text } = render({ kind: 'meetingBooked', stage: 2 }, SCENES.decisionMeetingBooked(), '2026-06-10T12:00:00Z');
    expect(text).toContain('Decision meeting: booked');
    expect(text).toContain('Decision meeting with the partnership chair, Morgan Partnership (decision maker), and Sam Scrutineer (mediator)');
    expect(text).toContain('**09:30 to 10:00 on Thursday 11 June**');
    expect(text).toContain('Sam Scrutineer has a conflict at that time.');
    expect(text).toContain("The partners' meeting did not resolve the disagreement");
    expect(text).toContain('Morgan Partnership (partnership chair) records the final decision **by 11:00 on Thursday 11 June**.');
    expect(text).toContain('It is never made for the decision maker');
    expect(openUrls(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Join the meeting', url: `${JOIN_URL}-2` }]);
  });

  test('"Partnership Chair (as decision maker) and Independent Scrutineer (as mediator)" (002 Section B step 6), whatever the review-dispute setting', () => {
    const { text } = render({ kind: 'meetingBooked', stage: 2 }, SCENES.decisionMeetingBooked(), '2026-06-10T12:00:00Z', { config: scrutineerDecides });
    expect(text).toContain('Decision meeting with the partnership chair, Morgan Partnership (decision maker), and Sam Scrutineer (mediator)');
    expect(text).toContain('Morgan Partnership (partnership chair) records the final decision **by 11:00 on Thursday 11 June**.');
  });

  test('after cancellation: says so and why, and the Join button is gone', () => {
    const { card, text } = render({ kind: 'meetingBooked', stage: 1 }, SCENES.meetingCancelled(), '2026-06-09T16:30:00Z');
    expect(text).toContain("Partners' meeting: cancelled");
    expect(text).toContain('Was to be held 10:00 to 10:30 on Wednesday 10 June: **cancelled** at 17:00 on Tuesday 9 June.');
    expect(text).toContain('The partners now all agree on the initial view, so the meeting is cancelled.');
    expect(text).toContain('Decided: **notify the Panel**');
    expect(text).not.toContain('conflict');
    expect(openUrls(card)).toEqual([]);
  });

  test('before it is booked, or when booking failed, the card says who is doing what', () => {
    expect(render({ kind: 'meetingBooked', stage: 1 }, SCENES.dispute(), BEFORE_MEETING).text).toContain('the bot is booking it within one working day');
    expect(render({ kind: 'meetingBooked', stage: 1 }, SCENES.bookingFailed(), BEFORE_MEETING).text).toContain(
      'the bot could not book it, so the business unit is arranging it, by 15:00 on Wednesday 10 June',
    );
  });
});

describe('arrange meeting request (monitoring channel, for the business unit)', () => {
  test('stage 1: by when, why the bot could not, who to invite with their addresses, and the consequence of not meeting', () => {
    const { card, text } = render({ kind: 'arrangeMeetingRequest', stage: 1 }, SCENES.bookingFailed(), BEFORE_MEETING);
    expect(text).toContain("Please arrange the partners' meeting");
    expect(text).toContain('Arrange this meeting **by 15:00 on Wednesday 10 June**.');
    expect(text).toContain('The bot could not book it: Microsoft Graph is not configured.');
    expect(text).toContain('If the outcome is not recorded by then, the chair and the business unit are chased and the monitoring channel is told. It goes to Morgan Partnership (partnership chair) for a final decision only if the chair records that the meeting did not resolve it.');
    const body = JSON.stringify(card.body);
    expect(body).toContain(
      JSON.stringify({
        type: 'FactSet',
        facts: [PEOPLE.director, PEOPLE.police, PEOPLE.health].map((p) => ({ title: p.displayName, value: p.email })),
      }),
    );
    expect(body).toContain(JSON.stringify({ type: 'FactSet', facts: [{ title: 'Casey Chair', value: PEOPLE.chair.email }] }));
    expect(text).toContain(`${PEOPLE.director.email}; ${PEOPLE.police.email}; ${PEOPLE.health.email}`);
    expect(text).toContain("RR-2026-014: partners' meeting");
  });

  test('stage 1: date, time and an optional join link record it with meeting.arrange', () => {
    const { card } = render({ kind: 'arrangeMeetingRequest', stage: 1 }, SCENES.bookingFailed(), BEFORE_MEETING);
    const inputs = inputsById(card);
    expect(inputs.get('date')).toMatchObject({ type: 'Input.Date', isRequired: true });
    expect(inputs.get('time')).toMatchObject({ type: 'Input.Time', isRequired: true });
    expect(inputs.get('joinUrl')).toMatchObject({ type: 'Input.Text', style: 'Url' });
    expect(inputs.get('joinUrl')?.isRequired).toBeUndefined();
    expect(executeActions(card)[0]).toEqual({ title: 'Record the meeting', verb: 'meeting.arrange', data: { caseRef: CASE_REF, stage: '1' } });
    expect(verbs(card)).toEqual(['meeting.arrange', 'case.history']);
  });

  test('stage 2: the decision maker and the scrutineer are required too; nobody is optional', () => {
    const { card, text } = render({ kind: 'arrangeMeetingRequest', stage: 2 }, SCENES.decisionMeetingBookingFailed(), '2026-06-10T12:00:00Z');
    expect(text).toContain('Arrange this meeting **by 11:00 on Thursday 11 June**.');
    expect(text).toContain('Decision meeting with the partnership chair, Morgan Partnership (decision maker), and Sam Scrutineer (mediator)');
    expect(text).toContain('Morgan Partnership (partnership chair) records the final decision **by 11:00 on Thursday 11 June**.');
    expect(JSON.stringify(card.body)).toContain(
      JSON.stringify({
        type: 'FactSet',
        facts: [PEOPLE.director, PEOPLE.police, PEOPLE.health, PEOPLE.partnershipChair, PEOPLE.scrutineer].map((p) => ({ title: p.displayName, value: p.email })),
      }),
    );
    expect(text).not.toContain('Optional');
    expect(executeActions(card)[0]).toMatchObject({ verb: 'meeting.arrange', data: { caseRef: CASE_REF, stage: '2' } });
  });

  test('someone holding two roles is invited once', () => {
    const twoRoles: PartnershipFile = { ...sampleConfig, partnershipChair: PEOPLE.scrutineer };
    const { text } = render({ kind: 'arrangeMeetingRequest', stage: 2 }, SCENES.decisionMeetingBookingFailed(), '2026-06-10T12:00:00Z', { config: twoRoles });
    expect(text.split(PEOPLE.scrutineer.email)).toHaveLength(3); // once in the list, once in the line to paste
  });

  test('after a refusal: the notice, and the date, time and link as typed (a time with seconds cut to HH:mm)', () => {
    const { card, text } = render({ kind: 'arrangeMeetingRequest', stage: 1 }, SCENES.bookingFailed(), BEFORE_MEETING, {
      notice: 'The join link must be a meeting link starting https://.',
      draft: { date: '2026-06-10', time: '11:00:00', joinUrl: 'http://example.org/meet' },
    });
    expect(text).toContain('The join link must be a meeting link starting https://.');
    const inputs = inputsById(card);
    expect(inputs.get('date')?.value).toBe('2026-06-10');
    expect(inputs.get('time')?.value).toBe('11:00');
    expect(inputs.get('joinUrl')?.value).toBe('http://example.org/meet');
  });

  test('once arranged: the meeting, no inputs, no addresses', () => {
    const { card, text } = render({ kind: 'arrangeMeetingRequest', stage: 1 }, SCENES.meetingArranged(), BEFORE_MEETING);
    expect(text).toContain('**11:00 to 11:30 on Wednesday 10 June**');
    expect(text).toContain('Nothing more to arrange.');
    expect(text).not.toContain('@');
    expect(inputsById(card).size).toBe(0);
    expect(verbs(card)).toEqual(['case.history']);
  });

  test('nothing to arrange once the partners agree, or once the case has moved on to the decision maker', () => {
    const decided = render({ kind: 'arrangeMeetingRequest', stage: 1 }, play(SCENES.bookingFailed(), DO.reply(PEOPLE.police, 'agree', 'Having read the chronology, we agree.', T.policeChangedMind)), '2026-06-09T16:30:00Z');
    expect(decided.text).toContain('Nothing to arrange: the decision (notify the Panel) was recorded at 17:00 on Tuesday 9 June.');
    expect(inputsById(decided.card).size).toBe(0);
    const escalated = render({ kind: 'arrangeMeetingRequest', stage: 1 }, play(SCENES.bookingFailed(), DO.outcome('notResolved', OUTCOME_RATIONALE)), '2026-06-10T16:00:00Z');
    expect(escalated.text).toContain('Nothing to arrange: the case has gone to Morgan Partnership (partnership chair) for a final decision.');
    expect(inputsById(escalated.card).size).toBe(0);
    const botBooking = render({ kind: 'arrangeMeetingRequest', stage: 1 }, SCENES.dispute(), BEFORE_MEETING);
    expect(botBooking.text).toContain('Nothing to arrange: the bot is booking this meeting itself.');
  });
});

describe('meeting cancelled (decision and monitoring channels)', () => {
  test('the partners now agree, so the meeting at its time is cancelled; the decision and what follows', () => {
    const { card, text } = render({ kind: 'meetingCancelled', stage: 1 }, SCENES.meetingCancelled(), '2026-06-09T16:30:00Z', { recipient: DECISION });
    expect(text).toContain("Partners' meeting: cancelled");
    expect(text).toContain("The partners now agree, so the partners' meeting (10:00 to 10:30 on Wednesday 10 June) is cancelled.");
    expect(text).toContain('Cancelled at 17:00 on Tuesday 9 June.');
    expect(text).toContain('Decision: **notify the Panel**, recorded at 17:00 on Tuesday 9 June.');
    expect(text).toContain('The local authority notifies the Child Safeguarding Practice Review Panel by **17:00 on Friday 12 June**');
    // The bot withdrew its own invitation; there is nothing for the business unit to do.
    expect(text).not.toContain('cancel the invitation');
    expect(openUrls(card)).toEqual([]);
    expect(verbs(card)).toEqual(['case.history']);
  });

  test('a meeting arranged by hand: the business unit must withdraw the invitation itself', () => {
    const events = play(SCENES.meetingArranged(), DO.reply(PEOPLE.police, 'agree', 'Having read the chronology, we agree.', T.policeChangedMind));
    const { text } = render({ kind: 'meetingCancelled', stage: 1 }, events, '2026-06-09T16:30:00Z');
    expect(text).toContain('It was arranged by hand by Billie Business (business unit): the business unit, please cancel the invitation too.');
  });

  test('rendered for a meeting that was not cancelled, it says so', () => {
    const { text } = render({ kind: 'meetingCancelled', stage: 1 }, SCENES.meetingBooked(), BEFORE_MEETING);
    expect(text).toContain('This meeting has not been cancelled.');
    expect(text).toContain("Partners' meeting: **10:00 to 10:30 on Wednesday 10 June**.");
  });
});
