import functions from '@azure/functions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLiveRoster } from '../../functions/compositionRoot.js';
import { createRosterHandlers, FOLLOWED_UP, FOLLOW_UP_LATER } from '../../functions/rosterHandlers.js';
import { startGraphStandIn, type GraphStandIn } from '../../local/graphStandIn.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { RosterStore } from '../../store/rosterStore.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person, Roster } from '../../workflow/partnership.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { assertValidCard, executeActions } from '../support/validateCard.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';
import { fault } from '../faults/support/tally.js';

/**
 * A roster change that affects open cases is explicit (issue 16: "a removed person can no longer
 * act, their open requests move to whoever now holds the role, and the case's history says so"),
 * also for someone Teams cannot reach: the ICB's deputy here is reached by email only (002: "In
 * their absence, communication will be shared by the IOWSCP Partnership Team with the Designated
 * Doctor For Safeguarding Children"). And the follow-up is durable: one that fails part-way is
 * finished by the next sweep, once. Real services on Azurite, email through the Graph stand-in.
 */

const { HttpRequest } = functions;
const FROM = 'sin-partnership@partnership.example.org';
const LOGGED = '2026-05-05T09:00:00.000Z';
const VIEW = '2026-05-05T14:00:00.000Z';
/** Past half-way through the partners' window (15:00 Tuesday to 15:00 Wednesday), before it closes. */
const REMINDER_SWEEP = '2026-05-06T13:59:00.000Z';
const EMAIL_ONLY_DEPUTY: Person = { ...PEOPLE.healthDeputy, teams: false };
const NEW_DEPUTY: Person = { aadObjectId: 'aad-health-deputy-2', email: 'robin.doctor@partnership.example.org', displayName: 'Robin Doctor' };
const OTHER_CASE = 'RR-2026-021';
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

const config: PartnershipFile = PartnershipFileSchema.parse({
  ...sampleConfig,
  mail: { fromMailbox: FROM },
  partners: { ...sampleConfig.partners, health: { ...sampleConfig.partners.health, deputies: [EMAIL_ONLY_DEPUTY] } },
});

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterAll(async () => {
  await graph?.close();
});

function request(body: unknown) {
  return new HttpRequest({
    method: 'PUT',
    url: 'http://127.0.0.1:3978/api/tab/roster',
    headers: { 'x-local-user': PEOPLE.business.aadObjectId, 'content-type': 'application/json' },
    body: { string: JSON.stringify(body) },
  });
}

async function setUp(file: PartnershipFile = config) {
  const clock = new TestClock(new Date(LOGGED));
  const messenger = new RecordingMessenger();
  const s = await testServices({ prefix: uniquePrefix(), clock, messenger, configPath: await writeConfig(file), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
  const handlers = createRosterHandlers(withLiveRoster(async () => s));
  /** The business unit changes the roster in the tab. */
  const changeRoster = async (change: (roster: Roster) => Roster, why: string) => {
    const { version, roster } = (await handlers.read(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1:3978/api/tab/roster', headers: { 'x-local-user': PEOPLE.business.aadObjectId } }))).jsonBody as { version: number; roster: Roster };
    return handlers.change(request({ baseVersion: version, why, roster: change(roster) }));
  };
  /** The business unit puts Robin in place of the email-only deputy, in the tab. */
  const replaceDeputy = () => changeRoster((roster) => ({ ...roster, partners: { ...roster.partners, health: { ...roster.partners.health, deputies: [NEW_DEPUTY] } } }), 'Drew has moved on; Robin deputises for the ICB');
  return { s, clock, messenger, replaceDeputy, changeRoster };
}

/** A case at the partners' reply: the partners' card is posted, the email-only deputy emailed it. */
async function atPartnersReply(s: Awaited<ReturnType<typeof setUp>>['s'], caseRef: string) {
  await s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) } }, new Date(LOGGED));
  await s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Death with neglect suspected; criteria met.' }, new Date(VIEW));
  await s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(VIEW));
  await s.effects.idle();
}

const mailTo = (address: string, since: number) => graph.sentMail.slice(since).filter((m) => m.to === address);
const history = async (s: Awaited<ReturnType<typeof setUp>>['s'], caseRef: string) => (await s.monitoring.caseDetail(caseRef, new Date(REMINDER_SWEEP)))!.timeline.map((r) => r.what);
const REPLACED = 'Roster changed by Billie Business: Drew Doctor replaced by Robin Doctor as deputy for Health (ICB). Its open request was sent to the new holder.';
/** The partners' reply request sent 1:1 to the new deputy for a case. */
const requestsTo = (messenger: RecordingMessenger, caseRef: string) => messenger.sent.filter((m) => m.to === NEW_DEPUTY.aadObjectId && cardText(m.card).includes(caseRef) && executeActions(m.card).some((a) => a.verb === 'partner.agree'));

