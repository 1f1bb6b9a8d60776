import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signExportLink } from '../../app/exportLinks.js';
import type { LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import type { Person } from '../../workflow/partnership.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { CASE_REF, PEOPLE } from '../support/sampleConfig.js';
import { uniquePrefix, writeConfig } from '../support/services.js';
import { teamsDriver } from './support/caseSetup.js';
import { inProcessHost } from './support/inProcessHost.js';
import { count } from './support/tally.js';

/**
 * Text people type (rationales, comments) and names Teams sends are shown verbatim and inert:
 * never as Adaptive Card Markdown (links, emphasis, headings), never as a Teams mention, never as
 * a spreadsheet formula in the CSV export. Every hostile string carries "OWNED" so it can be found.
 */

const SECRET = 'injection-suite-export-link-secret-012345';
const clock = new LocalClock(() => Date.parse('2026-05-05T14:30:00.000Z'));
const HOSTILE_NAME = '[OWNED-name](javascript:alert(1)) <at>OWNED everyone</at> **OWNED**';
const MARKDOWN = [
  'See [OWNED-link](javascript:alert(1)) and <at>OWNED-mention</at> before deciding.',
  '**OWNED-bold** _OWNED-italic_ ~~OWNED-strike~~\n# OWNED-heading\n- OWNED-list\n1. OWNED-numbered',
  '<script>OWNED-html</script> ![OWNED-image](https://evil.example.com/x.png) `OWNED-code`',
];
const FORMULAS = ['=HYPERLINK("https://evil.example.com","OWNED")', '+1+1 OWNED', '-1-1 OWNED', '@SUM(1) OWNED', '\t=1+1 OWNED', '\r=1+1 OWNED'];

let connector: RecordingConnector;
let host: LocalHost;
const invokeCards: unknown[] = [];

beforeAll(async () => {
  connector = await new RecordingConnector().start();
  host = await inProcessHost({ prefix: uniquePrefix(), configPath: await writeConfig(), clock, exportLinkSecret: SECRET });
  const teams = teamsDriver(() => host.url, connector.url);
  const as = (p: Person): Person => ({ ...p, displayName: HOSTILE_NAME });
  const click = async (from: Person, verb: string, data: Record<string, unknown>, conversation = 'conv-decision') => {
    const answer = await teams.click(from, verb, data, conversation);
    expect(answer.status).toBe(200);
    invokeCards.push(answer.body?.value);
  };
  await teams.install();
  await teams.caseAwaitingReplies();
  await click(as(PEOPLE.police), 'partner.agree', { caseRef: CASE_REF, comment: MARKDOWN[0] });
  await click(as(PEOPLE.health), 'partner.disagree', { caseRef: CASE_REF, rationale: MARKDOWN[1] });
  await click(as(PEOPLE.police), 'partner.disagree', { caseRef: CASE_REF, rationale: MARKDOWN[2] });
  for (const formula of FORMULAS) await click(as(PEOPLE.healthDeputy), 'partner.disagree', { caseRef: CASE_REF, rationale: `${formula} (rationale)` });
  await click(as(PEOPLE.business), 'case.history', { caseRef: CASE_REF }, 'conv-monitoring');
});
afterAll(async () => {
  await host?.close();
  await connector?.stop();
});

type Place = { where: string; text: string };

/** Every string Teams would read as Markdown (TextBlock, FactSet) and every plain TextRun, in a card. */
function places(card: unknown, markdown: Place[], plain: string[], path = 'card'): void {
  if (Array.isArray(card)) return card.forEach((item, i) => places(item, markdown, plain, `${path}[${i}]`));
  if (typeof card !== 'object' || card === null) return;
  const node = card as Record<string, unknown>;
  if (node.type === 'TextBlock' && typeof node.text === 'string') markdown.push({ where: path, text: node.text });
  if (node.type === 'TextRun' && typeof node.text === 'string') plain.push(node.text);
  if (node.type === 'FactSet' && Array.isArray(node.facts)) {
    for (const fact of node.facts as { title: string; value: string }[]) markdown.push({ where: `${path}.facts`, text: `${fact.title} ${fact.value}` });
  }
  if (typeof node.title === 'string' && String(node.type).startsWith('Action.')) markdown.push({ where: `${path}.title`, text: node.title });
  for (const [key, value] of Object.entries(node)) if (typeof value === 'object') places(value, markdown, plain, `${path}.${key}`);
}

function allCards(): unknown[] {
  const fromConnector = connector.calls.flatMap((c) => ((c.body.attachments as { content?: unknown }[] | undefined) ?? []).map((a) => a.content));
  return [...fromConnector, ...invokeCards];
}

/** A CSV parser (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') (cells.push(cell), (cell = ''));
    else if (c === '\r' && text[i + 1] === '\n') continue;
    else cell += c;
  }
  return cells;
}

describe('typed text stays inert', () => {
  it('is never Markdown or a mention on any card, and is shown verbatim as plain text', () => {
    const markdown: Place[] = [];
    const plain: string[] = [];
    for (const card of allCards()) places(card, markdown, plain);
    const leaks = markdown.filter((p) => p.text.includes('OWNED')).map((p) => `${p.where}: ${p.text.slice(0, 120)}`);
    const hostile = [...MARKDOWN, ...FORMULAS.map((f) => `${f} (rationale)`.trim())];
    const shown = hostile.filter((text) => plain.includes(text));
    count({ injectionTried: hostile.length + 1, injectionInert: leaks.length === 0 ? shown.length + 1 : 0 });
    expect(leaks).toEqual([]);
    expect(shown).toEqual(hostile);
  });

  it('never starts a CSV cell that a spreadsheet would run as a formula', async () => {
    const link = signExportLink({ baseUrl: host.url, secret: SECRET, caseRef: CASE_REF, format: 'csv', by: PEOPLE.business.aadObjectId, now: clock.now() });
    const response = await fetch(link.url);
    expect(response.status).toBe(200);
    const cells = csvCells(await response.text());
    const hostileCells = cells.filter((c) => c.includes('OWNED'));
    const dangerous = cells.filter((c) => /^[=+\-@\t\r]/.test(c));
    count({ injectionTried: FORMULAS.length, injectionInert: dangerous.length === 0 ? FORMULAS.length : 0 });
    expect(hostileCells.length).toBeGreaterThanOrEqual(FORMULAS.length);
    expect(dangerous).toEqual([]);
  });
});
