import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LiveRoster } from '../../app/liveRoster.js';
import type { Logger } from '../../app/ports.js';
import type { PartnershipFile } from '../../config/partnershipFile.js';
import { RosterStore, type RosterChange } from '../../store/rosterStore.js';
import { openTables, type Tables } from '../../store/tables.js';
import type { Person, Roster } from '../../workflow/partnership.js';
import { PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { uniquePrefix } from '../support/services.js';

/**
 * The live roster's versions (issue 16) on the real roster store in Azurite: a slow read that
 * finishes after a newer one never puts the older roster back, and a stored roster that no longer
 * validates keeps the previous roster in use without blocking the business unit's next save.
 */

const AT = '2026-05-05T09:00:00.000Z';
const BY = { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName };
const deputy = (n: number): Person => ({ aadObjectId: `aad-police-deputy-${n}`, email: `deputy${n}@police.example.org`, displayName: `Deputy ${n}` });
const withPoliceDeputy = (r: Roster, d: Person): Roster => ({ ...r, partners: { ...r.partners, police: { ...r.partners.police, deputies: [d] } } });
const policeDeputies = (live: LiveRoster) => live.current().partners.police.deputies.map((d) => d.aadObjectId);

/** The real store, whose next `get` can be held after it has read (a slow reply). */
class HeldStore extends RosterStore {
  private hold?: { reached: () => void; release: Promise<void> };
  holdNextGet(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    this.hold = { reached, release: new Promise<void>((r) => (release = r)) };
    return { reached: reachedP, release };
  }
  override async get(version: number): Promise<RosterChange | undefined> {
    const change = await super.get(version);
    const hold = this.hold;
    if (hold) {
      this.hold = undefined;
      hold.reached();
      await hold.release;
    }
    return change;
  }
}

const file = (): PartnershipFile => structuredClone(sampleConfig);
const recordingLog = () => {
  const errors: { message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = { info: () => {}, warn: () => {}, error: (message, fields) => errors.push({ message, ...(fields ? { fields } : {}) }) };
  return { log, errors };
};

let tables: Tables;
beforeAll(async () => {
  tables = await openTables(inject('azuriteConnectionString'), uniquePrefix());
});

describe('the live roster’s versions', () => {
  it('a slow refresh finishing after a newer one leaves the newer roster installed', async () => {
    const slow = new HeldStore(tables);
    const reader = new LiveRoster({ store: slow, file: file(), log: recordingLog().log });
    const writer = new LiveRoster({ store: new RosterStore(tables), file: file(), log: recordingLog().log });
    expect((await writer.change({ baseVersion: 0, why: 'new deputy', roster: withPoliceDeputy(writer.current(), deputy(1)) }, BY, new Date(AT))).ok).toBe(true);

    const held = slow.holdNextGet();
    const first = reader.refresh(); // reads version 1, then is held
    await held.reached;
    expect((await writer.change({ baseVersion: 1, why: 'another deputy', roster: withPoliceDeputy(writer.current(), deputy(2)) }, BY, new Date(AT))).ok).toBe(true);
    await reader.refresh(); // reads version 2 and installs it
    expect(reader.currentVersion).toBe(2);
    held.release();
    await first;
    expect(reader.currentVersion).toBe(2);
    expect(policeDeputies(reader)).toEqual([deputy(2).aadObjectId]);
  });

  it('a stored roster that no longer validates: the previous roster stays, the error is logged, and a corrected roster can be saved on top of it', async () => {
    const ownTables = await openTables(inject('azuriteConnectionString'), uniquePrefix());
    const store = new RosterStore(ownTables);
    // As a later schema might see a roster saved under an earlier one.
    expect(await store.append({ version: 1, at: AT, by: BY, why: 'saved under an older schema', roster: { ...sampleConfig, partners: { police: 'not a partner' } } })).toBe('ok');
    const { log, errors } = recordingLog();
    const live = new LiveRoster({ store, file: file(), log });
    await live.refresh();
    expect(live.current().partners.police.representative.aadObjectId).toBe(PEOPLE.police.aadObjectId);
    expect(live.currentVersion).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ fields: { version: 1 } })]);

    const corrected = await live.change({ baseVersion: live.currentVersion, why: 'corrected', roster: withPoliceDeputy(live.current(), deputy(3)) }, BY, new Date(AT));
    expect(corrected).toMatchObject({ ok: true, version: 2 });
    // Another process on the same storage sees the corrected roster.
    const other = new LiveRoster({ store: new RosterStore(ownTables), file: file(), log: recordingLog().log });
    await other.refresh();
    expect(other.currentVersion).toBe(2);
    expect(policeDeputies(other)).toEqual([deputy(3).aadObjectId]);
  });
});
