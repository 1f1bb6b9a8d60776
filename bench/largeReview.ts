import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../app/ports.js';
import { buildServices } from '../functions/compositionRoot.js';
import { readEnvironment } from '../functions/environment.js';
import { CaseStore } from '../store/caseStore.js';
import { RecordingMessenger } from '../test/support/recordingMessenger.js';
import { CASE_REF, PEOPLE } from '../test/support/sampleConfig.js';
import { MEETING_AT, SET_UP_AT, as, largePartnership, reviewReadyToSetUp } from '../test/support/largePartnership.js';
import { startBenchAzurite } from './azurite.js';
import { figure, log, round, uniquePrefix, type Figure } from './support.js';

/**
 * The largest rapid review whose set-up commits: agencies of a contact, three deputies and an
 * escalation contact, with 20 partner deputies, asked all at once. Sizes double from 60 until one
 * fails to commit or 960 agencies (3,840 scoping requests in one change) are asked. Measured: the
 * time from the command to its commit (the cards are sent afterwards, in the background, and are
 * not timed), and the rows the change wrote.
 */

const SIZES = [60, 120, 240, 480, 960];

type Tried = { agencies: number; ok: boolean; ms: number; rows: number; error?: string };

export async function largeReview(): Promise<Figure[]> {
  const azurite = await startBenchAzurite();
  const tried: Tried[] = [];
  try {
    for (const agencies of SIZES) {
      const result = await setUpOnce(azurite.connectionString, agencies);
      tried.push(result);
      log(`large review: ${agencies} agencies: ${result.ok ? `committed in ${round(result.ms)} ms, ${result.rows} rows` : `FAILED: ${result.error}`}`);
      if (!result.ok) break;
    }
  } finally {
    await azurite.stop();
  }
  const largest = tried.filter((t) => t.ok).at(-1);
  const details: Record<string, number | string | boolean> = {};
  for (const t of tried) {
    details[`agencies${t.agencies}`] = t.ok ? `committed in ${round(t.ms)} ms, ${t.rows} rows written` : `failed: ${(t.error ?? '').slice(0, 200)}`;
  }
  const sixty = tried.find((t) => t.agencies === 60);
  return [
    figure({ id: 'largeReview.sixty', figure: 'Rapid review asking 60 agencies (contact + 3 deputies + escalation each, 20 partner deputies) commits', value: sixty?.ok ? 1 : 0, unit: 'commits', limit: 1, comparison: '==', details }),
    figure({ id: 'largeReview.agencies', figure: `Largest rapid review that commits (of ${SIZES.join(', ')} agencies tried)`, value: largest?.agencies ?? 0, unit: 'agencies', limit: 0, comparison: 'info' }),
    figure({ id: 'largeReview.rows', figure: 'Rows that set-up wrote (events, outbox, head)', value: largest?.rows ?? 0, unit: 'rows', limit: 0, comparison: 'info' }),
    figure({ id: 'largeReview.commitMs', figure: 'Time to commit that set-up', value: largest?.ms ?? Number.NaN, unit: 'ms', limit: 0, comparison: 'info' }),
  ];
}

async function setUpOnce(connectionString: string, agencies: number): Promise<Tried> {
  const config = largePartnership({ agencies, deputies: 3, partnerDeputies: 20 });
  const dir = await mkdtemp(join(tmpdir(), 'bench-large-'));
  const configPath = join(dir, 'partnership.json');
  await writeFile(configPath, JSON.stringify(config));
  const env = readEnvironment({ PARTNERSHIP_CONFIG: configPath, STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: uniquePrefix('large'), LOCAL_MODE: 'true', PUBLIC_BASE_URL: 'http://127.0.0.1:3978' });
  let now = SET_UP_AT;
  const s = await buildServices(env, { clock: { now: () => now }, log: silentLogger, messenger: new RecordingMessenger() });
  await reviewReadyToSetUp(s);
  await s.effects.idle();
  now = SET_UP_AT;
  const before = await s.store.load(CASE_REF);
  const started = performance.now();
  try {
    const outcome = await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: MEETING_AT, agencies: config.agencies.map((a) => a.id) }, SET_UP_AT);
    const ms = performance.now() - started;
    if (!outcome.decision.ok) return { agencies, ok: false, ms, rows: 0, error: outcome.decision.refusal };
    const rows = await countRows(s.tables.cases(CaseStore.partitionOf(CASE_REF)), CaseStore.partitionOf(CASE_REF), before.events.length);
    await s.effects.idle();
    return { agencies, ok: true, ms, rows };
  } catch (error) {
    return { agencies, ok: false, ms: performance.now() - started, rows: 0, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Event rows after the first `eventsBefore`, the set-up's outbox rows and the head. */
async function countRows(table: ReturnType<Awaited<ReturnType<typeof buildServices>>['tables']['cases']>, partition: string, eventsBefore: number): Promise<number> {
  let events = 0;
  let effects = 0;
  for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${partition}'`, select: ['RowKey'] } })) {
    const key = String(row.rowKey);
    if (key.startsWith('ev-')) events++;
    if (key.startsWith(`fx-${String(eventsBefore + 1).padStart(10, '0')}-`)) effects++;
  }
  return events - eventsBefore + effects + 1;
}
