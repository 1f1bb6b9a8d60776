import { describe, expect, it } from 'vitest';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/** The monitoring tab's read side against a real Azurite: listing, the scoping matrix, staying current. */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const at = (iso: string) => new Date(iso);
const referral = (caseRef: string) => ({ type: 'LogReferral' as const, actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm' as const, location: 'inArea' as const, lookedAfter: false, documentUrl: DOCUMENT_URL } });

describe('the monitoring read side (Azurite)', () => {
  it('lists every case once, skips one listed ahead of a commit that never happened, and shows changes at once', async () => {
    const clock = new TestClock(at('2026-06-01T09:00:00.000Z'));
    const s = await testServices({ prefix: uniquePrefix(), clock });
    await s.cases.execute('RR-2026-101', referral('RR-2026-101'), at('2026-06-01T09:00:00.000Z'));
    await s.cases.execute('RR-2026-102', referral('RR-2026-102'), at('2026-06-01T09:05:00.000Z'));
    // A process that died between listing a new case and committing it.
    await s.tables.caseIndex.upsertEntity({ partitionKey: 'case', rowKey: Buffer.from('RR-2026-103').toString('base64url'), caseRef: 'RR-2026-103' }, 'Merge');

    const first = await s.monitoring.cases(at('2026-06-01T10:00:00.000Z'));
    expect(first.cases.map((c) => [c.caseRef, c.stage, c.status])).toEqual([
      ['RR-2026-101', 'awaitingInitialView', 'green'],
      ['RR-2026-102', 'awaitingInitialView', 'green'],
    ]);

    // The view given a second later is on the list at once.
    await s.cases.execute('RR-2026-102', { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:01.000Z'));
    await s.cases.execute('RR-2026-102', { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at('2026-06-01T10:00:01.000Z')); // the view is theirs together (002 step 3)
    const second = await s.monitoring.cases(at('2026-06-01T10:00:02.000Z'));
    expect(second.cases.find((c) => c.caseRef === 'RR-2026-102')?.stage).toBe('awaitingPartnerReplies');
    expect(await s.monitoring.caseDetail('RR-2026-103', at('2026-06-01T10:00:02.000Z'))).toBeUndefined();
  });

  it("shows the scoping return matrix: returned, extension asked, and overdue once the return date has passed", async () => {
    const clock = new TestClock(at('2026-06-01T09:00:00.000Z'));
    const s = await testServices({ prefix: uniquePrefix(), clock });
    await s.cases.execute(CASE_REF, referral(CASE_REF), at('2026-06-01T09:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:00:00.000Z')); // the view is theirs together (002 step 3)
    for (const p of [PEOPLE.police, PEOPLE.health]) await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-06-01T11:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-9' }, at('2026-06-02T09:30:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: ['education', 'gp', 'probation'] }, at('2026-06-03T09:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'RecordScopingReturn', actor: as(PEOPLE.educationContact), agency: 'education', documentUrl: `${DOCUMENT_URL}?return=education` }, at('2026-06-04T10:00:00.000Z'));
    await s.cases.execute(CASE_REF, { type: 'RequestExtension', actor: as(PEOPLE.gpContact), agency: 'gp', reason: 'Practice manager on leave', proposedDueAt: '2026-06-12T15:00:00.000Z' }, at('2026-06-04T11:00:00.000Z'));

    const { state } = await s.store.load(CASE_REF);
    const returnsDue = Date.parse(state!.rapidReview!.setup!.returnsDueAt);
    const before = await s.monitoring.caseDetail(CASE_REF, at('2026-06-04T12:00:00.000Z'));
    expect(before?.summary).toMatchObject({ stage: 'rapidReview', waitingFor: ['GP practice (Glen Surgery)', 'Probation Service (Parker Probation)'] });
    expect(before?.scoping?.rows.map((r) => [r.agency, r.status, r.overdue])).toEqual([
      ['Education', 'Returned', false],
      ['GP practice', 'Extension asked', false],
      ['Probation Service', 'Awaited', false],
    ]);
    expect(before?.scoping?.rows[1]?.extension).toContain('Practice manager on leave');

    const after = await s.monitoring.caseDetail(CASE_REF, new Date(returnsDue + 60_000));
    expect(after?.scoping?.rows.filter((r) => r.overdue).map((r) => r.agency)).toEqual(['GP practice', 'Probation Service']);
    expect(after?.summary.status).toBe('red');
    expect(after?.timeline.some((r) => r.what.includes('Education'))).toBe(true);
  });
});
