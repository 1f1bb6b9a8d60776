import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signExportLink, ExportFormatSchema } from '../../app/exportLinks.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { uniquePrefix, writeConfig } from '../support/services.js';
import { executeActions } from '../support/validateCard.js';
import { classifyCard, errorMessage, type Answer } from './support/answers.js';
import { activityBytes, activityCorpus, expand, httpCorpus, type ActivityEntry } from './support/corpus.js';
import { hostSettled, teamsDriver } from './support/caseSetup.js';
import { eventually } from './support/eventually.js';
import { alive, startHostChild, type HostChild } from './support/hostChild.js';
import { snapshotter } from './support/tableSnapshot.js';
import { count } from './support/tally.js';

/**
 * The hostile-input corpus (test/faults/corpus) against the real messages function in its own
 * process, with real storage: no input crashes the process or changes anything stored, and each
 * gets a 4xx with an error message or a card that refuses it (support/answers.ts says precisely
 * what counts), except the few entries that say otherwise (`expect`: activity types Teams sends
 * that the app ignores, and a message that is empty once its mentions are removed).
 */

const CLOCK_AT = '2026-05-05T14:30:00.000Z';
const SECRET = 'fault-suite-export-link-secret-0123456789';
let host: HostChild;
let connector: RecordingConnector;
let snapshot: () => Promise<string>;
let postedCardVersion = '';
let changedCardVersion = '';

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  const prefix = uniquePrefix();
  const connectionString = inject('azuriteConnectionString');
  host = await startHostChild({ configPath: await writeConfig(), connectionString, prefix, clockAt: CLOCK_AT, extraEnv: { EXPORT_LINK_SECRET: SECRET } });
  const teams = teamsDriver(() => host.url, connector.url);
  await teams.install();
  await teams.caseAwaitingReplies();
  // Teams introduces everyone the corpus acts as (their Teams ids are learned; that is not case state).
  for (const person of [PEOPLE.health, PEOPLE.policeDeputy, PEOPLE.educationContact, PEOPLE.chair]) expect((await teams.say(person, 'help')).status).toBe(200);
  // The police disagree on the card as posted, then agree on the card their click was answered
  // with: the corpus replays both clicks (see generate.ts).
  const asOf = (card: unknown, verb: string) => executeActions(card).find((a) => a.verb === verb)?.data.asOf;
  const posted = await eventually(() => connector.posted().find((p) => p.conversationId === 'conv-decision' && asOf(p.card, 'partner.disagree') !== undefined), (p) => p !== undefined);
  postedCardVersion = String(asOf(posted?.card, 'partner.disagree'));
  const disagreed = await teams.click(PEOPLE.police, 'partner.disagree', { caseRef: CASE_REF, rationale: 'Not met on what we know.', asOf: postedCardVersion });
  expect(cardText(disagreed.body?.value)).toContain('Recorded: Police disagrees.');
  changedCardVersion = String(asOf(disagreed.body?.value, 'partner.agree'));
  const agreed = await teams.click(PEOPLE.police, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed.', asOf: changedCardVersion });
  expect(cardText(agreed.body?.value)).toContain('Recorded: Police agrees.');
  expect(Number(changedCardVersion)).toBeGreaterThan(Number(postedCardVersion));
  // A click's cards go out after it is answered: what is stored is compared once they are out
  // (the local host says when), so the setup's own updates never count against the corpus.
  const taken = await snapshotter(connectionString, prefix);
  snapshot = async () => {
    expect(await hostSettled(host.url)).toBe(true);
    return taken();
  };
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await connector?.stop();
});

const placeholder = (name: string): string | undefined => {
  if (name === 'serviceUrl') return connector.url;
  if (name === 'postedCardVersion') return postedCardVersion;
  if (name === 'changedCardVersion') return changedCardVersion;
  const link = /^exportQuery:([a-z]+):([A-Za-z0-9-]+):(-?\d+)$/.exec(name);
  if (link) {
    const format = ExportFormatSchema.parse(link[1]);
    // Signed as the product signs, at an instant chosen so the link expires `expiresInMs` from the host's clock.
    const now = new Date(Date.parse(CLOCK_AT) + Number(link[3]) - 10 * 60_000);
    return new URL(signExportLink({ baseUrl: 'http://x', secret: SECRET, caseRef: CASE_REF, format, by: link[2]!, now }).url).search.slice(1);
  }
  return undefined;
};