describe('an email-only deputy holds an open request; the business unit replaces them', () => {
  it('the case records it, the new deputy (in Teams) gets the reply card, the old one can no longer act', async () => {
    const { s, clock, messenger, replaceDeputy } = await setUp();
    const since = graph.sentMail.length;
    await atPartnersReply(s, CASE_REF);
    // Reached by email only: the partners' card, then the reply reminder.
    expect(mailTo(EMAIL_ONLY_DEPUTY.email, since).map((m) => m.subject)).toEqual([`IOWSCP ${CASE_REF}: the partners' decision card`]);
    expect(messenger.sent.some((m) => m.to === EMAIL_ONLY_DEPUTY.aadObjectId)).toBe(false);
    await s.runSweep(new Date(REMINDER_SWEEP));
    const emailed = mailTo(EMAIL_ONLY_DEPUTY.email, since);
    expect(emailed).toHaveLength(2);
    expect(emailed[1]!.text).toContain(`/act/?case=${CASE_REF}&do=reply`);

    // Before the window closes (15:00 UK time, 14:00 UTC).
    clock.set('2026-05-06T13:59:30.000Z');
    const sentBefore = messenger.sent.length;
    const response = await replaceDeputy();
    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual({ version: 1, cases: [CASE_REF], followUp: FOLLOWED_UP });
    await s.effects.idle();

    // The reply request goes to Robin in Teams, as a card Teams accepts, and to nobody else.
    const moved = messenger.sent.slice(sentBefore);
    expect(moved.map((m) => m.to)).toEqual([NEW_DEPUTY.aadObjectId]);
    assertValidCard(moved[0]!.card);
    expect(requestsTo(messenger, CASE_REF)).toHaveLength(1);
    expect(mailTo(NEW_DEPUTY.email, since)).toHaveLength(0);
    // The case's history says so.
    expect(await history(s, CASE_REF)).toContain(REPLACED);
    // Drew can no longer reply for the ICB; Robin can.
    const refused = await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(EMAIL_ONLY_DEPUTY), reply: 'agree', rationale: 'Agreed.' }, new Date('2026-05-06T13:59:50.000Z'));
    expect(refused.decision.ok).toBe(false);
    const replied = await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(NEW_DEPUTY), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-06T13:59:50.000Z'));
    expect(replied.decision.ok).toBe(true);
    expect((await s.store.load(CASE_REF)).state!.positions.health.status).toBe('agreed');
  });
});

