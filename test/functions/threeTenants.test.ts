import functions, { type HttpResponseInit } from '@azure/functions';
import type { AccessToken } from '@azure/identity';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { notificationEmail } from '../../app/mailBody.js';
import { silentLogger } from '../../app/ports.js';
import { rosterPersonFor, tenantsOf } from '../../app/rosterIdentity.js';
import { createActHandlers } from '../../functions/actHandlers.js';
import { buildServices, type Services } from '../../functions/compositionRoot.js';
import { readEnvironment } from '../../functions/environment.js';
import { createHandlers } from '../../functions/handlers.js';
import { createGraphClient } from '../../graph/graphClient.js';
import { startGraphStandIn, type GraphStandIn, type SentMail } from '../../local/graphStandIn.js';
import { identifyingDetailIn } from '../../workflow/freeText.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { HARM_WORDS } from '../../workflow/words.js';
import { isRefusal } from '../faults/support/answers.js';
import { snapshotter } from '../faults/support/tableSnapshot.js';
import { cardActionActivity, type ActivityOptions } from '../support/activities.js';
import { startLocalTokenAuthority, TEAMS_SERVICE_URL, type LocalTokenAuthority } from '../support/localTokenAuthority.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, uniquePrefix, writeConfig } from '../support/services.js';
import { cardProblems, executeActions } from '../support/validateCard.js';

/**
 * Issue 16's "Done when", in one run: a case decided by three partners in three tenants, each by
 * the route the README's "Across organisations" gives them, through the production-mode entry
 * points (the messages endpoint with Bot Framework tokens signed by the loopback authority, and
 * `/api/act` with Entra tokens), against Azurite, with email through the Graph stand-in.
 *
 * - The police representative is a GUEST of the partnership's tenant: listed with the guest
 *   account's object id and no `tenantIds`; they click the partners' card in the decision channel.
 * - The ICB representative is on NHSmail and an external member of the shared decision channel:
 *   listed with their home tenant and home object id (Teams user, so no `teams: false`); they
 *   click the same card in the shared channel, their home tenant on `from.tenantId`
 *   (bot/activityFacts.ts's assumption).
 * - The council's representative works from the council's own tenant, outside the partnership's
 *   Teams (`teams: false`, home tenant listed): the partners' card reaches them by email, and they
 *   reply on the page the email links to, signed in with their own organisation's account.
 *
 * The children's services director here is not the council's representative (in the sample roster
 * they are one person, and the director's concurrence would then be the council's agreement): so
 * the council's agreement is the one given through the page.
 *
 * Then, in the rapid review, the school has no Microsoft 365: its contact is a guest of the
 * partnership's tenant signing in with an emailed one-time passcode (`teams: false`, no
 * `tenantIds`), gets the scoping request by email and records the return through `/api/act`.
 */

const { HttpRequest, InvocationContext } = functions;

const APP_ID = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = '6f0e1d2c-1111-4222-8333-444455556666';
const PARTNERSHIP_TENANT = sampleConfig.tenantId;
const NHSMAIL = '37c354b2-85b0-47f5-b222-07b48d774ee3';
const COUNCIL_TENANT = 'c0c0c0c0-0000-4000-8000-00000000c0c0';
const FROM = 'sin-partnership@partnership.example.org';
const BASE = 'https://bot.example.org';
const CASE = 'RR-2026-160';
/** Only in the chair's rationale: it must never be in an email. */
const SENTINEL = 'SENTINEL-RATIONALE-T3';
const RETURN_URL = `https://documents.example.org/sites/cases/${CASE}/education-return.docx`;

/** A guest account of the partnership's tenant: its own object id there, no other tenant. */
const POLICE_GUEST: Person = { aadObjectId: 'a1a1a1a1-0000-4000-8000-00000000a1a1', email: 'pat.police@police.example.org', displayName: 'Pat Police' };
/** NHSmail: the home tenant and the home object id, as the shared channel's external member. */
const HEALTH_EXTERNAL: Person = { aadObjectId: 'b2b2b2b2-0000-4000-8000-00000000b2b2', email: 'harper.health@nhs.example.net', displayName: 'Harper Health', tenantIds: [NHSMAIL] };
/** The council's own tenant and account; not in the partnership's Teams, so told by email. */
const COUNCIL_REP: Person = { aadObjectId: 'c3c3c3c3-0000-4000-8000-00000000c3c3', email: 'lou.council@council.example.org', displayName: 'Lou Council', tenantIds: [COUNCIL_TENANT], teams: false };
/** The school's contact: no Microsoft 365, a guest of the partnership signing in with a one-time passcode. */
const SCHOOL_GUEST: Person = { aadObjectId: 'd4d4d4d4-0000-4000-8000-00000000d4d4', email: 'eve@school.example.org', displayName: 'Eve Education', teams: false };

