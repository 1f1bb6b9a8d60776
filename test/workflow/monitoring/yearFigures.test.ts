import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import type { CaseEvent } from '../../../workflow/events.js';
import { reportingYear, yearFigures } from '../../../workflow/monitoring/yearFigures.js';
import { DOCUMENT_URL, PEOPLE, SCENES, sampleConfig } from '../../support/sampleConfig.js';
import { createDecider } from '../../../workflow/decide.js';
import { ownerName } from '../../../workflow/actions/owners.js';
import type { ActionOwner } from '../../../workflow/actions/schemas.js';
import type { CaseCommand } from '../../../workflow/commands.js';
import { commandRunner } from '../../support/runCommands.js';

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

describe("issue 17: the year's learning events and actions by agency, at fixed instants", () => {
  const run = commandRunner(createDecider(sampleConfig, calendar));
  const business = { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName };
  const reportLate = () => run([[{ type: 'RecordLearningEventReport', actor: business, documentUrl: 'https://documents.example.org/sites/cases/RR-2026-014/report.docx' }, '2026-10-13T10:00:00.000Z']], SCENES.learningEventOverdue()).events;
  const thisYear = reportingYear(new Date('2026-11-22T12:00:00.000Z'), 4);
  const lastYear = reportingYear(new Date('2026-11-22T12:00:00.000Z'), 4, -1);
  const named = (now: string) => ({ now: new Date(now), ownerName: (o: ActionOwner) => ownerName(sampleConfig, o) });

  it.each([
    ['two learning events, one report on time and one late', [SCENES.learningEventReportReady(), reportLate()], thisYear, '2026-11-22T12:00:00.000Z', { completed: 2, withinFourMonths: 1 }],
    ['a learning event still under way completes nothing', [SCENES.learningEventSetUp()], thisYear, '2026-11-22T12:00:00.000Z', { completed: 0, withinFourMonths: 0 }],
    ['the year before: nothing', [SCENES.learningEventReportReady()], lastYear, '2026-11-22T12:00:00.000Z', { completed: 0, withinFourMonths: 0 }],
  ])('learning events: %s', (_sentence, histories, year, now, expected) => {
    expect(yearFigures(histories, year, calendar, named(now)).learningEvents).toEqual(expected);
  });

  it.each([
    // Tuesday 1 September 2026: the GP action (due Friday 28 August) overdue, the police action (due 15 September) open.
    ['1 September: one overdue, one open', [SCENES.actionOverdue()], thisYear, '2026-09-01T08:00:00.000Z', '2026-09-01T08:00:00.000Z', [{ owner: 'GP practice', open: 1, overdue: 1, closed: 0 }, { owner: 'Police', open: 1, overdue: 0, closed: 0 }]],
    // The GP action completed (evidence given) on 2 September: awaiting impact, open but no longer overdue.
    ['2 September, the GP completion evidenced: open, not overdue', [SCENES.actionCompleted()], thisYear, '2026-09-02T10:00:00.000Z', '2026-09-02T10:00:00.000Z', [{ owner: 'GP practice', open: 1, overdue: 0, closed: 0 }, { owner: 'Police', open: 1, overdue: 0, closed: 0 }]],
    ['8 September: both closed in the year', [SCENES.actionsClosed()], thisYear, '2026-09-08T10:00:00.000Z', '2026-09-08T10:00:00.000Z', [{ owner: 'GP practice', open: 0, overdue: 0, closed: 1 }, { owner: 'Police', open: 0, overdue: 0, closed: 1 }]],
    // Asked during the next year: the position at 31 March 2027 23:59:59.999 BST, when both were past due.
    ['a year gone by: the position at its end', [SCENES.actionOverdue()], thisYear, '2027-06-01T10:00:00.000Z', '2027-03-31T22:59:59.999Z', [{ owner: 'GP practice', open: 1, overdue: 1, closed: 0 }, { owner: 'Police', open: 1, overdue: 1, closed: 0 }]],
    ['the year before the actions were agreed: none', [SCENES.actionsClosed()], lastYear, '2026-09-08T10:00:00.000Z', '2026-03-31T22:59:59.999Z', []],
  ])('actions by agency: %s', (_sentence, histories, year, now, asOf, expected) => {
    const f = yearFigures(histories, year, calendar, named(now));
    expect(f.actionsAsOf).toBe(asOf);
    expect(f.actionsByOwner).toEqual(expected);
  });
});

