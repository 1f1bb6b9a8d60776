import type { CaseCommand } from '../../workflow/commands.js';
import { route, type CardRoute } from './route.js';

/** The local learning event (002 Section C) and review-group disputes (002 8.2), issue 17. */

const list = (text: string): string[] => text.split(',').map((v) => v.trim()).filter(Boolean);

export const LEARNING_EVENT_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'learningEvent.decision',
    answer: () => ({ kind: 'learningEvent' }),
    toCommand: (d, actor) => ({ type: 'RecordLearningEventDecision', actor, decidedOn: d.decidedOn, rationale: d.rationale }),
  }),
  route({
    verb: 'learningEvent.setUp',
    answer: () => ({ kind: 'learningEvent' }),
    toCommand: (d, actor) => ({ type: 'SetUpLearningEvent', actor, methods: list(d.methods), leads: list(d.leads), ...(d.termsOfReferenceUrl ? { termsOfReferenceUrl: d.termsOfReferenceUrl } : {}) }),
  }),
  route({
    verb: 'learningEvent.report',
    answer: () => ({ kind: 'learningEvent' }),
    toCommand: (d, actor) => ({ type: 'RecordLearningEventReport', actor, documentUrl: d.documentUrl }),
  }),
  route({
    verb: 'learningEvent.approve',
    answer: () => ({ kind: 'learningEvent' }),
    toCommand: (d, actor) => ({ type: 'RecordLearningEventApproval', actor, approvedOn: d.approvedOn }),
  }),
  route({
    verb: 'learningEvent.disseminate',
    answer: () => ({ kind: 'learningEvent' }),
    toCommand: (d, actor) => ({ type: 'RecordLearningEventDissemination', actor, disseminatedOn: d.disseminatedOn, how: d.how }),
  }),
  route({
    verb: 'reviewGroupDispute.open',
    answer: () => ({ kind: 'reviewGroupDispute' }),
    toCommand: (d, actor) => ({ type: 'OpenReviewGroupDispute', actor, about: d.about, reason: d.reason }),
  }),
  route({
    verb: 'reviewGroupDispute.outcome',
    answer: () => ({ kind: 'reviewGroupDispute' }),
    toCommand: (d, actor): CaseCommand =>
      d.outcome === 'notResolved'
        ? { type: 'RecordReviewGroupDisputeOutcome', actor, outcome: 'notResolved', rationale: d.rationale }
        : { type: 'RecordReviewGroupDisputeOutcome', actor, outcome: 'agreed', criteriaMet: d.outcome === 'agreedMet', rationale: d.rationale },
  }),
  route({
    verb: 'reviewGroupDispute.decide',
    answer: () => ({ kind: 'reviewGroupDispute' }),
    toCommand: (d, actor) => ({ type: 'DecideReviewGroupDispute', actor, criteriaMet: d.criteriaMet === 'yes', rationale: d.rationale }),
  }),
];
