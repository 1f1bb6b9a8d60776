import { describe, expect, it } from 'vitest';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { cardText } from '../support/recordingMessenger.js';
import { DOCUMENT_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * A local review (LCSPR) run by clicks on the business unit's board card, through the route table
 * (app/cardRoutes/localReview.ts) and the case service on Azurite: each click reaches its command
 * and the answering card says what was recorded.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const REF = 'RR-2026-201';

describe('the local review by card clicks (Azurite)', () => {
  it('opened from a case the review group discussed, then every step recorded from the board, to publication', async () => {
    const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
    const s = await testServices({ prefix: uniquePrefix(), clock });
    const at = (iso: string) => new Date(iso);
    const ok = async (p: ReturnType<typeof s.cases.execute>) => expect((await p).decision.ok).toBe(true);
    await ok(s.cases.execute(REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z')));
    await ok(s.cases.execute(REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Threshold not met.' }, at('2026-06-01T10:00:00.000Z')));
    await ok(s.cases.execute(REF, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:05:00.000Z')));
    for (const p of [PEOPLE.police, PEOPLE.health]) await ok(s.cases.execute(REF, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed: not met.' }, at('2026-06-01T11:00:00.000Z')));
    await ok(s.cases.execute(REF, { type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'reviewGroupWithScoping', rationale: 'The review group should look at the learning.' }, at('2026-06-01T12:00:00.000Z')));

    const click = async (iso: string, verb: string, data: Record<string, string>, who: Person = PEOPLE.business) => {
      clock.set(iso);
      const reply = await s.interactions.cardAction({ verb, data: { caseRef: REF, ...data } }, as(who));
      return cardText(reply.card);
    };
    const last = async () => (await s.store.load(REF)).events.at(-1)!;

    // A partner's representative may not open it; the business unit may, with the decision's instant.
    expect(await click('2026-06-10T11:00:00.000Z', 'localReview.open', { decidedDate: '2026-06-10', decidedTime: '10:00', rationale: 'System learning across agencies.' }, PEOPLE.police)).toContain('Only the business unit or the review group chair records a decision to hold a local review.');
    expect(await click('2026-06-10T11:00:00.000Z', 'localReview.open', { decidedDate: '2026-06-10', decidedTime: '10:00', rationale: 'System learning across agencies.' })).toContain('to be published by Thursday 10 December 2026');
    expect(await last()).toMatchObject({ type: 'LocalReviewOpened', source: 'reviewGroup', decidedAt: '2026-06-10T09:00:00.000Z', publicationDueDate: '2026-12-10' });

    // 5.5: the card's toggle says the child is now looked after, by another authority; this partnership may lead only with a reason.
    expect(await click('2026-06-11T09:30:00.000Z', 'localReview.lead', { leadPartnership: 'Isle of Wight Safeguarding Children Partnership', weLead: 'true', involved: '', lookedAfter: 'true', responsibleAuthority: 'Hampshire County Council' })).toContain(
      "For a looked-after child the responsible authority's partnership leads (5.5): that is Hampshire County Council's partnership",
    );
    expect((await last()).type).toBe('LocalReviewOpened');
    const steps: [string, string, Record<string, string>, Record<string, unknown>][] = [
      ['2026-06-11T10:00:00.000Z', 'localReview.lead', { leadPartnership: 'Isle of Wight Safeguarding Children Partnership', weLead: 'true', involved: 'Hampshire SCP, Portsmouth SCP', lookedAfter: 'false', responsibleAuthority: '' }, { type: 'LocalReviewLeadRecorded', weLead: true, involved: ['Hampshire SCP', 'Portsmouth SCP'], lookedAfter: false }],
      ['2026-06-11T11:00:00.000Z', 'localReview.told', { about: 'decision', toldDate: '2026-06-11', toldTime: '10:30' }, { type: 'LocalReviewBodiesTold', about: 'decision', sentAt: '2026-06-11T09:30:00.000Z' }],
      [
        '2026-06-15T10:00:00.000Z',
        'localReview.commission',
        { reviewer: 'Robin Reviewer', reviewerKind: 'external', independence: 'No agency work in five years.', conflicts: 'None declared.', methodology: 'systemsMethodology,multiAgencyWorkshop', termsOfReferenceUrl: 'https://documents.example.org/sites/cases/RR-2026-201/tor.docx', familyPlanned: 'true', practitionersPlanned: 'false' },
        { type: 'LocalReviewCommissioned', methodology: ['systemsMethodology', 'multiAgencyWorkshop'], family: { planned: true }, practitioners: { planned: false } },
      ],
      ['2026-06-15T11:00:00.000Z', 'localReview.plan', { planMilestone: 'executiveApproval', planDate: '2026-10-14' }, { type: 'LocalReviewMilestonePlanned', milestone: 'executiveApproval', plannedDate: '2026-10-14' }],
      ['2026-10-14T15:00:00.000Z', 'localReview.done', { doneMilestone: 'executiveApproval', doneDate: '2026-10-14', publish: 'yes' }, { type: 'LocalReviewMilestoneDone', milestone: 'executiveApproval', publish: true }],
      ['2026-10-15T09:00:00.000Z', 'localReview.publication', { publicationDate: '2026-11-25' }, { type: 'LocalReviewPublicationPlanned', plannedDate: '2026-11-25', copyDueAt: '2026-11-16T17:00:00.000Z' }],
      ['2026-11-13T12:00:00.000Z', 'localReview.copySent', { copyDate: '2026-11-13', copyTime: '11:00' }, { type: 'LocalReviewCopySent', onTime: true }],
      ['2026-11-18T15:00:00.000Z', 'localReview.done', { doneMilestone: 'boardRatification', doneDate: '2026-11-18' }, { type: 'LocalReviewMilestoneDone', milestone: 'boardRatification' }],
      ['2026-11-25T12:00:00.000Z', 'localReview.published', { publishedDate: '2026-11-25', url: 'https://www.example.org/reviews/rr-2026-201.pdf' }, { type: 'LocalReviewPublished', onTime: true }],
    ];
    for (const [when, verb, data, event] of steps) {
      const text = await click(when, verb, data);
      expect(text, `${verb} answered: ${text.slice(0, 400)}`).toMatch(/Recorded|Planned/);
      expect(await last()).toMatchObject(event);
    }
    expect((await s.store.load(REF)).state!.localReview!.published).toMatchObject({ publishedDate: '2026-11-25', onTime: true });
    await s.effects.idle();
  }, 60_000);
});
