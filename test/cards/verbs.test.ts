import { describe, expect, test } from 'vitest';
import { CardActionSchema, VERB_DATA_SCHEMAS, VERBS } from '../../cards/verbs.js';

/** What Teams puts in `activity.value.action` for an Action.Execute. */
const invoke = (verb: string, data: Record<string, string>) => ({ type: 'Action.Execute', verb, data });

describe('card action schemas', () => {
  test('every verb is in the union and the union knows no other', () => {
    for (const verb of VERBS) {
      const option = CardActionSchema.options.find((o) => o.shape.verb.value === verb);
      expect(option, verb).toBeDefined();
    }
    expect(CardActionSchema.options).toHaveLength(VERBS.length);
    expect(CardActionSchema.safeParse(invoke('case.delete', { caseRef: 'RR-2026-014' })).success).toBe(false);
  });

  test('a referral as the form sends it', () => {
    const parsed = CardActionSchema.parse(
      invoke('referral.submit', {
        caseRef: 'RR-2026-014',
        referringAgency: 'Police',
        awareDate: '2026-06-08',
        awareTime: '08:30',
        harm: 'seriousHarm',
        location: 'inArea',
        lookedAfter: 'true',
        documentUrl: 'https://documents.example.org/x.docx',
      }),
    );
    expect(parsed).toEqual({
      verb: 'referral.submit',
      data: {
        caseRef: 'RR-2026-014',
        referringAgency: 'Police',
        awareDate: '2026-06-08',
        awareTime: '08:30',
        harm: 'seriousHarm',
        location: 'inArea',
        lookedAfter: 'true',
        documentUrl: 'https://documents.example.org/x.docx',
      },
    });
  });

  test('choices are strict: a value the card never offered is refused', () => {
    const base = { caseRef: 'RR-2026-014', rationale: 'x' };
    expect(CardActionSchema.safeParse(invoke('initialView.submit', { ...base, view: 'maybe' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('initialView.submit', { ...base })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('nextStep.submit', { ...base, step: 'closeIt' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('case.show', { caseRef: 'RR-2026-014', card: 'reminder' })).success).toBe(false);
    const referral = { caseRef: 'RR-2026-014', referringAgency: 'Police', awareDate: '2026-06-08', awareTime: '08:30', harm: 'death', location: 'inArea', documentUrl: '' };
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'yes' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'false', harm: 'minorHarm' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'false', awareDate: '08/06/2026' })).success).toBe(false);
  });

  test('empty free text, omitted or "", reaches the procedure, which says what is missing', () => {
    expect(CardActionSchema.parse(invoke('partner.agree', { caseRef: 'RR-2026-014' })).data).toEqual({ caseRef: 'RR-2026-014' });
    expect(CardActionSchema.parse(invoke('partner.agree', { caseRef: 'RR-2026-014', comment: '' })).data).toEqual({ caseRef: 'RR-2026-014', comment: '' });
    expect(CardActionSchema.parse(invoke('partner.disagree', { caseRef: 'RR-2026-014' })).data).toEqual({ caseRef: 'RR-2026-014', rationale: '' });
    expect(CardActionSchema.parse(invoke('initialView.submit', { caseRef: 'RR-2026-014', view: 'notify' })).data).toEqual({
      caseRef: 'RR-2026-014',
      view: 'notify',
      rationale: '',
    });
    expect(CardActionSchema.parse(invoke('panel.confirm', { caseRef: 'RR-2026-014', sentDate: '2026-06-10', sentTime: '10:45' })).data).toMatchObject({ panelReference: '' });
  });

  test('a rationale over 2,000 characters passes here so the procedure can say how long it is', () => {
    const long = 'a'.repeat(2_500);
    expect(CardActionSchema.parse(invoke('partner.disagree', { caseRef: 'RR-2026-014', rationale: long })).data).toEqual({ caseRef: 'RR-2026-014', rationale: long });
  });

  test('no schema has a place for the clicker: an identity in card data is dropped', () => {
    for (const schema of Object.values(VERB_DATA_SCHEMAS)) {
      for (const key of Object.keys(schema.shape)) expect(key).not.toMatch(/aad|user|actor|email|from|^by$|name/i);
    }
    const parsed = CardActionSchema.parse({ verb: 'case.export', data: { caseRef: 'RR-2026-014', aadObjectId: 'someone-else' } });
    expect(parsed.data).toEqual({ caseRef: 'RR-2026-014' });
  });

  test('Input.Time with seconds is accepted; other shapes are not', () => {
    const ok = (t: string) => CardActionSchema.safeParse(invoke('panel.confirm', { caseRef: 'R', sentDate: '2026-06-10', sentTime: t, panelReference: 'P' })).success;
    expect(ok('10:45')).toBe(true);
    expect(ok('10:45:00')).toBe(true);
    expect(ok('25:00')).toBe(false);
    expect(ok('10.45')).toBe(false);
  });
});

