import { describe, expect, it } from 'vitest';
import { fold } from '../../workflow/state.js';
import { TIMERS, timersOf } from '../../workflow/tick.js';
import { localReviewTimers } from '../../workflow/localReview/timers.js';
import { learningEventTimers, reviewGroupDisputeTimers } from '../../workflow/learningEvent/timers.js';
import { SCENES } from '../support/sampleConfig.js';
import {
  ACTION_HISTORIES,
  ACTION_TAIL_DAYS,
  checkEvents,
  checkGenerated,
  clock,
  decide,
  dueKinds,
  foundIn,
  LOCAL_REVIEW_DAYS,
  LOCAL_REVIEW_HISTORIES,
  REAL,
  SEEDS,
  TIMER_KINDS,
  without,
  type Sides,
} from '../support/timerProperty.js';

/**
 * The one timer model, as a property (test/support/timerProperty.ts): the schedule index and the
 * sweep agree on every sample, generated, actions and local review history; the histories reach
 * every kind of timer the model declares (listed by each step's declaration, so a new kind is
 * covered without editing this file); and a schedule index that has forgotten a kind is caught. A
 * sweep that has forgotten one, and a sweep that comes late, are in timersMissing.test.ts (the two
 * files take about as long as each other, so two workers share them).
 */

/** The kinds reached by their own histories rather than the generated ones: the local review's, the learning event's and the review-group dispute's. */
const LOCAL_REVIEW_KINDS = localReviewTimers.kinds;
const LEARNING_KINDS = [...learningEventTimers.kinds, ...reviewGroupDisputeTimers.kinds];
const LEARNING_SCENES = ['learningEventOverdue', 'reviewGroupDisputeOverdue'] as const;
/** Every other kind: the generated histories (and the actions', which run after the rapid review where they stop) reach them. */
const GENERATED_KINDS = TIMER_KINDS.filter((kind) => !LOCAL_REVIEW_KINDS.includes(kind) && !LEARNING_KINDS.includes(kind));

/** A decide that notes the kinds due at each tick it is asked for. */
function spying(seen: Set<string>, onlyAccepted = false): Sides {
  return {
    ...REAL,
    decide: (state, command, now) => {
      const decision = decide(state, command, now);
      if (command.type === 'Tick' && state && (!onlyAccepted || decision.ok)) for (const kind of dueKinds(state, now)) seen.add(kind);
      return decision;
    },
  };
}

const sorted = (kinds: readonly string[]) => [...kinds].sort();

describe('one timer model: the schedule index and the sweep agree', () => {
  it.each(Object.keys(SCENES) as (keyof typeof SCENES)[])('sample history %s', (scene) => {
    expect(checkEvents(REAL, SCENES[scene]())).toEqual([]);
  });

  it.each(ACTION_HISTORIES.map((h, i) => [i, h] as const))('actions history %i, swept for four months after its last event', (_i, history) => {
    expect(checkEvents(REAL, history(), ACTION_TAIL_DAYS)).toEqual([]);
  });

  it.each(SEEDS)('generated history, seed %i', (seed) => {
    expect(checkGenerated(REAL, seed)).toEqual([]);
  });

  it.each(Object.keys(LOCAL_REVIEW_HISTORIES))('local review history %s', (name) => {
    expect(checkEvents(REAL, LOCAL_REVIEW_HISTORIES[name]!(), LOCAL_REVIEW_DAYS)).toEqual([]);
  });

  it('every timer is of a kind its declaration lists, in every state of the sample histories', () => {
    const undeclared = new Set<string>();
    const histories = [...Object.values(SCENES), ...ACTION_HISTORIES, ...Object.values(LOCAL_REVIEW_HISTORIES)];
    for (const history of histories) {
      const events = history();
      for (let i = 1; i <= events.length; i++) {
        const state = fold(events.slice(0, i))!;
        for (const declaration of TIMERS) for (const t of declaration(state, clock)) if (!declaration.kinds.includes(t.kind)) undeclared.add(t.kind);
      }
    }
    expect([...undeclared]).toEqual([]);
    // The kinds are the model's own, one name each.
    expect(new Set(TIMER_KINDS).size).toBe(TIMER_KINDS.length);
  });

  it("the local review's histories reach every kind of its timers", () => {
    const seen = new Set<string>();
    for (const history of Object.values(LOCAL_REVIEW_HISTORIES)) checkEvents(spying(seen), history(), LOCAL_REVIEW_DAYS);
    expect(sorted([...seen].filter((kind) => kind.startsWith('localReview:')))).toEqual(sorted(LOCAL_REVIEW_KINDS));
  });

  it('the generated histories reach every other kind of timer, so the property covers them all', () => {
    const seen = new Set<string>();
    const spy = spying(seen, true);
    for (const seed of SEEDS) checkGenerated(spy, seed);
    // The actions' timers run after the rapid review, where the generated histories stop: their own histories reach them.
    for (const history of ACTION_HISTORIES) checkEvents(spy, history(), ACTION_TAIL_DAYS);
    expect(sorted([...seen])).toEqual(sorted(GENERATED_KINDS));
  });

  it("the learning event's and review-group disputes' sample histories reach each of their timers (issue 17)", () => {
    const seen = new Set<string>();
    for (const scene of LEARNING_SCENES) expect(checkEvents(spying(seen), SCENES[scene]())).toEqual([]);
    expect(sorted([...seen].filter((kind) => LEARNING_KINDS.includes(kind)))).toEqual(sorted(LEARNING_KINDS));
  });
});

describe('the property notices a timer missing from the index', () => {
  it.each(TIMER_KINDS)('%s missing from the index: the sweep acts with nothing due', (kind) => {
    const declarations = without(kind);
    const sides: Sides = { ...REAL, index: (state) => timersOf(state, clock, declarations).map((t) => t.at) };
    expect(foundIn(sides, 'nothing is due in the index')).toBe(true);
  });
});
