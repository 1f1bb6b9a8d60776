import { describe, expect, it } from 'vitest';
import { actionsCsv } from '../../../app/actionsExport.js';
import { createWorkingCalendar } from '../../../workflow/calendar/workingCalendar.js';
import { createDecider } from '../../../workflow/decide.js';
import type { CaseEvent } from '../../../workflow/events.js';
import { actionsView } from '../../../workflow/monitoring/actionsView.js';
import { reviewViews } from '../../../workflow/monitoring/reviews.js';
import { commandRunner } from '../../support/runCommands.js';
import { PEOPLE, SCENES, sampleConfig, stateOf } from '../../support/sampleConfig.js';

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
    ['Sunday 27 September: on time', SCENES.learningEventSetUp, '2026-09-27T12:00:00.000Z', 'onTime', 'On time: due by 17:00 on Saturday 10 October (report ready for approval (4 months))', 'Under way', false],
    ['Monday 28 September 09:00, the first reminder: due soon', SCENES.learningEventSetUp, '2026-09-28T08:00:00.000Z', 'dueSoon', 'Due soon: by 17:00 on Saturday 10 October (report ready for approval (4 months))', 'Under way', false],
    ['Saturday 10 October 16:59: due soon', SCENES.learningEventSetUp, '2026-10-10T15:59:00.000Z', 'dueSoon', 'Due soon: by 17:00 on Saturday 10 October (report ready for approval (4 months))', 'Under way', false],
    // The learning event's own overdue alert goes at the deadline instant: the tab agrees with it.
    ['Saturday 10 October 17:00 exactly: overdue', SCENES.learningEventSetUp, '2026-10-10T16:00:00.000Z', 'overdue', 'Overdue: it was due by 17:00 on Saturday 10 October (report ready for approval (4 months))', 'Report overdue', false],
    ['Monday 12 October: overdue, the planned date passed', SCENES.learningEventOverdue, '2026-10-12T09:00:00.000Z', 'overdue', 'Overdue: it was due by 17:00 on Saturday 10 October (report ready for approval (4 months))', 'Report overdue', true],
    ['the report ready on Tuesday 1 September: the deadline done, the review goes on', SCENES.learningEventReportReady, '2026-10-12T09:00:00.000Z', 'onTime', 'On time: no deadline open', "Report ready: awaiting the executive's approval", false],
    ['disseminated: done', SCENES.learningEventDisseminated, '2026-10-21T09:00:00.000Z', 'done', 'Done', 'Learning disseminated', false],
  ] as const)('%s', (_sentence, scene, now, status, statusText, stageText, reportLate) => {
    const [review] = view(scene(), now);
    expect(review).toMatchObject({ caseRef: 'RR-2026-014', kind: 'learningEvent', title: 'Local learning event', status, statusText, stageText });
    expect(review!.deadlines).toHaveLength(1);
    expect(review!.deadlines[0]).toMatchObject({ about: 'Report ready for approval (4 months)', dueAt: '2026-10-10T16:00:00.000Z' });
    expect(review!.milestones.find((m) => m.name === 'Report ready for approval')).toMatchObject({ plannedOn: '2026-10-10', late: reportLate });
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
    expect(review!.deadlines[0]).toMatchObject({ status: 'done', statusText: 'Done late, 11:00 on Tuesday 13 October' });
    expect(review!.statusText).toBe('On time: no deadline open (report ready for approval (4 months): done late)');
  });

  it('a case without a learning event has no review to show', () => {
    expect(view(SCENES.closed(), '2026-07-01T09:00:00.000Z')).toEqual([]);
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