describe('dispute verbs (DOMAIN steps 5-6)', () => {
  const ref = { caseRef: 'RR-2026-014' };

  test('meeting.arrange: stage, date and time as the inputs send them; the join link is optional', () => {
    const full = { ...ref, stage: '1', date: '2026-06-10', time: '10:00', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' };
    expect(CardActionSchema.parse(invoke('meeting.arrange', full))).toEqual({ verb: 'meeting.arrange', data: full });
    expect(CardActionSchema.parse(invoke('meeting.arrange', { ...ref, stage: '2', date: '2026-06-11', time: '09:30:00' })).data).toEqual({
      ...ref,
      stage: '2',
      date: '2026-06-11',
      time: '09:30:00',
    });
    // An empty link reaches the procedure as "", which means none.
    expect(CardActionSchema.parse(invoke('meeting.arrange', { ...full, joinUrl: '' })).data).toMatchObject({ joinUrl: '' });
    const ok = (data: Record<string, string>) => CardActionSchema.safeParse(invoke('meeting.arrange', { ...full, ...data })).success;
    expect(ok({ stage: '3' })).toBe(false);
    expect(ok({ stage: '' })).toBe(false);
    expect(ok({ date: '10/06/2026' })).toBe(false);
    expect(ok({ time: '25:00' })).toBe(false);
    expect(CardActionSchema.safeParse(invoke('meeting.arrange', { ...ref, stage: '1', time: '10:00' })).success).toBe(false);
  });

  test('dispute.outcome: the three outcomes only; an empty rationale reaches the procedure', () => {
    for (const outcome of ['agreedNotify', 'agreedDoNotNotify', 'notResolved']) {
      expect(CardActionSchema.safeParse(invoke('dispute.outcome', { ...ref, outcome, rationale: 'x' })).success).toBe(true);
    }
    expect(CardActionSchema.safeParse(invoke('dispute.outcome', { ...ref, outcome: 'agreed', rationale: 'x' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('dispute.outcome', { ...ref, rationale: 'x' })).success).toBe(false);
    expect(CardActionSchema.parse(invoke('dispute.outcome', { ...ref, outcome: 'notResolved' })).data).toEqual({ ...ref, outcome: 'notResolved', rationale: '' });
  });

  test('decision.final: notify or not, and the toggle’s two values only', () => {
    const base = { ...ref, decision: 'notify', rationale: 'x', scrutineerAttended: 'true' };
    expect(CardActionSchema.parse(invoke('decision.final', base)).data).toEqual(base);
    expect(CardActionSchema.safeParse(invoke('decision.final', { ...base, scrutineerAttended: 'false' })).success).toBe(true);
    expect(CardActionSchema.safeParse(invoke('decision.final', { ...base, scrutineerAttended: 'yes' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('decision.final', { ...ref, decision: 'notify', rationale: 'x' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('decision.final', { ...base, decision: 'escalate' })).success).toBe(false);
    expect(CardActionSchema.parse(invoke('decision.final', { ...ref, decision: 'doNotNotify', scrutineerAttended: 'false' })).data).toMatchObject({ rationale: '' });
  });

  test('decision.reopen: a reason, empty if omitted, so the procedure can ask for one', () => {
    expect(CardActionSchema.parse(invoke('decision.reopen', { ...ref, reason: 'New evidence.' })).data).toEqual({ ...ref, reason: 'New evidence.' });
    expect(CardActionSchema.parse(invoke('decision.reopen', ref)).data).toEqual({ ...ref, reason: '' });
  });

  test('case.show can ask for the new cards that need no stage, never for a stage-parameterised one', () => {
    for (const card of ['meetingOutcomeRequest', 'disputeEscalated', 'finalDecisionRequest', 'decisionReopened', 'scrutineerReview']) {
      expect(CardActionSchema.safeParse(invoke('case.show', { ...ref, card })).success).toBe(true);
    }
    for (const card of ['meetingBooked', 'arrangeMeetingRequest', 'meetingCancelled']) {
      expect(CardActionSchema.safeParse(invoke('case.show', { ...ref, card })).success).toBe(false);
    }
  });
});
