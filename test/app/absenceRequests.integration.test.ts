import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraphStandIn, type GraphStandIn } from '../../local/graphStandIn.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { identifyingDetailIn } from '../../workflow/freeText.js';
import { cardText, RecordingMessenger } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, RETURN_URL, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/**
 * A first request while an agency's contact is away (issue 16), through the real services,
 * Azurite and the Graph stand-in: the rapid review's scoping request goes to the agency's deputy,
 * whose card says for whom and until when, and the deputy records the return from it; the contact
 * is not sent it. When the deputy is reachable only by email, the request is emailed to them.
 * Roster rule (AgencySchema): the contact "Completes the scoping return; deputies may record it in
 * their absence."
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const FROM = 'sin-partnership@partnership.example.org';
const at = (iso: string) => new Date(iso);
/** The GP contact is away Wednesday 3 June to the end of Friday 5 June. */
const AWAY = { aadObjectId: PEOPLE.gpContact.aadObjectId, from: '2026-06-03T00:00:00+01:00', to: '2026-06-05T18:00:00+01:00' };
const SET_UP = '2026-06-03T09:00:00.000Z'; // 10:00 Wednesday 3 June

let graph: GraphStandIn;
beforeAll(async () => {
  graph = await startGraphStandIn();
});
afterAll(async () => {
  await graph?.close();
});

async function reviewSetUpWhileAway(config: PartnershipFile) {
  const clock = new TestClock(at('2026-06-01T09:00:00.000Z'));
  const messenger = new RecordingMessenger();
  const s = await testServices({ prefix: uniquePrefix(), clock, messenger, configPath: await writeConfig(config), env: { GRAPH_AUTH: 'localStandIn', GRAPH_BASE_URL: graph.url } });
  const recorded = await s.roster.change({ baseVersion: 0, why: 'absent', roster: { ...s.roster.current(), absences: [AWAY] } }, as(PEOPLE.business), at('2026-06-01T09:00:00.000Z'));
  expect(recorded.ok).toBe(true);
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:00:00.000Z'));
  for (const p of [PEOPLE.police, PEOPLE.health]) await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-06-01T11:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-9' }, at('2026-06-02T09:30:00.000Z'));
  await s.effects.idle();
  const sentBefore = messenger.sent.length;
  const mailBefore = graph.sentMail.length;
  clock.set(SET_UP);
  const setUp = await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: ['gp', 'education'] }, at(SET_UP));
  expect(setUp.decision.ok).toBe(true);
  await s.effects.idle();
  return { s, clock, sent: messenger.sent.slice(sentBefore), mail: graph.sentMail.slice(mailBefore) };
}

const isGpRequest = (m: { card: unknown }) => cardText(m.card).includes('Scoping return needed: GP practice');

describe('an agency contact away when the rapid review is set up', () => {
  it('the scoping request goes to the agency deputy, whose card says for whom and until when; the deputy records the return from it; the contact is not sent it', async () => {
    const { s, clock, sent } = await reviewSetUpWhileAway(PartnershipFileSchema.parse({ ...sampleConfig, mail: { fromMailbox: FROM } }));
    const requests = sent.filter(isGpRequest);
    expect(requests.map((m) => m.to)).toEqual([PEOPLE.gpDeputy.aadObjectId]);
    expect(cardText(requests[0]!.card)).toContain('You are asked because Glen Surgery is away until 18:00 on Friday 5 June: you stand in for them as their deputy.');
    // Education's contact, not away, is asked as ever and told of nobody's absence.
    const education = sent.filter((m) => m.to === PEOPLE.educationContact.aadObjectId && cardText(m.card).includes('Scoping return needed: Education'));
    expect(education).toHaveLength(1);
    expect(cardText(education[0]!.card)).not.toContain('is away until');

    // Someone of another agency may not record the GP practice's return; the deputy may, from the card.
    clock.set('2026-06-04T10:00:00.000Z');
    const stranger = await s.interactions.cardAction({ verb: 'scoping.return', data: { caseRef: CASE_REF, agency: 'gp', documentUrl: RETURN_URL('gp') } }, as(PEOPLE.educationDeputy));
    expect(cardText(stranger.card)).not.toContain('Returned');
    expect((await s.store.load(CASE_REF)).state!.rapidReview!.agencies.gp!.status).toBe('requested');
    await s.interactions.cardAction({ verb: 'scoping.return', data: { caseRef: CASE_REF, agency: 'gp', documentUrl: RETURN_URL('gp') } }, as(PEOPLE.gpDeputy));
    const gp = (await s.store.load(CASE_REF)).state!.rapidReview!.agencies.gp!;
    expect(gp.status).toBe('returned');
    expect(gp.returned?.by.displayName).toBe('Gail Surgery');
  });

  it('the deputy reachable only by email: the request is emailed to them (case reference only), no card is sent in Teams, the contact is not asked', async () => {
    const emailOnlyDeputy = { ...PEOPLE.gpDeputy, teams: false };
    const agencies = sampleConfig.agencies.map((a) => (a.id === 'gp' ? { ...a, deputies: [emailOnlyDeputy] } : a));
    const { sent, mail } = await reviewSetUpWhileAway(PartnershipFileSchema.parse({ ...sampleConfig, mail: { fromMailbox: FROM }, agencies }));
    expect(sent.filter(isGpRequest)).toEqual([]);
    const toDeputy = mail.filter((m) => m.to === PEOPLE.gpDeputy.email);
    expect(toDeputy).toHaveLength(1);
    expect(toDeputy[0]!.subject).toContain(CASE_REF);
    // Why it came to them, as their card would say, but without the name: an email carries none.
    expect(toDeputy[0]!.text).toContain('You are asked as a deputy: the person you stand in for is away until Friday 5 June at 18:00 (UK time).');
    expect(toDeputy[0]!.text).not.toContain(PEOPLE.gpContact.displayName);
    expect(identifyingDetailIn(`${toDeputy[0]!.subject}\n${toDeputy[0]!.text}`)).toBeUndefined();
    expect(mail.filter((m) => m.to === PEOPLE.gpContact.email)).toEqual([]);
  });
});
