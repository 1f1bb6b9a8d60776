import { describe, expect, it } from 'vitest';
import { readHead } from '../../store/caseHead.js';
import { CaseStore } from '../../store/caseStore.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * The head row against a real Azurite: it is a copy of the history written in the same
 * transaction, so it must always agree with the event rows, and the outbox it lists must empty
 * once the effects are done.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const LOGGED = '2026-05-05T09:00:00.000Z';
const VIEW = '2026-05-05T14:00:00.000Z';

async function caseAwaitingReplies() {
  const prefix = uniquePrefix();
  const clock = new TestClock(new Date(LOGGED));
  const s = await testServices({ prefix, clock });
  await s.cases.execute(
    CASE_REF,
    { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } },
    new Date(LOGGED),
  );
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, new Date(VIEW));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(VIEW)); // the view is theirs together (002 step 3)
  await s.effects.idle();
  return { s, prefix, clock };
}

describe('the case head row', () => {
  it('holds the same events and version as the event rows, after every change', async () => {
    const { s } = await caseAwaitingReplies();
    const check = async () => {
      // Effects (card posts and what they record) go on after each command is answered.
      await s.effects.idle();
      const head = await readHead(s.tables.cases(CaseStore.partitionOf(CASE_REF)), CaseStore.partitionOf(CASE_REF));
      const rows = await s.store.eventRows(CASE_REF);
      expect(head?.events).toEqual(rows);
      expect(head?.version).toBe(rows.length);
      expect((await s.store.load(CASE_REF)).state?.version).toBe(rows.length);
    };
    await check();
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met.' }, new Date('2026-05-05T15:00:00.000Z'));
    await check();
    await Promise.all([
      s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-05T15:01:00.000Z')),
      s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-05T15:01:00.000Z')),
    ]);
    await check();
  });

  it('lists no pending effect once they are done, and every tracked card it lists exists', async () => {
    const { s } = await caseAwaitingReplies();
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-05T15:00:00.000Z'));
    await s.effects.idle();
    const head = await readHead(s.tables.cases(CaseStore.partitionOf(CASE_REF)), CaseStore.partitionOf(CASE_REF));
    expect(head?.pending).toEqual([]);
    expect((await s.outbox.pending(CASE_REF)).effects).toEqual([]);
    const cards = await s.outbox.trackedCards(CASE_REF);
    expect(cards.length).toBeGreaterThan(0);
    expect(head?.tracked).toEqual(expect.arrayContaining(['partnerDecision']));
  });

  it('refuses a second writer that read the same version (the head eTag), so it decides again', async () => {
    const { s } = await caseAwaitingReplies();
    const loaded = await s.store.load(CASE_REF);
    const event = { type: 'PartnerReplied', at: '2026-05-05T15:00:00.000Z' } as never;
    const stale = { ...loaded, events: loaded.events };
    await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-05T15:00:00.000Z'));
    await expect(s.store.append({ loaded: stale, events: [event], state: loaded.state!, effects: [], deadlines: [], effectsRecoverAt: new Date(), now: new Date() })).rejects.toThrow(/changed while/);
  });
});
