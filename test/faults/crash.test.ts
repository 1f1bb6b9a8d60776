import { describe, expect, inject, it } from 'vitest';
import type { CaseEvent } from '../../workflow/events.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { teamsDriver } from './support/caseSetup.js';
import { FakeGraph } from './support/fakeGraph.js';
import { startHostChild, type HostChild } from './support/hostChild.js';
import { count, fault } from './support/tally.js';

/**
 * The function host in its own process, killed with SIGKILL at each point of handling a reply, a
 * deadline and an effect (app/crashPoints.ts), then started again on the same Azurite tables.
 * The restarted host's deadline sweep finishes the work; each visible outcome happens once.
 *
 * One outcome cannot be made exactly-once: a new message Teams accepted just before the process
 * died, before its sent marker was written. The Bot Connector has no idempotency key and no way
 * to ask whether a message arrived, so the retry posts it again. Those are counted (knownDuplicates
 * in the summary line), never hidden; card updates, by contrast, are idempotent by nature.
 */

const LOGGED = '2026-05-05T09:00:00.000Z';
const REPLY_AT = '2026-05-05T10:00:00.000Z';
const HALF_TIME = '2026-05-05T13:05:00.000Z';
const DUE = '2026-05-06T09:01:00.000Z';
const ORGANISER = 'sin-meetings@partnership.example.org';

type Run = { connector: RecordingConnector; graph: FakeGraph; events: () => Promise<CaseEvent[]>; stepAt: number; died: string };

type Scenario = {
  name: string;
  crashAt: string;
  /** Before the crash, with a host that does not crash. */
  prepare?: (teams: ReturnType<typeof teamsDriver>, host: HostChild) => Promise<void>;
  /** The step during which the host dies, and the clock then. */
  clockAt: string;
  step: (teams: ReturnType<typeof teamsDriver>, host: HostChild) => Promise<unknown>;
  /** Once restarted and swept: whether each visible outcome happened once, and how many posts Teams got twice. */
  check: (run: Run) => Promise<{ ok: boolean; duplicates: number; detail: string }>;
};

const moveClock = (host: HostChild, to: string) => fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ to }) });
const ofType = <T extends CaseEvent['type']>(events: CaseEvent[], type: T) => events.filter((e) => e.type === type);