describe("issue 17: the year's local reviews", () => {
  const run = commandRunner(createDecider(sampleConfig, calendar));
  const bu = { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName };
  const commission = (at: string): [CaseCommand, string] => [
    { type: 'CommissionLocalReviewer', actor: bu, reviewerName: 'Reviewer One', reviewerKind: 'external', independence: 'Not worked for a partnership agency in five years.', conflicts: 'None declared.', methodology: ['systemsMethodology'], termsOfReferenceUrl: 'https://documents.example.org/sites/cases/RR-2026-014/tor.docx', familyEngagementPlanned: true, practitionerEngagementPlanned: true },
    at,
  ];
  const publish = (date: string, at: string): [CaseCommand, string] => [{ type: 'RecordLocalReviewPublished', actor: bu, publishedDate: date, url: 'https://partnership.example.org/reviews/lcspr.pdf' }, at];
  const thisYear = reportingYear(new Date('2026-11-22T12:00:00.000Z'), 4);
  const nextYear = reportingYear(new Date('2027-11-22T12:00:00.000Z'), 4);
  // Decided Tuesday 30 June 2026: published on time by 30 December 2026.
  const commissionedTwice = () => {
    const played = run([commission('2026-07-20T10:00:00.000Z'), commission('2026-08-03T10:00:00.000Z')], SCENES.lcsprDecided());
    expect(played.events.filter((e) => e.type === 'LocalReviewCommissioned')).toHaveLength(2);
    return played.events;
  };
  const publishedOnTime = () => {
    const approved: [CaseCommand, string] = [{ type: 'RecordLocalReviewMilestone', actor: bu, milestone: 'executiveApproval', doneDate: '2026-12-01', publish: true }, '2026-12-01T10:00:00.000Z'];
    const ratified: [CaseCommand, string] = [{ type: 'RecordLocalReviewMilestone', actor: bu, milestone: 'boardRatification', doneDate: '2026-12-09' }, '2026-12-09T16:00:00.000Z'];
    const played = run([commission('2026-07-20T10:00:00.000Z'), approved, ratified, publish('2026-12-16', '2026-12-16T12:00:00.000Z')], SCENES.lcsprDecided());
    // Every step accepted: the figures are of a review that really ran.
    expect(played.decisions.map((d) => (d.ok ? 'ok' : d.refusal))).toEqual(['ok', 'ok', 'ok', 'ok']);
    return played.events;
  };
  // Publication planned for 20 January 2027 (approved): published then, past the six months, still in the 2026-27 reporting year.
  const publishedLate = () => run([publish('2027-01-20', '2027-01-20T12:00:00.000Z')], SCENES.localReviewApproved()).events;
  // Published on Tuesday 30 March 2027 (the 2026-27 year), recorded on Friday 2 April 2027 (the 2027-28 year).
  const publishedRecordedLater = () => {
    const played = run([publish('2027-03-30', '2027-04-02T10:00:00.000Z')], SCENES.localReviewApproved());
    expect(played.decisions.map((d) => (d.ok ? 'ok' : d.refusal))).toEqual(['ok']);
    return played.events;
  };
  const decidedOnly = () => SCENES.lcsprDecided();
  // Decided in June 2026; the reviewer appointed only in April 2027, the next reporting year.
  const appointedNextYear = () => {
    const played = run([commission('2027-04-06T10:00:00.000Z')], SCENES.lcsprDecided());
    expect(played.last.ok).toBe(true);
    return played.events;
  };

  it.each([
    // "Commissioned" counts the partners' decision to hold the review (LocalReviewOpened), in the year of the decision.
    ['commissioned again with a new reviewer: one review', [commissionedTwice()], thisYear, { commissioned: 1, published: 0, publishedOnTime: 0 }],
    ['one published on time, one late, one decided with no reviewer yet: three decided', [publishedOnTime(), publishedLate(), decidedOnly()], thisYear, { commissioned: 3, published: 2, publishedOnTime: 1 }],
    ['the reviewer appointed the next year: counted in the year of the decision', [appointedNextYear()], thisYear, { commissioned: 1, published: 0, publishedOnTime: 0 }],
    ['and not in the year of the appointment', [appointedNextYear()], nextYear, { commissioned: 0, published: 0, publishedOnTime: 0 }],
    ['the next year: nothing of these', [publishedOnTime(), publishedLate()], nextYear, { commissioned: 0, published: 0, publishedOnTime: 0 }],
    ['published 30 March, recorded 2 April: counted in the year of the publication date', [publishedRecordedLater()], thisYear, { commissioned: 1, published: 1, publishedOnTime: 0 }],
    ['and not in the year it was recorded', [publishedRecordedLater()], nextYear, { commissioned: 0, published: 0, publishedOnTime: 0 }],
  ])('%s', (_sentence, histories, year, expected) => {
    for (const h of histories) expect(h.filter((e) => e.type === 'LocalReviewOpened')).toHaveLength(1);
    expect(yearFigures(histories, year, calendar).localReviews).toEqual(expected);
  });
});
