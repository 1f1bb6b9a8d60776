import { describe, expect, it } from 'vitest';
import { actionsCsv } from '../../../app/actionsExport.js';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { createDecider } from '../../../workflow/decide.js';
import type { CaseEvent } from '../../../workflow/events.js';
import type { CaseCommand } from '../../../workflow/commands.js';
import { actionsView } from '../../../workflow/monitoring/actionsView.js';
import { reviewViews } from '../../../workflow/monitoring/reviews.js';
import { commandRunner } from '../../support/runCommands.js';
import { ACTION_DONE, EVIDENCE_URL, EXPECTED_IMPACT, IMPACT_STATEMENT, PEOPLE, RECOMMENDATION, SCENES, sampleConfig, stateOf } from '../../support/sampleConfig.js';
import { LR_SCENES } from '../../support/localReviewScenes.js';
import { localReviewSummary } from '../../../workflow/localReview/summary.js';

/**
 * The tab's view of a local learning event (issue 17) at fixed instants: on time until its first
 * reminder, due soon from then (the deadline instant itself still due), overdue after; the report
 * ready puts the deadline done; dissemination finishes the review. And every action by review and
 * by owner, named from the roster, with its CSV.
 */

const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
const hours = sampleConfig.workingHours;
const run = commandRunner(createDecider(sampleConfig, calendar));
const view = (events: CaseEvent[], now: string) => reviewViews(stateOf(events), new Date(now), calendar, hours);

describe("a learning event decided on Wednesday 10 June 2026: the report is due by 17:00 on Saturday 10 October (first reminder Monday 28 September, 09:00)", () => {
  it.each([
    ['Sunday 27 September: on time', SCENES.learningEventSetUp, '2026-09-27T12:00:00.000Z', 'onTime', 'On time: due by 17:00 on Saturday 10 October (Report ready for approval (4 months))', 'Under way', false],
    ['Monday 28 September 09:00, the first reminder: due soon', SCENES.learningEventSetUp, '2026-09-28T08:00:00.000Z', 'dueSoon', 'Due soon: by 17:00 on Saturday 10 October (Report ready for approval (4 months))', 'Under way', false],
    ['Saturday 10 October 16:59: due soon', SCENES.learningEventSetUp, '2026-10-10T15:59:00.000Z', 'dueSoon', 'Due soon: by 17:00 on Saturday 10 October (Report ready for approval (4 months))', 'Under way', false],
    // The learning event's own overdue alert goes at the deadline instant: the tab agrees with it.
    ['Saturday 10 October 17:00 exactly: overdue', SCENES.learningEventSetUp, '2026-10-10T16:00:00.000Z', 'overdue', 'Overdue: it was due by 17:00 on Saturday 10 October (less than a day late) (Report ready for approval (4 months))', 'Report overdue', false],
    // Late says against what and by how many days: a part day counts as one.
    ['Monday 12 October 10:00: overdue, the four-month day passed', SCENES.learningEventOverdue, '2026-10-12T09:00:00.000Z', 'overdue', 'Overdue: it was due by 17:00 on Saturday 10 October (2 days late) (Report ready for approval (4 months))', 'Report overdue', 'Late: 2 days past the 4-month deadline (Saturday 10 October 2026)'],
    ['the report ready on Tuesday 1 September: the deadline done, the review goes on', SCENES.learningEventReportReady, '2026-10-12T09:00:00.000Z', 'onTime', 'On time: no deadline open', "Report ready: awaiting the executive's approval", false],
    ['disseminated: done', SCENES.learningEventDisseminated, '2026-10-21T09:00:00.000Z', 'done', 'Done', 'Learning disseminated', false],
  ] as const)('%s', (_sentence, scene, now, status, statusText, stageText, reportLate: boolean | string) => {
    const [review] = view(scene(), now);
    expect(review).toMatchObject({ caseRef: 'RR-2026-014', kind: 'learningEvent', title: 'Local learning event', status, statusText, stageText });
    expect(review!.deadlines).toHaveLength(1);
    expect(review!.deadlines[0]).toMatchObject({ about: 'Report ready for approval (4 months)', dueAt: '2026-10-10T16:00:00.000Z' });
    const report = review!.milestones.find((m) => m.name === 'Report ready for approval')!;
    expect(report).toMatchObject({ plannedOn: '2026-10-10', late: reportLate !== false });
    expect(report.lateText).toBe(typeof reportLate === 'string' ? reportLate : undefined);
  });

  it('shows each milestone with the day it was done', () => {
    const [review] = view(SCENES.learningEventDisseminated(), '2026-10-21T09:00:00.000Z');
    expect(review!.milestones.map((m) => [m.name, m.plannedOn ?? '', m.doneOn ?? ''])).toEqual([
      ['Decision to hold a learning event', '', '2026-06-10'],
      ['Method and leads agreed', '', '2026-06-12'],
      ['Report ready for approval', '2026-10-10', '2026-09-01'],
      ['Approved by the executive', '', '2026-09-14'],
      ['Learning disseminated', '', '2026-10-19'],
    ]);
    expect(review!.deadlines[0]).toMatchObject({ status: 'done', statusText: 'Done on time, 11:00 on Tuesday 1 September' });
  });

  it('a report ready late: the deadline says so, and so does the finished review', () => {
    const late = run([[{ type: 'RecordLearningEventReport', actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName }, documentUrl: 'https://documents.example.org/sites/cases/RR-2026-014/report.docx' }, '2026-10-13T10:00:00.000Z']], SCENES.learningEventOverdue()).events;
    const [review] = view(late, '2026-10-14T09:00:00.000Z');
    expect(review!.deadlines[0]).toMatchObject({ status: 'done', statusText: 'Done late (3 days late), 11:00 on Tuesday 13 October' });
    expect(review!.statusText).toBe('On time: no deadline open (Report ready for approval (4 months): done late)');
  });

  it('a case without a learning event has no review to show', () => {
    expect(view(SCENES.closed(), '2026-07-01T09:00:00.000Z')).toEqual([]);
  });
});

