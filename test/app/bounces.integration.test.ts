import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphStandIn, type GraphStandIn } from '../../local/graphStandIn.js';
import type { CommandActor } from '../../workflow/commands.js';
import { identifyingDetailIn } from '../../workflow/freeText.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { assertValidCard } from '../support/validateCard.js';

/**
 * Emails that bounce after Graph accepted them, through the real Graph client and the loopback
 * Graph stand-in, against Azurite: the stand-in writes the non-delivery report Exchange Online
 * would into the shared mailbox's inbox, and the sweep's bounce check finds it, reports it once in
 * the monitoring channel and marks the email bounced. A report for someone else's email is left
 * alone, and an inbox Graph refuses is reported once, in words telling the admin what to grant.
 */
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const POLICE_INBOX = 'review.team@police.example.org';
const SENTINEL = 'SENTINEL-RATIONALE-B7';
const EMAIL_ONLY_DEPUTY: Person = { ...PEOPLE.healthDeputy, teams: false };

function partnership(fromMailbox: string): PartnershipFile {
  return PartnershipFileSchema.parse({
    ...sampleConfig,
    mail: { fromMailbox },
    partners: {
      ...sampleConfig.partners,
      police: { ...sampleConfig.partners.police, inboxes: [{ name: 'Police review team', email: POLICE_INBOX }] },
      health: { ...sampleConfig.partners.health, deputies: [EMAIL_ONLY_DEPUTY] },
    },
  });
}

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterAll(async () => {
  await graph?.close();
});

/** Two calls with the same prefix are two processes on one storage account. */
async function servicesFor(config: PartnershipFile, o: { prefix?: string; messenger?: RecordingMessenger; clock?: TestClock } = {}) {
  const clock = o.clock ?? new TestClock(new Date('2026-05-05T09:00:00.000Z'));
  const s = await testServices({ prefix: o.prefix ?? uniquePrefix(), clock, messenger: o.messenger ?? new RecordingMessenger(), configPath: await writeConfig(config), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
  return Object.assign(s, { clock });
}

async function logAndGiveView(s: Awaited<ReturnType<typeof servicesFor>>, caseRef = CASE_REF) {
  await s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) } }, new Date('2026-05-05T09:00:00.000Z'));
  await s.effects.idle();
  await s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: `Criteria met. ${SENTINEL}` }, new Date('2026-05-05T14:00:00.000Z'));
  await s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date('2026-05-05T14:00:00.000Z'));
  await s.effects.idle();
}

const monitoringNotices = (messenger: RecordingMessenger, words: string) =>
  messenger.sent.filter((m) => m.to === sampleConfig.channels.monitoring.conversationId && cardText(m.card).includes(words));

function sentTo(from: string, to: string) {
  const mail = graph.sentMail.filter((m) => m.from === from && m.to === to).at(-1);
  if (!mail) throw new Error(`nothing was sent from ${from} to ${to}`);
  return mail;
}

