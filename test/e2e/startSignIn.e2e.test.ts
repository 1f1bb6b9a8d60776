import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../local/azurite.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { londonDate } from '../../workflow/rapidReview/dates.js';
import { launchChromium } from '../support/browser.js';
import { PlaygroundClient, type ConversationFrame } from '../support/playgroundClient.js';
import { BOT, DECISIONS, MONITORING, PERSONAL, ROOT, USERS } from '../support/playgroundStack.js';

/**
 * `npm start` as a person runs it (local/start.ts in a process of its own, on free ports, no
 * browser), and an email's link followed by hand: a case is taken to its rapid review in the
 * Playground, the business unit asks the sample's two email-only agencies for scoping returns, and
 * the emails the Graph stand-in kept (listed where the start-up output says) link to the page at
 * /act/, where each contact signs in at npm start's local sign-in authority, choosing themselves
 * on its page, and answers: the youth charity's contact (no Microsoft 365, a guest of the
 * partnership) records a return; the NHS trust's contact (their own tenant) says they had no
 * involvement.
 */

const DAY = 86_400_000;
const CASE = 'RR-2026-901';
const ROBIN = 'robin@youthproject.example.org';
const HOLLIS = 'hollis.ward@nhs.example.net';

let start: ChildProcess;
let output = '';
let client: PlaygroundClient;
let browser: Browser;
let botUrl = '';
let sentMailUrl = '';
let signInUrl = '';
let data = '';

const london = (at: Date) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