const bu = { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName };
const LCSPR_URL = 'https://partnership.example.org/reviews/lcspr-2027.pdf';
/** The approved LCSPR (publication planned for Wednesday 20 January 2027), its copy sent on Friday 8 January and published on the 20th: late. */
const publishedLate = (justified: boolean) =>
  run(
    [
      [{ type: 'RecordLocalReviewCopySent', actor: bu, sentAt: '2027-01-08T10:00:00.000Z' }, '2027-01-08T10:05:00.000Z'],
      [{ type: 'RecordLocalReviewPublished', actor: bu, publishedDate: '2027-01-20', url: LCSPR_URL }, '2027-01-20T10:00:00.000Z'],
      ...(justified ? [[{ type: 'RecordLocalReviewJustification', actor: bu, about: 'delay', justification: 'The family asked for more time to take part.', sentAt: '2027-01-20T11:00:00.000Z' }, '2027-01-20T11:05:00.000Z'] as [CaseCommand, string]] : []),
    ],
    SCENES.localReviewApproved(),
  );

describe('an LCSPR decided on Tuesday 30 June 2026: publication by the end of Wednesday 30 December (first reminder at 17:00 on Monday 14 December)', () => {
  const lcsprOf = (events: CaseEvent[], now: string) => view(events, now).find((r) => r.kind === 'lcspr')!;
  const TOLD = 'The Panel, Ofsted and the DfE to be told of the decision';
  const DELAY = 'A justification to the Panel and the Secretary of State for delay to publication beyond six months';
  it.each([
    ['Wednesday 1 July: on time, commissioning', '2026-07-01T10:00:00.000Z', 'onTime', [TOLD]],
    ['Monday 14 December 16:59: on time', '2026-12-14T16:59:00.000Z', 'onTime', [TOLD]],
    ["Monday 14 December 17:00, the area's first reminder: due soon", '2026-12-14T17:00:00.000Z', 'dueSoon', [TOLD]],
    ['Wednesday 30 December 23:59: still due soon', '2026-12-30T23:59:00.000Z', 'dueSoon', [TOLD]],
    ['Thursday 31 December 00:00, the six-month day over: overdue, and a justification owed', '2026-12-31T00:00:00.000Z', 'overdue', [TOLD, DELAY]],
  ] as const)('%s', (_sentence, now, status, owed) => {
    const review = lcsprOf(SCENES.lcsprDecided(), now);
    expect(review).toMatchObject({ caseRef: 'RR-2026-014', title: 'Local review (LCSPR)', stageText: 'Commissioning the reviewer', status, owed });
    expect(review.deadlines.map((d) => [d.about, d.dueInWords, d.status])).toEqual([['Publication (within 6 months of the decision)', 'the end of Wednesday 30 December 2026', status]]);
    expect(review.nextDeadline).toEqual({ about: 'Publication (within 6 months of the decision)', dueAt: '2026-12-31T00:00:00.000Z', inWords: 'the end of Wednesday 30 December 2026' });
  });

  it('publication planned for 20 January 2027: the copy to the Panel is due by the close of the 7th working day before, and the delay is owed a justification', () => {
    const review = lcsprOf(SCENES.localReviewApproved(), '2026-07-16T10:00:00.000Z');
    expect(review.deadlines.map((d) => [d.about, d.dueInWords, d.status])).toEqual([
      ['Publication (within 6 months of the decision)', 'the end of Wednesday 30 December 2026', 'onTime'],
      ['Full report to the Panel and the Secretary of State (7 working days before publication)', '17:00 on Monday 11 January 2027', 'onTime'],
    ]);
    expect(review.owed).toContain(DELAY);
    expect(review.milestones.find((m) => m.name.startsWith('Executive approval'))).toMatchObject({ doneOn: '2026-07-15', late: false });
    // Planned after the six-month day: late against the deadline already in July.
    expect(review.milestones.at(-1)).toEqual({ name: 'Publication', plannedOn: '2027-01-20', late: true, lateText: 'Late: planned 21 days after the six-month publication deadline (Wednesday 30 December 2026)' });
  });

  it('a milestone not done by its planned day is marked late from the next day', () => {
    const planned = run([[{ type: 'PlanLocalReviewMilestone', actor: bu, milestone: 'earlyDraft', plannedDate: '2026-09-01' }, '2026-07-02T10:00:00.000Z']], SCENES.lcsprDecided()).events;
    const early = (now: string) => lcsprOf(planned, now).milestones.find((m) => m.name.startsWith('Early draft'));
    expect(early('2026-09-01T16:00:00.000Z')).toMatchObject({ plannedOn: '2026-09-01', late: false });
    expect(early('2026-09-02T08:00:00.000Z')).toMatchObject({ plannedOn: '2026-09-01', late: true, lateText: 'Late: 1 day past its planned date (Tuesday 1 September 2026)' });
    // Past its planned date and after the six-month day too: both said.
    const both = run([[{ type: 'PlanLocalReviewMilestone', actor: bu, milestone: 'earlyDraft', plannedDate: '2027-01-04' }, '2026-07-02T10:00:00.000Z']], SCENES.lcsprDecided()).events;
    expect(lcsprOf(both, '2027-01-07T10:00:00.000Z').milestones.find((m) => m.name.startsWith('Early draft'))!.lateText).toBe(
      'Late: 3 days past its planned date (Monday 4 January 2027); planned 5 days after the six-month publication deadline (Wednesday 30 December 2026)',
    );
  });

  it.each([
    // planned day of the early draft, viewed at, late?
    ['on the six-month day itself, viewed in July: not late', '2026-12-30', '2026-07-02T11:00:00.000Z', false],
    ['the day after the six-month day, viewed in July: late against the deadline', '2026-12-31', '2026-07-02T11:00:00.000Z', true],
    ['in January 2027, viewed in July: late against the deadline', '2027-01-15', '2026-07-02T11:00:00.000Z', true],
    ['in September, viewed in September before it: not late', '2026-09-30', '2026-09-29T10:00:00.000Z', false],
  ] as const)('002 5.16 "published within six months": a milestone planned %s', (_sentence, plannedDate, now, late) => {
    const planned = run([[{ type: 'PlanLocalReviewMilestone', actor: bu, milestone: 'earlyDraft', plannedDate }, '2026-07-02T10:00:00.000Z']], SCENES.lcsprDecided());
    expect(planned.last.ok).toBe(true);
    expect(lcsprOf(planned.events, now).milestones.find((m) => m.name.startsWith('Early draft'))).toMatchObject({ plannedOn: plannedDate, late });
  });

  it('published late: done only once the delay is justified to the Panel; the late publication is said either way', () => {
    const unjustified = lcsprOf(publishedLate(false).events, '2027-01-21T10:00:00.000Z');
    expect(unjustified.deadlines.map((d) => d.statusText)).toEqual(['Done late (21 days late), published on Wednesday 20 January 2027', 'Done on time, 10:00 on Friday 8 January']);
    expect(unjustified).toMatchObject({ status: 'onTime', statusText: `No deadline open; owed: ${TOLD}; ${DELAY} (Publication (within 6 months of the decision): done late)` });
    const justified = lcsprOf(publishedLate(true).events, '2027-01-21T10:00:00.000Z');
    expect(justified).toMatchObject({ status: 'done', statusText: 'Done (Publication (within 6 months of the decision): done late)', stageText: 'Published: its actions remain' });
    expect(justified.milestones.at(-1)).toEqual({ name: 'Publication', plannedOn: '2027-01-20', doneOn: '2027-01-20', late: false });
  });
});

