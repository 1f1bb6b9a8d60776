import { cardActionActivity } from '../test/support/activities.js';
import { PEOPLE } from '../test/support/sampleConfig.js';
import {
  ReplyPlanner,
  RoundTrips,
  accepted,
  caseRefs,
  createAwaitingCases,
  figure,
  log,
  percentile,
  plannedReply,
  round,
  startStack,
  textOf,
  uniquePrefix,
  type Figure,
  type Posted,
  type Stack,
  type Tally,
} from './support.js';

/**
 * Partner reply latency and reply overhead: 1,000 Agree/Disagree invokes over 200 cases, one at a
 * time, each timed from the POST to /api/messages until its HTTP response. By then the reply is
 * stored (with its effects, the outbox) and the response carries the clicker's updated card; the
 * card is updated for everyone else after the response, paced at seven messages a second per
 * conversation as Teams requires. The bench waits for that (untimed for the reply figure, and
 * reported on its own) before the next step, so no background work overlaps a measurement.
 * After each reply, in the same run, two invokes the bot answers without a case: an unknown verb
 * (the schema check refuses it) and one from another tenant (refused before any storage).
 */

const CASES = 200;
const REPLIES_PER_CASE = 5;
const WARM_UP_CASES = 10;

export type ReplyLatencyResult = { figures: Figure[]; replyMs: number[] };

