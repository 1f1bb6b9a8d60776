import { inject, describe, expect, it } from 'vitest';
import { openTables } from '../../store/tables.js';
import { RosterStore, type RosterChange } from '../../store/rosterStore.js';
import { rosterOf } from '../../config/partnershipFile.js';
import { sampleConfig } from '../support/sampleConfig.js';
import { uniquePrefix } from '../support/services.js';

/** The roster's changes in Table Storage (Azurite): appended, never overwritten, read back whole. */

const by = { aadObjectId: 'aad-business', displayName: 'Billie Business' };
const change = (version: number, why: string, roster: unknown = rosterOf(sampleConfig)): RosterChange => ({ version, at: `2026-05-0${version}T10:00:00.000Z`, by, why, roster });

async function store() {
  return new RosterStore(await openTables(inject('azuriteConnectionString'), uniquePrefix()));
}

describe('the roster store', () => {
  it('is empty at first: version 0, no history', async () => {
    const s = await store();
    expect(await s.latestVersion()).toBe(0);
    expect(await s.history()).toEqual([]);
    expect(await s.get(1)).toBeUndefined();
  });

  it('two saves of the same version: one is kept, the other is told it came second', async () => {
    const s = await store();
    const results = await Promise.all([s.append(change(1, 'first')), s.append(change(1, 'second'))]);
    expect(results.sort()).toEqual(['conflict', 'ok']);
    expect((await s.history()).map((c) => c.version)).toEqual([1]);
  });

  it('the latest version is the newest change; the history lists every change, newest first, with the whole roster', async () => {
    const s = await store();
    for (const v of [1, 2, 3]) expect(await s.append(change(v, `change ${v}`))).toBe('ok');
    expect(await s.latestVersion()).toBe(3);
    const history = await s.history();
    expect(history.map((c) => [c.version, c.why])).toEqual([
      [3, 'change 3'],
      [2, 'change 2'],
      [1, 'change 1'],
    ]);
    expect(history[0]!.roster).toEqual(JSON.parse(JSON.stringify(rosterOf(sampleConfig))));
  });

  it('a roster larger than one table property holds is split and read back whole', async () => {
    const s = await store();
    const base = rosterOf(sampleConfig);
    const agencies = Array.from({ length: 400 }, (_, i) => ({ ...base.agencies[0]!, id: `agency-${i}`, name: `Agency number ${i} with a long enough name` }));
    const big = { ...base, agencies };
    expect(JSON.stringify(big).length).toBeGreaterThan(64_000);
    expect(await s.append(change(1, 'many agencies', big))).toBe('ok');
    expect((await s.get(1))!.roster).toEqual(JSON.parse(JSON.stringify(big)));
  });

  it('keeps the channels beside the roster when a change has them, and reads a change without them as before', async () => {
    const s = await store();
    const channels = { monitoring: { conversationId: '19:new-monitoring@thread.tacv2', kind: 'channel', label: 'SIN monitoring 2' }, decision: sampleConfig.channels.decision };
    expect(await s.append(change(1, 'an older change, before channels were kept'))).toBe('ok');
    expect(await s.append({ ...change(2, 'the monitoring channel moves'), channels })).toBe('ok');
    expect((await s.get(1))!.channels).toBeUndefined();
    expect((await s.get(2))!.channels).toEqual(channels);
    expect((await s.history()).map((c) => c.channels)).toEqual([channels, undefined]);
  });
});