describe('concluded: the review says so, with the day the executive was told (002 5.16 "Formally conclude the review process when all the actions have been implemented")', () => {
  const person = (p: { aadObjectId: string; displayName: string }) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
  /** One recommendation, one police action closed, and the executive told at 10:00 on Thursday 10 December 2026. */
  const concluded = (kind: 'lcspr' | 'learningEvent', start: CaseEvent[]) =>
    run(
      [
        [{ type: 'RecordRecommendation', actor: person(PEOPLE.chair), review: { kind }, text: RECOMMENDATION, expectedImpact: EXPECTED_IMPACT }, '2026-12-07T09:00:00.000Z'],
        [{ type: 'AgreeAction', actor: bu, recommendation: 'R1', owner: { kind: 'partner', partner: 'police' }, dueDate: '2026-12-18', done: ACTION_DONE }, '2026-12-07T09:05:00.000Z'],
        [{ type: 'RecordActionCompletion', actor: person(PEOPLE.police), action: 'A1', documentUrl: EVIDENCE_URL('a1-completed') }, '2026-12-08T09:00:00.000Z'],
        [{ type: 'RecordActionImpact', actor: person(PEOPLE.policeDeputy), action: 'A1', documentUrl: EVIDENCE_URL('a1-impact'), impact: IMPACT_STATEMENT }, '2026-12-09T09:00:00.000Z'],
        [{ type: 'RecordExecutiveTold', actor: bu, review: { kind }, toldAt: '2026-12-10T10:00:00.000Z' }, '2026-12-10T11:00:00.000Z'],
      ],
      start,
    );

  it.each([
    // review, finished scene, its stage before the executive was told
    ['lcspr', LR_SCENES.published, 'Published: its actions remain'],
    ['learningEvent', SCENES.learningEventDisseminated, 'Learning disseminated'],
  ] as const)('%s', (kind, scene, before) => {
    const result = concluded(kind, scene());
    expect(result.decisions.every((d) => d.ok)).toBe(true);
    const stageOf = (events: CaseEvent[]) => view(events, '2026-12-11T10:00:00.000Z').find((r) => r.kind === kind)!.stageText;
    expect(stageOf(scene())).toBe(before);
    expect(stageOf(result.events)).toBe('Concluded (executive told Thursday 10 December 2026)');
    if (kind === 'lcspr') expect(localReviewSummary(result.state, new Date('2026-12-11T10:00:00.000Z'))).toMatchObject({ status: 'concluded', statusText: 'Concluded (executive told Thursday 10 December 2026)' });
  });
});

