import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compositionRoot.js';
import { DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock } from '../support/services.js';
import { CHAIR_CHAT, DIRECTOR_CHAT, fanOutCards, servicesTalkingTo } from './support/connectorServices.js';
import { eventually, settled } from './support/eventually.js';
import { FaultyConnector, type Fate } from './support/faultyConnector.js';
import { count } from './support/tally.js';

/**
 * The Bot Connector delivers a message and then fails to say so: it answers 502 or 504, or the
 * connection drops, after Teams has already shown the message. The bot cannot tell that apart from
 * a message that never arrived. 8 cases each send the chair and the director an initial-view
 * request, then a half-time reminder; some of those posts are delivered-then-failed. What a user
 * would notice: every message arrives, in order. Microsoft's guidance is to retry 502 and 504, and
 * a message must never be lost, so the bot posts it again; the Bot Connector has no idempotency
 * key and no way to ask whether a message arrived, so the person may see it twice. That is
 * counted (known duplicates in the summary line), never more than once per ambiguous failure.
 */

const CASES = 8;
const LOGGED = '2026-05-05T09:00:00.000Z';
const HALF_TIME = '2026-05-05T13:30:00.000Z';

/** By attempt number in each conversation: each kind of ambiguous failure, on requests and reminders. */
const FAULTS: Record<string, Record<number, Fate>> = {
  [CHAIR_CHAT]: { 2: { deliveredThen: 502 }, 6: { deliveredThen: 'drop' }, 12: { deliveredThen: 504 } },
  [DIRECTOR_CHAT]: { 3: { deliveredThen: 504 }, 10: { deliveredThen: 'drop' }, 13: { deliveredThen: 502 } },
};

let connector: FaultyConnector;
let s: Services;
const clock = new TestClock(new Date(LOGGED));
const caseRefs = Array.from({ length: CASES }, (_, i) => `RR-2026-${String(300 + i).padStart(3, '0')}`);

beforeAll(async () => {
  connector = await new FaultyConnector((n, conversationId) => FAULTS[conversationId]?.[n] ?? 'ok').start();
  s = await servicesTalkingTo(connector.url, clock);
});
afterAll(async () => {
  await connector?.stop();
});

const { kindOf, caseOf } = fanOutCards(caseRefs);
const pending = async () => (await Promise.all(caseRefs.map(async (ref) => (await s.outbox.pending(ref)).effects))).flat().length;

describe('a Bot Connector that delivers a message and then reports a failure', () => {
  it('gets every message to its chat, in order, repeating a message at most once per ambiguous failure', async () => {
    for (const caseRef of caseRefs) {
      await s.cases.execute(
        caseRef,
        { type: 'LogReferral', actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName }, referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll('RR-2026-014', caseRef) } },
        new Date(LOGGED),
      );
    }
    // Half time, then later sweeps: reminders go out, and whatever the bot saw fail is retried.
    let at = Date.parse(HALF_TIME);
    for (let sweep = 0; sweep < 4; sweep++, at += 3 * 60_000) {
      clock.set(new Date(at).toISOString());
      await s.runSweep(new Date(at));
    }
    // Effects may still be running after the sweep returned: wait for the outbox and the connector to go quiet.
    await eventually(pending, (n) => n === 0, { timeoutMs: 20_000 });
    await settled(() => connector.attempts.length, { quietMs: 1_000 });

    const missing: string[] = [];
    const duplicated: string[] = [];
    const outOfOrder: string[] = [];
    for (const chat of [CHAIR_CHAT, DIRECTOR_CHAT]) {
      const posts = connector.delivered.filter((d) => d.conversationId === chat && d.method === 'POST');
      for (const caseRef of caseRefs) {
        const kinds = posts.filter((p) => caseOf(p.card) === caseRef).map((p) => kindOf(p.card));
        for (const kind of ['request', 'reminder']) {
          const n = kinds.filter((k) => k === kind).length;
          if (n === 0) missing.push(`${chat} ${caseRef} ${kind}`);
          if (n > 1) duplicated.push(`${chat} ${caseRef} ${kind} x${n}`);
        }
        if (kinds.indexOf('reminder') !== -1 && kinds.indexOf('reminder') < kinds.lastIndexOf('request')) outOfOrder.push(`${chat} ${caseRef}: ${kinds.join(',')}`);
      }
    }
    const injected = connector.injected.length;
    const extraCopies = duplicated.reduce((n, d) => n + Number(/x(\d+)$/.exec(d)![1]) - 1, 0);
    const survived = missing.length === 0 && outOfOrder.length === 0 && extraCopies <= injected;
    count({ faultsInjected: injected, ...(survived ? { faultsSurvived: injected } : { faultsLost: injected }), ...(extraCopies > 0 ? { knownDuplicates: extraCopies } : {}) });

    expect(injected).toBe(6);
    expect(missing, 'messages the chat never got').toEqual([]);
    expect(outOfOrder, 'a reminder before its request').toEqual([]);
    // A delivered-then-failed post is posted again (never lost), at most once per such failure.
    expect(extraCopies, `extra copies: ${duplicated.join('; ')}`).toBeLessThanOrEqual(injected);
    expect(duplicated.every((d) => d.endsWith(' x2')), duplicated.join('; ')).toBe(true);
  }, 120_000);
});
