import { describe, expect, test } from 'vitest';
import { CaseEventSchema } from '../../workflow/events.js';
import { fold } from '../../workflow/state.js';
import { SCENES, type SceneName } from '../support/sampleConfig.js';

/**
 * The card tests render from these scenes, so each must be a log the bot could have written: every
 * event valid against the stored schema, in time order, and folding to the stage it claims.
 */
describe('sample scenes are well-formed case logs', () => {
  for (const scene of Object.keys(SCENES) as SceneName[]) {
    test(scene, () => {
      const events = SCENES[scene]();
      for (const event of events) expect(CaseEventSchema.safeParse(event).error).toBeUndefined();
      const instants = events.map((e) => Date.parse(e.at));
      expect(instants).toEqual([...instants].sort((a, b) => a - b));
      expect(fold(events)?.version).toBe(events.length);
    });
  }

  test('each dispute scene is in the state its name says', () => {
    const state = (scene: SceneName) => fold(SCENES[scene]())!;
    expect(state('meetingBooked').dispute?.meetings[1]?.joinUrl).toBeDefined();
    expect(state('bookingFailed').dispute?.bookingFailed[1]).toBeDefined();
    expect(state('meetingArranged').dispute?.meetings[1]?.arrangedBy).toBeDefined();
    expect(state('meetingCancelled').dispute?.meetings[1]?.cancelled).toBeDefined();
    expect(state('meetingCancelled').decision?.basis).toBe('partnersAgreed');
    expect(state('meetingAgreed').decision?.basis).toBe('meetingAgreed');
    expect(state('escalatedNotResolved').dispute).toMatchObject({ stage: 2, escalated: { reason: 'notResolved' } });
    expect(state('escalatedOutcomeOverdue').dispute).toMatchObject({ stage: 2, escalated: { reason: 'outcomeOverdue' } });
    expect(state('finalDecisionAttended').decision).toMatchObject({ basis: 'finalDecision', scrutineerAttended: true });
    expect(state('finalDecisionNotAttended').decision).toMatchObject({ basis: 'finalDecision', scrutineerAttended: false });
    expect(state('reopened')).toMatchObject({ stage: 'dispute', decision: undefined, dispute: { reopened: { decisionDueAt: '2026-06-16T09:00:00.000Z' } } });
  });
});