const config = PartnershipFileSchema.parse({
  ...sampleConfig,
  mail: { fromMailbox: FROM },
  partners: {
    localAuthority: { ...sampleConfig.partners.localAuthority, representative: COUNCIL_REP },
    police: { ...sampleConfig.partners.police, representative: POLICE_GUEST },
    health: { ...sampleConfig.partners.health, representative: HEALTH_EXTERNAL },
  },
  agencies: sampleConfig.agencies.map((a) => (a.id === 'education' ? { ...a, contact: SCHOOL_GUEST } : a)),
});

let authority: LocalTokenAuthority;
let graph: GraphStandIn;
let services: Services;
let messenger: RecordingMessenger;
let handlers: ReturnType<typeof createHandlers>;
let act: ReturnType<typeof createActHandlers>;
let snapshot: () => Promise<string>;
const clock = new TestClock(new Date('2026-05-05T13:00:00.000Z'));

beforeAll(async () => {
  [authority, graph] = await Promise.all([startLocalTokenAuthority(), startGraphStandIn()]);
  const prefix = uniquePrefix();
  const connectionString = inject('azuriteConnectionString');
  // Production mode: a bot app id and no local mode, tokens checked against the loopback authority.
  const env = readEnvironment({
    PARTNERSHIP_CONFIG: await writeConfig(config),
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: prefix,
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-nothing-is-posted',
    MicrosoftAppTenantId: PARTNERSHIP_TENANT,
    EXPORT_LINK_SECRET: 'three-tenants-export-link-secret-0123456789',
    PUBLIC_BASE_URL: BASE,
    TAB_APP_CLIENT_ID: CLIENT_ID,
    ToBotFromChannelOpenIdMetadataUrl: authority.botOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: authority.botOpenIdMetadataUrl,
    ENTRA_JWKS_URL: authority.entraJwksUrl,
  });
  // The real Graph client, to the stand-in's address with a stub token (outside local mode the
  // environment takes no stand-in: in Azure the managed identity gets the token).
  const graphClient = createGraphClient({
    credential: { getToken: async (): Promise<AccessToken> => ({ token: 'three-tenants', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    baseUrl: graph.url,
  });
  messenger = new RecordingMessenger();
  services = await buildServices(env, { clock, log: silentLogger, messenger, graphClient });
  handlers = createHandlers(async () => services);
  act = createActHandlers(async () => services);
  snapshot = await snapshotter(connectionString, prefix);
}, 120_000);

afterAll(async () => {
  await services?.effects.idle(30_000);
  await Promise.all([authority?.close(), graph?.close()]);
});

/** A card click as Teams posts it; no card to update afterwards (that would go to Teams' connector). */
const click = (o: Omit<ActivityOptions, 'serviceUrl'>, verb: string, data: Record<string, unknown>) => cardActionActivity({ ...o, serviceUrl: TEAMS_SERVICE_URL }, verb, data, '');

async function deliver(activity: unknown): Promise<HttpResponseInit> {
  const authorization = await authority.botAuthorization({ audience: APP_ID });
  const request = new HttpRequest({
    method: 'POST',
    url: `${BASE}/api/messages`,
    headers: { 'content-type': 'application/json', authorization },
    body: { string: JSON.stringify(activity) },
  });
  return handlers.messages(request, new InvocationContext({ functionName: 'messages' }));
}
const answerText = (response: HttpResponseInit) => cardText((response.jsonBody as { value?: unknown } | undefined)?.value);
const refusalCard = (response: HttpResponseInit) => response.status === 200 && isRefusal((response.jsonBody as { value?: unknown } | undefined)?.value);

/** A click that must be taken: answered 200 with a card that is not a refusal. */
async function accepted(activity: unknown): Promise<string> {
  const response = await deliver(activity);
  expect(response.status, JSON.stringify(response.jsonBody)).toBe(200);
  expect(refusalCard(response), answerText(response)).toBe(false);
  expect(await services.effects.idle(30_000)).toBe(true);
  return answerText(response);
}

/** An Entra access token for the page, as Entra issues it for the tenant the person signed in at. */
const entra = (tenantId: string, oid: string) => authority.entraAuthorization({ audience: CLIENT_ID, tenantId, oid });
const viewCard = async (query: string, authorization: string) => act.view(new HttpRequest({ method: 'GET', url: `${BASE}/api/act/case?${query}`, headers: { authorization } }));
/** A submission from the page, under the request its link named (`query`, as the page sends it). */
const actOn = async (payload: unknown, authorization: string, query: string) =>
  act.act(new HttpRequest({ method: 'POST', url: `${BASE}/api/act?${query}`, headers: { 'content-type': 'application/json', authorization }, body: { string: JSON.stringify(payload) } }));
const cardOf = (response: HttpResponseInit) => (response.jsonBody as { card: Record<string, unknown> }).card;

const mailTo = (address: string) => graph.sentMail.filter((m) => m.to === address && m.subject.includes(CASE));
const linkIn = (mail: SentMail) => /https:\/\/\S+\/act\/\?\S+/.exec(mail.text)?.[0];

/** Nothing in an email (subject, text, or anywhere in the body Graph was sent) that identifies a child or gives the case's details. */
function expectNothingIdentifying(mail: SentMail): void {
  for (const text of [mail.subject, mail.text]) expect(identifyingDetailIn(text), text).toBeUndefined();
  const whole = JSON.stringify(mail.body);
  expect(whole).not.toContain(SENTINEL);
  expect(whole).not.toContain('documents.example.org');
  expect(whole).not.toContain(HARM_WORDS.death);
  expect(whole).not.toMatch(/rationale/i);
}

/** Sends something that must be refused, and checks every stored table is as it was. */
async function changesNothing(name: string, send: () => Promise<HttpResponseInit>, refused: (r: HttpResponseInit) => boolean): Promise<void> {
  expect(await services.effects.idle(30_000)).toBe(true);
  const before = await snapshot();
  const response = await send();
  expect(await services.effects.idle(30_000)).toBe(true);
  expect(refused(response), `${name}: ${response.status} ${answerText(response) || JSON.stringify(response.jsonBody)}`).toBe(true);
  expect((await snapshot()) === before, `${name}: stored state changed`).toBe(true);
}

describe('one case, three partners in three tenants, and an agency without Microsoft 365 (production mode)', () => {
  it("logs the referral, gives and concurs the view, posts the partners' card to the channel and emails the council's representative a link", async () => {
    const referral = { caseRef: CASE, referringAgency: 'Police', awareDate: '2026-05-05', awareTime: '08:30', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: DOCUMENT_URL.replaceAll('RR-2026-014', CASE) };
    expect(await accepted(click({ from: PEOPLE.business, conversationId: 'conv-monitoring' }, 'referral.submit', referral))).toContain(CASE);
    clock.set('2026-05-05T14:00:00.000Z');
    await accepted(click({ from: PEOPLE.chair, conversationId: 'personal-chair', conversationType: 'personal' }, 'initialView.submit', { caseRef: CASE, view: 'notify', rationale: `Criteria met. ${SENTINEL}` }));
    await accepted(click({ from: PEOPLE.director, conversationId: 'personal-director', conversationType: 'personal' }, 'initialView.concur', { caseRef: CASE }));

    const state = (await services.store.load(CASE)).state!;
    expect(state.stage).toBe('awaitingPartnerReplies');
    // The director is not a partner's representative here: no partner has agreed yet.
    expect(Object.values(state.positions).map((p) => p.status)).toEqual(['awaiting', 'awaiting', 'awaiting']);
    const posted = messenger.sent.filter((m) => m.to === config.channels.decision.conversationId && cardText(m.card).includes(CASE));
    expect(posted).toHaveLength(1);
    expect(cardProblems(posted[0]!.card)).toEqual([]);
    expect(executeActions(posted[0]!.card).map((a) => a.verb)).toEqual(expect.arrayContaining(['partner.agree', 'partner.disagree']));
    // Nobody outside the shared channel's reach is sent a 1:1 card: the council's representative is
    // emailed; the ICB's external member reads the channel's card and is not emailed for it.
    expect(messenger.sent.some((m) => [COUNCIL_REP, HEALTH_EXTERNAL].some((p) => m.to === p.aadObjectId))).toBe(false);
    expect(mailTo(HEALTH_EXTERNAL.email)).toEqual([]);
    expect(mailTo(POLICE_GUEST.email)).toEqual([]);

    const mails = mailTo(COUNCIL_REP.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const expected = notificationEmail({ config, caseRef: CASE, state, card: { kind: 'partnerDecision' }, reason: 'emailOnly', publicBaseUrl: BASE });
    expect(mail.from).toBe(FROM);
    expect(mail.body).toEqual({
      message: {
        subject: expected.subject,
        body: { contentType: 'text', content: expected.text },
        toRecipients: [{ emailAddress: { address: COUNCIL_REP.email } }],
        internetMessageHeaders: [{ name: 'X-SIN-Mail-Ref', value: expect.stringMatching(/^[A-Za-z0-9_-]+\.[0-9a-f]{40}$/) }],
      },
      saveToSentItems: true,
    });
    expect(mail.subject).toContain(CASE);
    // Posted 15:00 BST Tuesday: one working day to reply.
    expect(state.initialView?.repliesDueAt).toBe('2026-05-06T14:00:00.000Z');
    expect(mail.text).toContain('Due by Wednesday 6 May at 15:00 (UK time).');
    expect(linkIn(mail)).toBe(`${BASE}/act/?case=${CASE}&do=reply`);
    expectNothingIdentifying(mail);
  });

  it("takes the police's agreement from its guest account, by a click on the card in the decision channel", async () => {
    clock.set('2026-05-05T15:00:00.000Z');
    // The guest's activity: the partnership's tenant on the conversation, the guest object id on `from`, no other tenant.
    expect(await accepted(click({ from: POLICE_GUEST, conversationId: 'conv-decision' }, 'partner.agree', { caseRef: CASE, comment: 'Agreed for the force.' }))).toContain('Recorded: Police agrees.');
    expect((await services.store.load(CASE)).state!.positions.police).toMatchObject({ status: 'agreed', by: { aadObjectId: POLICE_GUEST.aadObjectId } });
  });

  // After the guest's click the bot knows the decision channel (in a deployment it knows it from
  // the app's installation there): a stranger's click in it must then store nothing at all.
  it("refuses, changing nothing: an external member whose home tenant is not listed, and a listed tenant with an object id the roster does not list (in Teams and on the page)", async () => {
    const agree = { caseRef: CASE, comment: 'Agreed.' };
    // The ICB representative's own object id, from a home tenant the roster does not list for them.
    await changesNothing('external member, home tenant not listed', () => deliver(click({ from: HEALTH_EXTERNAL, conversationId: 'conv-decision', fromTenantId: 'e5e5e5e5-0000-4000-8000-0000000000e5' }, 'partner.agree', agree)), refusalCard);
    // The same object id arriving as a member of the partnership's tenant is nobody either.
    await changesNothing('external member, as of the host tenant', () => deliver(click({ from: HEALTH_EXTERNAL, conversationId: 'conv-decision' }, 'partner.agree', agree)), refusalCard);
    // NHSmail is listed (for the ICB), but this NHSmail person is not.
    const nhsColleague: Person = { aadObjectId: 'f6f6f6f6-0000-4000-8000-0000000000f6', email: 'someone@nhs.example.net', displayName: 'Someone Else' };
    await changesNothing('NHSmail, object id not listed', () => deliver(click({ from: nhsColleague, conversationId: 'conv-decision', fromTenantId: NHSMAIL }, 'partner.agree', agree)), refusalCard);
    // The council's tenant is listed (for its representative); a colleague's token is refused on the page.
    const colleague = await entra(COUNCIL_TENANT, 'f7f7f7f7-0000-4000-8000-0000000000f7');
    await changesNothing('page, council tenant, object id not listed (view)', () => viewCard(`case=${CASE}&do=reply`, colleague), (r) => r.status === 403);
    await changesNothing('page, council tenant, object id not listed (reply)', () => actOn({ verb: 'partner.agree', data: { ...agree, aadObjectId: COUNCIL_REP.aadObjectId } }, colleague, `case=${CASE}&do=reply`), (r) => r.status === 403);
    // The council representative's object id, signed in at the partnership's tenant instead of their own.
    await changesNothing('page, listed object id, another tenant', async () => actOn({ verb: 'partner.agree', data: agree }, await entra(PARTNERSHIP_TENANT, COUNCIL_REP.aadObjectId), `case=${CASE}&do=reply`), (r) => r.status === 403);
    const { state } = await services.store.load(CASE);
    expect(state!.stage).toBe('awaitingPartnerReplies');
    expect([state!.positions.health.status, state!.positions.localAuthority.status]).toEqual(['awaiting', 'awaiting']);
  });

  it('takes the other two agreements (a shared-channel click from NHSmail, a reply from the email link) and records three agreements and the decision', async () => {
    // 2. The ICB's external member, from NHSmail, in the same (shared) channel.
    clock.set('2026-05-05T15:10:00.000Z');
    expect(await accepted(click({ from: HEALTH_EXTERNAL, conversationId: 'conv-decision', fromTenantId: NHSMAIL }, 'partner.agree', { caseRef: CASE, comment: 'Agreed for the ICB.' }))).toContain('Recorded: Health (ICB) agrees.');
    // 3. The council's representative follows the email's link and signs in with the council's account.
    clock.set('2026-05-05T15:20:00.000Z');
    const council = await entra(COUNCIL_TENANT, COUNCIL_REP.aadObjectId);
    const opened = await viewCard(`case=${CASE}&do=reply`, council);
    expect(opened.status).toBe(200);
    expect(cardProblems(cardOf(opened))).toEqual([]);
    expect(executeActions(cardOf(opened)).map((a) => a.verb).sort()).toEqual(['partner.agree', 'partner.disagree']);
    // Whatever the form claims, the reply is the signed-in person's.
    const replied = await actOn({ verb: 'partner.agree', data: { caseRef: CASE, comment: 'Agreed for the council.', aadObjectId: POLICE_GUEST.aadObjectId } }, council, `case=${CASE}&do=reply`);
    expect(replied.status).toBe(200);
    expect(await services.effects.idle(30_000)).toBe(true);

    const { state, events } = await services.store.load(CASE);
    const agreements = events.filter((e) => e.type === 'PartnerReplied');
    expect(agreements.map((e) => e.type === 'PartnerReplied' && { partner: e.partner, reply: e.reply, by: e.by, rationale: e.rationale, asAuthorOfView: e.asAuthorOfView })).toEqual([
      { partner: 'police', reply: 'agree', by: { aadObjectId: POLICE_GUEST.aadObjectId, displayName: 'Pat Police', role: 'Police representative' }, rationale: 'Agreed for the force.', asAuthorOfView: false },
      { partner: 'health', reply: 'agree', by: { aadObjectId: HEALTH_EXTERNAL.aadObjectId, displayName: 'Harper Health', role: 'Health (ICB) representative' }, rationale: 'Agreed for the ICB.', asAuthorOfView: false },
      { partner: 'localAuthority', reply: 'agree', by: { aadObjectId: COUNCIL_REP.aadObjectId, displayName: 'Lou Council', role: "Local authority children's services representative" }, rationale: 'Agreed for the council.', asAuthorOfView: false },
    ]);
    // Each actor is the roster's person for one (tenant, object id) pair: three tenants.
    expect(agreements.map((e) => (e.type === 'PartnerReplied' ? tenantsOf(config, rosterPersonForAny(e.by.aadObjectId)) : []))).toEqual([[PARTNERSHIP_TENANT], [NHSMAIL], [COUNCIL_TENANT]]);
    expect(events.filter((e) => e.type === 'DecisionReached')).toEqual([expect.objectContaining({ decision: 'notify', basis: 'partnersAgreed', at: '2026-05-05T15:20:00.000Z' })]);
    expect(state!.stage).toBe('awaitingPanelNotification');
    // The page's opening is on the case's audit trail, as the council's representative's.
    expect(await services.accessLog.of(CASE)).toEqual(expect.arrayContaining([expect.objectContaining({ via: 'web', by: expect.objectContaining({ aadObjectId: COUNCIL_REP.aadObjectId }) })]));
  });

  it('in the rapid review, the school without Microsoft 365 gets the scoping request by email and records its return from the link', async () => {
    clock.set('2026-05-05T16:00:00.000Z');
    // The council's deputy (in the partnership's Teams) confirms the Panel notification; the business unit sets the review up.
    await accepted(click({ from: PEOPLE.laDeputy, conversationId: 'personal-la-deputy', conversationType: 'personal' }, 'panel.confirm', { caseRef: CASE, sentDate: '2026-05-05', sentTime: '16:45', panelReference: 'CSPRP-160' }));
    clock.set('2026-05-06T09:00:00.000Z');
    await accepted(click({ from: PEOPLE.business, conversationId: 'conv-monitoring' }, 'review.setup', { caseRef: CASE, meetingDate: '2026-05-26', meetingTime: '10:00', agencies: 'education,gp' }));
    const set = (await services.store.load(CASE)).state!;
    expect(set.rapidReview?.agencies.education).toMatchObject({ status: 'requested' });

    // No Teams card for the school's contact; one email, with the link to record the return.
    expect(messenger.sent.some((m) => m.to === SCHOOL_GUEST.aadObjectId)).toBe(false);
    const mails = mailTo(SCHOOL_GUEST.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.body).toEqual({
      message: {
        subject: notificationEmail({ config, caseRef: CASE, state: set, card: { kind: 'scopingRequest', agency: 'education' }, reason: 'emailOnly', publicBaseUrl: BASE }).subject,
        body: { contentType: 'text', content: notificationEmail({ config, caseRef: CASE, state: set, card: { kind: 'scopingRequest', agency: 'education' }, reason: 'emailOnly', publicBaseUrl: BASE }).text },
        toRecipients: [{ emailAddress: { address: SCHOOL_GUEST.email } }],
        internetMessageHeaders: [{ name: 'X-SIN-Mail-Ref', value: expect.stringMatching(/^[A-Za-z0-9_-]+\.[0-9a-f]{40}$/) }],
      },
      saveToSentItems: true,
    });
    expect(linkIn(mail)).toBe(`${BASE}/act/?case=${CASE}&do=scoping&agency=education`);
    expectNothingIdentifying(mail);
    // The GP practice's contact is in the partnership's Teams: a card, no email.
    expect(messenger.sent.some((m) => m.to === PEOPLE.gpContact.aadObjectId && cardText(m.card).includes(CASE))).toBe(true);
    expect(mailTo(PEOPLE.gpContact.email)).toEqual([]);

    // The guest signs in at the partnership's tenant (one-time passcode): the token carries that tenant and the guest object id.
    clock.set('2026-05-07T10:00:00.000Z');
    const guest = await entra(PARTNERSHIP_TENANT, SCHOOL_GUEST.aadObjectId);
    const opened = await viewCard(`case=${CASE}&do=scoping&agency=education`, guest);
    expect(opened.status).toBe(200);
    expect(cardProblems(cardOf(opened))).toEqual([]);
    expect(executeActions(cardOf(opened)).map((a) => a.verb)).toContain('scoping.return');
    // The school's contact cannot reply for a partner from the same page.
    await changesNothing('school guest, a partner reply', () => actOn({ verb: 'partner.disagree', data: { caseRef: CASE, rationale: 'Not met.' } }, guest, `case=${CASE}&do=reply`), (r) => r.status === 200 && isRefusal(cardOf(r)));
    const returned = await actOn({ verb: 'scoping.return', data: { caseRef: CASE, agency: 'education', documentUrl: RETURN_URL } }, guest, `case=${CASE}&do=scoping&agency=education`);
    expect(returned.status).toBe(200);
    expect(isRefusal(cardOf(returned))).toBe(false);

    const { state, events } = await services.store.load(CASE);
    expect(events.filter((e) => e.type === 'ScopingReturned')).toEqual([
      expect.objectContaining({ agency: 'education', documentUrl: RETURN_URL, by: expect.objectContaining({ aadObjectId: SCHOOL_GUEST.aadObjectId, displayName: 'Eve Education' }) }),
    ]);
    expect(state!.rapidReview!.agencies.education).toMatchObject({ status: 'returned' });
    expect(state!.rapidReview!.agencies.gp).toMatchObject({ status: 'requested' });
  });
});

/** The roster's person for an object id, whatever tenant they are listed with (each is listed once here). */
function rosterPersonForAny(oid: string): Person {
  for (const tenantId of [PARTNERSHIP_TENANT, NHSMAIL, COUNCIL_TENANT]) {
    const person = rosterPersonFor(config, { tenantId, aadObjectId: oid });
    if (person) return person;
  }
  throw new Error(`${oid} is not on the roster`);
}

