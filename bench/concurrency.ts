import { positionWords } from '../cards/positions.js';
import { cardText } from '../test/support/recordingMessenger.js';
import type { CaseEvent } from '../workflow/events.js';
import { PARTNER_NAMES, PARTNERS, type Partner } from '../workflow/partnership.js';
import {
  RoundTrips,
  accepted,
  caseRefs,
  createAwaitingCases,
  figure,
  log,
  percentile,
  pool,
  replyActivity,
  round,
  startStack,
  textOf,
  uniquePrefix,
  type Figure,
  type ReplyKind,
} from './support.js';

/**
 * 600 replies (200 cases × 3 partners) with 50 in flight. A case's three replies are sent one
 * after another, so they race each other on the same case (optimistic concurrency: conflict,
 * reload, decide again). Afterwards every reply must be in the log, no user saw an error, and the
 * last update the connector received for each case's partner card must show, for each partner,
 * the position folded from the case's events.
 */

const CASES = 200;
const IN_FLIGHT = 50;

/** Each case's three replies, by case: one in four ends with all three agreeing (a decision). */
const PATTERNS: ReplyKind[][] = [
  ['agree', 'agreeWithComment', 'agree'],
  ['disagree', 'agree', 'agreeWithComment'],
  ['agreeWithComment', 'disagree', 'agree'],
  ['agree', 'agreeWithComment', 'disagree'],
];

type PlannedReply = { caseRef: string; partner: Partner; kind: ReplyKind; variant: number };