describe('every action by review and by owner (Friday 21 August 2026, 09:00: the GP action inside its reminder window)', () => {
  const states = [stateOf(SCENES.actionsAgreed()), stateOf(SCENES.learningEventSetUp())];
  const actions = actionsView(states, sampleConfig, calendar, new Date('2026-08-21T08:00:00.000Z'));

  it('names each owner from the roster and counts each action once', () => {
    expect(actions.byOwner).toEqual([
      { owner: 'GP practice', open: 0, dueSoon: 1, overdue: 0, awaitingImpact: 0, closed: 0 },
      { owner: 'Police', open: 1, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 0 },
    ]);
    expect(actions.byReview).toEqual([{ caseRef: 'RR-2026-014', review: 'Rapid review', concluded: false, open: 1, dueSoon: 1, overdue: 0, awaitingImpact: 0, closed: 0 }]);
    expect(actions.rows.map((r) => [r.action, r.recommendation, r.owner, r.bucket, r.dueInWords])).toEqual([
      ['A1', 'R1', 'GP practice', 'dueSoon', '17:00 on Friday 28 August'],
      ['A2', 'R2', 'Police', 'open', '17:00 on Tuesday 15 September'],
    ]);
  });

  it('the CSV has a row per action, and a typed cell that starts like a formula is neutralised', () => {
    const csv = actionsCsv({ ...actions, rows: [{ ...actions.rows[0]!, done: '=HYPERLINK("http://evil.example")' }, actions.rows[1]!] });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('case,review,action,recommendation,owner,what done means,due,status');
    expect(lines[1]).toBe(`RR-2026-014,Rapid review,A1,R1,GP practice,"'=HYPERLINK(""http://evil.example"")",2026-08-28T17:00:00+01:00,Due soon`);
    expect(lines[2]).toBe('RR-2026-014,Rapid review,A2,R2,Police,The referral guidance is reissued and recorded in the force policy.,2026-09-15T17:00:00+01:00,Open');
    expect(lines).toHaveLength(4);
  });
});
