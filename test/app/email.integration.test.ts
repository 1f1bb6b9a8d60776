import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationEmail } from '../../app/mailBody.js';
import { startGraphStandIn, type GraphStandIn, type SentMail } from '../../local/graphStandIn.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { CardSpec } from '../../workflow/effects.js';
import { identifyingDetailIn } from '../../workflow/freeText.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { HARM_WORDS } from '../../workflow/words.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * Email where Teams cannot reach, through the real Graph client and the loopback Graph stand-in
 * (`npm start`'s), against Azurite: a partner's shared inbox and an email-only deputy are told when
 * the partners' card is posted, each once even when the card itself is retried; a card that cannot
 * be delivered to a person is followed by an email; a mailbox Graph refuses is reported to the
 * business unit. Every body is checked, as sent, for anything a child could be identified by.
 */
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const FROM = 'sin-partnership@partnership.example.org';
const POLICE_INBOX = 'review.team@police.example.org';
/** Only in the chair's rationale: it must never be in an email. */
const SENTINEL = 'SENTINEL-RATIONALE-M3';
const EMAIL_ONLY_DEPUTY: Person = { ...PEOPLE.healthDeputy, teams: false };

const config: PartnershipFile = PartnershipFileSchema.parse({
  ...sampleConfig,
  mail: { fromMailbox: FROM },
  partners: {
    ...sampleConfig.partners,
    police: { ...sampleConfig.partners.police, inboxes: [{ name: 'Police review team', email: POLICE_INBOX }] },
    health: { ...sampleConfig.partners.health, deputies: [EMAIL_ONLY_DEPUTY] },
  },
});

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterAll(async () => {
  await graph?.close();
});

async function servicesFor(partnership: PartnershipFile, messenger = new RecordingMessenger()) {
  const clock = new TestClock(new Date('2026-05-05T09:00:00.000Z'));
  return testServices({ prefix: uniquePrefix(), clock, messenger, configPath: await writeConfig(partnership), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
}

async function logAndGiveView(s: Awaited<ReturnType<typeof servicesFor>>, caseRef = CASE_REF) {
  await s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) } }, new Date('2026-05-05T09:00:00.000Z'));
  await s.effects.idle();
  await s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: `Criteria met. ${SENTINEL}` }, new Date('2026-05-05T14:00:00.000Z'));
  // The view is the chair's and the director's together (002 step 3): the partners' card goes once both agree.
  await s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date('2026-05-05T14:00:00.000Z'));
  await s.effects.idle();
}

/** Nothing in an email (subject, text, or anywhere in the body Graph was sent) that identifies a child or gives the case's details. */
function expectNothingIdentifying(mail: SentMail): void {
  const whole = JSON.stringify(mail.body);
  for (const text of [mail.subject, mail.text]) expect(identifyingDetailIn(text), text).toBeUndefined();
  expect(whole).not.toContain(SENTINEL);
  expect(whole).not.toContain(DOCUMENT_URL);
  expect(whole).not.toContain(HARM_WORDS.death);
  expect(whole).not.toMatch(/rationale/i);
}

const mailTo = (address: string, since = 0) => graph.sentMail.slice(since).filter((m) => m.to === address);

