import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import { pendingDeadlines } from '../../workflow/deadlines.js';
import { fold } from '../../workflow/state.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { commandRunner } from '../support/runCommands.js';
import { defaultReturnsDue, papersDueFor, workingDayBefore } from '../../workflow/rapidReview/dates.js';

/**
 * The rapid review and its scoping returns (DOMAIN "The rapid review and scoping returns"), as
 * sentences over fixed instants in June 2026 (British Summer Time, UTC+1).
 */

const person = (id: string, displayName: string): Person => ({ aadObjectId: `aad-${id}`, email: `${id}@agency.example.org`, displayName });
const P = {
  school: person('school', 'Sky School'),
  schoolDeputy: person('school-deputy', 'Sid School'),
  schoolHead: person('school-head', 'Hana Head'),
  probation: person('probation', 'Pip Probation'),
  probationLead: person('probation-lead', 'Lou Lead'),
  gp: person('gp', 'Gil GP'),
  gpLead: person('gp-lead', 'Gwen Lead'),
};
const config = PartnershipFileSchema.parse({
  ...sampleConfig,
  agencies: [
    { id: 'education', name: 'Education', contact: P.school, deputies: [P.schoolDeputy], escalation: P.schoolHead, reviewGroup: true },
    { id: 'probation', name: 'Probation', contact: P.probation, escalation: P.probationLead },
    { id: 'gp', name: 'GP practice', contact: P.gp, escalation: P.gpLead, reviewGroup: true },
  ],
});
const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: config.workingHours });
const decide = createDecider(config, calendar);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const tick: CaseCommand = { type: 'Tick' };
const types = (d: Decision) => (d.ok ? d.events.map((e) => e.type) : [`refused: ${d.refusal}`]);
const sends = (d: Decision) => (d.ok ? d.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind}${'agency' in e.card ? `(${e.card.agency})` : ''} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : [])) : []);

const run = commandRunner(decide);

