import { VERBS, type Verb } from '../../cards/verbs.js';
import { ABSENCE_ROUTES } from './absence.js';
import { ACTIONS_ROUTES } from './actions.js';
import { CASE_ROUTES } from './cases.js';
import { DISPUTE_ROUTES } from './dispute.js';
import { LCSPR_DECISION_ROUTES } from './lcsprDecision.js';
import { LOCAL_REVIEW_ROUTES } from './localReview.js';
import { LEARNING_EVENT_ROUTES } from './learningEvent.js';
import { NOTIFICATION_ROUTES } from './notification.js';
import { RAPID_REVIEW_ROUTES } from './rapidReview.js';
import { REFERRAL_ROUTES } from './referral.js';
import type { CardRoute } from './route.js';

/**
 * Every card verb's route, one file per area of the procedure: a new verb is one entry in its
 * area's file (and its data schema in cards/verbs.ts). Checked when the module loads, so the bot
 * does not start with a verb routed twice, or a verb the cards may emit that nothing answers.
 */
export function routeTable(routes: readonly CardRoute[], verbs: readonly Verb[] = VERBS): ReadonlyMap<Verb, CardRoute> {
  const table = new Map<Verb, CardRoute>();
  const twice = new Set<Verb>();
  for (const r of routes) {
    if (table.has(r.verb)) twice.add(r.verb);
    table.set(r.verb, r);
  }
  if (twice.size > 0) throw new Error(`Card verbs routed more than once: ${[...twice].join(', ')}`);
  const missing = verbs.filter((v) => !table.has(v));
  if (missing.length > 0) throw new Error(`Card verbs with no route: ${missing.join(', ')}`);
  return table;
}

export const ALL_CARD_ROUTES: readonly CardRoute[] = [
  ...REFERRAL_ROUTES,
  ...NOTIFICATION_ROUTES,
  ...DISPUTE_ROUTES,
  ...RAPID_REVIEW_ROUTES,
  ...LCSPR_DECISION_ROUTES,
  // Recommendations and actions, costs (issue 17).
  ...ACTIONS_ROUTES,
  ...LOCAL_REVIEW_ROUTES,
  ...LEARNING_EVENT_ROUTES,
  ...CASE_ROUTES,
  // A person's own absence, from Outlook's automatic replies (issue 16).
  ...ABSENCE_ROUTES,
];

export const CARD_ROUTES = routeTable(ALL_CARD_ROUTES);

export type { CardRoute } from './route.js';
