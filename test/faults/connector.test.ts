import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../functions/compositionRoot.js';
import { DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock } from '../support/services.js';
import { CHAIR_CHAT, DIRECTOR_CHAT, fanOutCards, servicesTalkingTo } from './support/connectorServices.js';
import { FaultyConnector, type Fate } from './support/faultyConnector.js';
import { count } from './support/tally.js';

/**
 * The real Teams messenger (botbuilder's connector client) against a Bot Connector that throttles,
 * fails and hangs, while 50 cases each send the chair and the director an initial-view request
 * and then, at half time, a reminder: a fan-out of 50 reminders to each of two 1:1 chats.
 * Every message arrives once, in order within its conversation, and no conversation ever gets
 * more than 7 requests in a second: every attempt counts, POST or PUT, accepted, refused or
 * hung, as Teams counts them (measured where Teams would see them, at the connector).
 */

const CASES = 50;
const LOGGED = '2026-05-05T09:00:00.000Z';
const HALF_TIME = '2026-05-05T13:30:00.000Z';

/** The faults, by attempt number in each conversation: every kind, more than once, during the fan-out. */
const FAULTS: Record<string, Record<number, Fate>> = {
  [CHAIR_CHAT]: { 3: { status: 429, retryAfterSeconds: 1 }, 9: { status: 412 }, 17: { status: 502 }, 25: { status: 504 }, 33: 'hang', 55: { status: 429, retryAfterSeconds: 2 }, 61: { status: 502 }, 70: { status: 504 }, 80: { status: 412 } },
  [DIRECTOR_CHAT]: { 5: { status: 504 }, 12: { status: 429, retryAfterSeconds: 1 }, 13: { status: 429, retryAfterSeconds: 1 }, 40: { status: 412 }, 58: { status: 502 }, 66: 'hang', 90: { status: 429, retryAfterSeconds: 1 } },
};

let connector: FaultyConnector;
let s: Services;
const clock = new TestClock(new Date(LOGGED));
const caseRefs = Array.from({ length: CASES }, (_, i) => `RR-2026-${String(100 + i).padStart(3, '0')}`);

beforeAll(async () => {
  connector = await new FaultyConnector((n, conversationId) => FAULTS[conversationId]?.[n] ?? 'ok').start();
  s = await servicesTalkingTo(connector.url, clock);
});
afterAll(async () => {
  await connector?.stop();
});

const { kindOf, caseOf } = fanOutCards(caseRefs);

describe('a Bot Connector that throttles, fails and hangs', () => {
  it('gets every message once, in order within each conversation, never more than 7 a second', async () => {
    await Promise.all(
      caseRefs.map((caseRef) =>
        s.cases.execute(
          caseRef,
          { type: 'LogReferral', actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName }, referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll('RR-2026-014', caseRef) } },
          new Date(LOGGED),
        ),
      ),
    );
    // Half time: the sweep reminds both of every case; later sweeps retry whatever failed.
    let at = Date.parse(HALF_TIME);
    for (let sweep = 0; sweep < 6; sweep++, at += 3 * 60_000) {
      clock.set(new Date(at).toISOString());
      await s.runSweep(new Date(at));
    }
    const pending = (await Promise.all(caseRefs.map(async (ref) => (await s.outbox.pending(ref)).effects))).flat();

    const problems: string[] = [];
    for (const chat of [CHAIR_CHAT, DIRECTOR_CHAT]) {
      const posts = connector.delivered.filter((d) => d.conversationId === chat && d.method === 'POST');
      for (const caseRef of caseRefs) {
        const kinds = posts.filter((p) => caseOf(p.card) === caseRef).map((p) => kindOf(p.card));
        if (kinds.join(',') !== 'request,reminder') problems.push(`${chat} ${caseRef}: ${kinds.join(',') || 'nothing'}`);
      }
      const rate = connector.maxPerSecond(chat);
      if (rate > 7) problems.push(`${chat}: ${rate} requests in one second`);
    }
    const survived = problems.length === 0 && pending.length === 0;
    count({ faultsInjected: connector.injected.length, ...(survived ? { faultsSurvived: connector.injected.length } : { faultsLost: connector.injected.length }) });
    expect(connector.injected.length).toBeGreaterThanOrEqual(16);
    // The failed attempts are in the rate too: more requests reached Teams than it accepted.
    expect(connector.attempts.length).toBeGreaterThan(connector.delivered.length);
    expect(pending.map((p) => p.effect.type)).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