export async function concurrency(options: { connectionString: string; storagePort: number }): Promise<Figure[]> {
  const stack = await startStack({ connectionString: options.connectionString, prefix: uniquePrefix('cc') });
  const trips = new RoundTrips({ storage: options.storagePort, connector: Number(new URL(stack.connector.url).port) });
  try {
    const refs = caseRefs('CC', CASES);
    log(`concurrency: creating ${CASES} cases awaiting partner replies`);
    await createAwaitingCases(stack, refs, { concurrency: 4 });

    const planned: PlannedReply[] = refs.flatMap((caseRef, c) =>
      PATTERNS[c % PATTERNS.length]!.map((kind, i): PlannedReply => ({ caseRef, partner: PARTNERS[(c + i) % 3]!, kind, variant: c + i })),
    );
    log(`concurrency: ${planned.length} replies, ${IN_FLIGHT} in flight`);
    const outcomes: { status: number; accepted: boolean; ms: number; text: string }[] = new Array(planned.length);
    const before = trips.snapshot();
    const started = performance.now();
    await pool(planned.length, IN_FLIGHT, async (i) => {
      const p = planned[i]!;
      try {
        const r = await stack.client.post(replyActivity(stack, p.caseRef, p.partner, p.kind, p.variant));
        outcomes[i] = { status: r.status, accepted: accepted(r), ms: r.ms, text: textOf(r) };
      } catch (error) {
        outcomes[i] = { status: 0, accepted: false, ms: 0, text: error instanceof Error ? error.message : String(error) };
      }
    });
    const seconds = (performance.now() - started) / 1000;
    // Everyone's cards are updated after each reply is answered, paced per conversation: wait for them.
    await stack.host.services.effects.idle();
    const drainedSeconds = (performance.now() - started) / 1000;
    const tally = RoundTrips.since(before, trips.snapshot());

    const serverErrors = outcomes.filter((o) => o.status >= 500 || o.status === 0).length;
    // The local authority already agreed as the view's co-author, so where the other two partners' planned replies
    // both agree, they decide the case; the local authority's own reply, when the race brings it after that, is
    // rightly refused ("replies are closed"): expected, neither an error nor a lost reply.
    const closedAsExpected = (i: number) => {
      const p = planned[i]!;
      const o = outcomes[i]!;
      const othersAgree = planned.filter((x) => x.caseRef === p.caseRef && x.partner !== 'localAuthority').every((x) => x.kind !== 'disagree');
      return p.partner === 'localAuthority' && othersAgree && o.status === 200 && !o.accepted && o.text.includes('replies are closed');
    };
    const expectedClosed = new Set(planned.flatMap((_, i) => (closedAsExpected(i) ? [i] : [])));
    const refusals = outcomes.filter((o, i) => o.status === 200 && !o.accepted && !expectedClosed.has(i));
    const otherStatus = outcomes.filter((o) => o.status !== 200 && o.status < 500 && o.status !== 0).length;
    for (const r of refusals.slice(0, 3)) log(`concurrency: refusal shown: ${r.text.replace(/\s+/g, ' ').slice(0, 400)}`);

    // Lost replies, and the partner card against the log.
    const now = stack.clock.now();
    let lost = 0;
    let cardsStale = 0;
    let cardsNeverUpdated = 0;
    let pendingEffects = 0;
    const staleExamples: string[] = [];
    for (const caseRef of refs) {
      const { events, state } = await stack.host.services.store.load(caseRef);
      const replies = events.filter((e): e is Extract<CaseEvent, { type: 'PartnerReplied' }> => e.type === 'PartnerReplied' && !e.asAuthorOfView);
      for (const p of planned.filter((x, i) => x.caseRef === caseRef && !expectedClosed.has(i))) {
        // Every reply carries a rationale (002 step 4): the plain agreement's is "Agree.", the others' their own text.
        const found = replies.some((e) => e.partner === p.partner && e.reply === (p.kind === 'disagree' ? 'disagree' : 'agree') && (p.kind === 'agree' ? e.rationale === 'Agree.' : e.rationale !== undefined && e.rationale !== 'Agree.'));
        if (!found) lost++;
      }
      pendingEffects += (await stack.host.services.outbox.pending(caseRef)).effects.length;
      const tracked = await stack.host.services.outbox.trackedCard(caseRef, 'partnerDecision');
      const card = tracked ? stack.connector.lastCard(tracked.conversationId, tracked.activityId) : undefined;
      if (!state || !card) {
        cardsNeverUpdated++;
        continue;
      }
      const lines = cardText(card).split('\n');
      const wrong = PARTNERS.filter((partner) => {
        const expected = `**${PARTNER_NAMES[partner]}**: ${positionWords(state.positions[partner], now)}`;
        const position = state.positions[partner];
        const typed = position.status === 'agreed' ? position.comment : position.status === 'disagreed' ? position.rationale : undefined;
        return !lines.includes(expected) || (typed !== undefined && !lines.some((l) => l.includes(typed)));
      });
      if (wrong.length > 0) {
        cardsStale++;
        if (staleExamples.length < 3) staleExamples.push(`${caseRef}: ${wrong.join(', ')}`);
      }
    }
    if (staleExamples.length) log(`concurrency: stale cards, e.g. ${staleExamples.join('; ')}`);

    const ms = outcomes.map((o) => o.ms);
    const decided = refs.filter((_, c) => c % PATTERNS.length === 0).length;
    return [
      figure({
        id: 'concurrency.lost',
        figure: 'Concurrency: replies lost (event not in the log), of 600',
        value: lost,
        unit: 'replies',
        limit: 0,
        comparison: '==',
        details: { replies: planned.length, cases: CASES, inFlight: IN_FLIGHT, casesDecided: decided, casesInDispute: CASES - decided, pendingEffectsAfter: pendingEffects, ...RoundTrips.perOperation(tally, planned.length, 'perReply') },
      }),
      figure({
        id: 'concurrency.errors',
        figure: 'Concurrency: errors shown to users (5xx, unexpected refusals)',
        value: serverErrors + refusals.length + otherStatus,
        unit: 'replies',
        limit: 0,
        comparison: '==',
        details: { serverErrors, refusals: refusals.length, otherStatus, closedAfterDecisionAsExpected: expectedClosed.size },
      }),
      figure({
        id: 'concurrency.cards',
        figure: "Concurrency: partner cards whose last update differs from the log",
        value: cardsStale + cardsNeverUpdated,
        unit: 'cards',
        limit: 0,
        comparison: '==',
        details: { cardsChecked: refs.length, cardsStale, cardsNeverUpdated, connectorUpdates: stack.connector.counts.put },
      }),
      figure({
        id: 'concurrency.throughput',
        figure: 'Concurrency: replies per second (50 in flight)',
        value: planned.length / seconds,
        unit: 'replies/s',
        limit: 0,
        comparison: 'info',
        details: { seconds: round(seconds), everyonesCardsUpdatedAfterSeconds: round(drainedSeconds), latencyP50Ms: round(percentile(ms, 50)), latencyP99Ms: round(percentile(ms, 99)), maxMs: round(Math.max(...ms)) },
      }),
    ];
  } finally {
    trips.close();
    await stack.close();
  }
}
