import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchChromium } from '../support/browser.js';
import { silentLogger } from '../../app/ports.js';
import { readEnvironment } from '../../functions/environment.js';
import { freePort } from '../../local/azurite.js';
import { startLocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { storageSwitch } from '../functions/storageSwitch.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, ROOT, startPlaygroundStack, USERS, type PlaygroundStack } from '../support/playgroundStack.js';
import { uniquePrefix } from '../support/services.js';

/**
 * Issue 5 end to end: two cases created through the bot in the Agents Playground, then the business
 * unit's monitoring tab opened in Debian's Chromium (local mode, Alex from the sample roster): the
 * cases with their stage, whom they wait for and their status; sorting by deadline at desktop and
 * phone widths; the minute's refresh keeping focus and order; agreement deemed when the local clock
 * passes the partners' window, marked in the timeline; the CSV and JSON downloads; the year's two
 * charts; light, dark and high-contrast themes (screenshots in test-results/); a partner refused;
 * and the words shown when the case store cannot be reached.
 */

const CASE = 'RR-2026-044';
const LATER = 'RR-2026-045';
const ALEX = '00000000-0000-0000-0000-0000000000020';
const ISAIAH = '00000000-0000-0000-0000-0000000000023';
const RATIONALE = 'Serious harm, neglect suspected <b>not bold</b> [link](javascript:alert(1)); criteria met.';
const UNREACHABLE = 'The case store cannot be reached; please try again in a minute.';
const ARTEFACTS = resolve(ROOT, 'test-results');
const HOUR = 3_600_000;
const started = Date.now();
// Wednesday 6 May 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-05-06T09:00:00.000Z') + (Date.now() - started));
let stack: PlaygroundStack;
let browser: Browser;
let page: Page;

/** Logs a referral through the bot's form in the monitoring channel, as the business unit. */
/** Logs a referral from the monitoring channel; the form's message, where others may click too. */
async function logReferral(caseRef: string): Promise<{ actionConversationId: string; message?: { messageId: string } }> {
  const { client } = stack;
  const seen = client.frames.length;
  await client.say(MONITORING, 'new referral', BOT);
  const form = await client.waitForCard((f, json) => client.frames.indexOf(f) >= seen && f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'));
  await client.click({ fromId: USERS.alex, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'referral.submit', data: { caseRef, referringAgency: 'Police', awareDate: '2026-05-06', awareTime: '08:30', harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: `https://sample-partnership.sharepoint.com/sites/sin/${caseRef}/referral.docx` } });
  return form;
}

beforeAll(async () => {
  stack = await startPlaygroundStack({ clock });
  const { client } = stack;
  // The first case reaches the partners at 10:00: their replies are due at 10:00 on Thursday.
  const form = await logReferral(CASE);
  const request = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(CASE));
  await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: request.message!.messageId, verb: 'initialView.submit', data: { caseRef: CASE, view: 'notify', rationale: RATIONALE } });
  // The view is the chair's and the director's together (002 step 3): Adele (director, the local authority's representative) concurs.
  // The Playground has only the current user's (Alex's) 1:1 chat, so Adele concurs from the monitoring
  // channel: the verb names the case, and who acts comes from the activity.
  await client.click({ fromId: USERS.adele, conversationId: form.actionConversationId, replyToId: form.message!.messageId, verb: 'initialView.concur', data: { caseRef: CASE } });
  await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && json.includes('"verb":"partner.agree"') && json.includes(CASE));
  // The second is logged two hours later: its initial view is due at 12:00 on Thursday, a later deadline.
  clock.advance(2 * HOUR);
  await logReferral(LATER);
  await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(LATER));

  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 800 } })).newPage();
  // The page's own timers are faked, so its once-a-minute refresh can be seen without waiting.
  await page.clock.install();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});


const row = (caseRef: string) => page.locator(`tr[data-case="${caseRef}"]`);
const cell = (caseRef: string, label: string) => row(caseRef).locator(`[data-label="${label}"]`);
/** The case references in the order the table shows them. */
const shownOrder = () => page.locator('table.cases tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
/** The focused element's identity: its focus key, and whether it is the element marked `old` before a refresh. */
const focused = () => page.evaluate(() => ({ key: (document.activeElement as HTMLElement | null)?.dataset.focusKey, old: (document.activeElement as HTMLElement | null)?.dataset.old === 'yes' }));

/** Lets the page's minute pass and waits until its refresh has read the data again and finished ("Updated at" shows the new minute). */
async function nextRefresh(): Promise<void> {
  const before = await page.locator('#status').textContent();
  await page.clock.runFor(61_000);
  await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).not.toBe(before);
  expect(await page.locator('#status').textContent()).toMatch(/^Updated at \d\d:\d\d\. Refreshes every minute\.$/);
}

