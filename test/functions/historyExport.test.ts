import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signExportLink } from '../../app/exportLinks.js';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { cardActionActivity, messageActivity, type ActivityOptions } from '../support/activities.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { startTestHost } from '../support/services.js';
import type { Person } from '../../workflow/partnership.js';
import type { CommandActor } from '../../workflow/commands.js';

/** The history export: the business unit downloads CSV and JSON through short-lived signed links. */

let host: LocalHost;
let connector: RecordingConnector;
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z'));
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  host = await startTestHost(clock);
  // The bot is in the partners' channel (Teams tells it so on install), so their card is posted.
  await fetch(`${host.url}/api/messages`, { method: 'POST', body: JSON.stringify(messageActivity({ from: PEOPLE.police, conversationId: 'conv-decision', serviceUrl: connector.url }, 'help')) });
  const { cases, effects } = host.services;
  await cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, clock.now());
  await cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: '=HYPERLINK("http://x") looks like a formula but is a rationale' }, clock.now());
  await cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, clock.now()); // the view is theirs together (002 step 3)
  // The partners' card is posted after the view is answered; they reply to the card they received.
  await effects.idle();
  await cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Not met, "in our view", on what we know.' }, clock.now());
  await host.services.runSweep(new Date('2026-05-06T09:00:00.000Z'));
});
afterAll(async () => {
  await host?.close();
  await connector?.stop();
});

async function exportLinks(from: Person): Promise<{ csv?: string; json?: string; text: string }> {
  const options: ActivityOptions = { from, conversationId: 'conv-monitoring', serviceUrl: connector.url };
  const response = await fetch(`${host.url}/api/messages`, { method: 'POST', body: JSON.stringify(cardActionActivity(options, 'case.export', { caseRef: CASE_REF })) });
  const body = (await response.json()) as { value: unknown };
  const json = JSON.stringify(body.value);
  const urls = [...json.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
  return { csv: urls.find((u) => u.includes('history.csv')), json: urls.find((u) => u.includes('history.json')), text: json };
}

const local = (url: string) => url.replace('http://127.0.0.1:3978', host.url);

describe('history export', () => {
  it('gives the business unit CSV and JSON downloads of the whole timeline, deemed agreements marked', async () => {
    const links = await exportLinks(PEOPLE.business);
    expect(links.csv).toBeDefined();
    const csv = await fetch(local(links.csv!));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain(`${CASE_REF}-history.csv`);
    const text = await csv.text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('when,who,role,what,detail,agreement deemed');
    expect(text).toContain('Pat Police');
    // Typed text cannot run as a spreadsheet formula, and quotes survive.
    expect(text).toContain(`'=HYPERLINK(""http://x"") looks like a formula but is a rationale`);
    expect(text).toContain('Not met, ""in our view"", on what we know.');
    expect(lines.filter((l) => l.endsWith(',yes')).length).toBe(1); // health deemed; the local authority agreed as co-author of the view

    // A link works once: a copy left in a browser's history or a request log downloads nothing.
    const replayed = await fetch(local(links.csv!));
    expect(replayed.status).toBe(410);
    expect(((await replayed.json()) as { error: string }).error).toContain('already been used');

    const json = await fetch(local(links.json!));
    const body = (await json.json()) as { caseRef: string; events: { type: string }[] };
    expect(body.caseRef).toBe(CASE_REF);
    expect(body.events.map((e) => e.type)).toContain('AgreementDeemed');
  });

  it('offers no export to someone outside the business unit', async () => {
    const links = await exportLinks(PEOPLE.police);
    expect(links.csv).toBeUndefined();
    expect(links.text).toContain("Only the partnership's business unit can export");
  });

  it('refuses a tampered link, an expired link, and a link for someone not in the business unit', async () => {
    const links = await exportLinks(PEOPLE.business);
    const tampered = local(links.csv!).replace(/sig=[^&]+/, 'sig=' + 'A'.repeat(43));
    expect((await fetch(tampered)).status).toBe(403);
    const forPolice = signExportLink({ baseUrl: host.url, secret: host.services.exportLinkSecret, caseRef: CASE_REF, format: 'csv', by: PEOPLE.police.aadObjectId, now: clock.now() });
    expect((await fetch(forPolice.url)).status).toBe(403);
    expect((await fetch(`${host.url}/api/cases/${CASE_REF}/history.csv`)).status).toBe(400);
    clock.advance(11 * 60_000);
    const expired = await fetch(local(links.csv!));
    expect(expired.status).toBe(410);
    expect(((await expired.json()) as { error: string }).error).toContain('expired');
  });
});