describe('emails that bounce', () => {
  it("reports a bounce once in the monitoring channel, with the case, the address and what the email was for, and marks the email bounced; later and overlapping sweeps add nothing", async () => {
    const from = 'sin-bounce-1@partnership.example.org';
    const config = partnership(from);
    const messenger = new RecordingMessenger();
    const s = await servicesFor(config, { messenger });
    await logAndGiveView(s);
    graph.bounce(sentTo(from, POLICE_INBOX), { at: new Date('2026-05-05T14:10:00.000Z') });

    await s.runSweep(new Date('2026-05-05T14:20:00.000Z'));
    const notices = monitoringNotices(messenger, 'an email bounced');
    expect(notices).toHaveLength(1);
    const text = cardText(notices[0]!.card);
    expect(text).toContain(CASE_REF);
    expect(text).toContain(POLICE_INBOX);
    expect(text).toContain("the partners' decision card");
    expect(text).toContain('a shared inbox');
    expect(text).toContain('5.1.1');
    expect(identifyingDetailIn(text)).toBeUndefined();
    expect(text).not.toContain(SENTINEL);
    assertValidCard(notices[0]!.card);
    const rows = await s.outbox.mails(CASE_REF);
    expect(rows.find((r) => r.to === POLICE_INBOX)?.bouncedAt).toBe('2026-05-05T14:20:00.000Z');
    // The deputy's email did not bounce.
    expect(rows.find((r) => r.to === EMAIL_ONLY_DEPUTY.email)?.bouncedAt).toBeUndefined();

    // A later check reads the same report again (the overlap before the watermark) and adds nothing.
    const again = await s.bounceWatch.check(new Date('2026-05-05T14:26:00.000Z'));
    expect(again).toMatchObject({ checked: true, reports: 1, reported: 0 });
    expect(monitoringNotices(messenger, 'an email bounced')).toHaveLength(1);

    // Two processes checking at the same moment: a new bounce is reported by one of them.
    graph.bounce(sentTo(from, EMAIL_ONLY_DEPUTY.email), { at: new Date('2026-05-05T14:28:00.000Z') });
    const other = await servicesFor(config, { prefix: s.env.TABLE_PREFIX!, messenger });
    const both = await Promise.all([s.bounceWatch.check(new Date('2026-05-05T14:40:00.000Z')), other.bounceWatch.check(new Date('2026-05-05T14:40:00.000Z'))]);
    expect(both.reduce((n, r) => n + r.reported, 0)).toBe(1);
    const all = monitoringNotices(messenger, 'an email bounced').map((m) => cardText(m.card));
    expect(all).toHaveLength(2);
    expect(all[1]).toContain(EMAIL_ONLY_DEPUTY.email);
    expect(all[1]).toContain('a person on the roster');
  });

  it('traces a report that does not quote the original headers by its subject and the address it names', async () => {
    const from = 'sin-bounce-2@partnership.example.org';
    const messenger = new RecordingMessenger();
    const s = await servicesFor(partnership(from), { messenger });
    await logAndGiveView(s);
    graph.bounce(sentTo(from, EMAIL_ONLY_DEPUTY.email), { at: new Date('2026-05-05T14:10:00.000Z'), quoteHeaders: false, status: '550 5.2.2 mailbox full' });
    await s.runSweep(new Date('2026-05-05T14:20:00.000Z'));
    const notices = monitoringNotices(messenger, 'an email bounced').map((m) => cardText(m.card));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(EMAIL_ONLY_DEPUTY.email);
    expect(notices[0]).toContain('5.2.2');
    expect((await s.outbox.mails(CASE_REF)).find((r) => r.to === EMAIL_ONLY_DEPUTY.email)?.bouncedAt).toBeDefined();
  });

  it("leaves alone a report for an email the bot did not send and ordinary mail about a case, and reads past the first page of reports", async () => {
    const from = 'sin-bounce-3@partnership.example.org';
    const messenger = new RecordingMessenger();
    const s = await servicesFor(partnership(from), { messenger });
    await logAndGiveView(s);
    // The business unit's own email from the shared mailbox bounced: not the bot's to report.
    for (let i = 0; i < 60; i++) {
      graph.inbox.deliver(from, {
        internetMessageId: `<lunch-${i}@partnership.example.org>`,
        subject: 'Undeliverable: Team lunch on Friday',
        receivedDateTime: new Date(Date.parse('2026-05-05T14:01:00.000Z') + i * 1000).toISOString(),
        text: "Your message to someone@elsewhere.example couldn't be delivered.\r\nRemote server returned '550 5.1.1 not found'",
        messageClass: 'REPORT.IPM.Note.NDR',
      });
    }
    // A reply from the police inbox quoting the case reference is mail, not a report.
    graph.inbox.deliver(from, { internetMessageId: '<reply@police.example.org>', subject: `RE: IOWSCP ${CASE_REF}: the partners' decision card`, receivedDateTime: '2026-05-05T14:05:00.000Z', text: 'Noted, thanks.', messageClass: 'IPM.Note' });
    // Behind all of them, on the second page, a bounce of the bot's own email.
    graph.bounce(sentTo(from, POLICE_INBOX), { at: new Date('2026-05-05T14:09:00.000Z') });

    const result = await s.bounceWatch.check(new Date('2026-05-05T14:20:00.000Z'));
    expect(result).toMatchObject({ checked: true, reports: 61, reported: 1, ignored: 60 });
    const notices = monitoringNotices(messenger, 'bounced').map((m) => cardText(m.card));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(POLICE_INBOX);
  });

  it('reports an inbox Graph refuses once, telling the admin what to grant, keeps sweeping, and reports bounces once the permission is granted', async () => {
    const from = 'sin-bounce-4@partnership.example.org';
    graph.inbox.refuse(from);
    const messenger = new RecordingMessenger();
    const s = await servicesFor(partnership(from), { messenger });
    await logAndGiveView(s);
    const first = await s.runSweep(new Date('2026-05-05T14:20:00.000Z'));
    expect(first.failed).toBe(0);
    const refusals = () => monitoringNotices(messenger, 'cannot read the partnership mailbox').map((m) => cardText(m.card));
    expect(refusals()).toHaveLength(1);
    expect(refusals()[0]).toContain('Mail.Read');
    expect(refusals()[0]).toContain('RBAC for Applications');
    expect(refusals()[0]).toContain(from);
    assertValidCard(monitoringNotices(messenger, 'cannot read the partnership mailbox')[0]!.card);

    // Checked again later: still refused, not reported again; the sweep goes on with the cases.
    const again = await s.bounceWatch.check(new Date('2026-05-05T14:30:00.000Z'));
    expect(again).toMatchObject({ checked: true, inboxRefused: true });
    expect(refusals()).toHaveLength(1);
    const due = await s.runSweep(new Date('2026-05-07T09:00:00.000Z'));
    expect(due.cases).toBeGreaterThan(0);
    expect(due.failed).toBe(0);

    // The admin grants it: the bounce that waited is reported.
    graph.inbox.allow(from);
    graph.bounce(sentTo(from, POLICE_INBOX), { at: new Date('2026-05-05T14:25:00.000Z') });
    const granted = await s.bounceWatch.check(new Date('2026-05-07T09:10:00.000Z'));
    expect(granted).toMatchObject({ checked: true, reported: 1, inboxRefused: false });
    expect(monitoringNotices(messenger, 'an email bounced')).toHaveLength(1);
    expect(refusals()).toHaveLength(1);
  });
});
