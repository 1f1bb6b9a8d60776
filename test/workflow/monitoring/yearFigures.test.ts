import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import type { CaseEvent } from '../../../workflow/events.js';
import { reportingYear, yearFigures } from '../../../workflow/monitoring/yearFigures.js';
import { DOCUMENT_URL } from '../../support/sampleConfig.js';

/** The yearly report's figures: which year an event falls in (London time), and how decisions were reached. */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
const bot = { aadObjectId: 'aad-x', displayName: 'X' };

describe('the reporting year (1 April to 31 March by default, London time)', () => {
  it.each([
    ['22 November 2026: 1 April 2026 to 31 March 2027', '2026-11-22T12:00:00.000Z', 4, 0, '2026-03-31T23:00:00.000Z', '1 April 2026 to 31 March 2027'],
    ['31 March 2027 23:30 BST is still that year', '2027-03-31T22:30:00.000Z', 4, 0, '2026-03-31T23:00:00.000Z', '1 April 2026 to 31 March 2027'],
    ['1 April 2027 00:30 BST (31 March 23:30 UTC) is the next year', '2027-03-31T23:30:00.000Z', 4, 0, '2027-03-31T23:00:00.000Z', '1 April 2027 to 31 March 2028'],
    ['the year before', '2026-11-22T12:00:00.000Z', 4, -1, '2025-03-31T23:00:00.000Z', '1 April 2025 to 31 March 2026'],
    ['a partnership reporting by calendar year (January, GMT)', '2026-11-22T12:00:00.000Z', 1, 0, '2026-01-01T00:00:00.000Z', '1 January 2026 to 31 December 2026'],
  ])('%s', (_sentence, now, month, offset, from, label) => {
    const year = reportingYear(new Date(now), month, offset);
    expect(year.from.toISOString()).toBe(from);
    expect(year.label).toBe(label);
  });
});

const logged = (ref: string, at: string): CaseEvent =>
  ({
    type: 'ReferralLogged',
    at,
    by: bot,
    referral: { caseRef: ref, referringAgency: 'Police', awareAt: at, harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL },
    initialViewDueAt: at,
    panelNotificationDueAt: at,
  }) as CaseEvent;
const decided = (at: string, basis: 'partnersAgreed' | 'meetingAgreed' | 'finalDecision', decision: 'notify' | 'doNotNotify' = 'notify') => ({ type: 'DecisionReached', at, decision, basis }) as CaseEvent;
const deemed = (at: string) => ({ type: 'AgreementDeemed', at, partner: 'police', windowClosedAt: at }) as CaseEvent;
const notified = (at: string, sentAt: string) => ({ type: 'PanelNotificationConfirmed', at, by: bot, sentAt, panelReference: 'P-1' }) as CaseEvent;
const completed = (at: string, onTime: boolean) => ({ type: 'RapidReviewCompleted', at, by: bot, lcsprNeeded: false, rationale: 'r', sentAt: at, onTime }) as CaseEvent;

describe('the figures for 1 April 2026 to 31 March 2027', () => {
  const year = reportingYear(new Date('2026-11-22T12:00:00.000Z'), 4);
  const histories: CaseEvent[][] = [
    // Referred in March (last year), decided in April (this year) after 1 working day... counted as this year's decision.
    [logged('RR-2026-001', '2026-03-31T09:00:00.000Z'), decided('2026-04-01T09:00:00.000Z', 'partnersAgreed')],
    // Wednesday 09:00 to Thursday 09:00: 1 working day; a deemed agreement.
    [logged('RR-2026-002', '2026-05-06T08:00:00.000Z'), deemed('2026-05-07T08:00:00.000Z'), decided('2026-05-07T08:00:00.000Z', 'partnersAgreed'), notified('2026-05-08T08:00:00.000Z', '2026-05-08T07:00:00.000Z'), completed('2026-05-29T08:00:00.000Z', true)],
    // Stage 1 after 2 working days.
    [logged('RR-2026-003', '2026-06-01T08:00:00.000Z'), decided('2026-06-03T08:00:00.000Z', 'meetingAgreed', 'doNotNotify')],
    // Stage 2 after 3 working days, then re-opened and decided again at stage 2: counted once.
    [logged('RR-2026-004', '2026-07-06T08:00:00.000Z'), decided('2026-07-08T08:00:00.000Z', 'partnersAgreed'), decided('2026-07-09T08:00:00.000Z', 'finalDecision'), completed('2026-08-20T08:00:00.000Z', false)],
    // Referred this year, not decided yet.
    [logged('RR-2026-005', '2026-11-20T10:00:00.000Z')],
    // Everything in next year.
    [logged('RR-2027-001', '2027-04-02T08:00:00.000Z'), decided('2027-04-02T09:00:00.000Z', 'partnersAgreed')],
  ];

  it('counts referrals, notifications, decisions by route and rapid reviews on time', () => {
    const f = yearFigures(histories, year, calendar);
    expect(f.referrals).toBe(4);
    expect(f.notifications).toBe(1);
    expect(f.decisions).toEqual({ total: 4, byAgreement: 1, deemedAgreement: 1, stage1: 1, stage2: 1 });
    expect(f.rapidReviews).toEqual({ completed: 2, onTime: 1, notHeld: 0 });
    // Timeliness is awareness to notification, not referral to decision: the one notification was
    // sent at 08:00 BST Friday, aware since 09:00 Wednesday: 2 working days.
    expect(f.medianWorkingDaysAwarenessToNotification).toBe(2);
  });

  it('a year with no notifications has no median, not a zero', () => {
    const f = yearFigures([[logged('RR-2026-009', '2026-11-20T10:00:00.000Z')]], year, calendar);
    expect(f.medianWorkingDaysAwarenessToNotification).toBeUndefined();
    expect(f.referrals).toBe(1);
  });
});
