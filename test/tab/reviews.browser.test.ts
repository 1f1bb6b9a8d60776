import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium } from '../support/browser.js';
import { silentLogger } from '../../app/ports.js';
import { freePort } from '../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { buildTab } from '../../scripts/buildTab.js';
import { createReviewCases, LCSPR_CASE, LEARNING_CASE, PLAIN_CASE, SENTINELS } from '../support/reviewCases.js';
import { PEOPLE } from '../support/sampleConfig.js';
import { testEnvironment, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * Issue 17 in the browser: the monitoring tab's Reviews list, a view per review (an LCSPR and a
 * learning event) with its deadlines and milestones, reached from the list and from the case; the
 * actions by review and by agency with the CSV download, on the case's audit trail; the year's new
 * figures; the chairs and a partner. In Debian's Chromium, local mode, on a local host of its own
 * (a free port, never the Playground's), the cases made through the app's case service. Each view
 * is checked with axe-core (WCAG 2.1 AA) in the light theme, and the review view in dark and high contrast.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ARTEFACTS = resolve(ROOT, 'test-results');
const started = Date.now();
// Wednesday 1 July 2026, 11:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-07-01T10:00:00.000Z') + (Date.now() - started));
let host: LocalHost;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await buildTab();
  const env = testEnvironment({ configPath: await writeConfig(), prefix: uniquePrefix() });
  host = await startLocalHost({ env, port: await freePort(), log: silentLogger, clock, sweepEveryMs: 0 });
  await createReviewCases(host.services);
  browser = await launchChromium();
  page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 800 } })).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
});


const open = (who: string, hash: string, theme = 'default') => page.goto(`${host.url}/tab/index.html?as=${who}&theme=${theme}#/${hash}`);
const reviewRow = (caseRef: string, kind: string) => page.locator(`tr[data-review="${caseRef} ${kind}"]`);
const cellOf = (row: ReturnType<Page['locator']>, label: string) => row.locator(`[data-label="${label}"]`);

