import type { Actor, CaseEvent } from '../events.js';
import type { ActionOwner, ReviewKind, ReviewRef } from './schemas.js';

/**
 * The recommendations-and-actions slice of a case: each review's recommendations, their actions
 * and where each stands, folded from the area's events only. An action is open until evidence of
 * completion is given, then awaits evidence of impact, then is closed (002 7.1: "assurance of the
 * expected impact of the recommendation in addition to assurance of activity completed").
 */

export type Recommendation = { id: string; review: ReviewRef; text: string; expectedImpact: string; at: string; by: Actor };

export type Action = {
  id: string;
  recommendation: string;
  review: ReviewRef;
  owner: ActionOwner;
  done: string;
  agreedAt: string;
  agreedBy: Actor;
  dueDate: string;
  dueAt: string;
  moves: { at: string; by: Actor; from: string; to: string; reason: string }[];
  completion?: { at: string; by: Actor; documentUrl: string };
  impact?: { at: string; by: Actor; documentUrl: string; impact: string };
  /** Chasers sent for the current due date: 'reminder', 'overdue:<London date>'. A new due date clears them. */
  chased: string[];
};

export type ActionsSlice = {
  recommendationOrder: string[];
  recommendations: Record<string, Recommendation>;
  actionOrder: string[];
  actions: Record<string, Action>;
  /** Months ('2026-09') whose progress report was posted. */
  reported: string[];
  concluded: Partial<Record<ReviewKind, { at: string; by: Actor; executiveToldAt: string }>>;
};

export type ActionEvent = Extract<
  CaseEvent,
  { type: 'RecommendationRecorded' | 'ActionAgreed' | 'ActionCompletionEvidenced' | 'ActionImpactEvidenced' | 'ActionDueDateMoved' | 'ActionChased' | 'ActionsReported' | 'ReviewConcluded' }
>;
export const ACTION_EVENT_TYPES: readonly CaseEvent['type'][] = ['RecommendationRecorded', 'ActionAgreed', 'ActionCompletionEvidenced', 'ActionImpactEvidenced', 'ActionDueDateMoved', 'ActionChased', 'ActionsReported', 'ReviewConcluded'];
export const isActionEvent = (event: CaseEvent): event is ActionEvent => ACTION_EVENT_TYPES.includes(event.type);

export type ActionStatus = 'open' | 'awaitingImpact' | 'closed';
export const statusOf = (a: Action): ActionStatus => (a.impact ? 'closed' : a.completion ? 'awaitingImpact' : 'open');

const EMPTY: ActionsSlice = { recommendationOrder: [], recommendations: {}, actionOrder: [], actions: {}, reported: [], concluded: {} };

function withAction(s: ActionsSlice, id: string, change: (a: Action) => Action): ActionsSlice {
  const a = s.actions[id];
  return a ? { ...s, actions: { ...s.actions, [id]: change(a) } } : s;
}

export function foldActions(slice: ActionsSlice | undefined, event: ActionEvent): ActionsSlice {
  const s = slice ?? EMPTY;
  switch (event.type) {
    case 'RecommendationRecorded':
      return {
        ...s,
        recommendationOrder: [...s.recommendationOrder, event.recommendation],
        recommendations: { ...s.recommendations, [event.recommendation]: { id: event.recommendation, review: event.review, text: event.text, expectedImpact: event.expectedImpact, at: event.at, by: event.by } },
      };
    case 'ActionAgreed': {
      const review = s.recommendations[event.recommendation]?.review ?? { kind: 'rapidReview' as const };
      return {
        ...s,
        actionOrder: [...s.actionOrder, event.action],
        actions: {
          ...s.actions,
          [event.action]: { id: event.action, recommendation: event.recommendation, review, owner: event.owner, done: event.done, agreedAt: event.at, agreedBy: event.by, dueDate: event.dueDate, dueAt: event.dueAt, moves: [], chased: [] },
        },
      };
    }
    case 'ActionCompletionEvidenced':
      return withAction(s, event.action, (a) => ({ ...a, completion: { at: event.at, by: event.by, documentUrl: event.documentUrl } }));
    case 'ActionImpactEvidenced':
      return withAction(s, event.action, (a) => ({ ...a, impact: { at: event.at, by: event.by, documentUrl: event.documentUrl, impact: event.impact } }));
    case 'ActionDueDateMoved':
      return withAction(s, event.action, (a) => ({ ...a, moves: [...a.moves, { at: event.at, by: event.by, from: a.dueDate, to: event.dueDate, reason: event.reason }], dueDate: event.dueDate, dueAt: event.dueAt, chased: [] }));
    case 'ActionChased':
      return withAction(s, event.action, (a) => ({ ...a, chased: [...a.chased, event.chase === 'overdue' ? `overdue:${event.day ?? ''}` : event.chase] }));
    case 'ActionsReported':
      return { ...s, reported: [...s.reported, event.month] };
    case 'ReviewConcluded':
      return { ...s, concluded: { ...s.concluded, [event.review.kind]: { at: event.at, by: event.by, executiveToldAt: event.executiveToldAt } } };
  }
}

/** The review's actions, in the order they were agreed. */
export const actionsOf = (s: ActionsSlice, review: ReviewKind): Action[] => s.actionOrder.map((id) => s.actions[id]!).filter((a) => a.review.kind === review);
