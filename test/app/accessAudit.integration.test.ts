import { HttpRequest } from '@azure/functions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../app/ports.js';
import type { Services } from '../../functions/compositionRoot.js';
import { createHandlers } from '../../functions/handlers.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * Who read a case's whole history, and who downloaded it, is on the case's audit trail (issue 12),
 * in Table Storage (Azurite), without touching the case's events: a read must never make anyone's
 * card out of date. The export link stays out of the log.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const clock = new TestClock(new Date('2026-06-01T12:00:00.000Z'));
let s: Services;

beforeAll(async () => {
  s = await testServices({ prefix: uniquePrefix(), clock });
  const at = (iso: string) => new Date(iso);
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at('2026-06-01T10:00:00.000Z')); // the view is theirs together (002 step 3)
  await s.effects.idle();
});

const history = async (p: Person) => (await s.interactions.cardAction({ verb: 'case.history', data: { caseRef: CASE_REF } }, as(p))).card;

describe('history views and downloads on the audit trail', () => {
  it('a history view is recorded with who and when, shown in the history, and leaves the case version and its cards as they were', async () => {
    const before = await s.store.load(CASE_REF);
    clock.set('2026-06-01T12:05:00.000Z');
    const first = cardText(await history(PEOPLE.police));
    expect(first).toContain('Pat Police (Police representative)');
    expect(first).toContain('Viewed the case history from the bot.');

    const after = await s.store.load(CASE_REF);
    expect(after.state!.version).toBe(before.state!.version);
    expect(after.events).toHaveLength(before.events.length);
    expect(after.head!.etag).toBe(before.head!.etag);
    // The police card shown before the view is still current: the reply is recorded, not refused as out of date.
    const reply = await s.interactions.cardAction({ verb: 'partner.agree', data: { caseRef: CASE_REF, comment: 'Agreed on what is known.', asOf: String(before.state!.version) } }, as(PEOPLE.police));
    expect(cardText(reply.card)).toContain('Recorded: Police agrees.');

    clock.set('2026-06-01T12:10:00.000Z');
    const typed = cardText((await s.interactions.textCommand(`history ${CASE_REF}`, as(PEOPLE.scrutineer))).card);
    expect(typed.match(/Viewed the case history from the bot\./g)).toHaveLength(2);
    expect(typed).toContain('Sam Scrutineer (independent scrutineer)');
  });

  it('a refused history is not a view: nothing is recorded for an agency contact or a stranger', async () => {
    const rows = (await s.accessLog.of(CASE_REF)).length;
    expect(cardText(await history(PEOPLE.gpContact))).toContain("shown only to the partnership's own roster");
    expect(cardText(await history({ aadObjectId: 'aad-nobody', displayName: 'Nobody', email: 'n@example.org' }))).toContain("Cases are shown only to people on the partnership's roster");
    expect(await s.accessLog.of(CASE_REF)).toHaveLength(rows);
  });

  it('a download through the signed link is recorded with its format and shown in the file itself and later histories; the log never holds the link', async () => {
    const lines: string[] = [];
    const capture: Logger = {
      info: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      warn: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      error: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
    };
    const handlers = createHandlers(async () => ({ ...s, log: capture }));
    clock.set('2026-06-01T12:20:00.000Z');
    const links = JSON.stringify((await s.interactions.cardAction({ verb: 'case.export', data: { caseRef: CASE_REF } }, as(PEOPLE.business))).card);
    const download = async (format: 'csv' | 'json') => {
      const url = new URL([...links.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!).find((u) => u.includes(`history.${format}`))!);
      const request = new HttpRequest({ method: 'GET', url: url.toString(), params: { caseRef: CASE_REF, format }, query: Object.fromEntries(url.searchParams) });
      const response = await handlers.caseHistory(request);
      return { url, status: response.status, body: String(response.body) };
    };

    clock.set('2026-06-01T12:21:00.000Z');
    const csv = await download('csv');
    expect(csv.status).toBe(200);
    const row = csv.body.split('\r\n').find((l) => l.includes('Downloaded the case history (CSV) from an export link.'));
    expect(row).toBeDefined();
    expect(row).toContain('Billie Business,business unit');
    expect(csv.body).toContain('Viewed the case history from the bot.');

    clock.set('2026-06-01T12:22:00.000Z');
    const json = await download('json');
    const parsed = JSON.parse(json.body) as { access: { what: string; via: string; format?: string; by: { displayName: string } }[]; timeline: { what: string }[] };
    expect(parsed.access.map((a) => `${a.what}/${a.via}/${a.format ?? ''}`)).toEqual(['historyViewed/bot/', 'historyViewed/bot/', 'historyExported/link/csv', 'historyExported/link/json']);
    expect(parsed.timeline.filter((r) => r.what.startsWith('Downloaded the case history'))).toHaveLength(2);

    // Who and what format are logged; the link and its signature are not.
    expect(lines.some((l) => l.includes('history exported') && l.includes('"format":"csv"'))).toBe(true);
    for (const { url } of [csv, json]) {
      const sig = url.searchParams.get('sig')!;
      for (const line of lines) {
        expect(line).not.toContain(sig);
        expect(line).not.toContain(url.search);
      }
    }

    const later = cardText(await history(PEOPLE.chair));
    expect(later).toContain('Downloaded the case history (CSV) from an export link.');
    expect(later).toContain('Downloaded the case history (JSON) from an export link.');
  });
});