export async function replyLatency(options: { connectionString: string; storagePort: number }): Promise<ReplyLatencyResult> {
  const stack = await startStack({ connectionString: options.connectionString, prefix: uniquePrefix('rl') });
  const trips = new RoundTrips({ storage: options.storagePort, connector: Number(new URL(stack.connector.url).port) });
  try {
    const refs = caseRefs('RL', CASES);
    const warm = caseRefs('RW', WARM_UP_CASES);
    log(`reply latency: creating ${CASES + WARM_UP_CASES} cases awaiting partner replies`);
    await createAwaitingCases(stack, [...warm, ...refs], { concurrency: 4 });

    // Warm-up (not counted): the same mix on other cases, so the JIT has seen every path.
    const warmPlanner = new ReplyPlanner();
    for (let j = 0; j < REPLIES_PER_CASE; j++) {
      for (let c = 0; c < warm.length; c++) {
        await reply(stack, warmPlanner, warm[c]!, c, j);
        await stack.host.services.effects.idle();
      }
    }
    for (let i = 0; i < 50; i++) {
      await unknownVerb(stack, warm[0]!);
      await foreignTenant(stack, warm[0]!);
    }

    log(`reply latency: ${CASES * REPLIES_PER_CASE} replies, one at a time, each followed by two storage-free invokes`);
    const planner = new ReplyPlanner();
    const replyMs: number[] = [];
    const unknownMs: number[] = [];
    const foreignMs: number[] = [];
    const replyTrips: Tally = RoundTrips.empty();
    const afterTrips: Tally = RoundTrips.empty();
    const everyoneMs: number[] = [];
    const unknownTrips: Tally = RoundTrips.empty();
    let refused = 0;
    let alreadyRecorded = 0;
    const recordedMs: number[] = [];
    const decisiveMs: number[] = [];
    const refusals: string[] = [];
    // Round-robin over the cases: a partner's reply, then the next case's, as they arrive in Teams.
    for (let j = 0; j < REPLIES_PER_CASE; j++) {
      for (let c = 0; c < refs.length; c++) {
        let before = trips.snapshot();
        const sentAt = performance.now();
        const r = await reply(stack, planner, refs[c]!, c, j);
        RoundTrips.add(replyTrips, RoundTrips.since(before, trips.snapshot()));
        replyMs.push(r.ms);
        // Everyone's copy of the card, and the outbox bookkeeping, after the response.
        before = trips.snapshot();
        await stack.host.services.effects.idle();
        everyoneMs.push(performance.now() - sentAt);
        RoundTrips.add(afterTrips, RoundTrips.since(before, trips.snapshot()));
        if (!accepted(r)) {
          refused++;
          if (refusals.length < 5) refusals.push(`${r.status} ${textOf(r).slice(0, 200)}`);
        } else if (textOf(r).includes('already recorded')) alreadyRecorded++;
        else recordedMs.push(r.ms);
        // The reply that completes the set with a disagreement opens the dispute (more effects).
        if (j === 2) decisiveMs.push(r.ms);

        before = trips.snapshot();
        const u = await unknownVerb(stack, refs[c]!);
        RoundTrips.add(unknownTrips, RoundTrips.since(before, trips.snapshot()));
        unknownMs.push(u.ms);
        foreignMs.push((await foreignTenant(stack, refs[c]!)).ms);
      }
    }
    if (refusals.length) log(`reply latency: refusals, e.g. ${refusals.join(' | ')}`);

    const n = replyMs.length;
    const p50 = percentile(replyMs, 50);
    const p99 = percentile(replyMs, 99);
    const base = percentile(unknownMs, 50);
    const storageFree = percentile(foreignMs, 50);
    const replyDetails = {
      replies: n,
      cases: CASES,
      accepted: n - refused,
      alreadyRecorded,
      recordedP50Ms: round(percentile(recordedMs, 50)),
      disputeOpeningReplyP50Ms: round(percentile(decisiveMs, 50)),
      p90Ms: round(percentile(replyMs, 90)),
      maxMs: round(Math.max(...replyMs)),
      meanMs: round(replyMs.reduce((a, b) => a + b, 0) / n),
      ...RoundTrips.perOperation(replyTrips, n, 'perReply'),
      ...RoundTrips.perOperation(afterTrips, n, 'afterResponsePerReply'),
    };
    return {
      replyMs,
      figures: [
        figure({ id: 'reply.p50', figure: 'Partner reply latency p50', value: p50, unit: 'ms', limit: 30, comparison: '<=', details: replyDetails }),
        figure({ id: 'reply.p99', figure: 'Partner reply latency p99', value: p99, unit: 'ms', limit: 100, comparison: '<=' }),
        figure({
          id: 'reply.everyone',
          figure: "Partner reply: everyone's card updated, p50 (paced at 7 messages/s per conversation)",
          value: percentile(everyoneMs, 50),
          unit: 'ms',
          limit: 0,
          comparison: 'info',
          details: { p99Ms: round(percentile(everyoneMs, 99)), note: 'all 200 cases share one decision channel, so each update waits for the previous one plus 1/7 s' },
        }),
        figure({ id: 'reply.errors', figure: 'Partner replies refused or failed (of 1,000)', value: refused, unit: 'replies', limit: 0, comparison: '==' }),
        figure({
          id: 'reply.overhead',
          figure: 'Reply overhead: reply p50 ÷ unknown-verb invoke p50',
          value: p50 / base,
          unit: '×',
          limit: 4,
          comparison: '<=',
          details: {
            baselineP50Ms: round(base),
            baselineP99Ms: round(percentile(unknownMs, 99)),
            ...RoundTrips.perOperation(unknownTrips, unknownMs.length, 'perBaseline'),
            storageFreeInvokeP50Ms: round(storageFree),
            ratioToStorageFreeInvoke: round(p50 / storageFree),
          },
        }),
      ],
    };
  } finally {
    trips.close();
    await stack.close();
  }
}

function reply(stack: Stack, planner: ReplyPlanner, caseRef: string, c: number, j: number): Promise<Posted> {
  return stack.client.post(plannedReply(stack, planner, caseRef, c, j));
}

async function unknownVerb(stack: Stack, caseRef: string): Promise<Posted> {
  const r = await stack.client.post(cardActionActivity(stack.at('conv-decision', PEOPLE.police), 'case.unknownVerb', { caseRef }));
  return expectText(r, 'That action could not be understood');
}

async function foreignTenant(stack: Stack, caseRef: string): Promise<Posted> {
  const r = await stack.client.post(cardActionActivity(stack.at('conv-decision', PEOPLE.police, 'channel', 'other-tenant'), 'partner.agree', { caseRef }));
  return expectText(r, 'Nothing was recorded');
}

/** A baseline is only a baseline if the bot answered it as expected. */
function expectText(r: Posted, text: string): Posted {
  if (r.status !== 200 || !textOf(r).includes(text)) throw new Error(`baseline invoke answered ${r.status}: ${textOf(r).slice(0, 200)}`);
  return r;
}
