import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../workflow/events.js';
import { stepContext } from '../../workflow/kernel.js';
import { evolve, fold, type CaseState } from '../../workflow/state.js';
import { tickOver, timersOf } from '../../workflow/tick.js';
import { isDue } from '../../workflow/timers.js';
import { EV, RATIONALE, SCENES, stateOf } from '../support/sampleConfig.js';
import { ACTION_HISTORIES, calendar, clock, config, DAY, decide, foundIn, LOCAL_REVIEW_HISTORIES, REAL, TICK, TIMER_KINDS, without, type Sides } from '../support/timerProperty.js';

/**
 * The timer property (test/support/timerProperty.ts) is not vacuous: for every kind of timer the
 * model declares (each step's declaration lists its kinds, so a new one is checked here without
 * editing this file), a sweep that has forgotten that kind is caught by some history. And a sweep
 * that comes late does all that fell due and leaves nothing due behind. The index that has
 * forgotten a kind is in timersAgree.test.ts, which this file balances in run time.
 */

const context = stepContext(config, calendar);

describe('the property notices a timer missing from the sweep', () => {
  it.each(TIMER_KINDS)('%s missing from the sweep: the index holds an instant the sweep ignores', (kind) => {
    const forgetful = tickOver(without(kind));
    const sides: Sides = { ...REAL, decide: (state, command, now) => (command.type === 'Tick' ? forgetful(context, state, command, now) : decide(state, command, now)) };
    expect(foundIn(sides, 'the sweep does nothing')).toBe(true);
  });
});

describe('a sweep that comes late', () => {
  it('does in one tick everything that fell due meanwhile, each on the state the previous one left', () => {
    // The police disagreed; the window closed Tuesday 15:00 and the sweep only runs Thursday 11:00: health is
    // deemed to agree, the dispute opens (its meeting due Wednesday 15:00, already passed), so its outcome is chased (never escalated by itself).
    const state = stateOf([EV.logged(), ...EV.viewGiven('notify', RATIONALE), EV.policeDisagrees('We do not suspect abuse or neglect.')]);
    const thursday = new Date('2026-06-11T10:00:00.000Z');
    const decision = decide(state, TICK, thursday);
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['AgreementDeemed', 'DisputeOpened', 'OverdueRaised', 'ReminderSent']);
    expect(decision.ok && decision.events.find((e) => e.type === 'DisputeOpened')).toMatchObject({ meetingDueAt: '2026-06-10T14:00:00.000Z' });
    const after = decision.ok ? decision.events.reduce<CaseState | undefined>(evolve, state)! : state;
    expect(decide(after, TICK, thursday)).toEqual({ ok: true, events: [], effects: [] });
  });
});

/**
 * Whatever instant the sweep runs at, it leaves nothing due behind: a timer that is due but does
 * nothing when fired (a chaser that waited for a working morning) would be dropped from the schedule
 * index by that tick and never looked at again. Each timer of each state of each history is ticked
 * late: two and a half days after it fell due (often a night or a weekend), and five days after.
 */
describe('a late sweep leaves nothing due behind', () => {
  const LATE_MS = [2.5 * DAY, 5 * DAY + 3 * 3_600_000];
  const histories: [string, () => CaseEvent[]][] = [
    ...Object.entries(SCENES).map(([name, scene]) => [`scene ${name}`, scene] as [string, () => CaseEvent[]]),
    ...ACTION_HISTORIES.map((history, i) => [`actions history ${i}`, history] as [string, () => CaseEvent[]]),
    ...Object.entries(LOCAL_REVIEW_HISTORIES).map(([name, history]) => [`local review history ${name}`, history] as [string, () => CaseEvent[]]),
  ];
  it.each(histories)('%s', (_name, history) => {
    const events = history();
    const left: string[] = [];
    for (let i = 1; i <= events.length; i++) {
      const state = fold(events.slice(0, i))!;
      const next = i < events.length ? Date.parse(events[i]!.at) : Infinity;
      for (const t of timersOf(state, clock)) {
        for (const late of LATE_MS) {
          const now = new Date(t.at.getTime() + late);
          if (now.getTime() >= next || !isDue(t, now)) continue;
          const d = decide(state, TICK, now);
          if (!d.ok) continue;
          const after = d.events.reduce<CaseState | undefined>(evolve, state)!;
          for (const still of timersOf(after, clock).filter((x) => isDue(x, now))) left.push(`${now.toISOString()}: ${still.key} still due after the tick`);
        }
      }
    }
    expect([...new Set(left)]).toEqual([]);
  });
});