// Notified Tuesday 2 June 10:00 BST: the review is due 15 WD later, Tuesday 23 June 10:00 BST.
const REVIEW_DUE = '2026-06-23T09:00:00.000Z';
const notified = () =>
  run([
    [{ type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, '2026-06-01T09:00:00.000Z'],
    [{ type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm with neglect suspected.' }, '2026-06-01T10:00:00.000Z'],
    [{ type: 'ConcurInitialView', actor: as(PEOPLE.director) }, '2026-06-01T10:00:00.000Z'],
    [{ type: 'RecordPartnerCardPosted', postedAt: '2026-06-01T10:00:00.000Z' }, '2026-06-01T10:00:00.000Z'],
    [{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, '2026-06-01T11:00:00.000Z'],
    [{ type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed on what is known.' }, '2026-06-01T11:00:00.000Z'],
    [{ type: 'ReplyAsPartner', actor: as(PEOPLE.director), reply: 'agree', rationale: 'Agreed on what is known.' }, '2026-06-01T11:00:00.000Z'],
    [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-1' }, '2026-06-02T09:30:00.000Z'],
  ]).events;

// Set up Wednesday 3 June: meeting Tuesday 16 June 10:00 BST, papers Tuesday 9 June, returns by 17:00 Monday 8 June.
const SETUP_AT = '2026-06-03T09:00:00.000Z';
const setup = (overrides: Partial<Extract<CaseCommand, { type: 'SetUpRapidReview' }>> = {}, by: Person = PEOPLE.business): CaseCommand => ({
  type: 'SetUpRapidReview',
  actor: as(by),
  meetingAt: '2026-06-16T09:00:00.000Z',
  agencies: ['education', 'probation', 'gp'],
  ...overrides,
});
const setUp = () => run([[setup(), SETUP_AT]], notified()).events;
const RETURNS_DUE = '2026-06-08T16:00:00.000Z';

describe('opening and setting up the rapid review', () => {
  it('opens with the Panel notification, due 15 working days from it, and asks the business unit to set it up', () => {
    const { state } = run([], notified());
    expect(state.rapidReview).toMatchObject({ notifiedAt: '2026-06-02T09:00:00.000Z', dueAt: REVIEW_DUE });
  });

  it('sets the papers one week before the meeting and returns by the close of the working day before; asks every agency, the partners and the chair', () => {
    const { last, state } = run([[setup(), SETUP_AT]], notified());
    expect(types(last)).toEqual(['RapidReviewSetUp']);
    expect(state.rapidReview?.setup).toMatchObject({ papersDueAt: '2026-06-09T09:00:00.000Z', returnsDueAt: RETURNS_DUE });
    expect(sends(last)).toEqual([
      `scopingRequest(education) -> ${P.school.aadObjectId}`,
      `scopingRequest(education) -> ${P.schoolDeputy.aadObjectId}`,
      `scopingRequest(probation) -> ${P.probation.aadObjectId}`,
      `scopingRequest(gp) -> ${P.gp.aadObjectId}`,
      `attendanceRequest -> ${PEOPLE.director.aadObjectId}`,
      `attendanceRequest -> ${PEOPLE.laDeputy.aadObjectId}`,
      `attendanceRequest -> ${PEOPLE.police.aadObjectId}`,
      `attendanceRequest -> ${PEOPLE.policeDeputy.aadObjectId}`,
      `attendanceRequest -> ${PEOPLE.health.aadObjectId}`,
      `attendanceRequest -> ${PEOPLE.healthDeputy.aadObjectId}`,
      `rapidReviewOutcomeRequest -> ${PEOPLE.chair.aadObjectId}`,
      'rapidReviewBoard -> monitoring',
    ]);
  });

  it.each([
    ['someone outside the business unit', setup({}, PEOPLE.chair), "Only the partnership's business unit can set up the rapid review."],
    ['a meeting after the rapid review deadline', setup({ meetingAt: '2026-06-24T09:00:00.000Z' }), 'after the rapid review deadline (10:00 on Tuesday 23 June)'],
    ['a meeting on a Saturday', setup({ meetingAt: '2026-06-13T09:00:00.000Z' }), 'weekend or bank holiday'],
    ['a meeting in the past', setup({ meetingAt: '2026-06-02T09:00:00.000Z' }), 'must be in the future'],
    // The review-group members are always asked (002 Section B), so an empty choice is not refused; a domestic abuse service that is not configured is.
    ['domestic abuse with no specialist service configured', setup({ domesticAbuse: true }), 'names no specialist domestic abuse service'],
    ['an unknown agency', setup({ agencies: ['police-dept'] }), "not in the partnership's configuration"],
    ['a return date on a Sunday', setup({ returnsDueAt: '2026-06-07T09:00:00.000Z' }), 'The return date falls on a weekend or bank holiday'],
    ['a return date after the review deadline', setup({ returnsDueAt: '2026-06-24T09:00:00.000Z' }), 'after the rapid review deadline'],
  ])('refuses %s, with a reason and nothing recorded', (_s, command, message) => {
    const { last } = run([[command, SETUP_AT]], notified());
    expect(last.ok).toBe(false);
    expect(!last.ok && last.refusal).toContain(message);
  });

  it('warns when the meeting leaves less than a week for papers, and needs a return date then', () => {
    const soon = run([[setup({ meetingAt: '2026-06-08T09:00:00.000Z' }), SETUP_AT]], notified());
    expect(!soon.last.ok && soon.last.refusal).toContain('give a return date');
    const { last } = run([[setup({ meetingAt: '2026-06-08T09:00:00.000Z', returnsDueAt: '2026-06-04T09:00:00.000Z' }), SETUP_AT]], notified());
    expect(last.ok && last.message).toContain('This leaves less than one week for the papers before the meeting.');
  });
});

describe('scoping returns', () => {
  it.each([
    ['someone who is not the agency\'s contact', { type: 'RecordScopingReturn', actor: as(P.probation), agency: 'education', documentUrl: DOCUMENT_URL } as CaseCommand, "Only the agency's scoping contact or a deputy can record its return."],
    ['a link outside the document store', { type: 'RecordScopingReturn', actor: as(P.school), agency: 'education', documentUrl: 'https://mail.example.com/x' } as CaseCommand, "into the partnership's document store"],
    ['an agency that was not asked', { type: 'RecordNoInvolvement', actor: as(P.school), agency: 'probation' } as CaseCommand, 'Only the agency\'s scoping contact'],
  ])('refuses %s, nothing recorded', (_s, command, message) => {
    const { last } = run([[command, '2026-06-04T09:00:00.000Z']], setUp());
    expect(!last.ok && last.refusal).toContain(message);
  });

  it.each([
    ['not a link', 'documents.example.org/x', "must be a link (https://...) into the partnership's document store."],
    ['outside the document store', 'https://mail.example.com/x', "must be a link into the partnership's document store (documents.example.org), starting https://."],
    ['a date of birth in the query', 'https://documents.example.org/doc.aspx?file=DOB%2004-03-2019', 'The document link seems to contain a date of birth.'],
  ])('refuses a return link %s with the words a referral gets for the same link', (_s, link, words) => {
    const { last } = run([[{ type: 'RecordScopingReturn', actor: as(P.school), agency: 'education', documentUrl: link }, '2026-06-04T09:00:00.000Z']], setUp());
    const referral = run([[{ type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: 'RR-2026-099', referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: link } }, '2026-06-04T09:00:00.000Z']]).last;
    expect(!last.ok && last.refusal).toContain(words);
    expect(!referral.ok && referral.refusal).toContain(words);
    expect(!last.ok && last.refusal.replace('The return', 'The referral document')).toBe(!referral.ok && referral.refusal);
  });

  it('records a return by a deputy, a nil return, and refuses a second return', () => {
    const { decisions, state } = run(
      [
        [{ type: 'RecordScopingReturn', actor: as(P.schoolDeputy), agency: 'education', documentUrl: DOCUMENT_URL }, '2026-06-04T09:00:00.000Z'],
        [{ type: 'RecordNoInvolvement', actor: as(P.probation), agency: 'probation' }, '2026-06-04T10:00:00.000Z'],
        [{ type: 'RecordNoInvolvement', actor: as(P.school), agency: 'education' }, '2026-06-04T11:00:00.000Z'],
      ],
      setUp(),
    );
    expect(decisions.map(types)).toEqual([['ScopingReturned'], ['NoInvolvementRecorded'], ["refused: Education's return was already recorded by Sid School."]]);
    expect(state.rapidReview?.agencies.education).toMatchObject({ status: 'returned', returned: { by: { role: 'Education scoping deputy' } } });
    expect(state.rapidReview?.agencies.probation?.status).toBe('noInvolvement');
  });

  it('takes a request for more time to the business unit, whose answer moves the due date and is sent to the agency', () => {
    const ask = (date: string): CaseCommand => ({ type: 'RequestExtension', actor: as(P.gp), agency: 'gp', reason: 'Records are archived off site.', proposedDueAt: date });
    const { decisions, state } = run(
      [
        [ask('2026-06-24T09:00:00.000Z'), '2026-06-04T09:00:00.000Z'],
        [ask('2026-06-13T09:00:00.000Z'), '2026-06-04T09:00:00.000Z'],
        [ask('2026-06-10T09:00:00.000Z'), '2026-06-04T09:00:00.000Z'],
        [{ type: 'DecideExtension', actor: as(PEOPLE.chair), agency: 'gp', agree: true }, '2026-06-04T10:00:00.000Z'],
        [{ type: 'DecideExtension', actor: as(PEOPLE.business), agency: 'gp', agree: true }, '2026-06-04T10:00:00.000Z'],
      ],
      setUp(),
    );
    expect(decisions.map(types)).toEqual([
      ['refused: The proposed date is after the rapid review deadline (10:00 on Tuesday 23 June), so it cannot be agreed.'],
      ['refused: The proposed date falls on a weekend or bank holiday; choose a working day.'],
      ['ExtensionRequested'],
      ["refused: Only the partnership's business unit can decide a request for more time."],
      ['ExtensionDecided'],
    ]);
    expect(sends(decisions[2]!)).toContain('extensionDecisionRequest(gp) -> monitoring');
    expect(sends(decisions[4]!)).toEqual([`extensionAnswer(gp) -> ${P.gp.aadObjectId}`]);
    expect(state.rapidReview?.agencies.gp).toMatchObject({ status: 'extensionAgreed', dueAt: '2026-06-10T16:00:00.000Z' });
  });
});

describe('chasing', () => {
  // Returns due 17:00 BST Monday 8 June: reminders at 09:00 Thursday 4 June and 09:00 Monday 8 June; then a chaser each working morning.
  it('reminds two working days before (over the weekend), on the morning it is due, and chases from the next working morning', () => {
    const { decisions, state } = run(
      [
        [tick, '2026-06-04T07:59:00.000Z'],
        [tick, '2026-06-04T08:00:00.000Z'],
        [tick, '2026-06-08T08:00:00.000Z'],
        [tick, '2026-06-08T16:00:00.000Z'], // the due time itself: not yet a chaser
        [tick, '2026-06-09T08:00:00.000Z'],
      ],
      setUp(),
    );
    const gp = (d: Decision) => sends(d).filter((x) => x.includes('(gp)'));
    expect(decisions.map(gp)).toEqual([
      [],
      [`scopingChaser(gp) -> ${P.gp.aadObjectId}`],
      [`scopingChaser(gp) -> ${P.gp.aadObjectId}`],
      [],
      [`scopingChaser(gp) -> ${P.gp.aadObjectId}`, `scopingChaser(gp) -> ${P.gpLead.aadObjectId}`, 'scopingOverdue(gp) -> monitoring'],
    ]);
    expect(state.rapidReview?.agencies.gp?.chased).toEqual(['twoDaysBefore', 'dueMorning', 'overdue:2026-06-09']);
  });

  it('does not send a reminder whose moment has passed (a sweep after an outage sends only what is current)', () => {
    const { state } = run([[tick, '2026-06-08T08:00:00.000Z']], setUp());
    expect(state.rapidReview?.agencies.gp?.chased).toEqual(['dueMorning']);
  });

  it('sends overdue chasers once a working day to the contact and escalation, and flags the monitoring channel once', () => {
    const { decisions, state } = run(
      [
        [tick, '2026-06-09T08:00:00.000Z'],
        [tick, '2026-06-09T12:00:00.000Z'],
        [tick, '2026-06-10T08:00:00.000Z'],
        [tick, '2026-06-11T08:00:00.000Z'],
        [tick, '2026-06-12T08:00:00.000Z'],
        [tick, '2026-06-13T08:00:00.000Z'], // Saturday: none
        [tick, '2026-06-15T08:00:00.000Z'],
      ],
      setUp(),
    );
    const gp = (i: number) => sends(decisions[i]!).filter((s) => s.includes('(gp)'));
    expect(gp(0)).toEqual([`scopingChaser(gp) -> ${P.gp.aadObjectId}`, `scopingChaser(gp) -> ${P.gpLead.aadObjectId}`, 'scopingOverdue(gp) -> monitoring']);
    expect(types(decisions[1]!)).toEqual(['PapersPrompted']);
    for (const day of [2, 3, 4, 6]) expect(gp(day)).toEqual([`scopingChaser(gp) -> ${P.gp.aadObjectId}`, `scopingChaser(gp) -> ${P.gpLead.aadObjectId}`]);
    expect(types(decisions[5]!)).toEqual([]);
    expect(state.rapidReview?.agencies.gp?.chased).toEqual(expect.arrayContaining(['overdue:2026-06-09', 'overdue:2026-06-12', 'overdue:2026-06-15']));
  });

  it('a sweep that was down from Wednesday to Saturday chases when it runs, then again on Monday morning', () => {
    const { decisions, state } = run(
      [
        [tick, '2026-06-09T08:00:00.000Z'],
        [tick, '2026-06-13T10:00:00.000Z'], // Saturday, the first tick since Tuesday
        [tick, '2026-06-13T10:30:00.000Z'],
        [tick, '2026-06-15T08:00:00.000Z'],
      ],
      setUp(),
    );
    const gp = (i: number) => sends(decisions[i]!).filter((s) => s.includes('(gp)'));
    expect(gp(1)).toEqual([`scopingChaser(gp) -> ${P.gp.aadObjectId}`, `scopingChaser(gp) -> ${P.gpLead.aadObjectId}`]);
    expect(gp(2)).toEqual([]);
    expect(gp(3)).toEqual([`scopingChaser(gp) -> ${P.gp.aadObjectId}`, `scopingChaser(gp) -> ${P.gpLead.aadObjectId}`]);
    expect(state.rapidReview?.agencies.gp?.chased).toEqual(expect.arrayContaining(['overdue:2026-06-13', 'overdue:2026-06-15']));
  });

  it('stops chasing the moment a return is recorded, and prompts for papers with what is missing', () => {
    const { decisions, state } = run(
      [
        [{ type: 'RecordScopingReturn', actor: as(P.gp), agency: 'gp', documentUrl: DOCUMENT_URL }, '2026-06-05T09:00:00.000Z'],
        [{ type: 'RecordNoInvolvement', actor: as(P.probation), agency: 'probation' }, '2026-06-05T09:00:00.000Z'],
        [tick, '2026-06-09T09:00:00.000Z'],
      ],
      setUp(),
    );
    expect(state.rapidReview?.agencies.gp?.chased).toEqual([]);
    expect(types(decisions[2]!)).toEqual(['ScopingChased', 'PapersPrompted']); // education, now overdue
    expect(state.rapidReview?.papersPrompted?.missing).toEqual(['education']);
  });

  it('schedules the next reminders, the first overdue chaser and the papers date', () => {
    const state = fold(setUp())!;
    const iso = pendingDeadlines(state, calendar, config.workingHours).map((d) => d.toISOString());
    expect([...new Set(iso)].sort()).toEqual(['2026-06-04T08:00:00.000Z', '2026-06-08T08:00:00.000Z', '2026-06-09T08:00:00.000Z', '2026-06-09T09:00:00.000Z']);
  });
});

describe('attendance and outcome', () => {
  it('takes each statutory partner\'s attendance from its representative or deputy only', () => {
    const { decisions, state } = run(
      [
        [{ type: 'ConfirmAttendance', actor: as(P.school), attending: true }, '2026-06-04T09:00:00.000Z'],
        [{ type: 'ConfirmAttendance', actor: as(PEOPLE.policeDeputy), attending: true }, '2026-06-04T09:00:00.000Z'],
      ],
      setUp(),
    );
    expect(types(decisions[0]!)[0]).toContain("Only a statutory partner's representative or a deputy");
    expect(state.rapidReview?.attendance.police?.attending).toBe(true);
  });
  // The meeting, the partners' LCSPR decision and the completion: test/workflow/rapidReviewSeeds.test.ts.
});

describe('rapid review date rules across bank holidays and clock changes', () => {
  const hours = config.workingHours;
  it.each([
    // [meeting, papers one week before, default returns due: 17:00 on the working day before the papers]
    ['papers on the Tuesday after the Spring bank holiday: returns due the Friday before', '2026-06-02T09:00:00.000Z', '2026-05-26T09:00:00.000Z', '2026-05-22T16:00:00.000Z'],
    ['papers on a Monday: returns due the Friday before', '2026-06-15T09:00:00.000Z', '2026-06-08T09:00:00.000Z', '2026-06-05T16:00:00.000Z'],
    ['meeting after the October clock change, papers before it (BST)', '2026-10-27T10:00:00.000Z', '2026-10-20T09:00:00.000Z', '2026-10-19T16:00:00.000Z'],
    ['meeting after the March clock change, papers before it (GMT)', '2026-03-31T09:00:00.000Z', '2026-03-24T10:00:00.000Z', '2026-03-23T17:00:00.000Z'],
  ])('%s', (_s, meeting, papers, returns) => {
    const papersDueAt = papersDueFor(new Date(meeting));
    expect(papersDueAt.toISOString()).toBe(papers);
    expect(defaultReturnsDue(calendar, hours, papersDueAt).toISOString()).toBe(returns);
  });

  it.each([
    ['due Tuesday after a bank holiday Monday: reminder two working days before is the Thursday', '2026-05-26', '2026-05-21'],
    ['due Monday: reminder the Thursday before', '2026-06-08', '2026-06-04'],
    ['due the first working day after Christmas 2026 (Tuesday 29 December): the Wednesday 23rd', '2026-12-29', '2026-12-23'],
  ])('%s', (_s, dueDay, reminderDay) => {
    expect(workingDayBefore(calendar, dueDay, 2)).toBe(reminderDay);
  });
});
