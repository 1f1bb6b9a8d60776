import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphStandIn, type GraphStandIn } from '../../local/graphStandIn.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { identifyingDetailIn } from '../../workflow/freeText.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { awayAt } from '../../workflow/absence.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * An absence recorded on the live roster (issue 16), through the real services, Azurite and the
 * Graph stand-in: while the police representative is away, the partners' reminder goes to their
 * deputy with the card saying so, the police absence inbox is emailed it (once), and the
 * representative is not sent it; once the absence has ended, nothing is redirected.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const FROM = 'sin-partnership@partnership.example.org';
const POLICE_INBOX = 'review.team@police.example.org';
const LOGGED = '2026-05-05T09:00:00.000Z';
const VIEW = '2026-05-05T14:00:00.000Z';
/** Past half-way through the partners' window (15:00 Tuesday to 15:00 Wednesday). */
const REMINDER_SWEEP = '2026-05-06T13:59:00.000Z';

const config: PartnershipFile = PartnershipFileSchema.parse({
  ...sampleConfig,
  mail: { fromMailbox: FROM },
  partners: { ...sampleConfig.partners, police: { ...sampleConfig.partners.police, inboxes: [{ name: 'Police review team', email: POLICE_INBOX }] } },
});

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterAll(async () => {
  await graph?.close();
});