describe('email where Teams cannot reach', () => {
  it("tells the police's shared inbox and the email-only deputy of the partners' card, once each, even when the card is retried", async () => {
    const messenger = new RecordingMessenger();
    const s = await servicesFor(config, messenger);
    const since = graph.sentMail.length;
    await logAndGiveView(s);

    const state = (await s.store.load(CASE_REF)).state!;
    const inbox = mailTo(POLICE_INBOX, since);
    const deputy = mailTo(EMAIL_ONLY_DEPUTY.email, since);
    expect(inbox).toHaveLength(1);
    expect(deputy).toHaveLength(1);
    // Nobody with Teams is emailed for it.
    expect(mailTo(PEOPLE.police.email, since)).toHaveLength(0);

    // The exact request Graph was sent, for the inbox.
    const expected = notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'partnerDecision' }, reason: 'inbox' });
    expect(inbox[0]!.from).toBe(FROM);
    expect(inbox[0]!.body).toEqual({
      message: {
        subject: expected.subject,
        body: { contentType: 'text', content: expected.text },
        toRecipients: [{ emailAddress: { address: POLICE_INBOX } }],
        // The email's reference (its case and outbox row, nothing of the case), for tracing a bounce.
        internetMessageHeaders: [{ name: 'X-SIN-Mail-Ref', value: expect.stringMatching(/^[A-Za-z0-9_-]+\.[0-9a-f]{40}$/) }],
      },
      saveToSentItems: true,
    });
    expect(Buffer.from(inbox[0]!.headers[0]!.value.split('.')[0]!, 'base64url').toString('utf8')).toBe(CASE_REF);
    expect(inbox[0]!.subject).toBe(`IOWSCP ${CASE_REF}: the partners' decision card`);
    // The deadline in words, in UK time: the reply window's close.
    expect(state.initialView?.repliesDueAt).toBeDefined();
    expect(inbox[0]!.text).toMatch(/Due by \w+day \d{1,2} \w+ at \d{2}:\d{2} \(UK time\)/);
    expect(deputy[0]!.text).toContain('Questions to the business unit');
    // The email-only deputy may act: the link to the page, under the app's public address.
    expect(deputy[0]!.body).toEqual({
      message: {
        subject: inbox[0]!.subject,
        body: { contentType: 'text', content: notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'partnerDecision' }, reason: 'emailOnly', publicBaseUrl: 'http://127.0.0.1:3978' }).text },
        toRecipients: [{ emailAddress: { address: EMAIL_ONLY_DEPUTY.email } }],
        internetMessageHeaders: [{ name: 'X-SIN-Mail-Ref', value: expect.stringMatching(/^[A-Za-z0-9_-]+\.[0-9a-f]{40}$/) }],
      },
      saveToSentItems: true,
    });
    expect(deputy[0]!.text).toContain(`http://127.0.0.1:3978/act/?case=${CASE_REF}&do=reply`);
    expect(inbox[0]!.text).not.toContain('/act/');
    for (const mail of [...inbox, ...deputy]) expectNothingIdentifying(mail);

    // Running the case's effects again sends nothing more.
    await s.effectRunner.runFor(CASE_REF, new Date('2026-05-05T15:00:00.000Z'));
    expect(mailTo(POLICE_INBOX, since)).toHaveLength(1);

    // Another case whose card fails at first: the emails go out with the first attempt, and the
    // card's retry does not send them again.
    const other = 'RR-2026-020';
    const before = graph.sentMail.length;
    messenger.unreachable.add(config.channels.decision.conversationId);
    await logAndGiveView(s, other);
    expect(mailTo(POLICE_INBOX, before)).toHaveLength(1);
    messenger.unreachable.delete(config.channels.decision.conversationId);
    await s.effectRunner.runFor(other, new Date('2026-05-05T14:05:00.000Z'));
    expect(messenger.sent.filter((m) => m.to === config.channels.decision.conversationId && cardText(m.card).includes(other))).toHaveLength(1);
    expect(mailTo(POLICE_INBOX, before)).toHaveLength(1);
    expect(mailTo(EMAIL_ONLY_DEPUTY.email, before)).toHaveLength(1);
  });

  it('emails a person whose card could not be delivered after the retries, once, while the card is still tried', async () => {
    const messenger = new RecordingMessenger();
    const s = await servicesFor(config, messenger);
    const since = graph.sentMail.length;
    messenger.unreachable.add(PEOPLE.chair.aadObjectId);
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, new Date('2026-05-05T09:00:00.000Z'));
    await s.effects.idle();
    for (let minute = 1; minute <= 3; minute++) await s.effectRunner.runFor(CASE_REF, new Date(Date.parse('2026-05-05T09:00:00.000Z') + minute * 60_000));
    const toChair = mailTo(PEOPLE.chair.email, since);
    expect(toChair).toHaveLength(1);
    expect(toChair[0]!.text).toContain('could not be delivered to you in Microsoft Teams');
    expect(toChair[0]!.subject).toContain('the request for the initial view');
    expectNothingIdentifying(toChair[0]!);
    // A later failed attempt does not email again.
    await s.effectRunner.runFor(CASE_REF, new Date('2026-05-05T12:00:00.000Z'));
    expect(mailTo(PEOPLE.chair.email, since)).toHaveLength(1);
  });

  it('sends nothing in place of an undeliverable card for a partnership that sends no email (the alert only)', async () => {
    const messenger = new RecordingMessenger();
    const s = await servicesFor(sampleConfig, messenger);
    const since = graph.sentMail.length;
    messenger.unreachable.add(PEOPLE.chair.aadObjectId);
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, new Date('2026-05-05T09:00:00.000Z'));
    await s.effects.idle();
    for (let minute = 1; minute <= 3; minute++) await s.effectRunner.runFor(CASE_REF, new Date(Date.parse('2026-05-05T09:00:00.000Z') + minute * 60_000));
    const monitoring = messenger.sent.filter((m) => m.to === sampleConfig.channels.monitoring.conversationId).map((m) => cardText(m.card));
    expect(monitoring.some((t) => t.includes('a card could not be delivered'))).toBe(true);
    expect(monitoring.some((t) => t.includes('an email could not be sent'))).toBe(false);
    expect(graph.sentMail.length).toBe(since);
  });

  it('reports a mailbox Graph refuses to the business unit, and does not try that email again', async () => {
    const refusedFrom = 'not-a-mailbox@partnership.example.org';
    graph.refuseMailbox(refusedFrom);
    const messenger = new RecordingMessenger();
    const s = await servicesFor(PartnershipFileSchema.parse({ ...config, mail: { fromMailbox: refusedFrom } }), messenger);
    const since = graph.sentMail.length;
    await logAndGiveView(s);
    const reports = () => messenger.sent.filter((m) => m.to === config.channels.monitoring.conversationId).map((m) => cardText(m.card)).filter((t) => t.includes('an email could not be sent'));
    expect(reports()).toHaveLength(2);
    expect(reports().some((t) => t.includes(POLICE_INBOX) && t.includes('mailboxNotFound'))).toBe(true);
    expect(graph.sentMail.length).toBe(since);
    await s.effectRunner.runFor(CASE_REF, new Date('2026-05-05T15:00:00.000Z'));
    expect(reports()).toHaveLength(2);
  });

  it('lists what was sent for `npm start` users at GET /local/sent-mail', async () => {
    const listed = (await (await fetch(`${graph.url}/local/sent-mail`)).json()) as { value: { to: string; subject: string }[] };
    expect(listed.value.map((m) => m.to)).toContain(POLICE_INBOX);
  });
});

