import { describe, expect, test } from 'vitest';
import { agencyIdsOf, CardActionSchema, VERB_DATA_SCHEMAS, VERBS } from '../../cards/verbs.js';

/** What Teams puts in `activity.value.action` for an Action.Execute. */
const invoke = (verb: string, data: Record<string, string>) => ({ type: 'Action.Execute', verb, data });

describe('card action schemas', () => {
  test('the union is the verb map: every verb parses, and a verb the map does not know is refused', () => {
    for (const verb of VERBS) {
      const result = CardActionSchema.safeParse(invoke(verb, {}));
      // Empty data fails most schemas, but on the data, never on the verb.
      if (!result.success) expect(result.error.issues.every((i) => i.path[0] === 'data'), verb).toBe(true);
    }
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
        abuseOrNeglect: 'suspected',
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
        abuseOrNeglect: 'suspected',
        // Not on an older form: read as "not a care leaver".
        careLeaver: 'no',
      },
    });
  });

  test('choices are strict: a value the card never offered is refused', () => {
    const base = { caseRef: 'RR-2026-014', rationale: 'x' };
    expect(CardActionSchema.safeParse(invoke('initialView.submit', { ...base, view: 'maybe' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('initialView.submit', { ...base })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('nextStep.submit', { ...base, step: 'closeIt' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('case.show', { caseRef: 'RR-2026-014', card: 'reminder' })).success).toBe(false);
    const referral = { caseRef: 'RR-2026-014', referringAgency: 'Police', awareDate: '2026-06-08', awareTime: '08:30', harm: 'death', location: 'inArea', abuseOrNeglect: 'known', documentUrl: '' };
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'false' })).success).toBe(true);
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'yes' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'false', abuseOrNeglect: 'perhaps' })).success).toBe(false);
    expect(CardActionSchema.safeParse(invoke('referral.submit', { ...referral, lookedAfter: 'false', careLeaver: 'aged25' })).success).toBe(false);
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

describe('rapid review verbs (DOMAIN "The rapid review and scoping returns")', () => {
  const ref = { caseRef: 'RR-2026-014' };
  const ok = (verb: string, data: Record<string, string>) => CardActionSchema.safeParse(invoke(verb, data)).success;

  test('review.setup: meeting date and time, the agencies as a multi-select sends them, an optional return date and toggle', () => {
    const full = { ...ref, meetingDate: '2026-06-30', meetingTime: '10:00', agencies: 'education,gp,probation', returnsDate: '2026-06-19', includeDomesticAbuse: 'true' };
    expect(CardActionSchema.parse(invoke('review.setup', full))).toEqual({ verb: 'review.setup', data: full });
    // The return date is optional: empty or absent means the default.
    expect(ok('review.setup', { ...full, returnsDate: '' })).toBe(true);
    const { returnsDate: _r, includeDomesticAbuse: _d, ...minimal } = full;
    expect(CardActionSchema.parse(invoke('review.setup', minimal)).data).toEqual(minimal);
    expect(ok('review.setup', { ...full, meetingTime: '10:00:00' })).toBe(true);
    // Nothing ticked reaches the procedure, which asks for an agency in words.
    expect(CardActionSchema.parse(invoke('review.setup', { ...minimal, agencies: '' })).data).toMatchObject({ agencies: '' });
    expect(CardActionSchema.parse(invoke('review.setup', { ...ref, meetingDate: '2026-06-30', meetingTime: '10:00' })).data).toMatchObject({ agencies: '' });
    expect(ok('review.setup', { ...full, agencies: 'education, gp' })).toBe(false);
    expect(ok('review.setup', { ...full, agencies: 'Education' })).toBe(false);
    expect(ok('review.setup', { ...full, returnsDate: '19/06/2026' })).toBe(false);
    expect(ok('review.setup', { ...full, includeDomesticAbuse: 'yes' })).toBe(false);
    expect(ok('review.setup', { ...full, meetingDate: '' })).toBe(false);
  });

  test('agencyIdsOf: the ids in the order chosen, each once', () => {
    expect(agencyIdsOf('education,gp,education')).toEqual(['education', 'gp']);
    expect(agencyIdsOf('')).toEqual([]);
  });

  test('scoping.return, scoping.noInvolvement and scoping.extension carry the agency; empty text reaches the procedure', () => {
    const agency = { ...ref, agency: 'gp' };
    expect(CardActionSchema.parse(invoke('scoping.return', { ...agency, documentUrl: ' https://documents.example.org/x.docx ' })).data).toEqual({
      ...agency,
      documentUrl: 'https://documents.example.org/x.docx',
    });
    expect(CardActionSchema.parse(invoke('scoping.return', agency)).data).toEqual({ ...agency, documentUrl: '' });
    expect(CardActionSchema.parse(invoke('scoping.noInvolvement', agency)).data).toEqual(agency);
    expect(CardActionSchema.parse(invoke('scoping.extension', { ...agency, proposedDate: '2026-06-24' })).data).toEqual({ ...agency, reason: '', proposedDate: '2026-06-24' });
    expect(ok('scoping.noInvolvement', ref)).toBe(false);
    expect(ok('scoping.noInvolvement', { ...ref, agency: 'GP Practice' })).toBe(false);
    expect(ok('scoping.extension', { ...agency, reason: 'x' })).toBe(false);
  });

  test('extension.decide: agree or decline only', () => {
    for (const decision of ['agree', 'decline']) expect(ok('extension.decide', { ...ref, agency: 'gp', decision })).toBe(true);
    expect(ok('extension.decide', { ...ref, agency: 'gp', decision: 'maybe' })).toBe(false);
    expect(ok('extension.decide', { ...ref, agency: 'gp' })).toBe(false);
  });

  test('review.attendance and review.outcome: yes or no, the partners present, and the recommendation', () => {
    expect(ok('review.attendance', { ...ref, attending: 'yes' })).toBe(true);
    expect(ok('review.attendance', { ...ref, attending: 'true' })).toBe(false);
    const outcome = { ...ref, attended: 'localAuthority,police,health', invitedAttended: 'da-service', lcsprRecommended: 'no', rationale: 'x' };
    expect(CardActionSchema.parse(invoke('review.outcome', outcome)).data).toEqual(outcome);
    const { rationale: _typed, ...untyped } = outcome;
    expect(CardActionSchema.parse(invoke('review.outcome', untyped)).data).toMatchObject({ rationale: '' });
    expect(ok('review.outcome', { ...outcome, lcsprRecommended: 'maybe' })).toBe(false);
    expect(ok('review.outcome', { ...outcome, attended: 'police,probation' })).toBe(false);
    expect(ok('review.sent', { ...ref, sentDate: '2026-06-30', sentTime: '14:00', dfeDate: '2026-06-30', dfeTime: '2pm' })).toBe(false);
    expect(ok('lcspr.decide', { ...ref, lcspr: 'perhaps', rationale: 'x' })).toBe(false);
  });

  test('case.show can ask for the rapid review cards that need no agency, never for one that does', () => {
    for (const card of ['rapidReviewSetup', 'rapidReviewBoard', 'attendanceRequest', 'papersPrompt', 'rapidReviewOutcomeRequest', 'rapidReviewCompleted']) {
      expect(ok('case.show', { ...ref, card })).toBe(true);
    }
    for (const card of ['scopingRequest', 'scopingChaser', 'scopingOverdue', 'extensionDecisionRequest', 'extensionAnswer']) expect(ok('case.show', { ...ref, card })).toBe(false);
  });
});
