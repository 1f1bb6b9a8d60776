import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalClock } from '../../local/localClock.js';
import { CHROMIUM_PATH } from '../../scripts/ensureChromium.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, ROOT, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';

/**
 * Issue 5 end to end: a case created through the bot in the Agents Playground, then the business
 * unit's monitoring tab opened in Debian's Chromium (local mode, Alex from the sample roster): the
 * case with its stage and status, its timeline by keyboard, the CSV download, light and dark
 * themes and a phone's width (screenshots in test-results/), and a partner refused.
 */

const CASE = 'RR-2026-044';
const ALEX = '00000000-0000-0000-0000-0000000000020';
const ISAIAH = '00000000-0000-0000-0000-0000000000023';
const RATIONALE = 'Serious harm, neglect suspected <b>not bold</b> [link](javascript:alert(1)); criteria met.';
const ARTEFACTS = resolve(ROOT, 'test-results');
const started = Date.now();
// Wednesday 6 May 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-05-06T09:00:00.000Z') + (Date.now() - started));
let stack: PlaygroundStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startPlaygroundStack({ clock });
  const { client } = stack;
  await client.say(MONITORING, 'new referral', BOT);
  const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
  await client.click({ fromId: USERS.alex, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'referral.submit', data: { caseRef: CASE, referringAgency: 'Police', awareDate: '2026-05-06', awareTime: '08:30', harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', documentUrl: `https://sample-partnership.sharepoint.com/sites/sin/${CASE}/referral.docx` } });
  const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(CASE));
  await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef: CASE, view: 'notify', rationale: RATIONALE } });
  await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && json.includes('"verb":"partner.agree"') && json.includes(CASE));

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // This machine's network is closed: without these Chromium keeps trying to reach Google.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 800 } })).newPage();
}, 120_000);

/** axe-core's WCAG 2.1 AA rules (contrast included) on the page as shown: the violations' ids and where. */
async function accessibilityViolations(): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return run.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the monitoring tab, in Chromium, in local mode', () => {
  it('shows the case with its stage and status, its timeline and its CSV, in light and dark, and refuses a partner', async () => {
    const { host } = stack;
    // The page's own timers are faked, so its once-a-minute refresh can be seen without waiting.
    await page.clock.install();
    await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=default`);
    const row = page.locator(`tr[data-case="${CASE}"]`);
    await row.waitFor();
    await expect.poll(() => page.locator('#who').textContent()).toContain('Alex Wilber');
    expect(await row.locator('td[data-label="Stage"]').textContent()).toBe('Awaiting partner replies');
    expect(await row.locator('td[data-label="Waiting for"]').textContent()).toBe("Local authority children's services; Police; Health (ICB)");
    expect(await row.locator('td[data-label="Status"]').textContent()).toContain('On track');
    expect(await row.locator('td[data-label="Next deadline"]').textContent()).toMatch(/Partners' replies .*: 1\d:\d\d on Thursday 7 May/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-light.png'), fullPage: true });
    expect(await accessibilityViolations()).toEqual([]);

    // More than half the partners' window gone: amber, in words as well as colour, at the next
    // automatic refresh (a minute later), with nobody touching the page.
    host.clock.advance(5 * 3_600_000);
    expect(await row.locator('td[data-label="Status"]').textContent()).toContain('On track');
    await page.clock.runFor(61_000);
    await expect.poll(() => row.locator('td[data-label="Status"]').textContent()).toContain('Less than half the time left');

    // Filtering by stage keeps the case under its own stage and hides it under another.
    await page.selectOption('#stage-filter', 'closed');
    await page.locator('p.empty').waitFor();
    expect(await page.locator(`tr[data-case="${CASE}"]`).count()).toBe(0);
    await page.selectOption('#stage-filter', 'awaitingPartnerReplies');
    await row.waitFor();

    // By keyboard: focus the case link and press Enter.
    await page.focus(`a[href="#/case/${CASE}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#case-stage').waitFor();
    expect(await page.locator('#case-stage').textContent()).toBe('Awaiting partner replies');
    const timeline = await page.locator('table.timeline').textContent();
    expect(timeline).toContain('Alex Wilber');
    // Typed text is shown verbatim and inert: no bold element, no link was made from it.
    expect(await page.locator('table.timeline td.verbatim', { hasText: '<b>not bold</b>' }).count()).toBe(1);
    expect(await page.locator('table.timeline b, table.timeline a').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format="csv"]')]);
    expect(download.suggestedFilename()).toBe(`${CASE}-history.csv`);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('when,who,role,what,detail,agreement deemed');
    expect(csv).toContain(RATIONALE.replace(/"/g, '""'));
    await expect.poll(() => page.locator('#status').textContent()).toContain('has been downloaded');

    await page.selectOption('#local-theme', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-dark.png'), fullPage: true });
    expect(await accessibilityViolations()).toEqual([]);
    await page.selectOption('#local-theme', 'contrast');
    expect(await accessibilityViolations()).toEqual([]);

    await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=dark#/year`);
    await page.locator('#year-heading').waitFor();
    expect(await page.locator('dl.figures').textContent()).toContain('Referrals1');
    expect(await page.locator('svg.chart title').textContent()).toContain('Referrals 1');
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-year-dark.png'), fullPage: true });
    expect(await accessibilityViolations()).toEqual([]);

    // A phone's width: rows become blocks that keep their column names.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=default#/cases`);
    await row.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-phone.png'), fullPage: true });
    expect(await accessibilityViolations()).toEqual([]);

    // A partner is on the roster but not the business unit or a chair: a page saying why, no case.
    await page.goto(`${host.url}/tab/index.html?as=${ISAIAH}&theme=default`);
    await page.locator('#denied-reason').waitFor();
    expect(await page.locator('#denied-reason').textContent()).toContain('This tab is for the business unit and the chairs');
    expect(await page.content()).not.toContain(CASE);
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-refused.png'), fullPage: true });
  }, 120_000);
});
