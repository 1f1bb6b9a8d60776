import { TableClient, odata } from '@azure/data-tables';
import type { SweepResult } from '../app/sweep.js';
import { dayOf } from '../store/scheduleIndex.js';
import { caseShard, caseTableName, encodeKey, openTables } from '../store/tables.js';
import { startBenchAzurite, type BenchAzurite } from './azurite.js';
import {
  AFTER_WINDOW,
  BASE_NOW,
  RoundTrips,
  caseRefs,
  createAwaitingCases,
  figure,
  log,
  round,
  startStack,
  uniquePrefix,
  type Figure,
  type Tally,
} from './support.js';

/**
 * One deadline sweep (services.runSweep(now)) with 100 due cases, when 1,000 cases are open and
 * when 100,000 are. The 100 due cases are real: logged and given an initial view through the HTTP
 * path at 10:00 on Monday; the sweep runs at 10:00 on Wednesday, after their partners' window
 * closed, so each gets deemed agreements, a decision and its cards.
 *
 * The other open cases are copies of one real case awaiting replies (created through the same path
 * on Tuesday afternoon): all its rows in Cases (head, events, effects, tracked cards), its CaseIndex
 * row, and a schedule entry due after the sweep, in the due table of its day. The copies are made inside Azurite (bench/azurite.ts
 * explains why the HTTP API cannot seed 100,000 cases in time).
 */

const DUE_CASES = 100;
const TEMPLATE_CASE = 'FILL-2000-0001';
/** Tuesday 9 June 2026, 16:00 London time: the template case is logged and viewed then. */
const TEMPLATE_AT = new Date('2026-06-09T15:00:00.000Z');
/** The template's schedule entry, one hour after the sweep; copies spread over the next five weeks. */
const LATER = new Date(AFTER_WINDOW.getTime() + 3_600_000);

export type Measured = { open: number; ms: number; deliveredMs: number; messages: number; result: SweepResult; tally: Tally; casesRows: number; seedMs: number };

export async function sweepScaling(options: { sizes?: [number, number]; timeoutMs?: number } = {}): Promise<Figure[]> {
  const [small, large] = options.sizes ?? [1_000, 100_000];
  const azurite = await startBenchAzurite({ maxOldSpaceMb: 8192 });
  try {
    const a = await measure(azurite, small, options.timeoutMs ?? 240_000);
    const b = await measure(azurite, large, options.timeoutMs ?? 240_000);
    const valid = (m: Measured) => m.result.cases === DUE_CASES && m.result.changed === DUE_CASES && m.result.failed === 0;
    const details = (m: Measured): Record<string, number | string | boolean> => ({
      [`open${m.open}SweepMs`]: round(m.ms),
      [`open${m.open}Due`]: `${m.result.due} schedule entries, ${m.result.cases} cases, ${m.result.changed} changed, ${m.result.failed} failed`,
      [`open${m.open}CasesTableRows`]: m.casesRows,
      [`open${m.open}SeedMs`]: round(m.seedMs),
      [`open${m.open}MessagesDeliveredAfterMs`]: round(m.deliveredMs),
      [`open${m.open}ConnectorCalls`]: m.messages,
      ...RoundTrips.perOperation(m.tally, m.result.cases, `open${m.open}PerDueCase`),
    });
    if (!valid(a) || !valid(b)) log('sweep scaling: a sweep did not tick all 100 due cases; see the details');
    return [
      figure({
        id: 'sweep.ratio',
        figure: `Sweep scaling: ${large.toLocaleString('en-GB')}-open ÷ ${small.toLocaleString('en-GB')}-open sweep time`,
        value: b.ms / a.ms,
        unit: '×',
        limit: 1.5,
        comparison: '<=',
        details: { ...details(a), ...details(b), allDueCasesTicked: valid(a) && valid(b) },
      }),
      figure({ id: 'sweep.small', figure: `Sweep with 100 due, ${small.toLocaleString('en-GB')} open`, value: a.ms / 1000, unit: 's', limit: 0, comparison: 'info' }),
      figure({ id: 'sweep.large', figure: `Sweep with 100 due, ${large.toLocaleString('en-GB')} open`, value: b.ms / 1000, unit: 's', limit: 2, comparison: '<' }),
      // A fast sweep that did not do the work proves nothing.
      figure({ id: 'sweep.ticked', figure: 'Sweeps that ticked and changed all 100 due cases (of 2)', value: [a, b].filter(valid).length, unit: 'sweeps', limit: 2, comparison: '==' }),
    ];
  } finally {
    await azurite.stop();
  }
}

