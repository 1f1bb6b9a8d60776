import { readFileSync } from 'node:fs';
import { BenchConnector, ReplyPlanner, accepted, caseRefs, createAwaitingCases, plannedReply, startStack, uniquePrefix, type Stack } from './support.js';

/**
 * Runs in its own process (node --expose-gc): the bot behind the local host, its connector and
 * the client that sends replies. Resident memory is read after a forced collection once warm,
 * and again after the measured replies. Prints one JSON line.
 */

/**
 * shards: the cases are spread over this many table sets, each served by its own host instance in
 * this one process. Azurite answers every query by scanning the whole table, so one table set
 * taking 20,000+ rows would make Azurite, not the bot, the subject (and the run far too long).
 */
export type MemoryChildConfig = { connectionString: string; azuritePid: number; cases: number; shards: number; warmUp: number; replies: number; inFlight: number };
export type MemoryChildResult = {
  rssBeforeBytes: number;
  rssAfterBytes: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  externalBeforeBytes: number;
  externalAfterBytes: number;
  replies: number;
  accepted: number;
  seconds: number;
  /** CPU seconds over the measured replies: this process (bot, connector, client) and Azurite's. */
  botCpuSeconds: number;
  azuriteCpuSeconds: number;
  /** rss and heap as they stand (no forced collection), every 1,000 replies. */
  samples: { replies: number; rssBytes: number; heapBytes: number }[];
};

/** User + system CPU seconds of a process on Linux (/proc); 0 where that cannot be read. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const config = JSON.parse(process.env.BENCH_MEMORY_CONFIG ?? '{}') as MemoryChildConfig;

async function settle(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return process.memoryUsage();
}

// One connector for all, keeping nothing per card: only the bot's memory should move.
const connector = await new BenchConnector().start();
connector.keepUpdates = false;
const stacks: Stack[] = [];
for (let i = 0; i < config.shards; i++) stacks.push(await startStack({ connectionString: config.connectionString, prefix: uniquePrefix(`mem${i}`), connector }));
const refs = caseRefs('MEM', config.cases);
/** Case c lives in shard c mod shards. */
const stackOf = (c: number): Stack => stacks[c % stacks.length]!;
await Promise.all(stacks.map((stack, i) => createAwaitingCases(stack, refs.filter((_, c) => c % stacks.length === i), { concurrency: 2 })));

const planner = new ReplyPlanner();
const nextReply = new Array<number>(refs.length).fill(0);
let sent = 0;
let ok = 0;

/** Sends `count` replies with `inFlight` workers; worker w replies only on cases c ≡ w (mod inFlight), so a case never has two replies in flight. */
async function replies(count: number, onThousand?: (n: number) => Promise<void>): Promise<void> {
  const target = sent + count;
  const workers = Array.from({ length: config.inFlight }, async (_, w) => {
    const mine = refs.map((_, c) => c).filter((c) => c % config.inFlight === w);
    for (let k = 0; sent < target; k++) {
      const c = mine[k % mine.length]!;
      const n = ++sent;
      const stack = stackOf(c);
      const r = await stack.client.post(plannedReply(stack, planner, refs[c]!, c, nextReply[c]!++));
      if (accepted(r)) ok++;
      if (onThousand && n % 1000 === 0) await onThousand(n);
    }
  });
  await Promise.all(workers);
}

await replies(config.warmUp);
await Promise.all(stacks.map((stack) => stack.host.services.effects.idle()));
const before = await settle();
const okBefore = ok;
const sentBefore = sent;
const samples: MemoryChildResult['samples'] = [];
const cpuBefore = process.cpuUsage();
const azuriteBefore = cpuSecondsOf(config.azuritePid);
const started = performance.now();
await replies(config.replies, async (n) => {
  const m = process.memoryUsage();
  samples.push({ replies: n - sentBefore, rssBytes: m.rss, heapBytes: m.heapUsed });
});
// Everyone's card updates go on after the replies are answered: memory is read once they are done.
await Promise.all(stacks.map((stack) => stack.host.services.effects.idle()));
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const azuriteCpuSeconds = cpuSecondsOf(config.azuritePid) - azuriteBefore;
const after = await settle();
for (const stack of stacks) await stack.close();
await connector.stop();

const result: MemoryChildResult = {
  rssBeforeBytes: before.rss,
  rssAfterBytes: after.rss,
  heapBeforeBytes: before.heapUsed,
  heapAfterBytes: after.heapUsed,
  externalBeforeBytes: before.external + before.arrayBuffers,
  externalAfterBytes: after.external + after.arrayBuffers,
  replies: sent - sentBefore,
  accepted: ok - okBefore,
  seconds,
  botCpuSeconds: (cpu.user + cpu.system) / 1e6,
  azuriteCpuSeconds,
  samples,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
