import { describe, expect, inject, it } from 'vitest';
import { ScheduleIndex, dayOf } from '../../store/scheduleIndex.js';
import { CASE_SHARDS, caseShard, encodeKey, openTables } from '../../store/tables.js';
import { uniquePrefix } from '../support/services.js';

/**
 * The schedule index's tables per day, against a real Azurite: entries are found across days,
 * an instant already past goes into the writer's own day (still due at once), and a past day's
 * table goes once it is empty, so a sweep lists only days that still hold work.
 */

const open = async () => {
  const tables = await openTables(inject('azuriteConnectionString'), uniquePrefix());
  return { tables, schedule: new ScheduleIndex(tables) };
};

describe('the schedule index, a table per day', () => {
  it('finds what is due across days, in order, and nothing not yet due', async () => {
    const { tables, schedule } = await open();
    const now = new Date('2026-06-10T09:00:00.000Z');
    await schedule.add('RR-1', [new Date('2026-06-08T10:00:00.000Z'), new Date('2026-06-12T10:00:00.000Z')], new Date('2026-06-08T09:00:00.000Z'));
    await schedule.add('RR-2', [new Date('2026-06-10T08:59:00.000Z'), new Date('2026-06-10T09:01:00.000Z')], new Date('2026-06-09T09:00:00.000Z'));
    expect(await tables.dueDays()).toEqual(['20260608', '20260610', '20260612']);
    const due = await schedule.due(now, 100);
    expect(due.map((e) => [e.caseRef, e.rowKey.split('|')[0]])).toEqual([
      ['RR-1', '2026-06-08T10:00:00.000Z'],
      ['RR-2', '2026-06-10T08:59:00.000Z'],
    ]);
  });

  it('puts an instant already past into the writer\'s own day, where the next sweep finds it', async () => {
    const { tables, schedule } = await open();
    await schedule.add('RR-3', [new Date('2026-06-01T10:00:00.000Z')], new Date('2026-06-10T09:00:00.000Z'));
    expect(await tables.dueDays()).toEqual(['20260610']);
    expect((await schedule.due(new Date('2026-06-10T09:00:00.000Z'), 10)).map((e) => e.caseRef)).toEqual(['RR-3']);
  });

  it('drops a day\'s table once it is empty and old enough, and keeps recent ones', async () => {
    const { tables, schedule } = await open();
    await schedule.add('RR-4', [new Date('2026-06-01T10:00:00.000Z')], new Date('2026-06-01T09:00:00.000Z'));
    await schedule.add('RR-5', [new Date('2026-06-09T10:00:00.000Z')], new Date('2026-06-09T09:00:00.000Z'));
    const now = new Date('2026-06-10T09:00:00.000Z');
    await schedule.removeAll(await schedule.due(now, 10));
    await schedule.due(now, 10);
    // 1 June is past the grace days and empty: gone. 9 June is yesterday: kept for a lagging writer.
    expect(await tables.dueDays()).toEqual(['20260609']);
    expect(dayOf(now)).toBe('20260610');
  });
});

describe('the Cases tables', () => {
  it('put every case in one of the shards, the same one in every process, and use them all', () => {
    const shards = Array.from({ length: 2_000 }, (_, i) => caseShard(encodeKey(`RR-2026-${String(i).padStart(4, '0')}`)));
    expect(shards.every((s) => Number.isInteger(s) && s >= 0 && s < CASE_SHARDS)).toBe(true);
    expect(new Set(shards).size).toBe(CASE_SHARDS);
    expect(caseShard(encodeKey('RR-2026-0001'))).toBe(caseShard(encodeKey('RR-2026-0001')));
  });
});