describe('the email text', () => {
  const state = {
    version: 3,
    stage: 'awaitingPartners',
    referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL },
    initialViewDueAt: '2026-05-06T09:00:00.000Z',
    panelNotificationDueAt: '2026-05-08T16:00:00.000Z',
    initialView: { view: 'notify', rationale: `Mrs Smith's son Jack, born 3 March 2019. ${SENTINEL}`, by: { ...as(PEOPLE.chair), role: 'reviewGroupChair' }, at: '2026-05-05T14:00:00.000Z', postedAt: '2026-05-05T14:00:00.000Z', repliesDueAt: '2026-05-06T14:00:00.000Z' },
  } as unknown as Parameters<typeof notificationEmail>[0]['state'];
  const kinds: CardSpec[] = [{ kind: 'initialViewRequest' }, { kind: 'partnerDecision' }, { kind: 'reminder', about: 'partnerReply' }, { kind: 'panelNotificationRequest' }, { kind: 'decisionRecorded' }];
  for (const card of kinds) {
    for (const reason of ['inbox', 'emailOnly', 'undeliverable'] as const) {
      it(`${card.kind} (${reason}) carries the reference and no rationale or identifying detail, even when the rationale has them`, () => {
        const email = notificationEmail({ config, caseRef: CASE_REF, state, card, reason });
        expect(email.subject).toContain(CASE_REF);
        expect(email.text).toContain(`Case ${CASE_REF}`);
        for (const text of [email.subject, email.text]) {
          expect(identifyingDetailIn(text), text).toBeUndefined();
          expect(text).not.toContain(SENTINEL);
          expect(text).not.toContain('Jack');
        }
      });
    }
  }
  const BASE = 'https://sin.partnership.example.org';
  it('links a person who may act to the page for the request, naming only the case and the request', () => {
    const reply = notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'partnerDecision' }, reason: 'emailOnly', publicBaseUrl: BASE });
    expect(reply.text).toContain(`To act on it, open ${BASE}/act/?case=${CASE_REF}&do=reply and sign in`);
    const reminder = notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'reminder', about: 'partnerReply' }, reason: 'undeliverable', publicBaseUrl: BASE });
    expect(reminder.text).toContain(`${BASE}/act/?case=${CASE_REF}&do=reply `);
    const scoping = notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'scopingRequest', agency: 'education' }, reason: 'emailOnly', publicBaseUrl: BASE });
    expect(scoping.text).toContain(`${BASE}/act/?case=${CASE_REF}&do=scoping&agency=education `);
    for (const email of [reply, reminder, scoping]) {
      // The only address in the text besides the business unit's is the link, and it carries nothing else.
      expect([...email.text.matchAll(/https?:\/\/\S+/g)].map((m) => new URL(m[0]).searchParams.size)).toEqual([email === scoping ? 3 : 2]);
      expect(identifyingDetailIn(email.text)).toBeUndefined();
    }
  });

  it('gives a shared inbox no link (an inbox never acts), nor a card that only tells', () => {
    expect(notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'partnerDecision' }, reason: 'inbox', publicBaseUrl: BASE }).text).not.toContain('/act/');
    expect(notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'decisionRecorded' }, reason: 'emailOnly', publicBaseUrl: BASE }).text).not.toContain('/act/');
    expect(notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'decisionRecorded' }, reason: 'emailOnly', publicBaseUrl: BASE }).text).toContain('contact the business unit');
  });

  it('gives the reply deadline in UK words (15:00 BST for 14:00 UTC)', () => {
    expect(notificationEmail({ config, caseRef: CASE_REF, state, card: { kind: 'partnerDecision' }, reason: 'inbox' }).text).toContain('Due by Wednesday 6 May at 15:00 (UK time).');
  });
});
