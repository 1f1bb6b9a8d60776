import type { Services } from '../../functions/compositionRoot.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { DOCUMENT_URL, PEOPLE } from './sampleConfig.js';

/**
 * Cases for the monitoring tab's review and action views (issue 17), made by running commands
 * through the app's case service on Azurite, as people would by card:
 *  - RR-2026-301: not notified, sent to the review group on Wednesday 10 June 2026; a local learning
 *    event decided that day (report due by 17:00 on Saturday 10 October), its method and leads
 *    agreed; one recommendation with two actions: the GP practice's due Friday 31 July, the
 *    police's due Tuesday 30 June (overdue from 17:00 that day).
 *  - RR-2026-302: only logged: no review, no action.
 *  - RR-2026-303: not notified, discussed by the review group, which decided on Friday 12 June 2026
 *    to hold a local review (LCSPR): publication by the end of Saturday 12 December; the early draft
 *    planned for Friday 26 June; publication planned for Tuesday 1 December, so the full report is
 *    due to the Panel and the Secretary of State by 17:00 on Friday 20 November.
 */

export const LEARNING_CASE = 'RR-2026-301';
export const PLAIN_CASE = 'RR-2026-302';
export const LCSPR_CASE = 'RR-2026-303';
/** Typed words that must never reach anyone who may not see the views. */
export const SENTINELS = { recommendation: 'Sentinel QZV301RECOMMEND: chronologies are shared.', done: 'Sentinel QZV301DONE: the template is in the practice policy.' };

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

/** Logged, the view not to notify agreed, and sent to the review group on Wednesday 10 June. */
function notNotifiedToTheReviewGroup(caseRef: string): [string, CaseCommand, string][] {
  return [
    [caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, '2026-06-01T09:00:00.000Z'],
    [caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Threshold not met.' }, '2026-06-01T10:00:00.000Z'],
    [caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, '2026-06-01T10:05:00.000Z'],
    [caseRef, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed.' }, '2026-06-01T11:00:00.000Z'],
    [caseRef, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed.' }, '2026-06-01T11:00:00.000Z'],
    [caseRef, { type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'reviewGroupWithScoping', rationale: 'To the review group.' }, '2026-06-10T12:00:00.000Z'],
  ];
}

export async function createReviewCases(s: Services): Promise<void> {
  const steps: [string, CaseCommand, string][] = [
    ...notNotifiedToTheReviewGroup(LEARNING_CASE),
    [LEARNING_CASE, { type: 'RecordLearningEventDecision', actor: as(PEOPLE.business), decidedOn: '2026-06-10', rationale: 'New learning on information sharing.' }, '2026-06-11T10:00:00.000Z'],
    [LEARNING_CASE, { type: 'SetUpLearningEvent', actor: as(PEOPLE.chair), methods: ['desktop'], leads: ['partner:police'] }, '2026-06-12T10:00:00.000Z'],
    [LEARNING_CASE, { type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind: 'learningEvent' }, text: SENTINELS.recommendation, expectedImpact: 'Chronologies seen at every strategy discussion.' }, '2026-06-15T10:00:00.000Z'],
    [LEARNING_CASE, { type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'agency', agency: 'gp' }, dueDate: '2026-07-31', done: SENTINELS.done }, '2026-06-15T10:05:00.000Z'],
    [LEARNING_CASE, { type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'partner', partner: 'police' }, dueDate: '2026-06-30', done: 'The guidance is reissued.' }, '2026-06-15T10:10:00.000Z'],
    [PLAIN_CASE, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: PLAIN_CASE, referringAgency: 'Police', awareAt: '2026-06-20T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, '2026-06-22T09:00:00.000Z'],
    ...notNotifiedToTheReviewGroup(LCSPR_CASE),
    [LCSPR_CASE, { type: 'OpenLocalReview', actor: as(PEOPLE.business), decidedAt: '2026-06-12T09:00:00.000Z', rationale: 'The review group found learning across agencies.' }, '2026-06-12T10:00:00.000Z'],
    [LCSPR_CASE, { type: 'PlanLocalReviewMilestone', actor: as(PEOPLE.business), milestone: 'earlyDraft', plannedDate: '2026-06-26' }, '2026-06-12T10:10:00.000Z'],
    [LCSPR_CASE, { type: 'PlanLocalReviewPublication', actor: as(PEOPLE.business), plannedDate: '2026-12-01' }, '2026-06-12T10:20:00.000Z'],
  ];
  for (const [caseRef, command, at] of steps) {
    const outcome = await s.cases.execute(caseRef, command, new Date(at));
    if (!outcome.decision.ok) throw new Error(`${caseRef} ${command.type} refused: ${outcome.decision.refusal}`);
  }
  await s.effects.idle();
}
