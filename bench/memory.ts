import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MemoryChildConfig, MemoryChildResult } from './memoryChild.js';
import { figure, log, round, type Figure } from './support.js';

/**
 * Resident memory growth of the bot's process over 10,000 replies after warm-up, measured in a
 * child process run with --expose-gc (bench/memoryChild.ts): rss after a forced collection once
 * warm, and again after the 10,000 replies.
 */

const MB = 1024 * 1024;

export async function memory(options: { connectionString: string; azuritePid: number; replies?: number; cases?: number; shards?: number; inFlight?: number; timeoutMs?: number }): Promise<Figure[]> {
  const config: MemoryChildConfig = { connectionString: options.connectionString, azuritePid: options.azuritePid, cases: options.cases ?? 300, shards: options.shards ?? 4, warmUp: 1000, replies: options.replies ?? 10_000, inFlight: options.inFlight ?? 6 };
  log(`memory: ${config.replies.toLocaleString('en-GB')} replies after ${config.warmUp} warm-up, on ${config.cases} cases in ${config.shards} table sets, ${config.inFlight} in flight, in a child process`);
  const result = await runChild(config, options.timeoutMs ?? 420_000);
  const growth = (result.rssAfterBytes - result.rssBeforeBytes) / MB;
  return [
    figure({
      id: 'memory.rssGrowth',
      figure: `Memory: resident growth over ${result.replies.toLocaleString('en-GB')} replies`,
      value: growth,
      unit: 'MB',
      limit: 50,
      comparison: '<=',
      details: {
        rssBeforeMb: round(result.rssBeforeBytes / MB),
        rssAfterMb: round(result.rssAfterBytes / MB),
        heapGrowthMb: round((result.heapAfterBytes - result.heapBeforeBytes) / MB),
        externalGrowthMb: round((result.externalAfterBytes - result.externalBeforeBytes) / MB),
        accepted: result.accepted,
        seconds: round(result.seconds),
        repliesPerSecond: round(result.replies / result.seconds),
        botCpuSeconds: round(result.botCpuSeconds),
        azuriteCpuSeconds: round(result.azuriteCpuSeconds),
        rssMbEvery1000: result.samples.map((s) => round(s.rssBytes / MB, 0)).join(' '),
        heapMbEvery1000: result.samples.map((s) => round(s.heapBytes / MB, 0)).join(' '),
      },
    }),
  ];
}

function runChild(config: MemoryChildConfig, timeoutMs: number): Promise<MemoryChildResult> {
  return new Promise<MemoryChildResult>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./memoryChild.ts', import.meta.url))], {
      env: { ...process.env, BENCH_MEMORY_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the memory run did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`the memory run failed (exit ${code}):\n${stderr.slice(-2000)}`));
      resolve(JSON.parse(line) as MemoryChildResult);
    });
  });
}
