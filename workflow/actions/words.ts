import type { ActionStatus } from './state.js';
import type { ReviewKind } from './schemas.js';

/** This area's values in plain words, for its messages, cards and timeline rows. */

export const REVIEW_WORDS: Record<ReviewKind, string> = {
  rapidReview: 'the rapid review',
  lcspr: 'the local child safeguarding practice review (LCSPR)',
  learningEvent: 'the local learning event',
};

export const REVIEW_TITLES: Record<ReviewKind, string> = {
  rapidReview: 'Rapid review',
  lcspr: 'LCSPR',
  learningEvent: 'Learning event',
};

export const STATUS_WORDS: Record<ActionStatus, string> = {
  open: 'open',
  awaitingImpact: 'completed, awaiting evidence of impact',
  closed: 'closed: impact evidenced',
};

/** 002 Section E 7.1, quoted where the cards ask for impact. */
export const IMPACT_QUOTE =
  'Where recommendations are noted for completion, members of the Learning Inquiry Group should be robust in seeking assurance of the expected impact of the recommendation in addition to assurance of activity completed (002, 7.1).';