describe('a follow-up that fails part-way', () => {
  it('the save answers that the sweep will finish it; the next sweep does, and a second sweep changes nothing', async () => {
    const { s, clock, messenger, replaceDeputy } = await setUp();
    await atPartnersReply(s, CASE_REF);
    await atPartnersReply(s, OTHER_CASE);

    // Storage fails while the second case is being brought up to date (once).
    const execute = s.cases.execute.bind(s.cases);
    let failing = true;
    s.cases.execute = (async (...args: Parameters<typeof execute>) => {
      const [caseRef, command] = args;
      if (failing && caseRef === OTHER_CASE && command.type === 'RecordRosterChange') {
        failing = false;
        throw new Error('The table service is temporarily unavailable');
      }
      return execute(...args);
    }) as typeof s.cases.execute;

    clock.set('2026-05-05T15:30:00.000Z');
    const response = await replaceDeputy();
    await s.effects.idle();
    // The change is saved and in force; the answer says what is left for the sweep.
    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual({ version: 1, cases: [CASE_REF], followUp: FOLLOW_UP_LATER });
    expect(s.config.partners.health.deputies.map((d) => d.displayName)).toEqual(['Robin Doctor']);
    expect(await new RosterStore(s.tables).notFollowedUp()).toEqual([1]);
    expect(await history(s, OTHER_CASE)).not.toContain(REPLACED);
    expect(requestsTo(messenger, OTHER_CASE)).toHaveLength(0);

    // The next sweep finishes it.
    await s.runSweep(new Date('2026-05-05T15:31:00.000Z'));
    const finished = (await history(s, OTHER_CASE)).filter((w) => w === REPLACED).length === 1 && requestsTo(messenger, OTHER_CASE).length === 1;
    fault(finished);
    expect((await history(s, OTHER_CASE)).filter((w) => w === REPLACED)).toHaveLength(1);
    expect(requestsTo(messenger, OTHER_CASE)).toHaveLength(1);
    expect(await new RosterStore(s.tables).notFollowedUp()).toEqual([]);

    // A second sweep (and a follow-up run again by hand, as two processes might) changes nothing.
    const sentBefore = messenger.sent.length;
    await s.runSweep(new Date('2026-05-05T15:32:00.000Z'));
    const again = await s.rosterFollowUp.followUpPending(new Date('2026-05-05T15:32:30.000Z'));
    expect(again).toEqual({ cases: [], failed: [], finished: true });
    await s.effects.idle();
    for (const caseRef of [CASE_REF, OTHER_CASE]) {
      expect((await history(s, caseRef)).filter((w) => w === REPLACED)).toHaveLength(1);
      expect(requestsTo(messenger, caseRef)).toHaveLength(1);
    }
    expect(messenger.sent.slice(sentBefore)).toEqual([]);
  });

  it('a case that already recorded the change is skipped by the procedure too: recording it again adds nothing', async () => {
    const { s, replaceDeputy, clock } = await setUp();
    await atPartnersReply(s, CASE_REF);
    clock.set('2026-05-05T15:30:00.000Z');
    await replaceDeputy();
    await s.effects.idle();
    const before = (await s.store.load(CASE_REF)).state!.version;
    const again = await s.cases.execute(
      CASE_REF,
      { type: 'RecordRosterChange', actor: as(PEOPLE.business), rosterVersion: 1, replacements: [{ role: 'deputy for Health (ICB)', from: as(EMAIL_ONLY_DEPUTY), to: [as(NEW_DEPUTY)] }], moved: [{ key: 'partnerDecision', card: { kind: 'partnerDecision' }, to: NEW_DEPUTY.aadObjectId }], removed: [] },
      new Date('2026-05-05T15:40:00.000Z'),
    );
    expect(again.decision.ok && again.decision.events).toEqual([]);
    expect((await s.store.load(CASE_REF)).state!.version).toBe(before);
  });
});

describe('the new holder is reached by their own channel', () => {
  it('the chair is replaced by someone reached by email only: the initial-view request is emailed to them; replaced in turn, it moves on to Teams', async () => {
    const { s, clock, messenger } = await setUp();
    const handlers = createRosterHandlers(withLiveRoster(async () => s));
    const replaceChair = async (chair: Person, why: string) => {
      const { version, roster } = (await handlers.read(new HttpRequest({ method: 'GET', url: 'http://127.0.0.1:3978/api/tab/roster', headers: { 'x-local-user': PEOPLE.business.aadObjectId } }))).jsonBody as { version: number; roster: Roster };
      return handlers.change(request({ baseVersion: version, why, roster: { ...roster, reviewGroupChair: chair } }));
    };
    const EMAIL_CHAIR: Person = { aadObjectId: 'aad-chair-2', email: 'nia.chair@partnership.example.org', displayName: 'Nia Newchair', teams: false };
    const TEAMS_CHAIR: Person = { aadObjectId: 'aad-chair-3', email: 'ola.chair@partnership.example.org', displayName: 'Ola Chair' };
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, new Date(LOGGED));
    await s.effects.idle();
    const since = graph.sentMail.length;

    clock.set('2026-05-05T10:00:00.000Z');
    expect((await replaceChair(EMAIL_CHAIR, 'Casey has stepped down')).jsonBody).toEqual({ version: 1, cases: [CASE_REF], followUp: FOLLOWED_UP });
    await s.effects.idle();
    // Emailed, with the link to give the view; no Teams card.
    const emailed = mailTo(EMAIL_CHAIR.email, since);
    expect(emailed).toHaveLength(1);
    expect(emailed[0]!.subject).toContain(CASE_REF);
    expect(messenger.sent.some((m) => m.to === EMAIL_CHAIR.aadObjectId)).toBe(false);
    expect(await history(s, CASE_REF)).toContain('Roster changed by Billie Business: Casey Chair replaced by Nia Newchair as review group chair. Its open request was sent to the new holder.');

    // Nia holds the request though no card was posted: replaced in turn, it moves on to Ola's Teams chat.
    clock.set('2026-05-05T11:00:00.000Z');
    const sentBefore = messenger.sent.length;
    expect((await replaceChair(TEAMS_CHAIR, 'Nia is needed elsewhere')).jsonBody).toEqual({ version: 2, cases: [CASE_REF], followUp: FOLLOWED_UP });
    await s.effects.idle();
    const moved = messenger.sent.slice(sentBefore).filter((m) => m.to === TEAMS_CHAIR.aadObjectId);
    expect(moved).toHaveLength(1);
    assertValidCard(moved[0]!.card);
    expect(executeActions(moved[0]!.card).map((a) => a.verb)).toContain('initialView.submit');
    expect(await history(s, CASE_REF)).toContain('Roster changed by Billie Business: Nia Newchair replaced by Ola Chair as review group chair. Its open request was sent to the new holder.');
    expect(mailTo(TEAMS_CHAIR.email, since)).toHaveLength(0);
  });
});

