import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWABLE_CARD_KINDS, VERBS } from '../../cards/verbs.js';
import type { Services } from '../../functions/compositionRoot.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { Person } from '../../workflow/partnership.js';
import { cardText } from '../support/recordingMessenger.js';
import { DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';
import { count } from './support/tally.js';

/**
 * Every role x every verb x every showable card, on real cases at several stages, through the real
 * interactions and CaseService on Azurite (issue 12). Every rationale, reason and comment carries
 * a sentinel no card text could contain by chance. Who may not see a case must get no sentinel,
 * no reference, and exactly the answer given for a reference that does not exist; an agency's
 * people see only their own agency's scoping request, on a case whose review asked it; the
 * partnership's own people still see every card and the whole history.
 */

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const STRANGER: Person = { aadObjectId: 'aad-nobody', displayName: 'Nobody Known', email: 'nobody@example.org' };

/** Who is probing, and what the issue says each may see: every case, one agency's part, or nothing. */
type Reach = { kind: 'partnership'; businessUnit: boolean } | { kind: 'agency'; agency: string } | { kind: 'nothing' };
const ROLES: { name: string; person: Person; reach: Reach }[] = [
  { name: 'business unit', person: PEOPLE.business, reach: { kind: 'partnership', businessUnit: true } },
  { name: 'review group chair', person: PEOPLE.chair, reach: { kind: 'partnership', businessUnit: false } },
  { name: 'partnership chair', person: PEOPLE.partnershipChair, reach: { kind: 'partnership', businessUnit: false } },
  { name: "children's services director", person: PEOPLE.director, reach: { kind: 'partnership', businessUnit: false } },
  { name: 'partner representative', person: PEOPLE.police, reach: { kind: 'partnership', businessUnit: false } },
  { name: 'partner deputy', person: PEOPLE.healthDeputy, reach: { kind: 'partnership', businessUnit: false } },
  { name: 'independent scrutineer', person: PEOPLE.scrutineer, reach: { kind: 'partnership', businessUnit: false } },
  { name: 'strategic partnership manager', person: PEOPLE.manager, reach: { kind: 'partnership', businessUnit: false } },
  { name: 'agency contact (asked)', person: PEOPLE.gpContact, reach: { kind: 'agency', agency: 'gp' } },
  { name: 'agency deputy (asked)', person: PEOPLE.gpDeputy, reach: { kind: 'agency', agency: 'gp' } },
  { name: 'agency contact (never asked)', person: PEOPLE.probationContact, reach: { kind: 'agency', agency: 'probation' } },
  { name: 'agency escalation contact', person: PEOPLE.gpEscalation, reach: { kind: 'nothing' } },
  { name: 'someone off the roster', person: STRANGER, reach: { kind: 'nothing' } },
];

/** The verbs an agency's people act on from their scoping request (extension.decide is the business unit's, on its own card). */
const SCOPING_VERBS = ['scoping.return', 'scoping.noInvolvement', 'scoping.extension'] as const;
const PROBE_AGENCIES = ['gp', 'education', 'probation'];
/** Over the procedure's 2,000: every free-text command is refused after its role check, so probing records nothing by mistake. */
const LONG = 'l'.repeat(2_001);

/** The verbs an action's owner answers on its action card (issue 17). */
const OWNER_VERBS = ['action.complete', 'action.impact'] as const;

type Probe = { label: string; verb: string; agency?: string; action?: string; send: (s: Services, actor: CommandActor) => Promise<unknown> };

function probesFor(caseRef: string): Probe[] {
  const click = (verb: string, data: Record<string, string>, label = verb, agency?: string): Probe => ({
    label,
    verb,
    ...(agency ? { agency } : {}),
    send: async (s, actor) => (await s.interactions.cardAction({ verb, data: { caseRef, ...data } }, actor)).card,
  });
  const byVerb: Record<string, Probe[]> = {
    'referral.submit': [click('referral.submit', { referringAgency: 'Police', awareDate: '2026-06-10', awareTime: '09:00', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: '' })],
    'initialView.submit': [click('initialView.submit', { view: 'notify', rationale: LONG })],
    'partner.agree': [click('partner.agree', { comment: LONG, asOf: '0' })],
    'partner.disagree': [click('partner.disagree', { rationale: LONG })],
    'panel.confirm': [click('panel.confirm', { sentDate: '2027-01-04', sentTime: '10:00', panelReference: 'P-1' })],
    'nextStep.submit': [click('nextStep.submit', { step: 'noFurtherAction', rationale: LONG })],
    'meeting.arrange': [click('meeting.arrange', { stage: '1', date: '2026-01-05', time: '10:00' })],
    'dispute.outcome': [click('dispute.outcome', { outcome: 'notResolved', rationale: LONG })],
    'decision.final': [click('decision.final', { decision: 'notify', rationale: LONG, scrutineerAttended: 'true' })],
    'decision.reopen': [click('decision.reopen', { reason: LONG })],
    'review.setup': [click('review.setup', { meetingDate: '2026-01-05', meetingTime: '10:00', agencies: 'gp' })],
    'scoping.return': PROBE_AGENCIES.map((agency) => click('scoping.return', { agency, documentUrl: '' }, `scoping.return ${agency}`, agency)),
    'scoping.noInvolvement': PROBE_AGENCIES.map((agency) => click('scoping.noInvolvement', { agency }, `scoping.noInvolvement ${agency}`, agency)),
    'scoping.extension': PROBE_AGENCIES.map((agency) => click('scoping.extension', { agency, reason: '', proposedDate: '2026-06-30' }, `scoping.extension ${agency}`, agency)),
    'extension.decide': PROBE_AGENCIES.map((agency) => click('extension.decide', { agency, decision: 'decline' }, `extension.decide ${agency}`, agency)),
    'review.attendance': [click('review.attendance', { attending: 'yes' })],
    'review.outcome': [click('review.outcome', { attended: 'localAuthority,police,health', lcsprRecommended: 'no', rationale: LONG })],
    'lcspr.agree': [click('lcspr.agree', { comment: LONG })],
    'lcspr.disagree': [click('lcspr.disagree', { rationale: LONG })],
    'lcspr.decide': [click('lcspr.decide', { lcspr: 'no', rationale: LONG })],
    // Refused by the procedure for every role: nothing is decided yet on any fixture case.
    'review.approve': [click('review.approve', {})],
    'review.sent': [click('review.sent', { sentDate: '2026-06-15', sentTime: '10:00', dfeDate: '2026-06-15', dfeTime: '10:00' })],
    'case.history': [
      click('case.history', {}),
      { label: 'typed "history"', verb: 'case.history', send: async (s, actor) => (await s.interactions.textCommand(`history ${caseRef}`, actor)).card },
    ],
    'case.show': SHOWABLE_CARD_KINDS.map((card) => click('case.show', { card }, `case.show ${card}`)),
    'case.export': [click('case.export', {})],
    // None of the fixture cases is a death, so no notification is due: a permitted click records nothing either.
    'statutory.record': [click('statutory.record', { sentDate: '2026-06-10', sentTime: '10:00' })],
    // Refused after the role check (the attestations are missing), so probing records nothing.
    'noReview.record': [click('noReview.record', { partnersAgreed: 'false', scrutineerOversight: 'false', rationale: LONG })],
    'noReview.panelTold': [click('noReview.panelTold', { sentDate: '2026-06-10', sentTime: '10:00' })],
    // Every fixture's view is already given, so a concurrence is refused and records nothing.
    'initialView.concur': [click('initialView.concur', {})],
    // Recommendations and actions, costs (issue 17): each refused after its role check (text too long, no link, no estimate, actions open).
    'action.recommend': [click('action.recommend', { review: 'rapidReview', text: LONG, expectedImpact: LONG })],
    'action.agree': [click('action.agree', { recommendation: 'R1', owner: 'agency:gp', dueDate: '2026-07-31', done: LONG })],
    'action.complete': ['A1', 'A2'].map((action) => ({ ...click('action.complete', { action, documentUrl: '' }, `action.complete ${action}`), action })),
    'action.impact': ['A1', 'A2'].map((action) => ({ ...click('action.impact', { action, documentUrl: '', impact: LONG }, `action.impact ${action}`), action })),
    'action.move': [click('action.move', { action: 'A1', newDueDate: '2026-06-30', reason: LONG })],
    'review.executiveTold': [click('review.executiveTold', { concludedReview: 'rapidReview', toldDate: '2026-06-15', toldTime: '10:00' })],
    'costs.record': [click('costs.record', { review: 'lcspr', estimate: '0', model: 'option2', shares: 'localAuthority:100' })],
    // The local review (issue 17). Each is refused after the role check for the business unit too (a long text,
    // an empty name, a date before the decision or in the future, a step not yet due), so probing records nothing.
    'localReview.open': [click('localReview.open', { decidedDate: '2026-06-12', decidedTime: '10:00', rationale: LONG })],
    'localReview.lead': [click('localReview.lead', { leadPartnership: '', weLead: 'true', involved: '' })],
    'localReview.told': [click('localReview.told', { about: 'decision', toldDate: '2027-01-05', toldTime: '10:00' })],
    'localReview.commission': [click('localReview.commission', { reviewer: 'Probe Reviewer', reviewerKind: 'external', independence: LONG, conflicts: LONG, methodology: 'systemsMethodology', termsOfReferenceUrl: DOCUMENT_URL, familyPlanned: 'true', practitionersPlanned: 'true' })],
    'localReview.plan': [click('localReview.plan', { planMilestone: 'earlyDraft', planDate: '2026-01-05' })],
    'localReview.done': [click('localReview.done', { doneMilestone: 'earlyDraft', doneDate: '2026-01-05' })],
    'localReview.publication': [click('localReview.publication', { publicationDate: '2026-01-05' })],
    'localReview.copySent': [click('localReview.copySent', { copyDate: '2026-06-12', copyTime: '10:00' })],
    'localReview.justify': [click('localReview.justify', { justifies: 'delay', justification: LONG, justifiedDate: '2026-06-12', justifiedTime: '10:00' })],
    'localReview.published': [click('localReview.published', { publishedDate: '2026-06-12', url: 'https://www.example.org/probe.pdf' })],
    // Issue 17. Refused after the role check (free text over the limit, or no learning event at that point), so probing records nothing.
    'learningEvent.decision': [click('learningEvent.decision', { decidedOn: '2026-06-10', rationale: LONG })],
    'learningEvent.setUp': [click('learningEvent.setUp', { methods: 'singleAgency', leads: 'partner:police' })],
    'learningEvent.report': [click('learningEvent.report', { documentUrl: '' })],
    'learningEvent.approve': [click('learningEvent.approve', { approvedOn: '2026-06-10' })],
    'learningEvent.disseminate': [click('learningEvent.disseminate', { disseminatedOn: '2026-06-10', how: LONG })],
    'reviewGroupDispute.open': [click('reviewGroupDispute.open', { about: 'reviewGroupDiscussion', reason: LONG })],
    'reviewGroupDispute.outcome': [click('reviewGroupDispute.outcome', { outcome: 'notResolved', rationale: LONG })],
    'reviewGroupDispute.decide': [click('reviewGroupDispute.decide', { criteriaMet: 'no', rationale: LONG })],
    // A person's own absence (issue 16) is about no case: refused here for its dates (the last before the first), so
    // probing records nothing; who may record whose absence is tested in test/app/awaySuggestions.integration.test.ts.
    'absence.record': [click('absence.record', { first: '2026-05-15', last: '2026-05-11' })],
  };
  // Every verb is probed: a verb added later without a probe fails here.
  expect(Object.keys(byVerb).sort()).toEqual([...VERBS].sort());
  return VERBS.flatMap((verb) => byVerb[verb]!);
}

/** What the issue says the role may see in answer to this probe. */
function maySeeAnswer(reach: Reach, probe: Probe, f: Pick<Fixture, 'asked' | 'actionOwners'>): boolean {
  const { asked } = f;
  if (reach.kind === 'nothing') return false;
  // About no case: the answer is the same whatever reference is probed, and shows none.
  if (probe.verb === 'absence.record') return false;
  // Issue 17: an agency's people answer on their own action's card, and on nothing else of the case.
  if (reach.kind === 'agency' && (OWNER_VERBS as readonly string[]).includes(probe.verb)) return probe.action !== undefined && f.actionOwners[probe.action] === reach.agency;
  if (reach.kind === 'agency') return probe.agency === reach.agency && asked.includes(reach.agency) && (SCOPING_VERBS as readonly string[]).includes(probe.verb);
  // Logging a referral and exporting are the business unit's; the form echoes the reference typed.
  if (probe.verb === 'case.export' || probe.verb === 'referral.submit') return reach.businessUnit;
  return true;
}

/** `actionOwners`: the agency owning each action on the case (issue 17). */
type Fixture = { caseRef: string; asked: string[]; sentinels: string[]; agencySentinels: Record<string, string>; names: string[]; actionOwners: Record<string, string> };
const MISSING = 'RR-2026-999';

async function buildCases(s: Services): Promise<Fixture[]> {
  const at = (iso: string) => new Date(iso);
  const referral = (caseRef: string, when: string) =>
    s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: true, documentUrl: DOCUMENT_URL } }, at(when));
  const ok = async (p: ReturnType<typeof s.cases.execute>) => {
    const outcome = await p;
    if (!outcome.decision.ok) throw new Error(`fixture step refused: ${outcome.decision.refusal}`);
  };
  const fixtures: Fixture[] = [];

  // 1. The initial view given, partners not yet replied.
  await ok(referral('RR-2026-101', '2026-06-01T09:00:00.000Z'));
  await ok(s.cases.execute('RR-2026-101', { type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Sentinel QZV101VIEW: criteria met.' }, at('2026-06-01T10:00:00.000Z')));
  // The view is the chair's and the director's together (002 Section B step 3).
  await ok(s.cases.execute('RR-2026-101', { type: 'ConcurInitialView', actor: as(PEOPLE.director) }, at('2026-06-01T10:05:00.000Z')));
  fixtures.push({ caseRef: 'RR-2026-101', asked: [], sentinels: ['QZV101VIEW'], agencySentinels: {}, names: [PEOPLE.chair.displayName], actionOwners: {} });

  // 2. Partners replied with rationales and disagree: a dispute.
  await ok(referral('RR-2026-102', '2026-06-01T09:00:00.000Z'));
  await ok(s.cases.execute('RR-2026-102', { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Sentinel QZV102VIEW: threshold not met.' }, at('2026-06-01T10:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-102', { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:05:00.000Z')));
  await ok(s.cases.execute('RR-2026-102', { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'disagree', rationale: 'Sentinel QZV102POLICE: we read it differently.' }, at('2026-06-01T11:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-102', { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Sentinel QZV102HEALTH: agreed with reservations.' }, at('2026-06-01T11:30:00.000Z')));
  fixtures.push({ caseRef: 'RR-2026-102', asked: [], sentinels: ['QZV102VIEW', 'QZV102POLICE', 'QZV102HEALTH'], agencySentinels: {}, names: [PEOPLE.director.displayName, PEOPLE.police.displayName, PEOPLE.health.displayName], actionOwners: {} });

  // 3 and 4. Notified, rapid review set up with agencies (and their requests for more time); 4 goes on to its outcome.
  for (const [caseRef, agencies] of [['RR-2026-103', ['education', 'gp']], ['RR-2026-104', ['education']]] as const) {
    const n = caseRef.slice(-3);
    await ok(referral(caseRef, '2026-06-01T09:00:00.000Z'));
    await ok(s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: `Sentinel QZV${n}VIEW: serious harm.` }, at('2026-06-01T10:00:00.000Z')));
    await ok(s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:05:00.000Z')));
    await ok(s.cases.execute(caseRef, { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: `Sentinel QZV${n}POLICE: agreed.` }, at('2026-06-01T11:00:00.000Z')));
    await ok(s.cases.execute(caseRef, { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed: the criteria are met.' }, at('2026-06-01T11:00:00.000Z')));
    await ok(s.cases.execute(caseRef, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: `CSPRP-${n}` }, at('2026-06-02T09:30:00.000Z')));
    await ok(s.cases.execute(caseRef, { type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: '2026-06-16T09:00:00.000Z', agencies: [...agencies] }, at('2026-06-03T09:00:00.000Z')));
    const agencySentinels: Record<string, string> = {};
    for (const agency of agencies) {
      const contact = agency === 'gp' ? PEOPLE.gpContact : PEOPLE.educationContact;
      agencySentinels[agency] = `QZV${n}${agency.toUpperCase()}REASON`;
      await ok(s.cases.execute(caseRef, { type: 'RequestExtension', actor: as(contact), agency, reason: `Sentinel ${agencySentinels[agency]}: records in two systems.`, proposedDueAt: '2026-06-12T12:00:00.000Z' }, at('2026-06-04T09:00:00.000Z')));
    }
    const sentinels = [`QZV${n}VIEW`, `QZV${n}POLICE`];
    const actionOwners: Record<string, string> = {};
    if (caseRef === 'RR-2026-104') {
      await ok(s.cases.execute(caseRef, { type: 'RecordRapidReviewMeeting', actor: as(PEOPLE.chair), attended: ['localAuthority', 'police', 'health'], invitedAttended: [], lcsprRecommended: true, rationale: 'Sentinel QZV104OUTCOME: learning across agencies.', linesOfEnquiry: 'Information sharing.' }, at('2026-06-16T11:00:00.000Z')));
      sentinels.push('QZV104OUTCOME');
      // Issue 17: a recommendation with an action for the GP practice (A1) and one for the police (A2). The
      // recommendation is the GP practice's to read on its action card; the police's expected impact is nobody's outside the partnership.
      await ok(s.cases.execute(caseRef, { type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind: 'rapidReview' }, text: 'Sentinel QZV104RECOMMEND: chronologies shared.', expectedImpact: 'Chronologies seen at every strategy discussion.' }, at('2026-06-16T12:00:00.000Z')));
      await ok(s.cases.execute(caseRef, { type: 'RecordRecommendation', actor: as(PEOPLE.chair), review: { kind: 'rapidReview' }, text: 'Police referral guidance reissued.', expectedImpact: 'Sentinel QZV104POLICEIMPACT: referral rates match.' }, at('2026-06-16T12:05:00.000Z')));
      await ok(s.cases.execute(caseRef, { type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'agency', agency: 'gp' }, dueDate: '2026-07-31', done: 'The template is in the practice policy.' }, at('2026-06-16T13:00:00.000Z')));
      await ok(s.cases.execute(caseRef, { type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R2', owner: { kind: 'partner', partner: 'police' }, dueDate: '2026-07-31', done: 'The guidance is reissued.' }, at('2026-06-16T13:05:00.000Z')));
      agencySentinels.gp = 'QZV104RECOMMEND';
      sentinels.push('QZV104POLICEIMPACT');
      actionOwners.A1 = 'gp';
    }
    // The review-group members are asked whatever was chosen (002 Section B): they are asked on this case too.
    fixtures.push({ caseRef, asked: [...new Set([...agencies, ...sampleConfig.agencies.filter((a) => a.reviewGroup || a.partner).map((a) => a.id)])], sentinels, agencySentinels, names: [PEOPLE.director.displayName, PEOPLE.police.displayName, PEOPLE.laDeputy.displayName], actionOwners });
  }
  // 6. Issue 17: a case the review group discussed without a notification, then a local review (LCSPR) opened and
  // its reviewer commissioned: its cards (case.show of the localReview* kinds) and history carry the sentinels.
  await ok(referral('RR-2026-106', '2026-06-01T09:00:00.000Z'));
  await ok(s.cases.execute('RR-2026-106', { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Threshold for notification not met.' }, at('2026-06-01T10:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-106', { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:05:00.000Z')));
  await ok(s.cases.execute('RR-2026-106', { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed: not met.' }, at('2026-06-01T11:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-106', { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed: not met.' }, at('2026-06-01T11:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-106', { type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'reviewGroupWithScoping', rationale: 'The review group should look at the learning.' }, at('2026-06-01T12:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-106', { type: 'OpenLocalReview', actor: as(PEOPLE.business), decidedAt: '2026-06-10T10:00:00.000Z', rationale: 'Sentinel QZV106LCSPR: system learning across agencies.' }, at('2026-06-10T11:00:00.000Z')));
  await ok(
    s.cases.execute(
      'RR-2026-106',
      {
        type: 'CommissionLocalReviewer',
        actor: as(PEOPLE.business),
        reviewerName: 'Robin Reviewer',
        reviewerKind: 'external',
        independence: 'Sentinel QZV106INDEP: no agency work in five years.',
        conflicts: 'None declared.',
        methodology: ['systemsMethodology'],
        termsOfReferenceUrl: 'https://documents.example.org/sites/cases/RR-2026-106/terms-of-reference.docx',
        familyEngagementPlanned: true,
        practitionerEngagementPlanned: true,
      },
      at('2026-06-11T11:00:00.000Z'),
    ),
  );
  fixtures.push({ caseRef: 'RR-2026-106', asked: [], sentinels: ['QZV106LCSPR', 'QZV106INDEP'], agencySentinels: {}, names: [PEOPLE.director.displayName, 'Robin Reviewer'], actionOwners: {} });
  // 5. Not notified; the review group considered it: a local learning event and a review-group disagreement (issue 17).
  await ok(referral('RR-2026-105', '2026-06-01T09:00:00.000Z'));
  await ok(s.cases.execute('RR-2026-105', { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'doNotNotify', rationale: 'Sentinel QZV105VIEW: threshold not met.' }, at('2026-06-01T10:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-105', { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:05:00.000Z')));
  await ok(s.cases.execute('RR-2026-105', { type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'Agreed.' }, at('2026-06-01T11:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-105', { type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'Agreed.' }, at('2026-06-01T11:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-105', { type: 'ChooseNextStep', actor: as(PEOPLE.chair), step: 'reviewGroupWithScoping', rationale: 'To the review group.' }, at('2026-06-02T10:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-105', { type: 'RecordLearningEventDecision', actor: as(PEOPLE.business), decidedOn: '2026-06-09', rationale: 'Sentinel QZV105LEARNING: new learning on neglect.' }, at('2026-06-10T10:00:00.000Z')));
  await ok(s.cases.execute('RR-2026-105', { type: 'OpenReviewGroupDispute', actor: as(PEOPLE.police), about: 'reviewGroupDiscussion', reason: 'Sentinel QZV105DISPUTE: a second referral should be discussed.' }, at('2026-06-11T10:00:00.000Z')));
  fixtures.push({ caseRef: 'RR-2026-105', asked: [], sentinels: ['QZV105VIEW', 'QZV105LEARNING', 'QZV105DISPUTE'], agencySentinels: {}, names: [PEOPLE.director.displayName, PEOPLE.police.displayName, PEOPLE.business.displayName], actionOwners: {} });

  await s.effects.idle();
  return fixtures;
}

describe('what each role may see and do (issue 12): every role x every verb x every showable card', () => {
  let s: Services;
  let fixtures: Fixture[];
  beforeAll(async () => {
    const clock = new TestClock(new Date('2026-06-15T12:00:00.000Z'));
    s = await testServices({ prefix: uniquePrefix(), clock });
    fixtures = await buildCases(s);
  }, 60_000);
  afterAll(async () => {
    await s?.effects.idle();
  });

  it('nobody sees a case that is not theirs; an agency sees only its own scoping request; the partnership sees what it saw before', async () => {
    const leaks: string[] = [];
    let probesRun = 0;
    const leak = (what: string) => leaks.push(what);
    for (const role of ROLES) {
      const actor = as(role.person);
      const missingAnswers = new Map<string, string>();
      for (const probe of probesFor(MISSING)) missingAnswers.set(probe.label, JSON.stringify(await probe.send(s, actor)));
      probesRun += missingAnswers.size;
      // The cases are probed side by side: one role's probes on different cases do not interact.
      await Promise.all(
        fixtures.map(async (f) => {
          const others = fixtures.filter((o) => o !== f);
          for (const probe of probesFor(f.caseRef)) {
            const card = await probe.send(s, actor);
            probesRun++;
            const json = JSON.stringify(card);
            const text = cardText(card);
            const where = `${role.name} / ${probe.label} / ${f.caseRef}`;
            // Never another case's words, whoever asks.
            for (const o of others) for (const sentinel of [...o.sentinels, ...Object.values(o.agencySentinels)]) if (json.includes(sentinel)) leak(`${where}: another case's ${sentinel}`);
            if (!maySeeAnswer(role.reach, probe, f)) {
              if (json !== missingAnswers.get(probe.label)) leak(`${where}: answered differently from a reference that does not exist: ${text.slice(0, 160)}`);
              if (json.includes(f.caseRef)) leak(`${where}: names the case`);
              for (const sentinel of [...f.sentinels, ...Object.values(f.agencySentinels)]) if (json.includes(sentinel)) leak(`${where}: ${sentinel}`);
              for (const name of f.names) if (json.includes(name)) leak(`${where}: names ${name}`);
              continue;
            }
            if (!json.includes(f.caseRef)) leak(`${where}: a role that may see the case was refused: ${text.slice(0, 160)}`);
            if (role.reach.kind === 'agency') {
              const own = role.reach.agency;
              for (const sentinel of f.sentinels) if (json.includes(sentinel)) leak(`${where}: ${sentinel} shown to an agency`);
              for (const [agency, sentinel] of Object.entries(f.agencySentinels)) if (agency !== own && json.includes(sentinel)) leak(`${where}: ${agency}'s ${sentinel} shown to ${own}`);
              for (const name of f.names) if (json.includes(name)) leak(`${where}: names ${name} to an agency`);
              if (/case\.history|case\.show/.test(json)) leak(`${where}: offers an agency the history or another card`);
            }
            if (role.reach.kind === 'partnership' && probe.verb === 'case.history') {
              // The whole history, every rationale, as before.
              for (const sentinel of [...f.sentinels, ...Object.values(f.agencySentinels)]) if (!json.includes(sentinel)) leak(`${where}: the history lacks ${sentinel}`);
            }
          }
        }),
      );
    }
    count({ accessProbes: probesRun, accessLeaks: leaks.length });
    // 13 roles x 7 references x every probe: the table really ran.
    expect(probesRun).toBe(ROLES.length * (fixtures.length + 1) * probesFor(MISSING).length);
    expect(leaks).toEqual([]);
  }, 240_000);
});
