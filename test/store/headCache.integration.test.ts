import { describe, expect, it } from 'vitest';
import { CaseStore } from '../../store/caseStore.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * Each process decides a command on its own copy of the case when it has one (no read first).
 * Against a real Azurite with two processes: a copy made stale by the other process never loses
 * or misjudges anything, because the append checks the head's eTag and a refusal is decided again
 * on the case as stored.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const VIEW = new Date('2026-05-05T14:00:00.000Z');
const REPLY = new Date('2026-05-05T15:00:00.000Z');

async function twoProcessesOnOneCase() {
  const prefix = uniquePrefix();
  const clock = new TestClock(new Date('2026-05-05T09:00:00.000Z'));
  const a = await testServices({ prefix, clock });
  const b = await testServices({ prefix, clock, messenger: a.messenger });
  await a.cases.execute(
    CASE_REF,
    { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } },
    new Date('2026-05-05T09:00:00.000Z'),
  );
  await a.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, VIEW);
  await a.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, VIEW); // the view is theirs together (002 step 3)
  await a.effects.idle();
  return { a, b };
}

describe("a process's copy of a case", () => {
  it('made stale by another process, still decides on the whole case: the last reply sees the other process\'s and opens the dispute', async () => {
    const { a, b } = await twoProcessesOnOneCase();
    // The local authority agreed as co-author of the view. Process b records health's disagreement; a's copy does not have it.
    await b.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'disagree', rationale: 'Not met on what we know.' }, REPLY);
    const outcome = await a.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, REPLY);
    await Promise.all([a.effects.idle(), b.effects.idle()]);

    expect(outcome.decision.ok).toBe(true);
    const { state, events } = await b.store.load(CASE_REF);
    expect(events.filter((e) => e.type === 'PartnerReplied')).toHaveLength(3);
    expect(state?.positions.health.status).toBe('disagreed');
    // Decided on a's stale copy, the last reply would have looked like two agreements of three.
    expect(state?.stage).toBe('dispute');
    expect(outcome.state?.stage).toBe('dispute');
  });

  it('made stale by another process, does not refuse what the case as stored allows', async () => {
    const { a, b } = await twoProcessesOnOneCase();
    // a's copy: awaiting replies. Then b records all three agreements: the decision is to notify.
    await a.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, REPLY);
    await b.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed on what is known.' }, REPLY);
    await b.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.director), reply: 'agree', rationale: 'Agreed on what is known.' }, REPLY);
    await b.effects.idle();

    const outcome = await a.cases.execute(CASE_REF, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.director), sentAt: '2026-05-05T15:30:00.000Z', panelReference: 'CSPRP-2026-0001' }, new Date('2026-05-05T16:00:00.000Z'));
    expect(outcome.decision.ok).toBe(true);
    expect((await b.store.load(CASE_REF)).state?.panelNotification?.panelReference).toBe('CSPRP-2026-0001');
  });

  it('is used without reading: a second reply in the same process makes no read of the head', async () => {
    const { a } = await twoProcessesOnOneCase();
    await a.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, REPLY);
    await a.effects.idle();
    const partition = CaseStore.partitionOf(CASE_REF);
    const table = a.tables.cases(partition);
    const reads: string[] = [];
    const getEntity = table.getEntity.bind(table);
    table.getEntity = ((pk: string, rk: string, options?: object) => {
      reads.push(rk);
      return getEntity(pk, rk, options);
    }) as typeof table.getEntity;
    try {
      const outcome = await a.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed on what is known.' }, REPLY);
      expect(outcome.decision.ok).toBe(true);
    } finally {
      table.getEntity = getEntity;
    }
    expect(reads.filter((rk) => rk.startsWith('head'))).toEqual([]);
  });
});