async function measure(azurite: BenchAzurite, open: number, timeoutMs: number): Promise<Measured> {
  const prepared = await prepareSweep(azurite, open);
  try {
    return await prepared.sweep(timeoutMs);
  } finally {
    await prepared.close();
  }
}

export type PreparedSweep = { open: number; sweep(timeoutMs: number): Promise<Measured>; close(): Promise<void> };

/** Sets up the 100 due cases and `open` open cases in all, in fresh tables; `sweep` runs and times the one sweep. */
export async function prepareSweep(azurite: BenchAzurite, open: number): Promise<PreparedSweep> {
  const prefix = uniquePrefix(`sw`);
  const stack = await startStack({ connectionString: azurite.connectionString, prefix, now: BASE_NOW });
  const trips = new RoundTrips({ storage: azurite.port, connector: Number(new URL(stack.connector.url).port) });
  const close = async () => {
    trips.close();
    await stack.close();
  };
  try {
    log(`sweep scaling (${open.toLocaleString('en-GB')} open): ${DUE_CASES} due cases through the HTTP path`);
    await createAwaitingCases(stack, caseRefs('SW', DUE_CASES), { concurrency: 4 });

    stack.clock.set(TEMPLATE_AT);
    await createAwaitingCases(stack, [TEMPLATE_CASE]);
    const seedStarted = performance.now();
    await seed(azurite, prefix, open - DUE_CASES - 1);
    const seedMs = performance.now() - seedStarted;
    // A copy must read back through the product's own store as the same case, under its own reference.
    const copy = open > DUE_CASES + 1 ? await stack.host.services.store.load('FILL-2001-0001') : undefined;
    if (copy && (copy.state?.referral.caseRef !== 'FILL-2001-0001' || copy.state.stage !== 'awaitingPartnerReplies')) throw new Error('a seeded case does not read back as a case awaiting replies');
    const casesRows = (await azurite.stats()).collections.filter((c) => c.name.toLowerCase().includes(`${prefix}cases`.toLowerCase())).reduce((sum, c) => sum + c.count, 0);
    log(`sweep scaling (${open.toLocaleString('en-GB')} open): seeded in ${(seedMs / 1000).toFixed(1)} s (${casesRows.toLocaleString('en-GB')} rows in Cases)`);

    return {
      open,
      close,
      async sweep(timeoutMs) {
        stack.clock.set(AFTER_WINDOW);
        const before = trips.snapshot();
        const calls = () => stack.connector.counts.post + stack.connector.counts.put + stack.connector.counts.createConversation;
        const callsBefore = calls();
        const started = performance.now();
        let timer: NodeJS.Timeout | undefined;
        // The sweep's own work: every due case ticked and its outcome committed. The messages it
        // causes are sent after, paced per conversation as Teams requires, and timed on their own.
        const result = await Promise.race([
          stack.host.services.runSweep(AFTER_WINDOW, { drain: false }),
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the sweep with ${open} open cases took over ${timeoutMs / 1000} s`)), timeoutMs))),
        ]).finally(() => clearTimeout(timer));
        const ms = performance.now() - started;
        const tally = RoundTrips.since(before, trips.snapshot());
        await stack.host.services.effects.idle();
        const deliveredMs = performance.now() - started;
        const messages = calls() - callsBefore;
        log(`sweep scaling (${open.toLocaleString('en-GB')} open): ${(ms / 1000).toFixed(2)} s, ${JSON.stringify(result)}; its messages delivered after ${(deliveredMs / 1000).toFixed(1)} s`);
        return { open, ms, deliveredMs, messages, result, tally, casesRows, seedMs };
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Copies the template case `copies` times: its Cases rows, CaseIndex row and one later schedule entry. */
async function seed(azurite: BenchAzurite, prefix: string, copies: number): Promise<void> {
  const table = (name: string) => TableClient.fromConnectionString(azurite.connectionString, `${prefix}${name}`, { allowInsecureConnection: true });
  const partition = encodeKey(TEMPLATE_CASE);
  const templateCases = `${prefix}${caseTableName(caseShard(partition))}`;
  const caseRows: { partitionKey: string; rowKey: string }[] = [];
  for await (const row of table(caseTableName(caseShard(partition))).listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: ['RowKey'] } })) {
    caseRows.push({ partitionKey: partition, rowKey: String(row.rowKey) });
  }
  // The template's own entries (its deadlines and effects recovery) would be due or near; one later entry stands for them.
  const days = await dueDays(azurite, prefix);
  for (const day of days) {
    const dueTable = table(`Due${day}`);
    for await (const row of dueTable.listEntities({ queryOptions: { filter: odata`caseRef eq ${TEMPLATE_CASE}` } })) await dueTable.deleteEntity(String(row.partitionKey), String(row.rowKey));
  }
  const iso0 = LATER.toISOString();
  const templateDay = dayOf(LATER);
  await table(`Due${templateDay}`).createTable();
  await table(`Due${templateDay}`).upsertEntity({ partitionKey: 'due', rowKey: `${iso0}|${partition}`, caseRef: TEMPLATE_CASE }, 'Replace');

  const CHUNK = 10_000;
  for (let start = 0; start < copies; start += CHUNK) {
    const refs = Array.from({ length: Math.min(CHUNK, copies - start) }, (_, k) => {
      const i = start + k;
      return `FILL-${2001 + Math.floor(i / 9999)}-${String((i % 9999) + 1).padStart(4, '0')}`;
    });
    const keyPairs = refs.map((ref): [string, string][] => [
      [partition, encodeKey(ref)],
      [TEMPLATE_CASE, ref],
    ]);
    // Each copy goes into the Cases table its partition hashes to, as the product would put it.
    const byShard = new Map<number, [string, string][][]>();
    refs.forEach((ref, k) => {
      const shard = caseShard(encodeKey(ref));
      byShard.set(shard, byShard.get(shard) ?? []);
      byShard.get(shard)!.push(keyPairs[k]!);
    });
    for (const [shard, pairs] of byShard) await azurite.replicate({ table: templateCases, into: `${prefix}${caseTableName(shard)}`, template: caseRows, copies: pairs });
    await azurite.replicate({ table: `${prefix}CaseIndex`, template: [{ partitionKey: 'case', rowKey: partition }], copies: keyPairs });
    // Each copy's entry goes into the due table of its own day, as ScheduleIndex.add would put it.
    const byDay = new Map<string, [string, string][][]>();
    refs.forEach((_, k) => {
      const at = new Date(LATER.getTime() + ((start + k) % 50_000) * 60_000);
      const day = dayOf(at);
      byDay.set(day, byDay.get(day) ?? []);
      byDay.get(day)!.push([...keyPairs[k]!, [iso0, at.toISOString()]]);
    });
    for (const [day, pairs] of byDay) {
      await table(`Due${day}`).createTable();
      await azurite.replicate({ table: `${prefix}Due${templateDay}`, into: `${prefix}Due${day}`, template: [{ partitionKey: 'due', rowKey: `${iso0}|${partition}` }], copies: pairs });
    }
  }
}

async function dueDays(azurite: BenchAzurite, prefix: string): Promise<string[]> {
  return (await openTables(azurite.connectionString, prefix)).dueDays();
}
