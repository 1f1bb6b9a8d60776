import { describe, expect, it } from 'vitest';
import { CaseService } from '../../app/caseService.js';
import { silentLogger } from '../../app/ports.js';
import { CaseStore } from '../../store/caseStore.js';
import { HeadCache } from '../../store/headCache.js';
import { createDecider } from '../../workflow/decide.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { MEETING_AT, SET_UP_AT, TWO_DAYS_BEFORE, as, largePartnership, reviewReadyToSetUp } from '../support/largePartnership.js';
import { fault } from './support/tally.js';

/**
 * A change too large for one transaction, stopped at each point between its parts (the crash
 * points 'staged' and 'headCommitted' of app/crashPoints.ts). The process is stopped in-process
 * here, by the hook throwing where the host would die (the host child's SIGKILL would take the
 * test runner with it): nothing after the point is written, nothing it started runs on. Another
 * process then carries on on the same tables, and each card still goes exactly once.
 */

class Died extends Error {}

async function stoppedAt(point: 'staged' | 'headCommitted', o: { agencies: number; deputies: number; tick?: boolean }) {
  const config = largePartnership({ agencies: o.agencies, deputies: o.deputies, partnerDeputies: 20 });
  const prefix = uniquePrefix();
  const configPath = await writeConfig(config);
  const clock = new TestClock(SET_UP_AT);
  const messenger = new RecordingMessenger();
  const s = await testServices({ prefix, clock, messenger, configPath });
  await reviewReadyToSetUp(s);
  const setUp = { type: 'SetUpRapidReview' as const, actor: as(PEOPLE.business), meetingAt: MEETING_AT, agencies: config.agencies.map((a) => a.id) };
  // For a tick: set up in full first, and the tick (one event per agency) is what stops.
  if (o.tick) await s.cases.execute(CASE_REF, setUp, SET_UP_AT);
  await s.effects.idle();
  const at = o.tick ? TWO_DAYS_BEFORE : SET_UP_AT;
  const sentBefore = messenger.sent.length;
  // The process that dies: the same tables, its own copy of the heads, nothing performed in the background.
  const store = new CaseStore(s.tables, s.schedule, new HeadCache(), {
    crash: (at) => {
      if (at === point) throw new Died(at);
    },
  });
  const dying = new CaseService({ store, decide: createDecider(config, s.calendar), calendar: s.calendar, workingHours: config.workingHours, effects: { dispatch: () => {} }, log: silentLogger });
  const command = o.tick ? { type: 'Tick' as const } : setUp;
  const died = await dying.execute(CASE_REF, command, at).then(
    () => false,
    (error: unknown) => error instanceof Died,
  );
  // Started again on the same tables.
  const restarted = await testServices({ prefix, clock, messenger, configPath });
  return { s: restarted, config, messenger, sentBefore, died, command: setUp };
}

const agencyPeople = (config: ReturnType<typeof largePartnership>) => new Set(config.agencies.flatMap((a) => [a.contact, ...a.deputies].map((p) => p.aadObjectId)));

describe('a large change stopped between its parts', () => {
  it('after its outbox rows, before the commit: nothing happened; asked again, it commits and every card goes once', async () => {
    const { s, config, messenger, sentBefore, died, command } = await stoppedAt('staged', { agencies: 60, deputies: 3 });
    let ok = false;
    try {
      expect(died).toBe(true);
      expect((await s.store.load(CASE_REF)).events.some((e) => e.type === 'RapidReviewSetUp')).toBe(false);
      // The sweep finds nothing to perform: the staged rows are listed by no head.
      await s.runSweep(new Date(SET_UP_AT.getTime() + 10 * 60_000));
      expect(messenger.sent.length).toBe(sentBefore);
      // The business unit clicks again.
      const again = await s.cases.execute(CASE_REF, command, new Date(SET_UP_AT.getTime() + 11 * 60_000));
      expect(again.decision.ok).toBe(true);
      await s.effects.idle();
      const asked = messenger.sent.slice(sentBefore).filter((m) => agencyPeople(config).has(m.to));
      expect(asked).toHaveLength(240);
      expect(new Set(asked.map((m) => m.to)).size).toBe(240);
      ok = true;
    } finally {
      fault(ok);
    }
  }, 120_000);

  it('after the commit of a set-up, before its cards: the sweep performs every staged outbox row once', async () => {
    const { s, config, messenger, sentBefore, died } = await stoppedAt('headCommitted', { agencies: 60, deputies: 3 });
    let ok = false;
    try {
      expect(died).toBe(true);
      expect((await s.store.load(CASE_REF)).events.filter((e) => e.type === 'RapidReviewSetUp')).toHaveLength(1);
      // The recovery entry brings the sweep back once the slot is reached.
      await s.runSweep(new Date(SET_UP_AT.getTime() + 10 * 60_000));
      const asked = messenger.sent.slice(sentBefore).filter((m) => agencyPeople(config).has(m.to));
      expect(asked).toHaveLength(240);
      expect(new Set(asked.map((m) => m.to)).size).toBe(240);
      expect((await s.store.load(CASE_REF)).head!.pending).toEqual([]);
      ok = true;
    } finally {
      fault(ok);
    }
  }, 120_000);

  it('after the commit of a 130-event tick, before the rest of its event rows: the sweep sends each reminder once and completes the rows', async () => {
    const { s, messenger, sentBefore, died } = await stoppedAt('headCommitted', { agencies: 130, deputies: 0, tick: true });
    let ok = false;
    try {
      expect(died).toBe(true);
      const loaded = await s.store.load(CASE_REF);
      expect(loaded.events.filter((e) => e.type === 'ScopingChased')).toHaveLength(130);
      expect(loaded.head!.rowsThrough).toBeLessThan(loaded.head!.version);
      await s.runSweep(new Date(TWO_DAYS_BEFORE.getTime() + 10 * 60_000));
      const reminders = messenger.sent.slice(sentBefore).filter((m) => /Reminder: Agency \d+'s scoping return/.test(cardText(m.card)));
      expect(reminders).toHaveLength(130);
      expect(new Set(reminders.map((m) => m.to)).size).toBe(130);
      const after = await s.store.load(CASE_REF);
      expect(after.events.filter((e) => e.type === 'ScopingChased')).toHaveLength(130);
      expect(after.head!.rowsThrough).toBe(after.head!.version);
      expect(await s.store.eventRows(CASE_REF)).toEqual(after.events);
      ok = true;
    } finally {
      fault(ok);
    }
  }, 120_000);
});