async function caseAwaitingReplies(absence: { from: string; to: string }) {
  const messenger = new RecordingMessenger();
  const clock = new TestClock(new Date(LOGGED));
  const s = await testServices({ prefix: uniquePrefix(), clock, messenger, configPath: await writeConfig(config), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
  const current = s.roster.current();
  const recorded = await s.roster.change({ baseVersion: 0, why: 'absent', roster: { ...current, absences: [{ aadObjectId: PEOPLE.police.aadObjectId, ...absence }] } }, as(PEOPLE.police), new Date(LOGGED));
  expect(recorded.ok).toBe(true);
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, new Date(LOGGED));
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Criteria met.' }, new Date(VIEW));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(VIEW));
  await s.effects.idle();
  return { s, messenger };
}

describe('an absence on the live roster', () => {
  it('while the police representative is away: their deputy is reminded and told why, the absence inbox is emailed once, the representative is not sent it', async () => {
    const { s, messenger } = await caseAwaitingReplies({ from: '2026-05-06T00:00:00+01:00', to: '2026-05-08T18:00:00+01:00' });
    const sentBefore = messenger.sent.length;
    const mailBefore = graph.sentMail.filter((m) => m.to === POLICE_INBOX).length;
    await s.runSweep(new Date(REMINDER_SWEEP));
    const reminded = messenger.sent.slice(sentBefore);
    expect(reminded.map((m) => m.to)).not.toContain(PEOPLE.police.aadObjectId);
    const deputy = reminded.find((m) => m.to === PEOPLE.policeDeputy.aadObjectId);
    expect(cardText(deputy!.card)).toContain('You are asked because Pat Police is away until 18:00 on Friday 8 May: you stand in for them as their deputy.');
    // The health partner, not away, is reminded as ever.
    expect(reminded.map((m) => m.to)).toEqual(expect.arrayContaining([PEOPLE.health.aadObjectId, PEOPLE.healthDeputy.aadObjectId]));
    const mails = graph.sentMail.filter((m) => m.to === POLICE_INBOX).slice(mailBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(CASE_REF);
    expect(mails[0]!.text).toContain('The person asked is away until Friday 8 May at 18:00 (UK time): their deputy is asked in their place, and this inbox is told.');
    expect(mails[0]!.text).not.toContain('Pat Police');
    expect(identifyingDetailIn(`${mails[0]!.subject}\n${mails[0]!.text}`)).toBeUndefined();
  });

  it('after the absence has ended: the representative is reminded, and no inbox is emailed for it', async () => {
    const { s, messenger } = await caseAwaitingReplies({ from: '2026-05-01T00:00:00+01:00', to: '2026-05-05T18:00:00+01:00' });
    const sentBefore = messenger.sent.length;
    const mailBefore = graph.sentMail.filter((m) => m.to === POLICE_INBOX).length;
    await s.runSweep(new Date(REMINDER_SWEEP));
    const reminded = messenger.sent.slice(sentBefore);
    expect(reminded.map((m) => m.to)).toContain(PEOPLE.police.aadObjectId);
    expect(reminded.map((m) => cardText(m.card)).join('\n')).not.toContain('is away until');
    expect(graph.sentMail.filter((m) => m.to === POLICE_INBOX).slice(mailBefore)).toHaveLength(0);
  });
});

describe('an absence where a shared inbox is the only deputy (police, ICB)', () => {
  it('the representative is reminded themselves, their card says the team’s inbox has been told, and the inbox is emailed once', async () => {
    const inboxOnly: PartnershipFile = PartnershipFileSchema.parse({ ...config, partners: { ...config.partners, police: { ...config.partners.police, deputies: [] } } });
    const messenger = new RecordingMessenger();
    const clock = new TestClock(new Date(LOGGED));
    const s = await testServices({ prefix: uniquePrefix(), clock, messenger, configPath: await writeConfig(inboxOnly), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
    const current = s.roster.current();
    expect((await s.roster.change({ baseVersion: 0, why: 'absent', roster: { ...current, absences: [{ aadObjectId: PEOPLE.police.aadObjectId, from: '2026-05-06T00:00:00+01:00', to: '2026-05-08T18:00:00+01:00' }] } }, as(PEOPLE.police), new Date(LOGGED))).ok).toBe(true);
    await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-05-05T08:00:00.000Z', harm: 'death', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, new Date(LOGGED));
    await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Criteria met.' }, new Date(VIEW));
    await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, new Date(VIEW));
    await s.effects.idle();
    const sentBefore = messenger.sent.length;
    const mailBefore = graph.sentMail.filter((m) => m.to === POLICE_INBOX).length;
    await s.runSweep(new Date(REMINDER_SWEEP));
    // A second sweep at the same deadline sends nothing more.
    await s.runSweep(new Date(REMINDER_SWEEP));
    const reminded = messenger.sent.slice(sentBefore);
    const police = reminded.filter((m) => m.to === PEOPLE.police.aadObjectId);
    expect(police).toHaveLength(1);
    expect(cardText(police[0]!.card)).toContain("Pat Police is away until 18:00 on Friday 8 May; their team's inbox has been told.");
    const mails = graph.sentMail.filter((m) => m.to === POLICE_INBOX).slice(mailBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(CASE_REF);
    expect(identifyingDetailIn(`${mails[0]!.subject}\n${mails[0]!.text}`)).toBeUndefined();
  });
});

describe('recording one’s own absence from the bot', () => {
  it('"away <first day> to <last day>" in a 1:1 chat records it on the roster as "absent"; someone off the roster is refused; anything else is explained', async () => {
    const clock = new TestClock(new Date(LOGGED));
    const s = await testServices({ prefix: uniquePrefix(), clock, configPath: await writeConfig(config), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
    const recorded = await s.interactions.textCommand('away 2026-05-06 to 2026-05-08', as(PEOPLE.police));
    expect(cardText(recorded.card)).toContain('Absence recorded');
    expect(s.roster.current().absences).toEqual([{ aadObjectId: PEOPLE.police.aadObjectId, from: '2026-05-06T00:00:00.000+01:00', to: '2026-05-09T00:00:00.000+01:00' }]);
    expect((await s.roster.history()).map((c) => [c.why, c.by.displayName])).toEqual([['absent', 'Pat Police']]);

    const stranger = await s.interactions.textCommand('away 2026-05-06 to 2026-05-08', { aadObjectId: 'aad-stranger', displayName: 'Stranger' });
    expect(cardText(stranger.card)).toContain('Absence not recorded');
    const backwards = await s.interactions.textCommand('away 2026-05-08 to 2026-05-06', as(PEOPLE.police));
    expect(cardText(backwards.card)).toContain('When are you away?');
    expect(s.roster.currentVersion).toBe(1);
  });

  it('an absence typed while another instance saved a roster change is applied to the latest roster, not refused; "back" ends it early, once', async () => {
    const prefix = uniquePrefix();
    const clock = new TestClock(new Date(LOGGED));
    const configPath = await writeConfig(config);
    const one = await testServices({ prefix, clock, configPath });
    const two = await testServices({ prefix, clock, configPath });
    // Instance one saves first; instance two has not read it and still holds version 0.
    expect(cardText((await one.interactions.textCommand('away 2026-05-11 to 2026-05-15', as(PEOPLE.health), { personal: true })).card)).toContain('Absence recorded');
    const typed = await two.interactions.textCommand('away 2026-05-05 to 2026-05-08', as(PEOPLE.police), { personal: true });
    expect(cardText(typed.card)).toContain('Absence recorded');
    expect(two.roster.current().absences.map((a) => a.aadObjectId).sort()).toEqual([PEOPLE.health.aadObjectId, PEOPLE.police.aadObjectId].sort());

    // Back on Wednesday morning: the absence ends then, and the representative is asked in their own right again.
    clock.set('2026-05-06T08:30:00.000Z');
    expect(awayAt(two.config, PEOPLE.police.aadObjectId, new Date('2026-05-06T08:30:00.000Z'))).toBeDefined();
    expect(cardText((await two.interactions.textCommand('back', as(PEOPLE.police), { personal: true })).card)).toContain('Welcome back');
    expect(awayAt(two.config, PEOPLE.police.aadObjectId, new Date('2026-05-06T08:30:00.000Z'))).toBeUndefined();
    expect(awayAt(two.config, PEOPLE.health.aadObjectId, new Date('2026-05-12T08:30:00.000Z'))).toBeDefined();
    const again = await two.interactions.textCommand('back', as(PEOPLE.police), { personal: true });
    expect(cardText(again.card)).toContain('There is no absence of yours going on now');
  });
});
