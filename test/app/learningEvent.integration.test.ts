import { describe, expect, it } from 'vitest';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { cardText } from '../support/recordingMessenger.js';
import { DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * A click on each learning-event and review-group-dispute button reaches its command (issue 17),
 * through the real interactions and CaseService on Azurite, and the cards go where they should.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

/** A case not notified and sent to the review group (002 6.1), closed at 13:00 Wednesday 10 June 2026. */
async function caseAtTheReviewGroup(caseRef: string) {
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
  const s = await testServices({ prefix: uniquePrefix(), clock });
  const at = (iso: string) => new Date(iso);
  const ok = async (p: ReturnType<typeof s.cases.execute>) => {
    const outcome = await p;
    if (!outcome.decision.ok) throw new Error(outcome.decision.refusal);
  };
  await ok(s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z')));
  await ok(s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Threshold not met.' }, at('2026-06-01T10:00:00.000Z')));
  await ok(s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:05:00.000Z')));
  for (const p of [PEOPLE.police, PEOPLE.health]) await ok(s.cases.execute(caseRef, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed.' }, at('2026-06-01T11:00:00.000Z')));
  await ok(s.cases.execute(caseRef, { type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'reviewGroupWithScoping', rationale: 'To the review group.' }, at('2026-06-10T12:00:00.000Z')));
  await s.effects.idle();
  return { s, clock };
}

describe('learning event buttons (Azurite)', () => {
  it('decision, method and leads, report, approval and dissemination: each click is recorded and the card says what is next', async () => {
    const caseRef = 'RR-2026-301';
    const { s, clock } = await caseAtTheReviewGroup(caseRef);
    const click = async (verb: string, data: Record<string, string>, who: Person, now: string) => {
      clock.set(now);
      return cardText((await s.interactions.cardAction({ verb, data: { caseRef, ...data } }, as(who))).card);
    };
    expect(await click('learningEvent.decision', { decidedOn: '2026-06-10', rationale: 'New learning on information sharing.' }, PEOPLE.business, '2026-06-11T10:00:00.000Z')).toContain('The report is due ready for approval by 17:00 on Saturday 10 October.');
    await s.effects.idle();
    // The business unit, the review group chair and the monitoring channel each get the card.
    const firstCards = s.messenger.sent.filter((m) => cardText(m.card).includes('Local learning event')).map((m) => m.to);
    expect(firstCards).toEqual(expect.arrayContaining([PEOPLE.business.aadObjectId, PEOPLE.chair.aadObjectId, 'conv-monitoring']));
    // A partner may not record the method; the chair may.
    expect(await click('learningEvent.setUp', { methods: 'desktop', leads: 'partner:police' }, PEOPLE.police, '2026-06-12T10:00:00.000Z')).toContain('Only the business unit or the review group chair');
    expect(await click('learningEvent.setUp', { methods: 'desktop,practitionerWorkshop', leads: 'partner:police,agency:gp', termsOfReferenceUrl: '' }, PEOPLE.chair, '2026-06-12T10:00:00.000Z')).toContain('Recorded the method and leads.');
    await s.effects.idle();
    // Each co-lead's people are sent the card: the police's representative and deputy, and the GP practice's
    // contact and deputy (who see this card and its reminders, nothing else of the case); not its escalation contact.
    const leads = s.messenger.sent.filter((m) => cardText(m.card).includes('Local learning event')).map((m) => m.to);
    expect(leads).toEqual(expect.arrayContaining([PEOPLE.police.aadObjectId, PEOPLE.policeDeputy.aadObjectId, PEOPLE.gpContact.aadObjectId, PEOPLE.gpDeputy.aadObjectId]));
    expect(leads).not.toContain(PEOPLE.gpEscalation.aadObjectId);
    expect(await click('learningEvent.report', { documentUrl: 'https://documents.example.org/sites/cases/RR-2026-301/report.docx' }, PEOPLE.business, '2026-09-01T10:00:00.000Z')).toContain('within the four months');
    expect(await click('learningEvent.approve', { approvedOn: '2026-09-14' }, PEOPLE.business, '2026-09-15T10:00:00.000Z')).toContain('the executive approved the report on Monday 14 September 2026');
    expect(await click('learningEvent.disseminate', { disseminatedOn: '2026-10-19', how: 'Practitioner briefings.' }, PEOPLE.chair, '2026-10-20T10:00:00.000Z')).toContain('Recorded the dissemination of learning.');
    const { state } = await s.store.load(caseRef);
    expect(state?.learningEvent).toMatchObject({ decidedOn: '2026-06-10', report: { onTime: true }, approved: { approvedOn: '2026-09-14' }, disseminated: { how: 'Practitioner briefings.' } });
  }, 60_000);

  it('a disagreement raised, not resolved, decided by the partnership chair: the learning event opens', async () => {
    const caseRef = 'RR-2026-302';
    const { s, clock } = await caseAtTheReviewGroup(caseRef);
    const click = async (verb: string, data: Record<string, string>, who: Person, now: string) => {
      clock.set(now);
      return cardText((await s.interactions.cardAction({ verb, data: { caseRef, ...data } }, as(who))).card);
    };
    expect(await click('reviewGroupDispute.open', { about: 'learningEvent', reason: 'There is new learning on neglect.' }, PEOPLE.police, '2026-06-11T10:00:00.000Z')).toContain('agree an outcome by 11:00 on Tuesday 16 June');
    expect(await click('reviewGroupDispute.decide', { criteriaMet: 'yes', rationale: 'Hold it.' }, PEOPLE.partnershipChair, '2026-06-11T11:00:00.000Z')).toContain('it comes to you only if they cannot');
    expect(await click('reviewGroupDispute.outcome', { outcome: 'notResolved', rationale: 'The partners are split.' }, PEOPLE.chair, '2026-06-12T10:00:00.000Z')).toContain('The partnership chair decides by 11:00 on Wednesday 17 June.');
    await s.effects.idle();
    expect(s.messenger.sent.some((m) => m.to === PEOPLE.partnershipChair.aadObjectId && cardText(m.card).includes('the decider decides'))).toBe(true);
    expect(await click('reviewGroupDispute.decide', { criteriaMet: 'yes', rationale: 'New learning: hold a learning event.' }, PEOPLE.partnershipChair, '2026-06-15T10:00:00.000Z')).toContain('The local learning event is opened. The report is due ready for approval by 17:00 on Thursday 15 October.');
    const { state } = await s.store.load(caseRef);
    expect(state?.learningEvent).toMatchObject({ basis: 'reviewGroupDispute', decidedOn: '2026-06-15' });
  }, 60_000);
});
