import { describe, expect, it } from 'vitest';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { RecordingMessenger, cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DO, DOCUMENT_URL, EVIDENCE_URL, PEOPLE } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * Recommendations, actions and costs through the bot's card actions (issue 17), against Azurite:
 * each click on a card of this area reaches its command, the owner is asked in Teams, and a click
 * by someone who may not act is refused without a word about the case.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

async function reviewUnderWay() {
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
  const messenger = new RecordingMessenger();
  const s = await testServices({ prefix: uniquePrefix(), clock, messenger });
  const at = (iso: string) => new Date(iso);
  await s.cases.execute(CASE_REF, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, at('2026-06-01T09:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:00:00.000Z'));
  for (const p of [PEOPLE.police, PEOPLE.health]) await s.cases.execute(CASE_REF, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-06-01T11:00:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-9' }, at('2026-06-02T09:30:00.000Z'));
  await s.cases.execute(CASE_REF, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: ['gp'] }, at('2026-06-03T09:00:00.000Z'));
  return { s, clock, messenger };
}

/**
 * The meeting (no LCSPR recommended), the partners' agreement with that, the chair's approval and the sending:
 * the rapid review is complete, so it can be concluded once its actions are closed (002 Section B).
 */
async function completeRapidReview(s: Awaited<ReturnType<typeof reviewUnderWay>>['s']) {
  const [meeting] = DO.meetingRecorded(false)[0]!;
  const steps: [CaseCommand, string][] = [
    [meeting, '2026-06-16T11:00:00.000Z'],
    ...[PEOPLE.director, PEOPLE.police, PEOPLE.health].map((p): [CaseCommand, string] => [{ type: 'ReplyOnLcspr', actor: as(p), reply: 'agree' }, '2026-06-16T12:00:00.000Z']),
    [{ type: 'ApproveRapidReview', actor: as(PEOPLE.chair) }, '2026-06-16T12:30:00.000Z'],
    [{ type: 'RecordRapidReviewSent', actor: as(PEOPLE.business), sentAt: '2026-06-16T13:00:00.000Z', dfeSentAt: '2026-06-16T13:00:00.000Z' }, '2026-06-16T13:30:00.000Z'],
  ];
  for (const [command, when] of steps) {
    const outcome = await s.cases.execute(CASE_REF, command, new Date(when));
    expect(outcome.decision.ok ? 'ok' : outcome.decision.refusal).toBe('ok');
  }
}