beforeAll(async () => {
  const [bot, playground, azurite] = [await freePort(), await freePort(), await freePort()];
  botUrl = `http://127.0.0.1:${bot}`;
  // Azurite's data in a folder of this run's, not the developer's .azurite/.
  data = await mkdtemp(join(tmpdir(), 'start-azurite-'));
  start = spawn(process.execPath, ['--import', 'tsx', 'local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, BOT_PORT: String(bot), PLAYGROUND_PORT: String(playground), AZURITE_TABLE_PORT: String(azurite), AZURITE_LOCATION: data, NO_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (const deadline = Date.now() + 150_000; !output.includes('Ctrl+C stops everything.'); await new Promise((r) => setTimeout(r, 250))) {
    if (start.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not get ready:\n${output}`);
  }
  sentMailUrl = /Emails sent: +(http:\/\/127\.0\.0\.1:\d+\/local\/sent-mail)/.exec(output)?.[1] ?? '';
  signInUrl = /Email-link sign-in: +(https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
  client = new PlaygroundClient(`http://127.0.0.1:${playground}`);
  await client.connect();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  client?.close();
  await browser?.close();
  if (start && start.exitCode === null) {
    // npm start stops Azurite, the Playground and the rest on SIGTERM, as on Ctrl+C.
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  if (data) await rm(data, { recursive: true, force: true });
}, 45_000);

const threadOf = (frame: ConversationFrame) => frame.message?.postConversationId ?? frame.actionConversationId;

type Mail = { to: string; subject: string; text: string };
async function mailTo(address: string): Promise<Mail> {
  for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 250))) {
    const { value } = (await (await fetch(sentMailUrl)).json()) as { value: Mail[] };
    const mail = value.find((m) => m.to === address && m.subject.includes(CASE));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${address} about ${CASE}; sent: ${value.map((m) => `${m.to} ${m.subject}`).join('; ')}`);
  }
}

/**
 * In a browser that has never signed in, does what the start-up output and the README say: opens the
 * sign-in's address once and proceeds past Chromium's warning about its self-signed certificate.
 * Then follows the link and signs in by choosing `name` on the local authority's page.
 */
async function signInFromLink(link: string, name: string, way: 'home' | 'guest') {
  const page = await (await browser.newContext()).newPage();
  // Chromium's interstitial: the navigation "fails" with the certificate error, the warning page stays.
  await page.goto(signInUrl).catch((error: unknown) => expect(String(error)).toContain('ERR_CERT_AUTHORITY_INVALID'));
  await page.locator('#details-button').click();
  await page.locator('#proceed-link').click();
  await expect.poll(() => page.locator('body').textContent()).toContain('Your browser now accepts this local sign-in authority’s certificate.');
  await page.goto(link);
  await page.getByRole('button', { name: way === 'home' ? 'Sign in with your organisation’s account' : 'Sign in as a guest of the partnership' }).click();
  await page.waitForURL((url) => url.protocol === 'https:');
  await page.getByRole('button', { name: `Sign in as ${name}`, exact: true }).click();
  await page.waitForURL((url) => url.origin === botUrl && url.pathname === '/act/' && !url.hash);
  await expect.poll(() => page.locator('#who').textContent()).toBe(`Signed in as ${name}.`);
  return page;
}

describe('npm start: an emailed link followed and acted on after the local sign-in', () => {
  it('says where the emails are, that their links open the page, and where the sign-in is', () => {
    expect(output).toMatch(/Emails sent: +http:\/\/127\.0\.0\.1:\d+\/local\/sent-mail +\(each email's link opens the page http:\/\/127\.0\.0\.1:\d+\/act\/\)/);
    expect(signInUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain("open this address once first and accept the browser's");
  });

  it("the youth charity's contact records a return, and the NHS trust's contact says no involvement, each from their email's link", { timeout: 150_000 }, async () => {
    const now = new Date();
    const aware = london(new Date(now.getTime() - 60 * 60_000));
    await client.say(MONITORING, 'new referral', BOT);
    const form = await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes('"verb":"referral.submit"'), 30_000);
    const formAt = { conversationId: form.actionConversationId, replyToId: form.message!.messageId };
    await client.click({ fromId: USERS.alex, ...formAt, verb: 'referral.submit', data: { caseRef: CASE, referringAgency: 'Police', awareDate: aware.date, awareTime: aware.time, harm: 'seriousHarm', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: `https://sample-partnership.sharepoint.com/sites/sin/${CASE}/referral.docx` } });
    const view = await client.waitForCard((f, json) => f.actionConversationId === PERSONAL && json.includes('"verb":"initialView.submit"') && json.includes(CASE));
    await client.click({ fromId: USERS.alex, conversationId: PERSONAL, replyToId: view.message!.messageId, verb: 'initialView.submit', data: { caseRef: CASE, view: 'notify', rationale: 'Serious harm; neglect suspected.' } });
    await client.click({ fromId: USERS.adele, ...formAt, verb: 'initialView.concur', data: { caseRef: CASE } });
    const partners = await client.waitForCard((f, json) => f.actionConversationId === DECISIONS && f.action === 'createMessage' && json.includes('"verb":"partner.agree"') && json.includes(CASE));
    for (const fromId of [USERS.isaiah, USERS.patti]) await client.click({ conversationId: DECISIONS, replyToId: partners.message!.messageId, fromId, verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed: the criteria are met.' } });
    const sent = london(new Date());
    const confirmed = await client.click({ fromId: USERS.adele, ...formAt, verb: 'panel.confirm', data: { caseRef: CASE, sentDate: sent.date, sentTime: sent.time, panelReference: 'CSPRP-2026-0999' } });
    expect(JSON.stringify(confirmed.card)).toContain('recorded');

    // The meeting on a working day about a week and a half away, well inside the 15 working days.
    const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: { start: '09:00', end: '17:00' } });
    let meeting = new Date(now.getTime() + 10 * DAY);
    while (!calendar.isWorkingDay(londonDate(meeting))) meeting = new Date(meeting.getTime() + DAY);
    const setupCard = await client.waitForCard((f, json) => f.actionConversationId === MONITORING && json.includes('"verb":"review.setup"') && json.includes(CASE));
    const setUp = await client.click({ fromId: USERS.alex, conversationId: threadOf(setupCard), replyToId: setupCard.message!.messageId, verb: 'review.setup', data: { caseRef: CASE, meetingDate: london(meeting).date, meetingTime: '10:00', agencies: 'youth-project,hospital-trust', returnsDate: '' } });
    expect(JSON.stringify(setUp.card)).toContain('Rapid review set up');

    // Robin: no Microsoft 365, a guest of the partnership's tenant.
    const robinMail = await mailTo(ROBIN);
    const robinLink = /http:\/\/\S+\/act\/\?\S+/.exec(robinMail.text)?.[0];
    expect(robinLink).toBe(`${botUrl}/act/?case=${CASE}&do=scoping&agency=youth-project`);
    const robin = await signInFromLink(robinLink!, 'Robin Youth', 'guest');
    await robin.locator('main .ac-pushButton[aria-expanded]', { hasText: 'Return submitted' }).click();
    const returnForm = robin.locator('main .ac-adaptiveCard[aria-live="polite"]').filter({ visible: true });
    await returnForm.getByLabel('Link to the return').fill(`https://sample-partnership.sharepoint.com/sites/sin/${CASE}/youth-project-return.docx`);
    await returnForm.locator('.ac-pushButton', { hasText: 'Record the return' }).click();
    await expect.poll(() => robin.locator('#status').textContent()).toBe('Answered: see the card below.');
    await expect.poll(() => robin.locator('main .card').textContent()).toContain('return');

    // Hollis: the NHS trust's own tenant, signing in with their organisation's account.
    const hollisMail = await mailTo(HOLLIS);
    const hollisLink = /http:\/\/\S+\/act\/\?\S+/.exec(hollisMail.text)?.[0];
    expect(hollisLink).toBe(`${botUrl}/act/?case=${CASE}&do=scoping&agency=hospital-trust`);
    const hollis = await signInFromLink(hollisLink!, 'Hollis Ward', 'home');
    await hollis.locator('main .ac-pushButton', { hasText: 'No involvement with this child or family' }).click();
    await expect.poll(() => hollis.locator('#status').textContent()).toBe('Answered: see the card below.');

    // The business unit's status board in the monitoring channel shows both answers.
    await client.waitForCard((f, json) => f.actionConversationId.startsWith(MONITORING) && json.includes(CASE) && json.includes('by Robin Youth') && json.includes('No involvement (recorded') && json.includes('by Hollis Ward'), 30_000);
  });
});
