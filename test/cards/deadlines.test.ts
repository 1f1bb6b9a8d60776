import { describe, expect, test } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { CardSpec, Recipient } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import { assertValidCard, executeActions, inputsById, visibleText } from '../support/validateCard.js';
import { CASE_REF, DO, PEOPLE, SCENES, play, sampleConfig, stateOf } from '../support/sampleConfig.js';

const MONITORING: Recipient = { kind: 'conversation', target: 'monitoring' };
const person = (p: { aadObjectId: string }): Recipient => ({ kind: 'person', aadObjectId: p.aadObjectId });

const render = (spec: CardSpec, events: CaseEvent[], now: string, recipient: Recipient) => {
  const c = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient });
  assertValidCard(c);
  return { card: c, text: visibleText(c).join('\n') };
};

describe('reminders', () => {
  test('initial view: what is outstanding, by when, and that the business unit will be told', () => {
    const { card, text } = render({ kind: 'reminder', about: 'initialView' }, SCENES.awaitingInitialView(), '2026-06-08T14:00:00Z', person(PEOPLE.chair));
    expect(text).toContain('by 10:00 on Tuesday 9 June');
    expect(text).toContain('Casey Chair (review group chair)');
    expect(text).toContain('the business unit will be told');
    expect(executeActions(card)[0]).toEqual({ title: 'Give the initial view', verb: 'case.show', data: { caseRef: CASE_REF, card: 'initialViewRequest' } });
    expect(inputsById(card).size).toBe(0);
  });

  test('partner reply: names the recipient’s partner, the deadline, and that no reply counts as agreement', () => {
    const { card, text } = render({ kind: 'reminder', about: 'partnerReply' }, SCENES.awaitingReplies(), '2026-06-09T09:00:00Z', person(PEOPLE.healthDeputy));
    expect(text).toContain('A reply for Health (ICB) is still outstanding');
    expect(text).not.toContain('Police');
    expect(text).toContain('by 15:00 on Tuesday 9 June');
    expect(text).toContain('No reply by then counts as agreement with the initial view.');
    expect(text).toContain('SIN partner decisions');
    expect(executeActions(card)[0]).toMatchObject({ verb: 'case.show', data: { caseRef: CASE_REF, card: 'partnerDecision' } });
  });

  test('partner reply: nothing outstanding once that partner has replied or the decision is made', () => {
    const replied = render({ kind: 'reminder', about: 'partnerReply' }, SCENES.policeAgreed(), '2026-06-09T09:00:00Z', person(PEOPLE.policeDeputy));
    expect(replied.text).toContain('Nothing outstanding');
    expect(executeActions(replied.card).map((a) => a.verb)).toEqual(['case.history']);
    const decided = render({ kind: 'reminder', about: 'partnerReply' }, SCENES.decidedNotify(), '2026-06-09T16:00:00Z', person(PEOPLE.health));
    expect(decided.text).toContain('Nothing outstanding: the decision (notify the Panel) was recorded at 15:00 on Tuesday 9 June.');
  });

  test('panel notification: the deadline, and that the monitoring channel will be told it is overdue', () => {
    const { card, text } = render({ kind: 'reminder', about: 'panelNotification' }, SCENES.decidedNotify(), '2026-06-10T09:00:00Z', person(PEOPLE.laDeputy));
    expect(text).toContain('must be notified **by 17:00 on Friday 12 June**');
    expect(text).toContain('08:30 on Monday 8 June');
    expect(text).toContain('the monitoring channel will be told it is overdue');
    expect(executeActions(card)[0]).toMatchObject({ verb: 'case.show', data: { card: 'panelNotificationRequest' } });
    const done = render({ kind: 'reminder', about: 'panelNotification' }, SCENES.panelNotified(), '2026-06-10T12:00:00Z', person(PEOPLE.laDeputy));
    expect(done.text).toContain('Nothing outstanding');
  });

  test('initial view reminder after the view was given says nothing is outstanding', () => {
    const { text } = render({ kind: 'reminder', about: 'initialView' }, SCENES.awaitingReplies(), '2026-06-08T16:00:00Z', person(PEOPLE.chair));
    expect(text).toContain("Nothing outstanding: the initial view was given by Dana Director (children's services director) at 15:00 on Monday 8 June.");
  });
});

describe('overdue alerts in the monitoring channel', () => {
  test('initial view: overdue since when, and who is expected to act', () => {
    const { text } = render({ kind: 'overdue', about: 'initialView' }, play(SCENES.awaitingInitialView(), DO.sweep('2026-06-09T09:00:00.000Z')), '2026-06-09T09:00:05Z', MONITORING);
    expect(text).toContain('overdue since **10:00 on Tuesday 9 June**');
    expect(text).toContain("Expected from Casey Chair (review group chair) and Dana Director (children's services director), together.");
  });

  test('panel notification: overdue since when, and the local authority people expected to act', () => {
    const { text } = render({ kind: 'overdue', about: 'panelNotification' }, play(SCENES.decidedNotify(), DO.sweep('2026-06-12T16:00:00.000Z')), '2026-06-12T16:00:05Z', MONITORING);
    expect(text).toContain('overdue since **17:00 on Friday 12 June**');
    expect(text).toContain('Expected from the local authority: Dana Director (representative) or a deputy: Lee Deputy.');
  });

  test('rendered after the late action, it says it was done and by whom', () => {
    const { text } = render({ kind: 'overdue', about: 'initialView' }, SCENES.awaitingReplies(), '2026-06-09T12:00:00Z', MONITORING);
    expect(text).toContain('Update: the initial view (due by 10:00 on Tuesday 9 June) was given by Dana Director');
  });
});