describe('recommendations and actions by card (Azurite)', () => {
  it('each click reaches its command: recommend, agree, move, completion, impact, the executive told', async () => {
    const { s, clock, messenger } = await reviewUnderWay();
    const click = async (who: Person, verb: string, data: Record<string, string>) => cardText((await s.interactions.cardAction({ verb, data: { caseRef: CASE_REF, ...data } }, as(who))).card);
    await completeRapidReview(s);

    clock.set('2026-06-17T09:00:00.000Z');
    expect(await click(PEOPLE.chair, 'action.recommend', { review: 'rapidReview', text: 'Chronologies are shared at the first strategy discussion.', expectedImpact: 'Every strategy discussion sees them.' })).toContain('Recorded recommendation R1 of the rapid review.');
    expect(await click(PEOPLE.business, 'action.agree', { recommendation: 'R1', owner: 'agency:gp', dueDate: '2026-08-31', done: 'The template is in the practice policy.' })).toContain('Monday 31 August 2026 is a bank holiday.');
    expect(await click(PEOPLE.business, 'action.agree', { recommendation: 'R1', owner: 'agency:gp', dueDate: '2026-07-31', done: 'The template is in the practice policy.' })).toContain('Agreed action A1 for GP practice, due by 17:00 on Friday 31 July.');
    await s.effects.idle();
    // The owner is asked in Teams: its contact and deputy each get the action's card.
    expect(messenger.sent.filter((m) => cardText(m.card).includes('Action **A1** for **GP practice**')).map((m) => m.to).sort()).toEqual([PEOPLE.gpContact.aadObjectId, PEOPLE.gpDeputy.aadObjectId].sort());
    expect(await click(PEOPLE.business, 'action.move', { action: 'A1', newDueDate: '2026-08-14', reason: 'The practice board meets on 12 August.' })).toContain('Moved: A1 is now due by 17:00 on Friday 14 August.');

    // The escalation contact may not give the evidence, and learns nothing of the case from trying.
    expect(await click(PEOPLE.gpEscalation, 'action.complete', { action: 'A1', documentUrl: EVIDENCE_URL('a1') })).not.toContain(CASE_REF);
    clock.set('2026-08-10T10:00:00.000Z');
    expect(await click(PEOPLE.gpDeputy, 'action.complete', { action: 'A1', documentUrl: EVIDENCE_URL('a1') })).toContain('Recorded: evidence that A1 is completed.');
    expect(await click(PEOPLE.business, 'review.executiveTold', { concludedReview: 'rapidReview', toldDate: '2026-08-10', toldTime: '10:00' })).toContain('The review cannot be concluded while actions are open: A1 (awaiting evidence of impact).');
    clock.set('2026-09-10T10:00:00.000Z');
    expect(await click(PEOPLE.gpContact, 'action.impact', { action: 'A1', documentUrl: EVIDENCE_URL('a1-impact'), impact: 'Eleven of twelve strategy discussions saw the chronologies.' })).toContain('the action is closed');
    const concluded = await click(PEOPLE.business, 'review.executiveTold', { concludedReview: 'rapidReview', toldDate: '2026-09-10', toldTime: '11:00' });
    expect(concluded).toContain('the rapid review is formally concluded');

    const { state } = await s.store.load(CASE_REF);
    expect(state!.actions!.concluded.rapidReview).toMatchObject({ executiveToldAt: '2026-09-10T10:00:00.000Z' });
    expect(state!.actions!.actions.A1).toMatchObject({ dueDate: '2026-08-14', completion: { by: { role: 'GP practice deputy' } }, impact: { by: { role: 'GP practice contact' } } });
  }, 60_000);

  it('costs by card: an LCSPR not yet decided refused, option 2 refused in words for two partners only, malformed shares refused, option 1 recorded', async () => {
    const { s } = await reviewUnderWay();
    const click = async (data: Record<string, string>) => cardText((await s.interactions.cardAction({ verb: 'costs.record', data: { caseRef: CASE_REF, review: 'rapidReview', ...data } }, as(PEOPLE.business))).card);
    // Only a review the case has is costed: this one has a rapid review and no local review yet.
    expect(await click({ review: 'lcspr', estimate: '18000', model: 'option1', shares: 'localAuthority:100' })).toContain("There is no local child safeguarding practice review (LCSPR) on RR-2026-014. Record the partners' decision to hold one on the local review card first.");
    expect(await click({ estimate: '18000', model: 'option2', shares: 'localAuthority:80, police:20' })).toContain('all three statutory partners must contribute');
    expect(await click({ estimate: '18000', model: 'option2', shares: 'half each' })).toContain('Give the shares as payer:percent separated by commas');
    expect(await click({ estimate: 'a lot', model: 'option1', shares: 'localAuthority:100' })).toContain('Give the estimated cost of the review in pounds');
    expect(await click({ estimate: '£18,000', model: 'option1', shares: 'localAuthority:60, gp:40' })).toContain('Recorded the costs of the rapid review: an estimate of £18,000');
    const { state } = await s.store.load(CASE_REF);
    expect(state!.costs!.lcspr).toBeUndefined();
    expect(state!.costs!.rapidReview).toMatchObject({ estimate: 18_000, model: 'option1', shares: [{ payer: 'localAuthority', percent: 60 }, { payer: 'gp', percent: 40 }] });
  }, 60_000);
});
