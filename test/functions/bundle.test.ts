import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { bundleFunctions } from '../../scripts/functionsBundle.js';
import { cardActionActivity } from '../support/activities.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * The bundle the Functions host loads (npm run build), built the same way into a scratch folder
 * and imported in a fresh Node process, as the host would: it registers every function, and its
 * messages function logs a referral into real storage (Azurite) through the bundled botbuilder,
 * Azure SDK and zod. Only @azure/functions is outside the bundle; the child captures what the
 * entry registers with it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const outdir = join(root, 'dist', `.bundle-test-${randomBytes(4).toString('hex')}`);

const CHILD = `
const module = await import('@azure/functions');
// A CommonJS package: its classes are on the default export.
const functions = module.default ?? module;
const handlers = {};
functions.app.http = (name, options) => { handlers[name] = options.handler; };
functions.app.timer = (name, options) => { handlers[name] = options.handler; };
await import(process.env.BUNDLE_ENTRY);
const request = new functions.HttpRequest({ method: 'POST', url: 'http://localhost/api/messages', headers: { 'content-type': 'application/json' }, body: { string: process.env.BUNDLE_ACTIVITY } });
const response = await handlers.messages(request, new functions.InvocationContext({ functionName: 'messages' }));
await handlers.deadlineSweep({ isPastDue: false, scheduleStatus: { last: '', next: '', lastUpdated: '' } }, new functions.InvocationContext({ functionName: 'deadlineSweep' }));
// The tab's page is found from the bundle's folder, and its API reads the case just logged.
const page = await handlers.tabAssets(new functions.HttpRequest({ method: 'GET', url: 'http://localhost/tab/index.html' }));
const tab = await handlers.tabCases(new functions.HttpRequest({ method: 'GET', url: 'http://localhost/api/tab/cases', headers: { 'x-local-user': process.env.BUNDLE_TAB_USER } }));
process.stdout.write('RESULT=' + JSON.stringify({ registered: Object.keys(handlers).sort(), status: response.status, body: response.jsonBody, pageStatus: page.status, tabCases: tab.jsonBody.cases.map((c) => c.caseRef) }) + '\\n');
process.exit(0);
`;

const ResultSchema = z.object({ registered: z.array(z.string()), status: z.number(), body: z.object({ type: z.string(), value: z.unknown() }), pageStatus: z.number(), tabCases: z.array(z.string()) });

function runChild(env: Record<string, string>): Promise<z.infer<typeof ResultSchema>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], { cwd: root, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT='));
      if (code !== 0 || !line) return reject(new Error(`the bundle's child process failed (exit ${code}): ${err.slice(-2000)}`));
      resolve(ResultSchema.parse(JSON.parse(line.slice('RESULT='.length))));
    });
  });
}

function londonDateTime(at: Date): { awareDate: string; awareTime: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { awareDate: `${parts.year}-${parts.month}-${parts.day}`, awareTime: `${parts.hour}:${parts.minute}` };
}

let connector: RecordingConnector;
beforeAll(async () => {
  connector = await new RecordingConnector().start();
  await bundleFunctions({ outdir, root });
}, 120_000);
afterAll(async () => {
  await connector?.stop();
  await rm(outdir, { recursive: true, force: true });
});

describe('the bundled functions entry', () => {
  it('registers every function and logs a referral through the bundled code into storage', async () => {
    const prefix = uniquePrefix();
    const configPath = await writeConfig();
    const activity = cardActionActivity({ from: PEOPLE.business, conversationId: 'conv-monitoring', serviceUrl: connector.url }, 'referral.submit', {
      caseRef: CASE_REF,
      referringAgency: 'Police',
      // The bundle runs on the real clock: the partnership became aware an hour ago.
      ...londonDateTime(new Date(Date.now() - 3_600_000)),
      harm: 'seriousHarm',
      location: 'inArea',
      lookedAfter: 'false',
      abuseOrNeglect: 'suspected',
      documentUrl: DOCUMENT_URL,
    });
    const result = await runChild({
      BUNDLE_ENTRY: pathToFileURL(join(outdir, 'index.js')).href,
      BUNDLE_ACTIVITY: JSON.stringify(activity),
      BUNDLE_TAB_USER: PEOPLE.business.aadObjectId,
      PARTNERSHIP_CONFIG: configPath,
      STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
      TABLE_PREFIX: prefix,
      LOCAL_MODE: 'true',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3978',
    });
    expect(result.registered).toEqual(['act', 'actCase', 'actConfig', 'actPage', 'caseHistory', 'deadlineSweep', 'messages', 'privacyPage', 'tabActions', 'tabActionsExport', 'tabAssets', 'tabCase', 'tabCases', 'tabHistory', 'tabLocalPeople', 'tabMe', 'tabReview', 'tabReviews', 'tabRoster', 'tabRosterAbsence', 'tabRosterChannels', 'tabRosterExport', 'tabRosterHistory', 'tabYear', 'termsPage']);
    expect(result.pageStatus).toBe(200);
    expect(result.tabCases).toEqual([CASE_REF]);
    expect(result.status).toBe(200);
    expect(result.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(result.body.value)).toContain(CASE_REF);
    expect(cardText(result.body.value)).not.toContain('New referral');
    // The initial view requests went out through the bundled Bot Connector client.
    expect(connector.posted().length).toBeGreaterThan(0);
    // Read back by the product's own (unbundled) store: the same case, in the same tables.
    const services = await testServices({ prefix, clock: new TestClock(new Date()), configPath });
    const { state } = await services.store.load(CASE_REF);
    expect(state?.referral.caseRef).toBe(CASE_REF);
  }, 120_000);
});