async function send(bytes: Buffer): Promise<Answer> {
  const postsBefore = connector.posted().length;
  let response: Response;
  try {
    response = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(bytes), signal: AbortSignal.timeout(15_000) });
  } catch {
    return { kind: 'noAnswer', status: 0 };
  }
  const text = await response.text();
  const status = response.status;
  if (status >= 400 && status < 500) return { kind: 'clientError', status, error: errorMessage(text) };
  if (status >= 500) return { kind: 'serverError', status, text };
  if (status !== 200) return { kind: 'unreadable', status, text };
  let body: { type?: string; value?: unknown } | undefined;
  try {
    body = text ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    return { kind: 'unreadable', status, text };
  }
  if (body?.type === 'application/vnd.microsoft.card.adaptive' && body.value) return classifyCard(body.value, status, sampleConfig);
  if (body !== undefined) return { kind: 'unreadable', status, text };
  // A message is answered with a message in its conversation; anything else must post nothing.
  // Everything the activity caused is out once the host has settled (its turn posts before it
  // answers, the cards it started go after): read then, rather than after a guessed pause that a
  // loaded machine can outlast (a late post would then be blamed on the next entry).
  expect(await hostSettled(host.url)).toBe(true);
  const posts = connector.posted().slice(postsBefore);
  if (posts.length === 0) return { kind: 'ignored', status };
  const answer = posts[0]!;
  return answer.card === undefined ? { kind: 'turnFailed', status, text: answer.text ?? '' } : classifyCard(answer.card, status, sampleConfig);
}

/** Whether the answer is what the entry must get. */
function asExpected(entry: ActivityEntry, answer: Answer): boolean {
  switch (entry.expect) {
    case 'refused':
      return (answer.kind === 'clientError' && answer.error !== undefined) || (answer.kind === 'refusal' && answer.status === 200);
    case 'ignored':
      return answer.kind === 'ignored';
    case 'help':
      return answer.kind === 'help';
  }
}

const CRASHES: ReadonlySet<Answer['kind']> = new Set(['noAnswer', 'serverError', 'turnFailed']);
const shown = (answer: Answer) => `${answer.kind} ${answer.status}${'text' in answer && answer.text ? `: ${answer.text.replace(/\s+/g, ' ').slice(0, 140)}` : ''}`;

/** The rows added or changed, shortened, so a failure says what was written. */
function difference(before: string, after: string): string {
  const old = new Set(Object.values(JSON.parse(before) as Record<string, string[]>).flat());
  return Object.values(JSON.parse(after) as Record<string, string[]>)
    .flat()
    .filter((row) => !old.has(row))
    .map((row) => row.slice(0, 160))
    .join(' | ');
}

describe('the hostile-input corpus', () => {
  it('has at least 200 activities', () => {
    expect(activityCorpus().length).toBeGreaterThanOrEqual(200);
  });

  it('no activity crashes the process or changes stored state; each gets a 4xx or a refusal card', async () => {
    const problems: string[] = [];
    let before = await snapshot();
    for (const { file, entry } of activityCorpus()) {
      const answer = await send(activityBytes(entry, placeholder));
      const crashed = !alive(host) || CRASHES.has(answer.kind);
      const after = await snapshot();
      const changed = after !== before;
      count({ badInputsTried: 1, ...(changed ? { badInputStateChanges: 1 } : {}), ...(crashed ? { badInputCrashes: 1 } : {}) });
      if (crashed || changed || !asExpected(entry, answer)) problems.push(`${file}: ${entry.name} (expected ${entry.expect}): ${shown(answer)}${changed ? `, state changed: ${difference(before, after)}` : ''}`);
      before = after;
      if (!alive(host)) break;
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('no request to the other endpoints crashes the process, changes state, or gets an unexpected status', async () => {
    const problems: string[] = [];
    let before = await snapshot();
    for (const { file, entry } of httpCorpus()) {
      let status = 0;
      try {
        const response = await fetch(`${host.url}${expand(entry.path, placeholder)}`, {
          method: entry.method,
          headers: Object.fromEntries(Object.entries(entry.headers).map(([k, v]) => [k, expand(v, placeholder)])),
          ...(entry.body !== undefined ? { body: expand(entry.body, placeholder) } : {}),
          signal: AbortSignal.timeout(15_000),
        });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 0;
      }
      const crashed = !alive(host) || status === 0 || status >= 500;
      const after = await snapshot();
      const changed = after !== before;
      count({ badInputsTried: 1, ...(changed ? { badInputStateChanges: 1 } : {}), ...(crashed ? { badInputCrashes: 1 } : {}) });
      if (crashed || changed || status < entry.status[0] || status > entry.status[1]) problems.push(`${file}: ${entry.name}: ${status}${changed ? ', state changed' : ''}`);
      before = after;
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
