import { SHOWABLE_CARD_KINDS, VERB_DATA_SCHEMAS, type Verb } from '../../../cards/verbs.js';
import { DOCUMENT_URL } from '../../support/sampleConfig.js';

/**
 * A click on every verb the cards offer, with data that passes the verb's own schema, so what
 * answers it is the product's decision about who may do what (not a schema refusal). `case.show`
 * is tried for every card kind it can show. A new verb fails to compile until it is added here.
 */
const SAMPLE_DATA: Record<Verb, (caseRef: string) => Record<string, unknown>[]> = {
  // About no case; the last day before the first, so the probe is refused after the route's own check and records nothing.
  'absence.record': () => [{ first: '2026-05-15', last: '2026-05-11' }],
  'referral.submit': (caseRef) => [{ caseRef: `${caseRef}9`, referringAgency: 'Education', awareDate: '2026-05-05', awareTime: '09:00', harm: 'death', location: 'inArea', lookedAfter: 'false', abuseOrNeglect: 'suspected', documentUrl: DOCUMENT_URL }],
  'initialView.submit': (caseRef) => [{ caseRef, view: 'doNotNotify', rationale: 'Probe.' }],
  'partner.agree': (caseRef) => [{ caseRef, comment: 'Probe.' }],
  'partner.disagree': (caseRef) => [{ caseRef, rationale: 'Probe.' }],
  'panel.confirm': (caseRef) => [{ caseRef, sentDate: '2026-05-05', sentTime: '15:00', panelReference: 'PANEL-1' }],
  'nextStep.submit': (caseRef) => [{ caseRef, step: 'noFurtherAction', rationale: 'Probe.' }],
  'meeting.arrange': (caseRef) => [{ caseRef, stage: '1', date: '2026-05-07', time: '10:00', joinUrl: 'https://teams.microsoft.com/l/meetup-join/probe' }],
  'dispute.outcome': (caseRef) => [{ caseRef, outcome: 'agreedDoNotNotify', rationale: 'Probe.' }],
  'decision.final': (caseRef) => [{ caseRef, decision: 'doNotNotify', rationale: 'Probe.', scrutineerAttended: 'false' }],
  'decision.reopen': (caseRef) => [{ caseRef, reason: 'Probe.' }],
  'review.setup': (caseRef) => [{ caseRef, meetingDate: '2026-05-12', meetingTime: '10:00', agencies: 'education,gp' }],
  'scoping.return': (caseRef) => [{ caseRef, agency: 'education', documentUrl: DOCUMENT_URL }],
  'scoping.noInvolvement': (caseRef) => [{ caseRef, agency: 'education' }],
  'scoping.extension': (caseRef) => [{ caseRef, agency: 'education', reason: 'Probe.', proposedDate: '2026-05-20' }],
  'extension.decide': (caseRef) => [{ caseRef, agency: 'education', decision: 'agree' }],
  'review.attendance': (caseRef) => [{ caseRef, attending: 'yes' }],
  'review.outcome': (caseRef) => [{ caseRef, attended: 'localAuthority,police,health', lcsprRecommended: 'no', rationale: 'Probe.' }],
  'case.history': (caseRef) => [{ caseRef }],
  'case.show': (caseRef) => SHOWABLE_CARD_KINDS.map((card) => ({ caseRef, card })),
  'case.export': (caseRef) => [{ caseRef }],
  'statutory.record': (caseRef) => [{ caseRef, sentDate: '2026-05-05', sentTime: '15:00' }],
  'noReview.record': (caseRef) => [{ caseRef, partnersAgreed: 'true', scrutineerOversight: 'true', rationale: 'Probe.' }],
  'noReview.panelTold': (caseRef) => [{ caseRef, sentDate: '2026-05-05', sentTime: '15:00' }],
  'lcspr.agree': (caseRef) => [{ caseRef, comment: 'Probe.' }],
  'lcspr.disagree': (caseRef) => [{ caseRef, rationale: 'Probe.' }],
  'lcspr.decide': (caseRef) => [{ caseRef, lcspr: 'no', rationale: 'Probe.' }],
  'review.approve': (caseRef) => [{ caseRef }],
  'review.sent': (caseRef) => [{ caseRef, sentDate: '2026-05-05', sentTime: '15:00', dfeDate: '2026-05-05', dfeTime: '15:00' }],
  'initialView.concur': (caseRef) => [{ caseRef }],
  'action.recommend': (caseRef) => [{ caseRef, review: 'rapidReview', text: 'Probe.', expectedImpact: 'Probe.' }],
  'action.agree': (caseRef) => [{ caseRef, recommendation: 'R1', owner: 'agency:education', dueDate: '2026-06-30', done: 'Probe.' }],
  'action.complete': (caseRef) => [{ caseRef, action: 'A1', documentUrl: DOCUMENT_URL }],
  'action.impact': (caseRef) => [{ caseRef, action: 'A1', documentUrl: DOCUMENT_URL, impact: 'Probe.' }],
  'action.move': (caseRef) => [{ caseRef, action: 'A1', newDueDate: '2026-06-30', reason: 'Probe.' }],
  'review.executiveTold': (caseRef) => [{ caseRef, concludedReview: 'rapidReview', toldDate: '2026-05-05', toldTime: '15:00' }],
  'costs.record': (caseRef) => [{ caseRef, review: 'lcspr', estimate: '12000', model: 'option2', shares: 'localAuthority:50,police:50' }],
  'localReview.open': (caseRef) => [{ caseRef, decidedDate: '2026-05-05', decidedTime: '15:00', rationale: 'Probe.' }],
  'localReview.lead': (caseRef) => [{ caseRef, leadPartnership: 'Probe Partnership', weLead: 'true', involved: '' }],
  'localReview.told': (caseRef) => [{ caseRef, about: 'decision', toldDate: '2026-05-05', toldTime: '15:00' }],
  'localReview.commission': (caseRef) => [
    { caseRef, reviewer: 'Probe Reviewer', reviewerKind: 'external', independence: 'Probe.', conflicts: 'Probe.', methodology: 'systemsMethodology', termsOfReferenceUrl: DOCUMENT_URL, familyPlanned: 'true', practitionersPlanned: 'true' },
  ],
  'localReview.plan': (caseRef) => [{ caseRef, planMilestone: 'earlyDraft', planDate: '2026-09-30' }],
  'localReview.done': (caseRef) => [{ caseRef, doneMilestone: 'executiveApproval', doneDate: '2026-05-05', publish: 'yes' }],
  'localReview.publication': (caseRef) => [{ caseRef, publicationDate: '2026-11-30' }],
  'localReview.copySent': (caseRef) => [{ caseRef, copyDate: '2026-05-05', copyTime: '15:00' }],
  'localReview.justify': (caseRef) => [{ caseRef, justifies: 'delay', justification: 'Probe.', justifiedDate: '2026-05-05', justifiedTime: '15:00' }],
  'localReview.published': (caseRef) => [{ caseRef, publishedDate: '2026-05-05', url: 'https://www.example.org/probe.pdf' }],
  // Issue 17: the local learning event and review-group disputes.
  'learningEvent.decision': (caseRef) => [{ caseRef, decidedOn: '2026-05-05', rationale: 'Probe.' }],
  'learningEvent.setUp': (caseRef) => [{ caseRef, methods: 'desktop', leads: 'partner:police,agency:gp' }],
  'learningEvent.report': (caseRef) => [{ caseRef, documentUrl: DOCUMENT_URL }],
  'learningEvent.approve': (caseRef) => [{ caseRef, approvedOn: '2026-05-05' }],
  'learningEvent.disseminate': (caseRef) => [{ caseRef, disseminatedOn: '2026-05-05', how: 'Probe.' }],
  'reviewGroupDispute.open': (caseRef) => [{ caseRef, about: 'reviewGroupDiscussion', reason: 'Probe.' }],
  'reviewGroupDispute.outcome': (caseRef) => [{ caseRef, outcome: 'notResolved', rationale: 'Probe.' }],
  'reviewGroupDispute.decide': (caseRef) => [{ caseRef, criteriaMet: 'no', rationale: 'Probe.' }],
};

export type VerbProbe = { verb: Verb; data: Record<string, unknown> };

/** Every verb's probes for one case; each one's data is checked against the verb's schema first. */
export function verbProbes(caseRef: string): VerbProbe[] {
  return (Object.keys(SAMPLE_DATA) as Verb[]).flatMap((verb) =>
    SAMPLE_DATA[verb](caseRef).map((data) => {
      VERB_DATA_SCHEMAS[verb].parse(data);
      return { verb, data };
    }),
  );
}