/** The sort toggle: visible and big enough to use, and it reverses the order by deadline and back. */
async function sortByDeadline(soonestFirst: string[]): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Latest deadline first' });
  expect(await toggle.isVisible()).toBe(true);
  const box = (await toggle.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.height).toBeGreaterThanOrEqual(24);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  expect(await shownOrder()).toEqual(soonestFirst);
  expect(await page.locator('#sort-order').textContent()).toBe('Sorted by next deadline, soonest first.');

  await toggle.click();
  expect(await shownOrder()).toEqual([...soonestFirst].reverse());
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  expect(await page.locator('table.cases th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
  expect(await page.locator('#sort-order').textContent()).toBe('Sorted by next deadline, latest first.');
  // Re-sorting keeps focus on the toggle, so it can be pressed again straight away.
  expect((await focused()).key).toBe('sort-deadline');
  await page.keyboard.press('Space');
  expect(await shownOrder()).toEqual(soonestFirst);
  expect(await toggle.getAttribute('aria-pressed')).toBe('false');
}

describe('the monitoring tab, in Chromium, in local mode', () => {
  it('lists the cases with stage, named people waited for and status, sorts by deadline, and keeps focus and order across its refresh', async () => {
    const { host } = stack;
    await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=default`);
    await row(CASE).waitFor();
    await row(LATER).waitFor();
    await expect.poll(() => page.locator('#who').textContent()).toContain('Alex Wilber');
    expect(await cell(CASE, 'Stage').textContent()).toBe('Awaiting partner replies');
    // The local authority agreed as co-author of the view (Adele concurred with it).
    expect(await cell(CASE, 'Waiting for').textContent()).toBe('Police (Isaiah Langer); Health (ICB, Patti Fernandez)');
    expect(await cell(CASE, 'Status').textContent()).toContain('On track');
    expect(await cell(CASE, 'Next deadline').textContent()).toMatch(/Partners' replies .*: 10:0\d on Thursday 7 May/);
    expect(await cell(LATER, 'Stage').textContent()).toBe('Awaiting initial view');
    expect(await cell(LATER, 'Waiting for').textContent()).toBe("Alex Wilber (review group chair); Adele Vance (children's services director)");
    expect(await cell(LATER, 'Next deadline').textContent()).toMatch(/Initial view: 12:0\d on Thursday 7 May/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-light.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    await sortByDeadline([CASE, LATER]);

    // Latest first, then focus on the first case's link, marked so a rebuilt page can be told apart.
    await page.getByRole('button', { name: 'Latest deadline first' }).click();
    await page.focus(`a[data-focus-key="case:${CASE}"]`);
    await page.evaluate(() => ((document.activeElement as HTMLElement).dataset.old = 'yes'));

    // A minute with nothing changed: the data is read again (the "updated at" time moves on), and
    // the page is left alone: the same element, still focused.
    await nextRefresh();
    expect(await focused()).toEqual({ key: `case:${CASE}`, old: true });

    // More than half the partners' window gone: amber, in words as well as colour, at the next
    // automatic refresh, with nobody touching the page. The view is rebuilt from the changed data,
    // and focus is on the same case's link in the new view; the order chosen is kept.
    host.clock.advance(3 * HOUR);
    expect(await cell(CASE, 'Status').textContent()).toContain('On track');
    await nextRefresh();
    expect(await cell(CASE, 'Status').textContent()).toContain('Less than half the time left');
    expect(await focused()).toEqual({ key: `case:${CASE}`, old: false });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(CASE);
    expect(await shownOrder()).toEqual([LATER, CASE]);
    expect(await page.getByRole('button', { name: 'Latest deadline first' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Latest deadline first' }).click();

    // Filtering by stage keeps the case under its own stage and hides it under another.
    await page.selectOption('#stage-filter', 'closed');
    await page.locator('p.empty').waitFor();
    expect(await row(CASE).count()).toBe(0);
    await page.selectOption('#stage-filter', 'awaitingPartnerReplies');
    await row(CASE).waitFor();
    expect(await row(LATER).count()).toBe(0);
    await page.selectOption('#stage-filter', 'open');
  }, 120_000);

  it("marks the agreement deemed when the clock passes the partners' window, and downloads the history as CSV and JSON", async () => {
    const { host } = stack;
    // The local clock moves a day on, as `clock +1d` does, and the sweep runs: nobody replied, so
    // the police's and health's agreement is deemed (the local authority agreed as co-author) and the decision (notify) is reached.
    const moved = await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 24 * HOUR }) });
    expect(moved.status).toBe(200);
    await nextRefresh();
    await expect.poll(() => cell(CASE, 'Stage').textContent()).toBe('Awaiting Panel notification');
    expect(await cell(CASE, 'Waiting for').textContent()).toBe('Adele Vance (local authority representative)');
    expect(await cell(LATER, 'Status').textContent()).toContain('Overdue');

    // By keyboard: focus the case link and press Enter.
    await page.focus(`a[href="#/case/${CASE}"]`);
    await page.keyboard.press('Enter');
    await page.locator('#case-stage').waitFor();
    expect(await page.locator('#case-stage').textContent()).toBe('Awaiting Panel notification');
    const timeline = await page.locator('table.timeline').textContent();
    expect(timeline).toContain('Alex Wilber');
    // Typed text is shown verbatim and inert: no bold element, no link was made from it.
    // The rationale is on three rows: the chair's draft, the joint view once the director concurred,
    // and the local authority's agreement as the view's co-author (which carries its rationale).
    expect(await page.locator('table.timeline td.verbatim', { hasText: '<b>not bold</b>' }).count()).toBe(3);
    expect(await page.locator('table.timeline b, table.timeline a').count()).toBe(0);

    // Each partner's deemed agreement is its own row, marked in words (not by its tint alone).
    const deemed = page.locator('table.timeline tr.deemed');
    await expect.poll(() => deemed.count()).toBe(2);
    for (const partner of ['Police', 'Health (ICB)']) {
      const mark = deemed.filter({ hasText: partner }).locator('.deemed-mark');
      expect(await mark.isVisible()).toBe(true);
      expect(await mark.textContent()).toBe('Deemed from silence');
    }
    expect(await deemed.first().locator('td[data-label="What"]').textContent()).toMatch(/^Deemed from silence Agreement deemed: no response by 10:0\d on Thursday 7 May\.$/);
    expect(await page.locator('table.timeline tr:not(.deemed) .deemed-mark').count()).toBe(0);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format="csv"]')]);
    expect(csvDownload.suggestedFilename()).toBe(`${CASE}-history.csv`);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('when,who,role,what,detail,agreement deemed');
    expect(csv).toContain(RATIONALE.replace(/"/g, '""'));
    expect(csv.split('\r\n').filter((line) => line.endsWith(',yes'))).toHaveLength(2);
    await expect.poll(() => page.locator('#status').textContent()).toContain(`The CSV history of ${CASE} has been downloaded`);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format="json"]')]);
    expect(jsonDownload.suggestedFilename()).toBe(`${CASE}-history.json`);
    const history = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8')) as { caseRef: string; events: { type: string; partner?: string; rationale?: string }[]; timeline: { deemed: boolean }[] };
    expect(history.caseRef).toBe(CASE);
    const types = history.events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['ReferralLogged', 'InitialViewProposed', 'InitialViewGiven']);
    expect(history.events.filter((e) => e.type === 'AgreementDeemed').map((e) => e.partner).sort()).toEqual(['health', 'police']);
    expect(types).toContain('DecisionReached');
    expect(history.events.find((e) => e.type === 'InitialViewGiven')?.rationale).toBe(RATIONALE);
    expect(history.timeline.filter((r) => r.deemed)).toHaveLength(2);
    await expect.poll(() => page.locator('#status').textContent()).toContain(`The JSON history of ${CASE} has been downloaded`);

    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-case-light.png'), fullPage: true });
    await page.selectOption('#local-theme', 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(31, 31, 31)');
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-dark.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.selectOption('#local-theme', 'contrast');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it("charts the year's counts and, on their own scales, the median working days from becoming aware to the Panel notification and rapid reviews on time", async () => {
    const { host } = stack;
    await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=dark#/year`);
    await page.locator('#year-heading').waitFor();
    const figures = await page.locator('dl.figures').textContent();
    expect(figures).toContain('Referrals2');
    expect(figures).toContain('… by deemed agreement (no response within 1 working day)1');
    // Timeliness is awareness to notification (002 Section B); no notification has been sent in this scenario.
    expect(figures).toContain('Median working days from becoming aware to the Panel notificationNo notifications yet');
    expect(figures).toContain('Panel notifications within 5 working days of becoming awareNone sent yet');
    expect(figures).not.toContain('referral to decision');
    expect(await page.locator('#counts-chart title').textContent()).toContain('Referrals 2, Panel notifications 0, Decided by agreement 0, Decided by deemed agreement 1');
    const timeliness = page.locator('#timeliness-chart');
    expect(await timeliness.getAttribute('role')).toBe('img');
    expect(await timeliness.locator('title').textContent()).toBe(
      'Timeliness: median from becoming aware to the Panel notification no notifications yet (the statutory limit is 5 working days); rapid reviews none completed yet',
    );
    expect(await timeliness.locator('text').allTextContents()).toEqual(['Median, aware to notified: no notifications yet', '5 working days', 'Rapid reviews on time: none completed yet', '']);
    // With nothing to measure there is no bar, only the tracks and the 5 working days mark.
    expect(await timeliness.locator('rect.chart-bar').count()).toBe(0);
    expect(await timeliness.locator('rect.chart-track').count()).toBe(2);
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-year-dark.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it("at a phone's width, reflows the table and keeps the sort toggle visible and working; refuses a partner", async () => {
    const { host } = stack;
    // A phone's width: rows become blocks that keep their column names; the header row is hidden.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=default#/cases`);
    await row(CASE).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Now the later case's initial view (Thursday) is due before the first's Panel notification (next week).
    await sortByDeadline([LATER, CASE]);
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-phone.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // A partner is on the roster but not the business unit or a chair: a page saying why, no case.
    await page.goto(`${host.url}/tab/index.html?as=${ISAIAH}&theme=default`);
    await page.locator('#denied-reason').waitFor();
    expect(await page.locator('#denied-reason').textContent()).toContain('This tab is for the business unit and the chairs');
    expect(await page.content()).not.toContain(CASE);
    await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-refused.png'), fullPage: true });
    await page.setViewportSize({ width: 1200, height: 800 });
  }, 60_000);

  it('says the case store cannot be reached, in the service’s words, when its storage goes away', async () => {
    // A second instance of the product whose storage is behind a relay that is then cut: a real
    // closed port, with the storage SDK's own retries.
    const storage = await storageSwitch(inject('azuritePort'));
    const env = readEnvironment({ PARTNERSHIP_CONFIG: resolve(ROOT, 'config/sample-partnership.json'), STORAGE_CONNECTION_STRING: storage.connectionString, TABLE_PREFIX: uniquePrefix(), LOCAL_MODE: 'true', PUBLIC_BASE_URL: 'http://127.0.0.1:3978' });
    const host = await startLocalHost({ env, port: await freePort(), log: silentLogger, clock: new LocalClock(), sweepEveryMs: 0 });
    try {
      await page.goto(`${host.url}/tab/index.html?as=${ALEX}&theme=default`);
      await page.locator('p.empty').waitFor();

      // Cut while the page is open: the next refresh keeps what was shown and says why it is not current.
      await storage.cut();
      await page.clock.runFor(61_000);
      await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^${UNREACHABLE.replace(/[.;]/g, '\\$&')} Showing what was read at \\d\\d:\\d\\d\\.$`));
      expect(await page.locator('p.empty').isVisible()).toBe(true);

      // Opened while it is cut: the message itself, not a generic error, and who is signed in.
      await page.reload();
      await page.locator('#problem-message').waitFor();
      expect(await page.locator('#problem-message').textContent()).toBe(UNREACHABLE);
      expect(await page.locator('#unavailable-heading').textContent()).toBe('The cases cannot be shown just now');
      await expect.poll(() => page.locator('#who').textContent()).toContain('Alex Wilber');
      expect(await page.locator('main').textContent()).not.toMatch(/Something went wrong|The service answered/);
      await page.screenshot({ path: join(ARTEFACTS, 'monitoring-tab-store-unreachable.png'), fullPage: true });
      expect(await accessibilityViolations(page)).toEqual([]);
    } finally {
      await host.close();
    }
  }, 60_000);
});
