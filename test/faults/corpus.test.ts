import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signExportLink, ExportFormatSchema } from '../../app/exportLinks.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { CASE_REF, PEOPLE } from '../support/sampleConfig.js';
import { uniquePrefix, writeConfig } from '../support/services.js';
import { activityBytes, activityCorpus, expand, httpCorpus } from './support/corpus.js';
import { teamsDriver } from './support/caseSetup.js';
import { alive, startHostChild, type HostChild } from './support/hostChild.js';
import { snapshotter } from './support/tableSnapshot.js';
import { count } from './support/tally.js';

/**
 * The hostile-input corpus (test/faults/corpus) against the real messages function in its own
 * process, with real storage: no input crashes the process or changes anything stored, and each
 * gets a 4xx or a card saying it was refused (or, for activity types the bot does nothing with,
 * nothing at all).
 */

const CLOCK_AT = '2026-05-05T14:30:00.000Z';
const SECRET = 'fault-suite-export-link-secret-0123456789';
let host: HostChild;
let connector: RecordingConnector;
let snapshot: () => Promise<string>;

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
  const agreed = await teams.click(PEOPLE.police, 'partner.agree', { caseRef: CASE_REF, comment: 'Agreed.' });
  expect(JSON.stringify(agreed.body)).toContain('Recorded: Police agrees.');
  const taken = await snapshotter(connectionString, prefix);
  // A click's cards go out after it is answered: compare what is stored once they are out.
  snapshot = async () => {
    expect((await fetch(`${host.url}/api/local/settled`)).status).toBe(200);
    return taken();
  };
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await connector?.stop();
});

const placeholder = (name: string): string | undefined => {
  if (name === 'serviceUrl') return connector.url;
  const link = /^exportQuery:([a-z]+):([A-Za-z0-9-]+):(-?\d+)$/.exec(name);
  if (link) {
    const format = ExportFormatSchema.parse(link[1]);
    // Signed as the product signs, at an instant chosen so the link expires `expiresInMs` from the host's clock.
    const now = new Date(Date.parse(CLOCK_AT) + Number(link[3]) - 10 * 60_000);
    return new URL(signExportLink({ baseUrl: 'http://x', secret: SECRET, caseRef: CASE_REF, format, by: link[2]!, now }).url).search.slice(1);
  }
  return undefined;
};

type Answer = 'clientError' | 'card' | 'notImplemented' | 'nothing' | 'serverError' | 'noAnswer' | 'unanswered';

async function send(bytes: Buffer): Promise<{ answer: Answer; status: number }> {
  const postsBefore = connector.posted().length;
  let response: Response;
  try {
    response = await fetch(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array(bytes), signal: AbortSignal.timeout(15_000) });
  } catch {
    return { answer: 'noAnswer', status: 0 };
  }
  const text = await response.text();
  const status = response.status;
  if (status >= 400 && status < 500) return { answer: 'clientError', status };
  if (status === 501) return { answer: 'notImplemented', status };
  if (status >= 500) return { answer: 'serverError', status };
  let body: { type?: string; value?: unknown } | undefined;
  try {
    body = text ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }
  if (body?.type === 'application/vnd.microsoft.card.adaptive' && body.value) return { answer: 'card', status };
  if (connector.posted().length > postsBefore) return { answer: 'card', status };
  // A typing indicator, a reaction, an unknown activity type: acknowledged, nothing done.
  const activityType = (() => {
    try {
      return (JSON.parse(bytes.toString('utf8')) as { type?: unknown }).type;
    } catch {
      return undefined;
    }
  })();
  return { answer: activityType === 'message' || activityType === 'invoke' ? 'unanswered' : 'nothing', status };
}

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

  it('no activity crashes the process, changes stored state, or goes unanswered', async () => {
    const problems: string[] = [];
    let before = await snapshot();
    for (const { file, entry } of activityCorpus()) {
      const { answer, status } = await send(activityBytes(entry, placeholder));
      const crashed = !alive(host) || answer === 'noAnswer' || answer === 'serverError';
      const after = await snapshot();
      const changed = after !== before;
      count({ badInputsTried: 1, ...(changed ? { badInputStateChanges: 1 } : {}), ...(crashed ? { badInputCrashes: 1 } : {}) });
      if (crashed || changed || answer === 'unanswered') problems.push(`${file}: ${entry.name}: ${answer} ${status}${changed ? `, state changed: ${difference(before, after)}` : ''}`);
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