/** Posts after the step, by conversation and card text: more than one of a kind is a duplicate. */
function postsAfter(run: Run) {
  const posts = run.connector.calls.slice(run.stepAt).filter((c) => c.method === 'POST' && c.conversationId);
  const byKey = new Map<string, number>();
  for (const p of posts) {
    const key = `${p.conversationId}|${cardText((p.body.attachments as { content?: unknown }[] | undefined)?.[0]?.content)}`;
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  const duplicates = [...byKey.values()].reduce((n, c) => n + c - 1, 0);
  return { posts, duplicates };
}

const reply: Scenario['step'] = (teams) => teams.click(PEOPLE.police, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed.' });
async function replyChecked(run: Run) {
  const events = await run.events();
  const updates = run.connector.calls.slice(run.stepAt).filter((c) => c.method === 'PUT' && c.conversationId === 'conv-decision');
  const contents = new Set(updates.map((u) => cardText((u.body.attachments as { content?: unknown }[])[0]!.content)));
  const { posts, duplicates } = postsAfter(run);
  // The local authority agreed as co-author of the joint view; the police's reply is the one under test.
  const replies = ofType(events, 'PartnerReplied').filter((e) => e.type === 'PartnerReplied' && !e.asAuthorOfView);
  const ok = replies.length === 1 && updates.length > 0 && contents.size === 1 && [...contents][0]!.includes('Pat Police') && posts.length === 0;
  return { ok, duplicates, detail: `replies ${replies.length}, card versions ${contents.size}, new posts ${posts.length}` };
}

async function remindersChecked(run: Run) {
  const { posts, duplicates } = postsAfter(run);
  const reminders = posts.filter((p) => cardText((p.body.attachments as { content?: unknown }[])[0]!.content).includes('Reminder'));
  const chats = new Set(reminders.map((r) => r.conversationId));
  // The police and health have not replied (the local authority agreed as co-author of the view): each
  // one's representative and deputy (four people) gets one reminder, in their own chat.
  return { ok: chats.size === 4 && reminders.length - duplicates === 4, duplicates, detail: `${reminders.length} reminders to ${chats.size} chats` };
}

async function deemedChecked(run: Run) {
  const events = await run.events();
  const { posts, duplicates } = postsAfter(run);
  const toMonitoring = posts.filter((p) => p.conversationId === 'conv-monitoring');
  const deemed = ofType(events, 'AgreementDeemed').length;
  const decided = ofType(events, 'DecisionReached').length;
  // The police and health are deemed; the local authority agreed as co-author of the joint view.
  return { ok: deemed === 2 && decided === 1 && toMonitoring.length - duplicates >= 1 && toMonitoring.length <= 1 + duplicates, duplicates, detail: `deemed ${deemed}, decisions ${decided}, monitoring posts ${toMonitoring.length}` };
}

async function meetingChecked(run: Run) {
  const events = await run.events();
  const booked = ofType(events, 'MeetingBooked').length;
  const transactions = new Set(run.graph.eventPosts.map((p) => p.transactionId));
  const { duplicates } = postsAfter(run);
  return { ok: booked === 1 && run.graph.events.size === 1 && transactions.size === 1, duplicates, detail: `booked events ${booked}, meetings ${run.graph.events.size}, Graph posts ${run.graph.eventPosts.length}` };
}

const policeDisagrees: Scenario['prepare'] = async (teams, host) => {
  await moveClock(host, REPLY_AT);
  await teams.click(PEOPLE.police, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Not met on what we know.' });
};

const SCENARIOS: Scenario[] = [
  { name: 'a reply: after its events are committed, before the card update', crashAt: 'committed', clockAt: REPLY_AT, step: reply, check: replyChecked },
  { name: 'a reply: after the card update, before it is marked done', crashAt: 'performed:refreshCards', clockAt: REPLY_AT, step: reply, check: replyChecked },
  { name: 'the half-time reminder: after it is committed, before any is sent', crashAt: 'committed', clockAt: LOGGED, step: (_t, h) => moveClock(h, HALF_TIME), check: remindersChecked },
  { name: 'the half-time reminder: after Teams took the first, before its sent marker', crashAt: 'sent', clockAt: LOGGED, step: (_t, h) => moveClock(h, HALF_TIME), check: remindersChecked },
  { name: 'deemed agreement: after it is committed, before the decision is sent', crashAt: 'committed', clockAt: HALF_TIME, step: (_t, h) => moveClock(h, DUE), check: deemedChecked },
  { name: 'deemed agreement: after Teams took the first message, before its sent marker', crashAt: 'sent', clockAt: HALF_TIME, step: (_t, h) => moveClock(h, DUE), check: deemedChecked },
  { name: 'a dispute meeting: after Graph booked it, before the booking is recorded', crashAt: 'booked', clockAt: REPLY_AT, prepare: policeDisagrees, step: (_t, h) => moveClock(h, DUE), check: meetingChecked },
  { name: 'a dispute meeting: after the booking is recorded, before the effect is marked done', crashAt: 'performed:bookMeeting', clockAt: REPLY_AT, prepare: policeDisagrees, step: (_t, h) => moveClock(h, DUE), check: meetingChecked },
];

describe.concurrent('the host killed at every step, and started again', () => {
  it.each(SCENARIOS)('$name ($crashAt)', async (scenario) => {
    const connector = await new RecordingConnector().start();
    const graph = await new FakeGraph().start();
    const prefix = uniquePrefix();
    const configPath = await writeConfig(PartnershipFileSchema.parse({ ...sampleConfig, meetings: { organiserUpn: ORGANISER } }));
    const connectionString = inject('azuriteConnectionString');
    const start = (clockAt: string, crashAt?: string) => startHostChild({ configPath, connectionString, prefix, clockAt, graphUrl: graph.url, ...(crashAt ? { crashAt } : {}) });
    let host: HostChild | undefined;
    let counted = false;
    try {
      host = await start(LOGGED);
      const teams = teamsDriver(() => host!.url, connector.url);
      await teams.install();
      await teams.caseAwaitingReplies();
      await scenario.prepare?.(teams, host);
      await host.stop();

      host = await start(scenario.clockAt, scenario.crashAt);
      const stepAt = connector.calls.length;
      await Promise.resolve(scenario.step(teams, host)).catch(() => undefined);
      const died = await Promise.race([host.ended, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 30_000))]);

      // Started again at the instant it died; the sweep runs when the clock moves past the leases.
      const clockAfter = scenario.step === reply ? REPLY_AT : scenario.clockAt === LOGGED ? HALF_TIME : DUE;
      host = await start(clockAfter);
      const later = (minutes: number) => new Date(Date.parse(clockAfter) + minutes * 60_000).toISOString();
      for (const minutes of [3, 6, 9]) await moveClock(host, later(minutes));

      const reader = await testServices({ prefix, clock: new TestClock(new Date(clockAfter)), configPath });
      const run: Run = { connector, graph, events: async () => (await reader.store.load(CASE_REF)).events, stepAt, died };
      const { ok, duplicates, detail } = await scenario.check(run);
      fault(died === 'SIGKILL' && ok);
      counted = true;
      if (duplicates > 0) count({ knownDuplicates: duplicates });
      expect(died).toBe('SIGKILL');
      expect(ok, detail).toBe(true);
      // Only the one window without an idempotency key may repeat a post, and only once.
      expect(duplicates).toBeLessThanOrEqual(scenario.crashAt.startsWith('sent') ? 1 : 0);
    } catch (error) {
      // A scenario that could not even run (a host that did not start) is a fault not survived.
      if (!counted) fault(false);
      throw error;
    } finally {
      await host?.stop();
      await connector.stop();
      await graph.stop();
    }
  }, 180_000);
});
