import type { Actor } from '../events.js';
import { words } from '../kernel.js';
import type { CaseState } from '../state.js';
import { dayWords } from './common.js';
import { londonDateOf } from './rules.js';

/**
 * 5.6: "As part of the rapid review, the ... Team will inform the Child Safeguarding Practice Review
 * Panel, Ofsted and Department for Education (DfE) ... of the decision regarding whether a local
 * child safeguarding practice review is required". When the LCSPR came from a rapid review, the
 * rapid review's completion records exactly that (the rapid review, with the decision, to the Panel
 * and Ofsted; the decision to DfE), so the local review does not ask for it again; and a decision
 * told first on the local review card is not asked for again when the rapid review is sent.
 */

export type DecisionTold =
  | { via: 'localReview'; sentAt: string; by: Actor; at: string }
  | { via: 'rapidReview'; sentAt: string; panelAndOfstedAt: string; dfeAt: string; by: Actor; at: string };

export function decisionTold(state: CaseState): DecisionTold | undefined {
  const l = state.localReview;
  if (!l) return undefined;
  if (l.told.decision) return { via: 'localReview', ...l.told.decision };
  const done = state.rapidReview?.completed;
  if (l.source !== 'rapidReview' || !done?.lcsprNeeded || !done.dfeSentAt) return undefined;
  // Told of the decision once the last of the three was told.
  const sentAt = Date.parse(done.dfeSentAt) > Date.parse(done.sentAt) ? done.dfeSentAt : done.sentAt;
  return { via: 'rapidReview', sentAt, panelAndOfstedAt: done.sentAt, dfeAt: done.dfeSentAt, by: done.by, at: done.at };
}

/** "Already recorded on Tuesday 30 June 2026 by Alex Wilber, ...": what a card or a refusal says instead of asking again. */
export function decisionToldWords(t: DecisionTold, now: Date): string {
  const recorded = `Already recorded on ${dayWords(londonDateOf(new Date(t.at)))} by ${t.by.displayName}`;
  return t.via === 'rapidReview'
    ? `${recorded}, with the rapid review's completion: the rapid review, with the decision, went to the Panel and Ofsted at ${words(t.panelAndOfstedAt, now)}, and the decision to DfE at ${words(t.dfeAt, now)} (5.6).`
    : `${recorded}, on the local review card: the Panel, Ofsted and DfE were told of the decision to hold an LCSPR at ${words(t.sentAt, now)} (5.6).`;
}
