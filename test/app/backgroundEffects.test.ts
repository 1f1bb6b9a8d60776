import { describe, expect, it } from 'vitest';
import { BackgroundEffects, type RunEffects } from '../../app/backgroundEffects.js';
import type { Logger } from '../../app/ports.js';
import { recoverySlot } from '../../app/caseService.js';

/**
 * Effects after a command is answered: one run per case at a time, changes committed meanwhile
 * coalesced into one more run, a failure logged (the sweep retries) without stopping the others,
 * and idle() telling the caller when everything started is done.
 */

const T0 = new Date('2026-05-05T09:00:00.000Z');
const T1 = new Date('2026-05-05T09:00:05.000Z');

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function recordingLog() {
  const errors: string[] = [];
  const log: Logger = { info: () => {}, warn: () => {}, error: (message, fields) => errors.push(`${message} ${String(fields?.caseRef)} ${String(fields?.error)}`) };
  return { log, errors };
}

describe('effects performed in the background', () => {
  it('returns at once, and idle() resolves once the run is done', async () => {
    const release = gate();
    const runs: string[] = [];
    const run: RunEffects = async (caseRef) => {
      await release.opened;
      runs.push(caseRef);
      return 0;
    };
    const effects = new BackgroundEffects(run, recordingLog().log);
    effects.dispatch('RR-2026-001', T0);
    expect(effects.inFlight).toBe(1);
    expect(runs).toEqual([]);
    expect(await effects.idle(20)).toBe(false);
    release.open();
    expect(await effects.idle()).toBe(true);
    expect(runs).toEqual(['RR-2026-001']);
    expect(effects.inFlight).toBe(0);
  });

  it('runs one case at a time: changes committed meanwhile give exactly one more run, at the latest instant, without the stale hint', async () => {
    const first = gate();
    const calls: { now: Date; hinted: boolean }[] = [];
    let inside = 0;
    let most = 0;
    const run: RunEffects = async (_caseRef, now, options) => {
      inside++;
      most = Math.max(most, inside);
      calls.push({ now, hinted: options.committed !== undefined });
      if (calls.length === 1) await first.opened;
      inside--;
      return 0;
    };
    const effects = new BackgroundEffects(run, recordingLog().log);
    const hint = { head: { etag: 'e1', version: 3, rowsThrough: 3, pending: ['fx'], tracked: [], events: [] }, state: {} as never, effects: [] };
    effects.dispatch('RR-2026-001', T0, hint);
    effects.dispatch('RR-2026-001', T1, hint);
    effects.dispatch('RR-2026-001', T0, hint);
    first.open();
    await effects.idle();
    expect(most).toBe(1);
    expect(calls).toEqual([
      { now: T0, hinted: true },
      { now: T1, hinted: false },
    ]);
  });

  it('different cases run side by side', async () => {
    const both = gate();
    let started = 0;
    const run: RunEffects = async () => {
      started++;
      if (started === 2) both.open();
      await both.opened;
      return 0;
    };
    const effects = new BackgroundEffects(run, recordingLog().log);
    effects.dispatch('RR-2026-001', T0);
    effects.dispatch('RR-2026-002', T0);
    expect(await effects.idle(2_000)).toBe(true);
    expect(started).toBe(2);
  });

  it('runs at most a bounded number of cases at once; the others wait their turn in order, and each runs once', async () => {
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    const run: RunEffects = async (caseRef) => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(caseRef);
      inside--;
      return 0;
    };
    const effects = new BackgroundEffects(run, recordingLog().log, 2);
    const cases = ['RR-2026-001', 'RR-2026-002', 'RR-2026-003', 'RR-2026-004', 'RR-2026-005'];
    for (const ref of cases) effects.dispatch(ref, T0);
    effects.dispatch('RR-2026-004', T1); // already waiting: not queued twice
    expect(effects.inFlight).toBe(5);
    expect(await effects.idle(2_000)).toBe(true);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual(['RR-2026-003', 'RR-2026-004', 'RR-2026-005']);
    expect(order.sort()).toEqual(cases);
  });

  it('a run that fails is logged for the sweep to retry, and the case can run again', async () => {
    const { log, errors } = recordingLog();
    let calls = 0;
    const run: RunEffects = async () => {
      calls++;
      if (calls === 1) throw new Error('storage unreachable');
      return 0;
    };
    const effects = new BackgroundEffects(run, log);
    effects.dispatch('RR-2026-001', T0);
    expect(await effects.idle()).toBe(true);
    expect(errors).toEqual(['effects could not be performed; the sweep will retry them RR-2026-001 storage unreachable']);
    effects.dispatch('RR-2026-001', T1);
    expect(await effects.idle()).toBe(true);
    expect(calls).toBe(2);
  });
});

describe('the recovery slot of a change with effects', () => {
  it.each([
    ['10:00:00 → 10:05 (two minutes, rounded up to the slot)', '2026-05-05T10:00:00.000Z', '2026-05-05T10:05:00.000Z'],
    ['10:02:59 → 10:05', '2026-05-05T10:02:59.000Z', '2026-05-05T10:05:00.000Z'],
    ['10:03:00 → 10:05 exactly two minutes on', '2026-05-05T10:03:00.000Z', '2026-05-05T10:05:00.000Z'],
    ['10:03:01 → 10:10', '2026-05-05T10:03:01.000Z', '2026-05-05T10:10:00.000Z'],
    ['00:59 UTC on the night the clocks go back → 01:05 UTC', '2026-10-25T00:59:00.000Z', '2026-10-25T01:05:00.000Z'],
  ])('%s', (_name, now, slot) => {
    expect(recoverySlot(new Date(now), 120_000).toISOString()).toBe(slot);
  });

  it('is shared by every change to a case within the same few minutes, and never sooner than asked', () => {
    const slots = new Set(['10:00:00', '10:01:30', '10:02:59'].map((t) => recoverySlot(new Date(`2026-05-05T${t}.000Z`), 120_000).toISOString()));
    expect(slots).toEqual(new Set(['2026-05-05T10:05:00.000Z']));
    for (let s = 0; s < 600; s += 7) {
      const now = new Date(Date.parse('2026-05-05T10:00:00.000Z') + s * 1000);
      expect(recoverySlot(now, 120_000).getTime() - now.getTime()).toBeGreaterThanOrEqual(120_000);
    }
  });
});