describe('only a request still open moves (the held rows are kept for good)', () => {
  const NEW_CHAIR: Person = { aadObjectId: 'aad-chair-2', email: 'nia.chair@partnership.example.org', displayName: 'Nia Newchair' };

  it('the chair is replaced after giving the initial view (the director concurred): nothing is sent, the history says no request moved', async () => {
    const { s, clock, messenger, changeRoster } = await setUp();
    await atPartnersReply(s, CASE_REF);
    // The chair was sent the initial-view request when the referral was logged: they hold it still.
    expect(messenger.sent.some((m) => m.to === PEOPLE.chair.aadObjectId && executeActions(m.card).some((a) => a.verb === 'initialView.submit'))).toBe(true);
    const since = graph.sentMail.length;
    const sentBefore = messenger.sent.length;

    clock.set('2026-05-05T15:30:00.000Z');
    const response = await changeRoster((roster) => ({ ...roster, reviewGroupChair: NEW_CHAIR }), 'Casey has stepped down');
    expect(response.status).toBe(200);
    await s.effects.idle();

    expect(messenger.sent.slice(sentBefore).filter((m) => m.to === NEW_CHAIR.aadObjectId)).toEqual([]);
    expect(mailTo(NEW_CHAIR.email, since)).toEqual([]);
    const words = await history(s, CASE_REF);
    expect(words).toContain('Roster changed by Billie Business: Casey Chair replaced by Nia Newchair as review group chair. No open request was moved.');
    expect(words.join('\n')).not.toContain('sent to the new holder');
  });

  it("a partner's representative who already replied is replaced: nothing moves; the ICB's deputy, whose reply is awaited, is replaced next: theirs does", async () => {
    // The police's representative, like the ICB's deputy, is reached by email only: both hold the partners' request.
    const EMAIL_ONLY_POLICE: Person = { ...PEOPLE.police, teams: false };
    const NEW_POLICE: Person = { aadObjectId: 'aad-police-2', email: 'ola.police@partnership.example.org', displayName: 'Ola Police' };
    const file = PartnershipFileSchema.parse({ ...config, partners: { ...config.partners, police: { ...config.partners.police, representative: EMAIL_ONLY_POLICE } } });
    const { s, clock, messenger, changeRoster, replaceDeputy } = await setUp(file);
    const since = graph.sentMail.length;
    await atPartnersReply(s, CASE_REF);
    expect(mailTo(EMAIL_ONLY_POLICE.email, since).map((m) => m.subject)).toEqual([`IOWSCP ${CASE_REF}: the partners' decision card`]);
    const replied = await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(EMAIL_ONLY_POLICE), reply: 'agree', rationale: 'Agreed on what is known.' }, new Date('2026-05-05T15:00:00.000Z'));
    expect(replied.decision.ok).toBe(true);
    await s.effects.idle();

    // The police replied: its new representative is asked nothing.
    clock.set('2026-05-05T15:30:00.000Z');
    let sentBefore = messenger.sent.length;
    expect((await changeRoster((roster) => ({ ...roster, partners: { ...roster.partners, police: { ...roster.partners.police, representative: NEW_POLICE } } }), 'Pat has retired')).status).toBe(200);
    await s.effects.idle();
    expect(messenger.sent.slice(sentBefore)).toEqual([]);
    expect(mailTo(NEW_POLICE.email, since)).toEqual([]);
    expect(await history(s, CASE_REF)).toContain('Roster changed by Billie Business: Pat Police replaced by Ola Police as representative for Police. No open request was moved.');

    // The ICB has not replied: its new deputy is asked.
    clock.set('2026-05-05T15:40:00.000Z');
    sentBefore = messenger.sent.length;
    expect((await replaceDeputy()).status).toBe(200);
    await s.effects.idle();
    expect(messenger.sent.slice(sentBefore).map((m) => m.to)).toEqual([NEW_DEPUTY.aadObjectId]);
    expect(requestsTo(messenger, CASE_REF)).toHaveLength(1);
    expect(await history(s, CASE_REF)).toContain(REPLACED);
  });
});
