import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startBenchAzurite } from './azurite.js';
import { cardSize } from './cardSize.js';
import { coldStart } from './coldStart.js';
import { concurrency } from './concurrency.js';
import { largeReview } from './largeReview.js';
import { memory } from './memory.js';
import { replyLatency } from './replyLatency.js';
import { sweepScaling } from './sweepScaling.js';
import { log, round, type Figure } from './support.js';

/**
 * npm run bench: every figure of the performance targets, against the local stack (Azurite in
 * memory, the real handlers behind the local host in local mode, a loopback Bot Connector).
 * Prints a table and writes bench/results.json. Exits 1 when a target is missed or a figure could
 * not be measured. `--only=reply,concurrency,memory,largeReview,sweep,coldStart,cards` runs a subset.
 */

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (name: string) => !only || only.includes(name);

const figures: Figure[] = [];
const started = performance.now();

/** A figure group that throws is recorded as not measured (met: false), and the run goes on. */
async function group(name: string, ids: string[], run: () => Promise<Figure[]> | Figure[]): Promise<void> {
  if (!wanted(name)) return;
  const t = performance.now();
  try {
    figures.push(...(await run()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name}: FAILED: ${message}`);
    for (const id of ids) figures.push({ id, figure: `${name} (not measured)`, value: Number.NaN, unit: '', target: '', limit: 0, comparison: '==', met: false, details: { error: message.slice(0, 500) } });
  }
  log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

// In-process and quick first; the cold start next, while nothing else runs on the machine.
await group('cards', ['card.board', 'card.partner'], () => cardSize());
await group('coldStart', ['coldStart.ratio'], () => coldStart({ cwd: root }));

if (wanted('reply') || wanted('concurrency') || wanted('memory')) {
  const azurite = await startBenchAzurite();
  try {
    await group('reply', ['reply.p50', 'reply.p99', 'reply.everyone', 'reply.errors', 'reply.overhead'], async () => (await replyLatency({ connectionString: azurite.connectionString, storagePort: azurite.port })).figures);
    await group('concurrency', ['concurrency.lost', 'concurrency.errors', 'concurrency.cards'], () => concurrency({ connectionString: azurite.connectionString, storagePort: azurite.port }));
    await group('memory', ['memory.rssGrowth'], () => memory({ connectionString: azurite.connectionString, azuritePid: azurite.pid, cases: 400, shards: 8, inFlight: 16 }));
  } finally {
    await azurite.stop();
  }
}
await group('largeReview', ['largeReview.sixty', 'largeReview.agencies', 'largeReview.rows', 'largeReview.commitMs'], () => largeReview());
// Last: it starts its own Azurite and fills it with 100,000 cases.
await group('sweep', ['sweep.ratio', 'sweep.small', 'sweep.large', 'sweep.ticked'], () => sweepScaling());

const seconds = (performance.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------
// The table, and bench/results.json

const show = (f: Figure) => (Number.isNaN(f.value) ? 'not measured' : `${f.value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}${f.unit === '×' ? '×' : ` ${f.unit}`}`);
const rows = figures.map((f) => [f.figure, show(f), f.target, f.comparison === 'info' ? '—' : f.met ? 'yes' : 'NO']);
const header = ['figure', 'value', 'target', 'met'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log('');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
const missed = figures.filter((f) => !f.met);
console.log('');
console.log(`${figures.length - missed.length} of ${figures.length} figures met their targets; the bench took ${seconds.toFixed(0)} s.`);
for (const f of missed) console.log(`  missed: ${f.figure}: ${show(f)} (target ${f.target || 'measured'})${f.details?.error ? `: ${String(f.details.error)}` : ''}`);

const results = {
  generatedAt: new Date().toISOString(),
  durationSeconds: round(seconds, 1),
  machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGb: round(totalmem() / 1024 ** 3, 1) },
  figures: figures.map((f) => ({
    id: f.id,
    figure: f.figure,
    value: Number.isNaN(f.value) ? null : f.value,
    unit: f.unit,
    target: f.target,
    met: f.met,
    ...(f.details ? { details: f.details } : {}),
  })),
};
await writeFile(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`Results written to ${join('bench', 'results.json')}.`);
process.exit(missed.length > 0 ? 1 : 0);
