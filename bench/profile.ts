import { mkdir } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { startBenchAzurite, type BenchAzurite } from './azurite.js';
import { formatSummary, inclusive, summariseProfile, type ProfileSummary } from './cpuProfile.js';
import { prepareSweep } from './sweepScaling.js';
import { ReplyPlanner, RoundTrips, accepted, caseRefs, createAwaitingCases, log, percentile, plannedReply, round, startStack, uniquePrefix } from './support.js';

/**
 * Evidence for a missed target (not part of npm run bench): CPU profiles, over exactly the
 * measured window, of this process (the bot behind the local host, with the bench's connector and
 * client) and of Azurite, plus the Table Storage round trips.
 *
 *   npx tsx bench/profile.ts reply            500 sequential partner replies on 100 cases
 *   npx tsx bench/profile.ts sweep [open]     one sweep of 100 due cases with `open` open (default 100000)
 *
 * Profiles are written to $TMPDIR/bench-profiles/ (open them in Chrome DevTools).
 */

const scenario = process.argv[2] ?? 'reply';
const dir = join(tmpdir(), 'bench-profiles');
await mkdir(dir, { recursive: true });

const PROJECT_DIRS = ['app/', 'store/', 'cards/', 'workflow/', 'bot/', 'functions/', 'local/'];

async function profiled<T>(azurite: BenchAzurite, name: string, work: () => Promise<T>): Promise<{ result: T; bot: ProfileSummary; azurite: ProfileSummary; files: string[] }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await azurite.profileStart();
  await session.post('Profiler.start');
  const result = await work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const botFile = join(dir, `${name}-bot.cpuprofile`);
  const azuriteFile = join(dir, `${name}-azurite.cpuprofile`);
  await writeFile(botFile, JSON.stringify(profile));
  await azurite.profileStop(azuriteFile);
  return { result, bot: await summariseProfile(botFile), azurite: await summariseProfile(azuriteFile), files: [botFile, azuriteFile] };
}

function report(title: string, p: { bot: ProfileSummary; azurite: ProfileSummary; files: string[] }): void {
  console.log(`\n=== ${title}: the bot's process (host, handlers, connector and client) ===`);
  console.log(formatSummary(p.bot, 25));
  console.log('project functions by total (inclusive) time:');
  for (const f of inclusive(p.bot, (x) => PROJECT_DIRS.some((d) => x.where.startsWith(d))).slice(0, 20)) {
    console.log(`  ${f.totalMs.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`);
  }
  console.log(`\n=== ${title}: Azurite ===`);
  console.log(formatSummary(p.azurite, 15));
  console.log(`\nprofiles: ${p.files.join(', ')}`);
}

const azurite = await startBenchAzurite({ maxOldSpaceMb: 8192 });
try {
  if (scenario === 'reply') {
    const stack = await startStack({ connectionString: azurite.connectionString, prefix: uniquePrefix('pr') });
    const trips = new RoundTrips({ storage: azurite.port, connector: Number(new URL(stack.connector.url).port) });
    const refs = caseRefs('PR', 100);
    await createAwaitingCases(stack, refs, { concurrency: 4 });
    const warm = new ReplyPlanner();
    const warmRefs = caseRefs('PW', 10);
    await createAwaitingCases(stack, warmRefs);
    for (let j = 0; j < 5; j++) {
      for (let c = 0; c < warmRefs.length; c++) {
        await stack.client.post(plannedReply(stack, warm, warmRefs[c]!, c, j));
        await stack.host.services.effects.idle();
      }
    }
    log('profiling 500 sequential partner replies');
    const planner = new ReplyPlanner();
    const before = trips.snapshot();
    const p = await profiled(azurite, 'reply', async () => {
      const ms: number[] = [];
      let ok = 0;
      for (let j = 0; j < 5; j++) {
        for (let c = 0; c < refs.length; c++) {
          const r = await stack.client.post(plannedReply(stack, planner, refs[c]!, c, j));
          ms.push(r.ms);
          if (accepted(r)) ok++;
          // Everyone's card is updated after the response (in this profile too, but not in `ms`).
          await stack.host.services.effects.idle();
        }
      }
      return { ms, ok };
    });
    const tally = RoundTrips.since(before, trips.snapshot());
    report('500 partner replies', p);
    console.log(`\nreplies: ${p.result.ok} of ${p.result.ms.length} accepted; p50 ${round(percentile(p.result.ms, 50))} ms, p99 ${round(percentile(p.result.ms, 99))} ms`);
    console.log('per reply:', JSON.stringify(RoundTrips.perOperation(tally, p.result.ms.length, '')));
    trips.close();
    await stack.close();
  } else if (scenario === 'sweep') {
    const open = Number(process.argv[3] ?? 100_000);
    const prepared = await prepareSweep(azurite, open);
    try {
      log(`profiling one sweep with ${open} open cases`);
      const p = await profiled(azurite, `sweep-${open}`, () => prepared.sweep(600_000));
      report(`one sweep, 100 due, ${open} open`, p);
      console.log(`\nsweep: ${round(p.result.ms)} ms, ${JSON.stringify(p.result.result)}`);
      console.log('per due case:', JSON.stringify(RoundTrips.perOperation(p.result.tally, p.result.result.cases, '')));
    } finally {
      await prepared.close();
    }
  } else {
    console.error('usage: tsx bench/profile.ts reply | sweep [open]');
    process.exitCode = 2;
  }
} finally {
  await azurite.stop();
}
