import { describe, expect, it } from 'vitest';
import type { CommandActor } from '../../workflow/commands.js';
import { type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix, writeConfig } from '../support/services.js';

/** Scoping returns against a real Azurite: many agencies at once, and a sweep racing them. */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const contact = (i: number): Person => ({ aadObjectId: `aad-agency-${i}`, email: `agency${i}@agency.example.org`, displayName: `Agency Contact ${i}` });
const AGENCIES = Array.from({ length: 20 }, (_, i) => ({
  id: `agency-${i}`,
  name: `Agency ${i}`,
  contact: contact(i),
  escalation: { aadObjectId: `aad-lead-${i}`, email: `lead${i}@agency.example.org`, displayName: `Agency Lead ${i}` },
}));
const config = PartnershipFileSchema.parse({ ...sampleConfig, agencies: AGENCIES });

async function reviewWithTwentyAgencies() {
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
  const messenger = new RecordingMessenger();
  const prefix = uniquePrefix();
  const configPath = await writeConfig(config);
  const s = await testServices({ prefix, clock, messenger, configPath });
  const at = (iso: string) => new Date(iso);
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:00:00.000Z')); // the view is theirs together (002 step 3)
  for (const p of [PEOPLE.police, PEOPLE.health]) await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-06-01T11:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-9' }, at('2026-06-02T09:30:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: AGENCIES.map((a) => a.id) }, at('2026-06-03T09:00:00.000Z'));
  return { s, prefix, clock, messenger, configPath };
}

describe('scoping returns in Table Storage (Azurite)', () => {
  it('20 agencies returning at once on one case: every return is recorded, none lost', async () => {
    const { s, prefix, clock, messenger, configPath } = await reviewWithTwentyAgencies();
    const processes = [s, ...(await Promise.all([1, 2, 3].map(() => testServices({ prefix, clock, messenger, configPath }))))];
    const when = new Date('2026-06-04T10:00:00.000Z');
    await Promise.all(
      AGENCIES.map((a, i) => processes[i % processes.length]!.cases.execute(CASE_REF, { type: 'RecordScopingReturn', actor: as(a.contact), agency: a.id, documentUrl: `${DOCUMENT_URL}?return=${i}` }, when)),
    );
    const { state, events } = await s.store.load(CASE_REF);
    expect(events.filter((e) => e.type === 'ScopingReturned')).toHaveLength(20);
    expect(Object.values(state!.rapidReview!.agencies).every((a) => a.status === 'returned')).toBe(true);
  });

  it('an agency contact who holds no other role can record a nil return from their card, but not read the whole case history', async () => {
    const { s } = await reviewWithTwentyAgencies();
    const agency = AGENCIES[3]!;
    const reply = await s.interactions.cardAction({ verb: 'scoping.noInvolvement', data: { caseRef: CASE_REF, agency: agency.id } }, as(agency.contact));
    expect(cardText(reply.card)).toContain(`Recorded: ${agency.name} had no involvement with this child or family.`);
    const history = await s.interactions.cardAction({ verb: 'case.history', data: { caseRef: CASE_REF } }, as(agency.contact));
    expect(cardText(history.card)).toContain("The case history is shown only to the partnership's own roster");
    // Someone off every roster still sees nothing.
    const stranger = await s.interactions.cardAction({ verb: 'scoping.noInvolvement', data: { caseRef: CASE_REF, agency: agency.id } }, { aadObjectId: 'aad-nobody', displayName: 'Nobody' });
    expect(cardText(stranger.card)).toContain("Cases are shown only to people on the partnership's roster");
  });

  it('a sweep racing the returns sends no chaser for an agency whose return was already recorded', async () => {
    const { s, prefix, clock, messenger, configPath } = await reviewWithTwentyAgencies();
    const sweeper = await testServices({ prefix, clock, messenger, configPath });
    // The morning the returns are due: each open return gets a reminder, unless it has just come in.
    const when = new Date('2026-06-08T08:00:00.000Z');
    await Promise.all([
      ...AGENCIES.slice(0, 10).map((a) => s.cases.execute(CASE_REF, { type: 'RecordScopingReturn', actor: as(a.contact), agency: a.id, documentUrl: DOCUMENT_URL }, when)),
      sweeper.runSweep(when),
      sweeper.runSweep(when),
    ]);
    await sweeper.runSweep(new Date(when.getTime() + 1000));
    const { events } = await s.store.load(CASE_REF);
    for (const agency of AGENCIES) {
      const returnedAt = events.findIndex((e) => e.type === 'ScopingReturned' && e.agency === agency.id);
      const chasedAt = events.map((e, i) => (e.type === 'ScopingChased' && e.agency === agency.id && e.chase === 'dueMorning' ? i : -1)).filter((i) => i >= 0);
      // Either a reminder went out before the return arrived, or none at all: never after it.
      if (returnedAt >= 0) expect(chasedAt.every((i) => i < returnedAt)).toBe(true);
      else expect(chasedAt).toHaveLength(1);
    }
  });
});
