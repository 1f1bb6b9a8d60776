import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { notificationEmail } from '../../app/mailBody.js';
import { silentLogger } from '../../app/ports.js';
import { freePort } from '../../local/azurite.js';
import { startGraphStandIn, type GraphStandIn, type SentMail } from '../../local/graphStandIn.js';
import { startLocalHost, type LocalHost } from '../../local/host.js';
import { LocalClock } from '../../local/localClock.js';
import { buildTab } from '../../scripts/buildTab.js';
import type { CommandActor } from '../../workflow/commands.js';
import { identifyingDetailIn } from '../../workflow/freeText.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { startLocalTokenAuthority, type LocalTokenAuthority } from '../support/localTokenAuthority.js';
import { RecordingMessenger } from '../support/recordingMessenger.js';
import { DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { testEnvironment, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * Issue 16, acting from an email: the product's own page at /act/, in Debian's Chromium, signing
 * in with msal-browser against the local OpenID Connect authority (auth code + PKCE), on a local
 * host of its own (a free port, never the Playground's). From the email sent through the Graph
 * stand-in: (a) a police representative of another tenant, listed with that home tenant, signs in
 * with their own organisation's account (`organizations`) and disagrees with a rationale, and the
 * case records it as theirs; (b) an agency contact without Microsoft 365, a guest of the
 * partnership's tenant, signs in there and records a scoping return; (c) someone of the police's
 * tenant whose object id the roster does not list is refused, and nothing is recorded; (d) the
 * police representative, asked by email whether they will attend the rapid review meeting,
 * answers from that email's own link, which offers the attendance buttons and nothing else.
 */

const PARTNERSHIP_TENANT = sampleConfig.tenantId;
const POLICE_TENANT = '9b1c2d3e-0000-4000-8000-00000000b0b1';
const CLIENT_ID = '6f0e1d2c-1111-4222-8333-444455556666';
const FROM = 'sin-partnership@partnership.example.org';
const REPLY_CASE = 'RR-2026-061';
const SCOPING_CASE = 'RR-2026-062';
const RATIONALE = 'The chronology does not show neglect; we disagree with notifying.';
const RETURN_URL = `https://documents.example.org/sites/cases/${SCOPING_CASE}/education-return.docx`;

/**
 * The police representative works from the force's own tenant (listed with their home object id
 * and tenant), not in the partnership's Teams: the partners' card reaches them by email.
 */
const POLICE: Person = { aadObjectId: 'c0ffee00-0000-4000-8000-00000000c0de', email: 'pat.police@police.example.org', displayName: 'Pat Police', tenantIds: [POLICE_TENANT], teams: false };
/** The school's contact has no Microsoft 365: a guest of the partnership's tenant, told by email only. */
const EDUCATION: Person = { aadObjectId: 'e0e0e0e0-0000-4000-8000-0000000000ed', email: 'eve@school.example.org', displayName: 'Eve Education', teams: false };

const config = PartnershipFileSchema.parse({
  ...sampleConfig,
  mail: { fromMailbox: FROM },
  partners: { ...sampleConfig.partners, police: { ...sampleConfig.partners.police, representative: POLICE } },
  agencies: sampleConfig.agencies.map((a) => (a.id === 'education' ? { ...a, contact: EDUCATION } : a)),
});
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

const started = Date.now();
// Monday 1 June 2026, 10:00 BST, moving on in real time.
const clock = new LocalClock(() => Date.parse('2026-06-01T09:00:00.000Z') + (Date.now() - started));
let authority: LocalTokenAuthority;
let graph: GraphStandIn;
let host: LocalHost;
let browser: Browser;

beforeAll(async () => {
  await buildTab();
  [authority, graph] = await Promise.all([startLocalTokenAuthority(), startGraphStandIn()]);
  authority.addAccount({ username: 'pat.police@police.example.org', tenantId: POLICE_TENANT, oid: POLICE.aadObjectId, name: 'Pat Police' });
  authority.addAccount({ username: 'eve@school.example.org', tenantId: PARTNERSHIP_TENANT, oid: EDUCATION.aadObjectId, name: 'Eve Education (Guest)' });
  // The force's tenant, an object id the roster does not list (a colleague of Pat's).
  authority.addAccount({ username: 'someone.else@police.example.org', tenantId: POLICE_TENANT, oid: '0b0b0b0b-0000-4000-8000-0000000000ff', name: 'Someone Else' });
  const port = await freePort();
  const env = testEnvironment({
    configPath: await writeConfig(config),
    prefix: uniquePrefix(),
    env: {
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      GRAPH_AUTH: 'localStandIn',
      GRAPH_BASE_URL: graph.url,
      TAB_APP_CLIENT_ID: CLIENT_ID,
      ENTRA_AUTHORITY_HOST: authority.signInAuthorityHost,
      ENTRA_JWKS_URL: authority.entraJwksUrl,
    },
  });
  host = await startLocalHost({ env, port, log: silentLogger, clock, sweepEveryMs: 0, messenger: new RecordingMessenger() });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await Promise.all([authority?.close(), graph?.close()]);
});

const mailTo = (address: string) => graph.sentMail.filter((m) => m.to === address);
const linkIn = (mail: SentMail) => /https?:\/\/\S+\/act\/\?\S+/.exec(mail.text)?.[0];

/** A fresh browser (no earlier sign-in) that trusts the local authority's self-signed certificate. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 900, height: 900 } });
  return context.newPage();
}

/** Follows the email's link, signs in at the local authority by choosing `name` on its page, and waits for the page to answer. */
async function signInFromLink(link: string, name: string, as: 'home' | 'guest'): Promise<Page> {
  const page = await freshPage();
  await page.goto(link);
  await page.getByRole('button', { name: as === 'home' ? 'Sign in with your organisation’s account' : 'Sign in as a guest of the partnership' }).click();
  await page.waitForURL((url) => url.origin === authority.signInAuthorityHost);
  await page.getByRole('button', { name: `Sign in as ${name}`, exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/act/' && url.origin === host.url && !url.hash);
  await page.locator('main .card, main .message[role="alert"]').first().waitFor();
  return page;
}

/** Opens one of the card's ShowCard forms by its button's title, then returns the opened form. */
async function openForm(page: Page, title: string) {
  await page.locator('main .ac-pushButton[aria-expanded]', { hasText: title }).click();
  // The Adaptive Cards library draws an opened ShowCard as a nested card under the buttons.
  return page.locator('main .ac-adaptiveCard[aria-live="polite"]').filter({ visible: true });
}

async function logCase(caseRef: string): Promise<void> {
  const cases = host.services.cases;
  await cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll('RR-2026-014', caseRef) } }, clock.now());
  await cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Criteria met on what is known.' }, clock.now());
  await cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, clock.now());
  await host.services.effects.idle();
}

describe('acting from an email link, signed in with Entra (the local authority), in Chromium', () => {
  it("(a) a police representative of another tenant follows the email's link, signs in, and disagrees with a rationale: the case records it as theirs", { timeout: 60_000 }, async () => {
    await logCase(REPLY_CASE);
    const mails = mailTo(POLICE.email).filter((m) => m.subject.includes(REPLY_CASE));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    // The exact request Graph was sent: the link names the case and the request, nothing else.
    const state = (await host.services.store.load(REPLY_CASE)).state!;
    const expected = notificationEmail({ config, caseRef: REPLY_CASE, state, card: { kind: 'partnerDecision' }, reason: 'emailOnly', publicBaseUrl: host.url });
    expect(mail.body).toEqual({
      message: {
        subject: expected.subject,
        body: { contentType: 'text', content: expected.text },
        toRecipients: [{ emailAddress: { address: POLICE.email } }],
        internetMessageHeaders: [{ name: 'X-SIN-Mail-Ref', value: expect.stringMatching(/^[A-Za-z0-9_-]+\.[0-9a-f]{40}$/) }],
      },
      saveToSentItems: true,
    });
    const link = linkIn(mail)!;
    expect(link).toBe(`${host.url}/act/?case=${REPLY_CASE}&do=reply`);
    expect(identifyingDetailIn(mail.text)).toBeUndefined();
    expect(mail.text).not.toContain('Criteria met');

    const page = await signInFromLink(link, 'Pat Police', 'home');
    await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as Pat Police.');
    const card = page.locator('main .card');
    await expect.poll(() => card.textContent()).toContain(REPLY_CASE);
    expect(await card.textContent()).toContain('Criteria met on what is known.');
    // Only what the partners' card offers for a reply: no History, no export.
    expect(await page.locator('main .ac-pushButton', { hasText: 'History' }).count()).toBe(0);

    const form = await openForm(page, 'Disagree');
    await form.getByLabel('Rationale').fill(RATIONALE);
    await form.locator('.ac-pushButton', { hasText: 'Disagree' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Answered: see the card below.');

    const { state: after, events } = await host.services.store.load(REPLY_CASE);
    // The local authority's agreement is the director's, recorded with the initial view; the police's is the one from the page.
    const replied = events.filter((e) => e.type === 'PartnerReplied' && e.partner === 'police');
    expect(replied).toHaveLength(1);
    expect(replied[0]).toMatchObject({ by: { aadObjectId: POLICE.aadObjectId, displayName: 'Pat Police' }, partner: 'police', reply: 'disagree', rationale: RATIONALE });
    expect(after!.positions.police).toMatchObject({ status: 'disagreed', by: { aadObjectId: POLICE.aadObjectId } });
    // The answer is the case card with the reply on it, in words.
    await expect.poll(() => page.locator('main .card').textContent()).toContain(RATIONALE);
    // The view is on the case's audit trail, like the tab's case view.
    const access = await host.services.accessLog.of(REPLY_CASE);
    expect(access).toEqual([expect.objectContaining({ what: 'caseViewed', via: 'web', by: expect.objectContaining({ aadObjectId: POLICE.aadObjectId, displayName: 'Pat Police' }) })]);
    await page.context().close();
  });

  it('(b) an agency contact without Microsoft 365, a guest of the partnership tenant, records a scoping return from the link', { timeout: 60_000 }, async () => {
    await logCase(SCOPING_CASE);
    const cases = host.services.cases;
    for (const p of [POLICE, PEOPLE.health]) await cases.execute(SCOPING_CASE, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, clock.now());
    await cases.execute(SCOPING_CASE, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: clock.now().toISOString(), panelReference: 'CSPRP-61' }, clock.now());
    await cases.execute(SCOPING_CASE, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: ['education'] }, clock.now());
    await host.services.effects.idle();

    const mails = mailTo(EDUCATION.email).filter((m) => m.subject.includes(SCOPING_CASE));
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!)!;
    expect(link).toBe(`${host.url}/act/?case=${SCOPING_CASE}&do=scoping&agency=education`);
    expect(identifyingDetailIn(mails[0]!.text)).toBeUndefined();

    const page = await signInFromLink(link, 'Eve Education (Guest)', 'guest');
    await expect.poll(() => page.locator('#who').textContent()).toBe('Signed in as Eve Education (Guest).');
    const form = await openForm(page, 'Return submitted');
    await form.getByLabel('Link to the return').fill(RETURN_URL);
    await form.locator('.ac-pushButton', { hasText: 'Record the return' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Answered: see the card below.');

    const { state, events } = await host.services.store.load(SCOPING_CASE);
    const returned = events.filter((e) => e.type === 'ScopingReturned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({ by: { aadObjectId: EDUCATION.aadObjectId, displayName: 'Eve Education' }, agency: 'education', documentUrl: RETURN_URL });
    expect(state!.rapidReview!.agencies.education).toMatchObject({ status: 'returned' });
    await page.context().close();
  });

  it("(c) someone of the police's tenant whose object id the roster does not list is refused, in words, and nothing is recorded", async () => {
    const before = await host.services.store.load(REPLY_CASE);
    const accessBefore = await host.services.accessLog.of(REPLY_CASE);
    const redeemedBefore = authority.redeemed();
    const page = await signInFromLink(`${host.url}/act/?case=${REPLY_CASE}&do=reply`, 'Someone Else', 'home');
    // They did sign in (the authority issued tokens); the product refused them.
    expect(authority.redeemed()).toBe(redeemedBefore + 1);
    const refusal = page.locator('main .message[role="alert"]');
    await expect.poll(() => refusal.textContent()).toContain('is not on the');
    expect(await refusal.textContent()).toContain('Nothing was recorded.');
    expect(await page.locator('main .card').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('Criteria met');
    // The API refuses a submission the same way, whatever the form says about who is acting.
    const token = await page.evaluate(() => Object.entries(sessionStorage).find(([k]) => k.includes('accesstoken'))?.[1]);
    const secret = token ? (JSON.parse(token) as { secret: string }).secret : '';
    const forged = await fetch(`${host.url}/api/act`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'partner.agree', data: { caseRef: REPLY_CASE, comment: 'Agree.', aadObjectId: POLICE.aadObjectId } }),
    });
    expect(forged.status).toBe(403);
    const after = await host.services.store.load(REPLY_CASE);
    expect(after.events).toHaveLength(before.events.length);
    expect(await host.services.accessLog.of(REPLY_CASE)).toEqual(accessBefore);
    await page.context().close();
  });
  it('(d) the police representative answers the rapid review attendance request from its own email link', { timeout: 60_000 }, async () => {
    // Test (b) set the rapid review up: the police representative, outside the partnership's Teams, was asked by email.
    const mails = mailTo(POLICE.email).filter((m) => m.subject.includes(SCOPING_CASE) && m.text.includes('do=attendance'));
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!)!;
    expect(link).toBe(`${host.url}/act/?case=${SCOPING_CASE}&do=attendance`);
    expect(identifyingDetailIn(mails[0]!.text)).toBeUndefined();

    const page = await signInFromLink(link, 'Pat Police', 'home');
    const card = page.locator('main .card');
    await expect.poll(() => card.textContent()).toContain('Rapid review meeting');
    // The attendance card's own buttons only: no History, nothing of the partners' reply.
    const buttons = await page.locator('main .ac-pushButton').allTextContents();
    expect(buttons.map((b) => b.trim()).sort()).toEqual(['Attending', 'Not attending']);
    await page.locator('main .ac-pushButton', { hasText: /^Attending$/ }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Answered: see the card below.');

    const { events } = await host.services.store.load(SCOPING_CASE);
    const confirmed = events.filter((e) => e.type === 'AttendanceConfirmed');
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ by: { aadObjectId: POLICE.aadObjectId, displayName: 'Pat Police' }, attending: true });
    await expect.poll(() => page.locator('main .ac-pushButton', { hasText: 'Change to: not attending' }).count()).toBe(1);

    // The same signed-in page cannot send the partners' reply under the attendance link: the server refuses it.
    const token = await page.evaluate(() => Object.entries(sessionStorage).find(([k]) => k.includes('accesstoken'))?.[1]);
    const secret = token ? (JSON.parse(token) as { secret: string }).secret : '';
    const before = events.length;
    const other = await fetch(`${host.url}/api/act?case=${SCOPING_CASE}&do=attendance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ verb: 'partner.disagree', data: { caseRef: SCOPING_CASE, rationale: 'Not through this link.' } }),
    });
    expect(other.status).toBe(200);
    expect(JSON.stringify(await other.json())).toContain('This page records only what an email asked of you');
    expect((await host.services.store.load(SCOPING_CASE)).events).toHaveLength(before);
    await page.context().close();
  });
});
