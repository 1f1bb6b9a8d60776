import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../app/ports.js';
import { readEnvironment } from '../../functions/environment.js';
import { freePort, startAzurite, type RunningAzurite } from '../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { messageActivity } from '../support/activities.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { CASE_REF, PEOPLE } from '../support/sampleConfig.js';
import { uniquePrefix, writeConfig } from '../support/services.js';
import { teamsDriver } from './support/caseSetup.js';
import { eventually, settled } from './support/eventually.js';
import { snapshotter } from './support/tableSnapshot.js';
import { fault } from './support/tally.js';

/**
 * Storage outage: Azurite is stopped for 30 seconds in the middle of a case. A partner's click and
 * a typed command during the outage get a clear "please try again"; the sweep that runs while
 * storage is down fails without harm; nothing at all is written by any of them (every row of
 * every table under the test's prefix is the same before and after); the deadline that fell due
 * during the outage is processed once storage returns, exactly once.
 */

const OUTAGE_MS = 30_000;
let azurite: RunningAzurite;
let location: string;
let host: LocalHost;
let connector: RecordingConnector;
let prefix: string;
// Tuesday 5 May 2026, 10:00 BST; it moves only when told.
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z'));

/** Azurite's table store keeps its data on disk only on a graceful stop (SIGINT), as a real outage would keep it. */
async function stopStorage(): Promise<void> {
  const exited = new Promise((resolve) => azurite.process.once('exit', resolve));
  azurite.process.kill('SIGINT');
  await exited;
}

beforeAll(async () => {
  location = await mkdtemp(join(tmpdir(), 'azurite-outage-'));
  azurite = await startAzurite({ location, port: await freePort() });
  connector = await new RecordingConnector().start();
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: await writeConfig(),
    STORAGE_CONNECTION_STRING: azurite.connectionString,
    TABLE_PREFIX: (prefix = uniquePrefix()),
    LOCAL_MODE: 'true',
    PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
  });
  host = await startLocalHost({ env, port: await freePort(), log: silentLogger, clock, sweepEveryMs: 0 });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await connector?.stop();
  await azurite?.stop();
});

describe('a 30-second storage outage in the middle of a case', () => {
  it('answers "please try again" during it, writes nothing half-done, and processes the missed deadline once after', async () => {
    const teams = teamsDriver(() => host.url, connector.url);
    await teams.install();
    await teams.caseAwaitingReplies();
    // The director concurred with the chair's view, so the local authority's agreement is already recorded (as co-author).
    const { store, runSweep, outbox, effects } = host.services;
    // The partners' card is posted (starting their window) after the view is answered.
    await effects.idle();
    const before = await store.load(CASE_REF);
    const dueAt = Date.parse(before.state!.initialView!.repliesDueAt!);
    // Everything stored, once the reply's card updates are done: what the outage must leave as it is.
    await settled(() => connector.calls.length);
    const snapshot = await snapshotter(azurite.connectionString, prefix);
    const stored = await snapshot();
    // Not a vacuous comparison: the case's rows (events, head, schedule, outbox) are in it.
    expect(stored).toContain('PartnerReplied');
    expect(Object.values(JSON.parse(stored) as Record<string, string[]>).flat().length).toBeGreaterThan(10);

    await stopStorage();
    const outageStarted = Date.now();

    // A partner's click while storage is down: a plain answer within Teams' time, nothing recorded.
    const clickStarted = Date.now();
    const during = await teams.click(PEOPLE.police, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed on what is known.' });
    const clickMs = Date.now() - clickStarted;
    const answer = JSON.stringify(during.body);
    const clickOk = clickMs < 5_000 && /try again/i.test(answer) && (during.status === 200 || during.status === 503);
    fault(clickOk);
    expect({ clickMs: clickMs < 5_000, answer }).toMatchObject({ clickMs: true, answer: expect.stringMatching(/try again/i) });

    // A typed command in a 1:1 chat while storage is down: the bot answers in the chat, plainly.
    const personal = 'personal-business';
    const typedStarted = Date.now();
    const postsBefore = connector.posted().length;
    await teams.post(messageActivity({ from: PEOPLE.business, conversationId: personal, conversationType: 'personal', serviceUrl: connector.url }, `history ${CASE_REF}`));
    const typedAnswer = await eventually(
      () => connector.posted().slice(postsBefore).filter((p) => p.conversationId === personal),
      (answers) => answers.length > 0,
      { timeoutMs: 5_000 },
    );
    const typedMs = Date.now() - typedStarted;
    const typedText = typedAnswer.map((a) => a.text ?? JSON.stringify(a.card)).join(' ');
    const typedOk = typedMs < 5_000 && typedAnswer.length === 1 && /try again/i.test(typedText) && !/RR-2026-014/.test(typedText);
    fault(typedOk);
    expect({ typedMs: typedMs < 5_000, typedText }).toMatchObject({ typedMs: true, typedText: expect.stringMatching(/please try again/i) });
    expect(typedAnswer).toHaveLength(1);

    // The partners' window closes during the outage; the sweep that runs then fails without harm.
    clock.advance(dueAt - clock.now().getTime() + 60_000);
    const sweepDuring = await runSweep(clock.now()).then(
      (result) => ({ failed: result.failed > 0 || result.due === 0, threw: false }),
      () => ({ failed: true, threw: true }),
    );
    fault(sweepDuring.failed);
    expect(sweepDuring.failed).toBe(true);
    const decisionsPostedDuring = connector.posted().filter((p) => p.conversationId === 'conv-monitoring' && JSON.stringify(p.card).includes('Decision')).length;

    // Storage comes back after 30 seconds, on the same port and with the same data.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outageStarted))));
    azurite = await startAzurite({ location, port: azurite.port });

    // Nothing half-done: the click, the typed command and the failed sweep left every row as it was.
    const storedAfter = await snapshot();
    const untouched = storedAfter === stored;
    fault(untouched);
    expect(storedAfter).toBe(stored);

    const after = await runSweep(clock.now());
    const again = await runSweep(clock.now());
    const { events } = await store.load(CASE_REF);
    const replies = events.filter((e) => e.type === 'PartnerReplied').map((e) => (e as { partner: string }).partner);
    const deemed = events.filter((e) => e.type === 'AgreementDeemed').map((e) => (e as { partner: string }).partner);
    const decisions = events.filter((e) => e.type === 'DecisionReached');
    const decisionCards = connector.posted().filter((p) => p.conversationId === 'conv-monitoring' && JSON.stringify(p.card).includes('Decision'));
    const processedOnce =
      after.changed === 1 && again.changed === 0 && decisions.length === 1 && decisionCards.length === 1 && decisionsPostedDuring === 0 && (await outbox.pending(CASE_REF)).effects.length === 0;
    fault(processedOnce && replies.join() === 'localAuthority');

    // The click during the outage left no trace: only the director's agreement (as co-author of the view) is recorded; police and health are deemed.
    expect(replies).toEqual(['localAuthority']);
    expect(deemed.sort()).toEqual(['health', 'police']);
    expect(decisions).toHaveLength(1);
    expect(decisionCards).toHaveLength(1);
    expect(after.changed).toBe(1);
    expect(again.changed).toBe(0);
    expect((await outbox.pending(CASE_REF)).effects).toEqual([]);
  }, 120_000);
});
