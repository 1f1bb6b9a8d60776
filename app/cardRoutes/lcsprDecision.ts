import { route, type CardRoute } from './route.js';

/** The partners' decision on a local child safeguarding practice review, after the rapid review. */
export const LCSPR_DECISION_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'lcspr.agree',
    answer: () => ({ kind: 'lcsprDecision' }),
    toCommand: (d, actor) => ({ type: 'ReplyOnLcspr', actor, reply: 'agree', ...(d.comment ? { rationale: d.comment } : {}) }),
  }),
  route({
    verb: 'lcspr.disagree',
    answer: () => ({ kind: 'lcsprDecision' }),
    toCommand: (d, actor) => ({ type: 'ReplyOnLcspr', actor, reply: 'disagree', rationale: d.rationale }),
  }),
  route({
    verb: 'lcspr.decide',
    answer: () => ({ kind: 'lcsprDispute' }),
    toCommand: (d, actor) => ({ type: 'DecideLcsprDispute', actor, lcspr: d.lcspr === 'yes', rationale: d.rationale }),
  }),
];