describe('the reviews and actions in the monitoring tab, in Chromium, in local mode', () => {
  it('lists every review by its next deadline and opens the LCSPR with its deadlines, milestones and what is owed', async () => {
    await open(PEOPLE.business.aadObjectId, 'reviews');
    await reviewRow(LCSPR_CASE, 'lcspr').waitFor();
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Reviews');
    expect(await page.locator('table.reviews tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-review')))).toEqual([`${LEARNING_CASE} learningEvent`, `${LCSPR_CASE} lcspr`]);
    expect(await cellOf(reviewRow(LEARNING_CASE, 'learningEvent'), 'Next deadline').textContent()).toBe('Report ready for approval (4 months): 17:00 on Saturday 10 October');
    expect(await cellOf(reviewRow(LCSPR_CASE, 'lcspr'), 'Where it stands').textContent()).toBe('Commissioning the reviewer');
    expect(await cellOf(reviewRow(LCSPR_CASE, 'lcspr'), 'Status').textContent()).toContain('On time: due by 17:00 on Friday 20 November');
    expect(await page.locator('#main').textContent()).not.toContain(PLAIN_CASE);
    await page.screenshot({ path: join(ARTEFACTS, 'tab-reviews-light.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    // By keyboard, to the LCSPR's own view.
    await page.focus(`a[data-focus-key="review:${LCSPR_CASE}:lcspr"]`);
    await page.keyboard.press('Enter');
    await page.locator('#review-heading').waitFor();
    expect(await page.locator('#review-heading').textContent()).toBe(`Local review (LCSPR): case ${LCSPR_CASE}`);
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Reviews');
    const deadlines = await page.locator('table.deadlines tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent?.trim())));
    expect(deadlines).toEqual([
      ['Publication (within 6 months of the decision)', 'the end of Saturday 12 December 2026', '● On time: due by the end of Saturday 12 December 2026'],
      ['Full report to the Panel and the Secretary of State (7 working days before publication)', '17:00 on Friday 20 November', '● On time: due by 17:00 on Friday 20 November'],
    ]);
    // Planned for Friday 26 June, not done: marked late in words, not by colour alone, saying against what and by how much.
    const early = page.locator('tr[data-milestone^="Early draft"]');
    expect(await cellOf(early, 'Planned').textContent()).toBe('Fri, 26 Jun 2026 Late: 5 days past its planned date (Friday 26 June 2026)');
    expect(await early.locator('strong.tag').textContent()).toBe('Late: 5 days past its planned date (Friday 26 June 2026)');
    expect(await cellOf(early, 'Done').textContent()).toBe('Not yet');
    expect(await cellOf(page.locator('tr[data-milestone="Decision to hold the review"]'), 'Done').textContent()).toBe('Fri, 12 Jun 2026');
    expect(await cellOf(page.locator('tr[data-milestone="Publication"]'), 'Planned').textContent()).toBe('Tue, 1 Dec 2026');
    expect(await page.locator('#review-owed').textContent()).toBe('The Panel, Ofsted and the DfE to be told of the decision');
    await page.screenshot({ path: join(ARTEFACTS, 'tab-review-lcspr-light.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const theme of ['dark', 'contrast']) {
      await page.selectOption('#local-theme', theme);
      await page.screenshot({ path: join(ARTEFACTS, `tab-review-lcspr-${theme}.png`), fullPage: true });
      expect(await accessibilityViolations(page)).toEqual([]);
    }
    await page.selectOption('#local-theme', 'default');
  }, 120_000);

  it("reaches the learning event's view from its case", async () => {
    await open(PEOPLE.business.aadObjectId, `case/${LEARNING_CASE}`);
    await page.locator('#case-reviews-heading').waitFor();
    expect(await page.locator('ul.case-reviews li').allTextContents()).toEqual(['Local learning event ● On time: due by 17:00 on Saturday 10 October (Report ready for approval (4 months))']);
    await page.getByRole('link', { name: 'Local learning event' }).click();
    await page.locator('#review-heading').waitFor();
    expect(await page.locator('#review-heading').textContent()).toBe(`Local learning event: case ${LEARNING_CASE}`);
    expect(await page.locator('#review-stage').textContent()).toBe('Under way');
    expect(await page.locator('table.milestones tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent?.trim())))).toEqual([
      ['Decision to hold a learning event', 'Not planned', 'Wed, 10 Jun 2026'],
      ['Method and leads agreed', 'Not planned', 'Fri, 12 Jun 2026'],
      ['Report ready for approval', 'Sat, 10 Oct 2026', 'Not yet'],
      ['Approved by the executive', 'Not planned', 'Not yet'],
      ['Learning disseminated', 'Not planned', 'Not yet'],
    ]);
    // The other case has no review: no section, no link.
    await open(PEOPLE.business.aadObjectId, `case/${PLAIN_CASE}`);
    await page.locator('#case-stage').waitFor();
    expect(await page.locator('#case-reviews-heading').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it('shows every action by review and by agency, and downloads them as CSV, on the audit trail of the case', async () => {
    await open(PEOPLE.business.aadObjectId, 'actions');
    await page.locator('#by-owner').waitFor();
    expect(await page.locator('#actions-summary').textContent()).toBe('2 not closed: 1 overdue, 0 due soon, 1 open, 0 awaiting impact evidence; 0 closed.');
    const tally = (table: string, key: string) => page.locator(`#${table} tr[data-key="${key}"] td`).evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-bucket'), c.textContent])));
    expect(await tally('by-review', `${LEARNING_CASE} Learning event`)).toEqual({ open: '1', dueSoon: '0', overdue: '1', awaitingImpact: '0', closed: '0' });
    expect(await tally('by-owner', 'GP practice')).toEqual({ open: '1', dueSoon: '0', overdue: '0', awaitingImpact: '0', closed: '0' });
    expect(await tally('by-owner', 'Police')).toEqual({ open: '0', dueSoon: '0', overdue: '1', awaitingImpact: '0', closed: '0' });
    // Overdue says by how much, in the working days its chasers count, and against which due date.
    expect(await cellOf(page.locator(`tr[data-action="${LEARNING_CASE} A2"]`), 'Status').textContent()).toContain('Overdue: 1 working day past its due date (17:00 on Tuesday 30 June)');
    expect(await cellOf(page.locator(`tr[data-action="${LEARNING_CASE} A1"]`), 'Status').textContent()).toContain('Open');
    // Typed words shown verbatim.
    expect(await cellOf(page.locator(`tr[data-action="${LEARNING_CASE} A1"]`), 'What done means').textContent()).toBe(SENTINELS.done);
    await page.screenshot({ path: join(ARTEFACTS, 'tab-actions-light.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download actions (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('actions.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).split('\r\n');
    expect(csv[0]).toBe('case,review,action,recommendation,owner,what done means,due,status');
    expect(csv.slice(1, 3)).toEqual([`${LEARNING_CASE},Learning event,A1,R1,GP practice,${SENTINELS.done},2026-07-31T17:00:00+01:00,Open`, `${LEARNING_CASE},Learning event,A2,R1,Police,The guidance is reissued.,2026-06-30T17:00:00+01:00,Overdue`]);
    await expect.poll(() => page.locator('#status').textContent()).toBe('The actions have been downloaded as CSV.');

    // The case's timeline says who took its actions out of the tab.
    await open(PEOPLE.business.aadObjectId, `case/${LEARNING_CASE}`);
    await page.locator('table.timeline').waitFor();
    const row = page.locator('table.timeline tr', { hasText: 'Downloaded the actions of every case (CSV)' });
    expect(await row.count()).toBe(1);
    expect(await row.locator('[data-label="Who"]').textContent()).toContain(PEOPLE.business.displayName);
  }, 60_000);

  it("adds the year's local reviews, learning events and actions by agency to the year view", async () => {
    await open(PEOPLE.business.aadObjectId, 'year');
    await page.locator('#year-actions-heading').waitFor();
    const figures = await page.locator('dl.figures').textContent();
    // The local review decided on this year's case counts in its year, whether or not its reviewer is appointed yet.
    expect(figures).toContain('Local reviews (LCSPRs) commissioned (decided in the year)1');
    expect(figures).toContain('Local reviews published within 6 months of the decisionNone published yet');
    expect(figures).toContain('Learning events with the report ready within 4 monthsNone completed yet');
    expect(await page.locator('table.year-actions caption').textContent()).toBe('Open and overdue at 1 July 2026; closed (impact evidenced) during the year.');
    const rows = await page.locator('table.year-actions tbody tr').evaluateAll((trs) => trs.map((r) => Array.from(r.children).map((c) => c.textContent)));
    expect(rows).toEqual([
      ['GP practice', '1', '0', '0'],
      ['Police', '1', '1', '0'],
    ]);
    await page.screenshot({ path: join(ARTEFACTS, 'tab-year-reviews-light.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it("lets a chair read the actions but not download them; refuses a partner; reflows at a phone's width", async () => {
    await open(PEOPLE.chair.aadObjectId, 'actions');
    await page.locator('#by-owner').waitFor();
    await page.getByRole('button', { name: 'Download actions (CSV)' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain("Only the partnership's business unit can download the actions.");

    await open(PEOPLE.police.aadObjectId, 'reviews');
    await page.locator('#denied-reason').waitFor();
    expect(await page.locator('#denied-reason').textContent()).toContain('This tab is for the business unit and the chairs');
    expect(await page.content()).not.toMatch(/RR-2026-30\d|QZV301/);

    await page.setViewportSize({ width: 390, height: 844 });
    await open(PEOPLE.business.aadObjectId, 'reviews');
    await reviewRow(LCSPR_CASE, 'lcspr').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(ARTEFACTS, 'tab-reviews-phone.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 800 });
  }, 60_000);

  it('says what late means once deadlines pass: overdue against which deadline, by how many days, on the list and in each review', async () => {
    // Monday 23 November 2026, 10:00 GMT: the learning event's report (due 17:00 on Saturday 10 October) and the
    // LCSPR's copy to the Panel (due 17:00 on Friday 20 November) are both overdue; nothing was recorded.
    const moved = await fetch(`${host.url}/api/local/clock`, { method: 'POST', body: JSON.stringify({ to: '2026-11-23T10:00:00.000Z' }) });
    expect(moved.status).toBe(200);
    // A fresh load: the page is still on this list, and a change of hash alone would not fetch it again.
    await page.goto('about:blank');
    await open(PEOPLE.business.aadObjectId, 'reviews');
    await reviewRow(LCSPR_CASE, 'lcspr').waitFor();
    expect(await cellOf(reviewRow(LEARNING_CASE, 'learningEvent'), 'Status').textContent()).toContain('Overdue: it was due by 17:00 on Saturday 10 October (44 days late) (Report ready for approval (4 months))');
    expect(await cellOf(reviewRow(LCSPR_CASE, 'lcspr'), 'Status').textContent()).toContain('Overdue: it was due by 17:00 on Friday 20 November (3 days late) (Full report to the Panel and the Secretary of State (7 working days before publication))');

    await open(PEOPLE.business.aadObjectId, `review/${encodeURIComponent(LEARNING_CASE)}/learningEvent`);
    await page.locator('#review-heading').waitFor();
    expect(await cellOf(page.locator('tr[data-milestone="Report ready for approval"]'), 'Planned').textContent()).toBe('Sat, 10 Oct 2026 Late: 44 days past the 4-month deadline (Saturday 10 October 2026)');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);
});
