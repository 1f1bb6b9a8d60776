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
