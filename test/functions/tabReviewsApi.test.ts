import type { HttpResponseInit } from '@azure/functions';
import functions from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compositionRoot.js';
import { createTabHandlers, LOCAL_USER_HEADER } from '../../functions/tabHandlers.js';
import { ActionsViewSchema, CaseDetailSchema, ReviewListSchema, ReviewViewSchema } from '../../workflow/monitoring/schemas.js';
import type { Person } from '../../workflow/partnership.js';
import { createReviewCases, LCSPR_CASE, LEARNING_CASE, PLAIN_CASE, SENTINELS } from '../support/reviewCases.js';
import { PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * The monitoring tab's review and action routes (issue 17) through the real handlers on Azurite,
 * for every role on the roster and for someone off it: the business unit sees and downloads; the
 * chairs see but may not download; everyone else is refused with the reason and no case data. The
 * CSV download is on the audit trail of every case it included.
 */

const { HttpRequest } = functions;
const STRANGER: Person = { aadObjectId: 'aad-nobody', displayName: 'Nobody Known', email: 'nobody@example.org' };
// Wednesday 1 July 2026, 11:00: the police's action (due 30 June) overdue, the GP's open, the learning event on time.
const clock = new TestClock(new Date('2026-07-01T10:00:00.000Z'));
let s: Services;
let tab: ReturnType<typeof createTabHandlers>;

const get = (path: string, who: Person, params: Record<string, string> = {}) => new HttpRequest({ method: 'GET', url: `http://127.0.0.1${path}`, headers: { [LOCAL_USER_HEADER]: who.aadObjectId }, params });
const routes = (who: Person): [string, () => Promise<HttpResponseInit>][] => [
  ['reviews', () => tab.reviews(get('/api/tab/reviews', who))],
  ['review', () => tab.review(get(`/api/tab/reviews/${LEARNING_CASE}/learningEvent`, who, { caseRef: LEARNING_CASE, kind: 'learningEvent' }))],
  ['actions', () => tab.actions(get('/api/tab/actions', who))],
  ['actions.csv', () => tab.actionsExport(get('/api/tab/actions.csv', who))],
];

beforeAll(async () => {
  s = await testServices({ prefix: uniquePrefix(), clock });
  tab = createTabHandlers(async () => s);
  await createReviewCases(s);
}, 60_000);

afterAll(async () => {
  await s?.effects.idle();
});

describe('who gets each review and action route', () => {
  const ok = [200, 200, 200, 200];
  const chair = [200, 200, 200, 403];
  const none = [403, 403, 403, 403];
  it.each([
    ['business unit', PEOPLE.business, ok, /./],
    ['review group chair', PEOPLE.chair, chair, /Only the partnership's business unit can download the actions/],
    ['partnership chair', PEOPLE.partnershipChair, chair, /Only the partnership's business unit can download the actions/],
    ["children's services director", PEOPLE.director, none, /This tab is for the business unit and the chairs/],
    ['partner representative', PEOPLE.police, none, /This tab is for the business unit and the chairs/],
    ['partner deputy', PEOPLE.healthDeputy, none, /This tab is for the business unit and the chairs/],
    ['independent scrutineer', PEOPLE.scrutineer, none, /This tab is for the business unit and the chairs/],
    ['strategic partnership manager', PEOPLE.manager, none, /This tab is for the business unit and the chairs/],
    ['agency contact owning an action', PEOPLE.gpContact, none, /This tab is for the business unit and the chairs/],
    ['agency deputy owning an action', PEOPLE.gpDeputy, none, /This tab is for the business unit and the chairs/],
    ['agency escalation contact', PEOPLE.gpEscalation, none, /This tab is for the business unit and the chairs/],
    ['agency contact with no action', PEOPLE.probationContact, none, /This tab is for the business unit and the chairs/],
    ['someone off the roster', STRANGER, none, /not on the .* roster/],
  ] as const)('%s', async (_name, who, statuses, reason) => {
    const before = await s.accessLog.of(LEARNING_CASE);
    const answers = [];
    for (const [, call] of routes(who)) answers.push(await call());
    expect(answers.map((a) => a.status)).toEqual(statuses);
    for (const a of answers.filter((x) => x.status !== 200)) {
      // The reason and nothing else: no case reference, no typed words, no body.
      expect(Object.keys(a.jsonBody as object)).toEqual(['error']);
      expect((a.jsonBody as { error: string }).error).toMatch(reason);
      expect(JSON.stringify(a.jsonBody)).not.toMatch(/RR-2026-30|QZV301/);
      expect(a.body).toBeUndefined();
    }
    // Only a download that happened is on the audit trail.
    const after = await s.accessLog.of(LEARNING_CASE);
    expect(after.length - before.length).toBe(statuses[3] === 200 ? 1 : 0);
  });
});

describe('what the business unit sees', () => {
  it('every review, one review with its deadline and milestones, and the case detail links to it', async () => {
    const list = ReviewListSchema.parse((await routes(PEOPLE.business)[0]![1]()).jsonBody);
    // The soonest open deadline first: the learning event's report (10 October), then the LCSPR's copy to the Panel (20 November).
    expect(list.reviews.map((r) => [r.caseRef, r.kind, r.status, r.stageText, r.nextDeadline?.inWords])).toEqual([
      [LEARNING_CASE, 'learningEvent', 'onTime', 'Under way', '17:00 on Saturday 10 October'],
      [LCSPR_CASE, 'lcspr', 'onTime', 'Commissioning the reviewer', '17:00 on Friday 20 November'],
    ]);
    const lcspr = ReviewViewSchema.parse((await tab.review(get(`/api/tab/reviews/${LCSPR_CASE}/lcspr`, PEOPLE.chair, { caseRef: LCSPR_CASE, kind: 'lcspr' }))).jsonBody);
    expect(lcspr.deadlines.map((d) => [d.about, d.dueInWords, d.status])).toEqual([
      ['Publication (within 6 months of the decision)', 'the end of Saturday 12 December 2026', 'onTime'],
      ['Full report to the Panel and the Secretary of State (7 working days before publication)', '17:00 on Friday 20 November', 'onTime'],
    ]);
    // Planned for Friday 26 June and not recorded by Wednesday 1 July: late.
    expect(lcspr.milestones.find((m) => m.name.startsWith('Early draft'))).toEqual({ name: "Early draft shared with the review group chair and partner agencies' senior managers as appropriate (step 18)", plannedOn: '2026-06-26', late: true, lateText: 'Late: 5 days past its planned date (Friday 26 June 2026)' });
    const review = ReviewViewSchema.parse((await routes(PEOPLE.business)[1]![1]()).jsonBody);
    expect(review.deadlines).toEqual([expect.objectContaining({ about: 'Report ready for approval (4 months)', dueInWords: '17:00 on Saturday 10 October', status: 'onTime' })]);
    expect(review.milestones.map((m) => [m.name, m.doneOn ?? ''])).toEqual([
      ['Decision to hold a learning event', '2026-06-10'],
      ['Method and leads agreed', '2026-06-12'],
      ['Report ready for approval', ''],
      ['Approved by the executive', ''],
      ['Learning disseminated', ''],
    ]);
    const detail = CaseDetailSchema.parse((await tab.caseDetail(get(`/api/tab/cases/${LEARNING_CASE}`, PEOPLE.business, { caseRef: LEARNING_CASE }))).jsonBody);
    expect(detail.reviews).toEqual([{ kind: 'learningEvent', title: 'Local learning event', status: 'onTime', statusText: 'On time: due by 17:00 on Saturday 10 October (Report ready for approval (4 months))' }]);
    const plain = CaseDetailSchema.parse((await tab.caseDetail(get(`/api/tab/cases/${PLAIN_CASE}`, PEOPLE.business, { caseRef: PLAIN_CASE }))).jsonBody);
    expect(plain.reviews).toEqual([]);
  });

  it('a review the case does not have is 404; a kind that does not exist is 400', async () => {
    const missing = await tab.review(get(`/api/tab/reviews/${PLAIN_CASE}/learningEvent`, PEOPLE.business, { caseRef: PLAIN_CASE, kind: 'learningEvent' }));
    expect(missing.status).toBe(404);
    const lcspr = await tab.review(get(`/api/tab/reviews/${LEARNING_CASE}/lcspr`, PEOPLE.business, { caseRef: LEARNING_CASE, kind: 'lcspr' }));
    expect(lcspr.status).toBe(404);
    const bad = await tab.review(get(`/api/tab/reviews/${LEARNING_CASE}/rapidReview`, PEOPLE.business, { caseRef: LEARNING_CASE, kind: 'rapidReview' }));
    expect(bad.status).toBe(400);
  });

  it('every action by review and by agency, and the CSV: on the audit trail of the case it included', async () => {
    const view = ActionsViewSchema.parse((await routes(PEOPLE.business)[2]![1]()).jsonBody);
    expect(view.byOwner).toEqual([
      { owner: 'GP practice', open: 1, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 0 },
      { owner: 'Police', open: 0, dueSoon: 0, overdue: 1, awaitingImpact: 0, closed: 0 },
    ]);
    expect(view.byReview).toEqual([{ caseRef: LEARNING_CASE, review: 'Learning event', concluded: false, open: 1, dueSoon: 0, overdue: 1, awaitingImpact: 0, closed: 0 }]);

    clock.set('2026-07-01T10:30:00.000Z');
    const csv = await routes(PEOPLE.business)[3]![1]();
    expect(csv.headers).toMatchObject({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="actions.csv"', 'cache-control': 'no-store' });
    const lines = String(csv.body).split('\r\n');
    expect(lines[0]).toBe('case,review,action,recommendation,owner,what done means,due,status');
    expect(lines.slice(1, 3)).toEqual([`${LEARNING_CASE},Learning event,A1,R1,GP practice,${SENTINELS.done},2026-07-31T17:00:00+01:00,Open`, `${LEARNING_CASE},Learning event,A2,R1,Police,The guidance is reissued.,2026-06-30T17:00:00+01:00,Overdue`]);
    const records = await s.accessLog.of(LEARNING_CASE);
    expect(records.at(-1)).toMatchObject({ at: '2026-07-01T10:30:00.000Z', what: 'actionsExported', via: 'tab', format: 'csv', by: { aadObjectId: PEOPLE.business.aadObjectId, role: 'business unit' } });
    // A case with no action was not in the file: nothing recorded on it.
    expect((await s.accessLog.of(PLAIN_CASE)).filter((r) => r.what === 'actionsExported')).toEqual([]);
    // The case's timeline in the tab says who downloaded it, and when.
    const detail = CaseDetailSchema.parse((await tab.caseDetail(get(`/api/tab/cases/${LEARNING_CASE}`, PEOPLE.chair, { caseRef: LEARNING_CASE }))).jsonBody);
    expect(detail.timeline.filter((r) => r.what.startsWith('Downloaded the actions of every case')).map((r) => [r.who, r.at])).toContainEqual([PEOPLE.business.displayName, '2026-07-01T10:30:00.000Z']);
  });
});
