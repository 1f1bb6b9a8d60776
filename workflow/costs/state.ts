import type { CaseEvent } from '../events.js';
import type { Actor } from '../events.js';
import type { ReviewKind } from '../actions/schemas.js';
import type { CostModel, CostShare } from './schemas.js';

/** The costs slice of a case: the latest estimate and model per review (the history keeps every earlier one). */
export type ReviewCosts = { at: string; by: Actor; estimate: number; model: CostModel; shares: CostShare[] };
export type CostsSlice = Partial<Record<ReviewKind, ReviewCosts>>;

export type CostEvent = Extract<CaseEvent, { type: 'ReviewCostsRecorded' }>;
export const COST_EVENT_TYPES: readonly CaseEvent['type'][] = ['ReviewCostsRecorded'];
export const isCostEvent = (event: CaseEvent): event is CostEvent => COST_EVENT_TYPES.includes(event.type);

export function foldCosts(slice: CostsSlice | undefined, event: CostEvent): CostsSlice {
  return { ...slice, [event.review.kind]: { at: event.at, by: event.by, estimate: event.estimate, model: event.model, shares: event.shares } };
}
