import { sharesOf } from '../../cards/verbs.js';
import { londonInstant } from '../londonTime.js';
import { refused, route, type CardRoute } from './route.js';

/**
 * Recommendations and actions, costs (issue 17). The owner's evidence is answered on the action's
 * own card (which its agency's people may see); the rest on the review group's board or the costs
 * card, which only the partnership's people see.
 */
export const ACTIONS_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'action.recommend',
    answer: () => ({ kind: 'actionsBoard' }),
    toCommand: (d, actor) => ({ type: 'RecordRecommendation', actor, review: { kind: d.review }, text: d.text, expectedImpact: d.expectedImpact }),
  }),
  route({
    verb: 'action.agree',
    answer: () => ({ kind: 'actionsBoard' }),
    toCommand: (d, actor) => {
      const [kind, id] = d.owner.split(':') as [string, string];
      const owner = kind === 'partner' ? { kind: 'partner' as const, partner: id as 'localAuthority' | 'police' | 'health' } : { kind: 'agency' as const, agency: id };
      return { type: 'AgreeAction', actor, recommendation: d.recommendation, owner, dueDate: d.dueDate, done: d.done };
    },
  }),
  route({
    verb: 'action.complete',
    answer: (d) => ({ kind: 'actionRequest', action: d.action }),
    toCommand: (d, actor) => ({ type: 'RecordActionCompletion', actor, action: d.action, documentUrl: d.documentUrl }),
  }),
  route({
    verb: 'action.impact',
    answer: (d) => ({ kind: 'actionRequest', action: d.action }),
    toCommand: (d, actor) => ({ type: 'RecordActionImpact', actor, action: d.action, documentUrl: d.documentUrl, impact: d.impact }),
  }),
  route({
    verb: 'action.move',
    answer: () => ({ kind: 'actionsBoard' }),
    toCommand: (d, actor) => ({ type: 'MoveActionDueDate', actor, action: d.action, dueDate: d.newDueDate, reason: d.reason }),
  }),
  route({
    verb: 'review.executiveTold',
    answer: () => ({ kind: 'actionsBoard' }),
    toCommand: (d, actor) => {
      const toldAt = londonInstant(d.toldDate, d.toldTime);
      if (!toldAt) return refused('Please give the date and time the executive was told.');
      return { type: 'RecordExecutiveTold', actor, review: { kind: d.concludedReview }, toldAt: toldAt.toISOString() };
    },
  }),
  route({
    verb: 'costs.record',
    answer: () => ({ kind: 'reviewCosts' }),
    toCommand: (d, actor) => {
      const shares = sharesOf(d.shares);
      if (!shares) return refused('Give the shares as payer:percent separated by commas, for example "localAuthority:40, police:30, health:30".');
      // An estimate that is not a number reaches the procedure as NaN, which refuses it in words.
      const estimate = Number(d.estimate.replace(/[£,\s]/g, '') || 'NaN');
      return { type: 'RecordReviewCosts', actor, review: { kind: d.review }, estimate, model: d.model, shares };
    },
  }),
];
