import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { figure, log, median, round, type Figure } from './support.js';

/**
 * Cold start: the time to import the built Azure Functions entry (dist/functions/index.js, after
 * `npm run build`: the one-file bundle the host loads, see scripts/functionsBundle.ts) in a fresh
 * Node process, against importing botbuilder alone, each the median of
 * 10 fresh processes, alternating. The import is timed inside the process (performance.now()
 * around the dynamic import); the whole process's wall time is reported alongside.
 */

const RUNS = 10;
/** What the entry's code uses besides botbuilder (and node:*); the bundle carries all but @azure/functions. */
const DEPENDENCIES = ['@azure/functions', '@azure/data-tables', '@azure/identity', '@microsoft/microsoft-graph-client', 'date-holidays', 'luxon', 'zod'];

type Timed = { importMs: number; processMs: number };

/** Imports argv[2] first (untimed) when given, then times the import of argv[1]. */
const PROBE = `const first = process.argv[2] ? import(process.argv[2]) : Promise.resolve(); first.then(() => { const t = performance.now(); return import(process.argv[1]).then(() => performance.now() - t); }).then((ms) => { process.stdout.write('IMPORT_MS=' + ms + '\\n'); process.exit(0); }, (e) => { console.error(e); process.exit(1); });`;

function importOnce(cwd: string, specifier: string, after?: string): Promise<Timed> {
  return new Promise<Timed>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', PROBE, specifier, ...(after ? [after] : [])], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const processMs = performance.now() - started;
      const match = /IMPORT_MS=([\d.]+)/.exec(out);
      if (code !== 0 || !match) return reject(new Error(`importing ${specifier} failed (exit ${code}): ${err.slice(-1000)}`));
      resolve({ importMs: Number(match[1]), processMs });
    });
  });
}

async function build(cwd: string): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed (exit ${code}):\n${output.slice(-2000)}`));
    });
  });
  return performance.now() - started;
}

export async function coldStart(options: { cwd: string }): Promise<Figure[]> {
  log('cold start: npm run build');
  const buildMs = await build(options.cwd);
  const entryPath = join(options.cwd, 'dist', 'functions', 'index.js');
  await access(entryPath);
  const entry = pathToFileURL(entryPath).href;
  log(`cold start: importing the functions entry and botbuilder, ${RUNS} fresh processes each`);
  // One of each, not counted: the file system cache is warm for both before timing starts.
  await importOnce(options.cwd, entry);
  await importOnce(options.cwd, 'botbuilder');
  const entryRuns: Timed[] = [];
  const botRuns: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate which goes first, so neither always follows the other.
    if (i % 2 === 0) {
      entryRuns.push(await importOnce(options.cwd, entry));
      botRuns.push(await importOnce(options.cwd, 'botbuilder'));
    } else {
      botRuns.push(await importOnce(options.cwd, 'botbuilder'));
      entryRuns.push(await importOnce(options.cwd, entry));
    }
  }
  const entryMs = median(entryRuns.map((r) => r.importMs));
  const botMs = median(botRuns.map((r) => r.importMs));
  const ratio = entryMs / botMs;

  // What the entry adds to botbuilder: each other package it imports, timed with botbuilder
  // already loaded (they share @azure/core-*), and the whole entry the same way.
  const marginal: Record<string, number> = {};
  for (const specifier of [...DEPENDENCIES, entry]) {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push((await importOnce(options.cwd, specifier, 'botbuilder')).importMs);
    marginal[`afterBotbuilder:${specifier === entry ? 'functionsEntry' : specifier}Ms`] = round(median(runs));
  }

  return [
    figure({
      id: 'coldStart.ratio',
      figure: 'Cold start: import dist/functions/index.js ÷ import botbuilder (medians of 10)',
      value: ratio,
      unit: '×',
      limit: 1.5,
      comparison: '<=',
      details: {
        entryImportMedianMs: round(entryMs),
        botbuilderImportMedianMs: round(botMs),
        entryProcessMedianMs: round(median(entryRuns.map((r) => r.processMs))),
        botbuilderProcessMedianMs: round(median(botRuns.map((r) => r.processMs))),
        processRatio: round(median(entryRuns.map((r) => r.processMs)) / median(botRuns.map((r) => r.processMs))),
        entryImportRunsMs: entryRuns.map((r) => round(r.importMs, 0)).join(' '),
        botbuilderImportRunsMs: botRuns.map((r) => round(r.importMs, 0)).join(' '),
        buildMs: round(buildMs),
        ...marginal,
      },
    }),
  ];
}
