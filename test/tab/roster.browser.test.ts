import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, launchChromium } from '../support/browser.js';
import { silentLogger } from '../../app/ports.js';
import { freePort } from '../../local/azurite.js';
import { startLocalHost, type LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { RecordingConnector } from '../support/recordingConnector.js';
import { messageActivity } from '../support/activities.js';
import { testEnvironment, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * Issue 16 in Chromium: the business unit opens the tab's Roster page (local mode, on its own
 * local host and port, not the Playground's), replaces the police deputy, is refused once with
 * the schema's words beside the field and loses nothing, saves; the next reminder on an open case
 * then goes to the new deputy when the local clock passes half-way and the sweep runs.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const started = Date.now();
// Tuesday 5 May 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-05-05T09:00:00.000Z') + (Date.now() - started));
const NEW_DEPUTY = { aadObjectId: 'aad-robin', displayName: 'Robin Newdeputy', email: 'robin.new@partnership.example.org' };
const messenger = new RecordingMessenger();
const NEW_MONITORING = '19:referrals-desk@thread.tacv2';
let host: LocalHost;
let connector: RecordingConnector;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const port = await freePort();
  const env = testEnvironment({ configPath: await writeConfig(), prefix: uniquePrefix(), env: { PUBLIC_BASE_URL: `http://127.0.0.1:${port}` } });
  host = await startLocalHost({ env, port, log: silentLogger, clock, sweepEveryMs: 0, messenger });
  const s = host.services;
  // An open case waiting for the partners' replies (due one working day after the view).
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, clock.now());
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, clock.now());
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, clock.now());
  await s.effects.idle();
  // Teams tells the bot it has been added to a second channel of the business unit's team.
  connector = await new RecordingConnector().start();
  // The partnership file's monitoring channel: the bot was added there at deployment, so it can post there (and it is offered to move back to).
  await s.conversations.saveConversation({ conversationId: 'conv-monitoring', serviceUrl: connector.url, channelId: 'msteams', tenantId: 'tenant-1', botId: '28:sin-bot', conversationType: 'channel' });
  const base = messageActivity({ from: PEOPLE.business, conversationId: NEW_MONITORING, conversationType: 'channel', serviceUrl: connector.url }, '');
  const added = await fetch(`${host.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...base, type: 'installationUpdate', action: 'add', text: undefined, channelData: { ...base.channelData, team: { name: 'Safeguarding' }, channel: { name: 'Referrals desk', type: 'standard' } } }),
  });
  expect(added.status).toBe(200);
  // A channel kept before the bot saved a reference with each listed channel: the bot cannot post there.
  await s.installed.added({ conversationId: '19:kept-without-reference@thread.tacv2', kind: 'channel', tenantId: 'tenant-1', name: 'Safeguarding › Old listing', addedFromTenantId: 'tenant-1', addedAt: clock.now().toISOString() });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await connector?.stop();
});


describe('the roster page', () => {
  it('the business unit changes the police deputy; a refused save keeps what was typed; the next reminder goes to the new deputy', async () => {
    await page.goto(`${host.url}/tab/index.html#/roster`);
    await page.selectOption('#local-user', PEOPLE.business.aadObjectId);
    const name = page.locator('#roster-partners-police-deputies-0-displayName');
    await expect.poll(() => name.inputValue()).toBe('Quinn Police');

    // Quinn is replaced by Robin, with a mistyped address first.
    await name.fill(NEW_DEPUTY.displayName);
    await page.fill('#roster-partners-police-deputies-0-aadObjectId', NEW_DEPUTY.aadObjectId);
    await page.fill('#roster-partners-police-deputies-0-email', 'robin at police');
    await page.fill('#roster-why', 'Quinn has moved on; Robin deputises for the police');
    await page.click('#roster-save');
    await expect.poll(() => page.locator('#roster-partners-police-deputies-0-email-error').textContent()).toBe('Invalid email address');
    expect(await page.locator('#roster-partners-police-deputies-0-email').getAttribute('aria-invalid')).toBe('true');
    // Nothing typed is lost, and nothing was stored.
    expect(await name.inputValue()).toBe(NEW_DEPUTY.displayName);
    expect(await page.inputValue('#roster-why')).toBe('Quinn has moved on; Robin deputises for the police');
    expect(host.services.roster.currentVersion).toBe(0);
    // Every field labelled, the refusal readable: the page as it stands after a refused save.
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.fill('#roster-partners-police-deputies-0-email', NEW_DEPUTY.email);
    await page.click('#roster-save');
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Saved as version 1.');
    await expect.poll(() => page.locator('#roster-history tbody').textContent()).toContain('Quinn has moved on; Robin deputises for the police');
    expect(await page.locator('#roster-history tbody').textContent()).toContain('Billie Business');

    // Past half-way through the partners' window (15:00 Wednesday): the sweep reminds whoever deputises now.
    const sentBefore = messenger.sent.length;
    clock.set(new Date('2026-05-06T06:00:00.000Z'));
    await host.services.runSweep(clock.now());
    const reminded = messenger.sent.slice(sentBefore);
    expect(reminded.map((m) => m.to)).toContain(NEW_DEPUTY.aadObjectId);
    expect(reminded.map((m) => m.to)).not.toContain(PEOPLE.policeDeputy.aadObjectId);
    expect(cardText(reminded.find((m) => m.to === NEW_DEPUTY.aadObjectId)!.card)).toContain(CASE_REF);
  });

  it('someone who is not the business unit is told so on the page', async () => {
    const other = await browser.newPage();
    await other.goto(`${host.url}/tab/index.html#/roster`);
    await other.selectOption('#local-user', PEOPLE.chair.aadObjectId);
    await expect.poll(() => other.locator('#main').textContent()).toContain("Only the partnership's business unit keeps the roster.");
    await other.close();
  });

  it('the business unit picks a new monitoring channel among those the bot is in; the next monitoring post goes there', async () => {
    const bu = await browser.newPage();
    await bu.goto(`${host.url}/tab/index.html#/roster`);
    await bu.selectOption('#local-user', PEOPLE.business.aadObjectId);
    const select = bu.locator('#channels-monitoring');
    await expect.poll(() => select.locator('option').allTextContents()).toEqual(['SIN monitoring (channel), in force now', 'Safeguarding › Referrals desk (channel)']);
    // The channel the bot cannot post to is not offered; the page says why and what to do.
    expect(await bu.locator('details li').allTextContents()).toEqual(["Safeguarding › Old listing: the bot cannot post there yet: add the app to that channel's team again, or post @bot in the channel."]);
    // What moving the decision channel does to open cases is said beside it.
    expect(await bu.locator('#channels-decision-move').textContent()).toContain("every card posted from now on goes to the new channel, for new cases and for the next steps of open ones. The partners' cards already posted stay where they were posted, and keep being updated there");
    await select.selectOption(NEW_MONITORING);
    expect(await bu.inputValue('#channels-monitoring-label')).toBe('Safeguarding › Referrals desk');
    await bu.fill('#channels-monitoring-label', 'Referrals desk');
    await bu.fill('#channels-why', 'Referrals are now handled at the referrals desk');
    const versionBefore = host.services.roster.currentVersion;
    await bu.click('#channels-save');
    await expect.poll(() => bu.locator('#channels-notice').textContent()).toBe(`Channels saved as version ${versionBefore + 1}. The next posts go to the channels chosen.`);
    await expect.poll(() => bu.locator('#roster-history tbody').textContent()).toContain('Referrals are now handled at the referrals desk');
    expect(await bu.locator('#roster-history tbody').textContent()).toContain('monitoring: Referrals desk');
    expect(await select.locator('option').allTextContents()).toEqual(['Referrals desk (channel), in force now', 'SIN monitoring (channel)']);
    // The page with the channels section, as the business unit uses it.
    expect(await accessibilityViolations(bu)).toEqual([]);

    // The chair and the director give different views on a new case: the business unit is told in the new channel.
    const NEXT = 'RR-2026-020';
    const s = host.services;
    const sentBefore = messenger.sent.length;
    await s.cases.execute(NEXT, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: NEXT, referringAgency: 'Police', awareAt: '2026-05-06T05:00:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, clock.now());
    await s.cases.execute(NEXT, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, clock.now());
    await s.cases.execute(NEXT, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Harm not serious enough.' }, clock.now());
    await s.effects.idle();
    const monitoringPosts = messenger.sent.slice(sentBefore).filter((m) => !m.to.startsWith('aad-'));
    expect(monitoringPosts.map((m) => m.to)).toEqual([NEW_MONITORING]);
    expect(cardText(monitoringPosts[0]!.card)).toContain(NEXT);
    await bu.close();
  });
});
