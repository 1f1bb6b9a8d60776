import { describe, expect, test } from 'vitest';
import { CaseEventSchema } from '../../workflow/events.js';
import { fold } from '../../workflow/state.js';
import { SCENE_AGENCIES, SCENES, type SceneName, T } from '../support/sampleConfig.js';

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

  test('each rapid review scene is in the state its name says', () => {
    const review = (scene: SceneName) => fold(SCENES[scene]())!.rapidReview!;
    const statuses = (scene: SceneName) => Object.fromEntries(Object.entries(review(scene).agencies).map(([id, a]) => [id, a.status]));
    expect(fold(SCENES.reviewOpened())!.stage).toBe('rapidReview');
    expect(review('reviewOpened')).toMatchObject({ notifiedAt: T.panelSent, dueAt: T.reviewDue, agencyOrder: [] });
    expect(review('reviewSetUp')).toMatchObject({ agencyOrder: SCENE_AGENCIES, setup: { meetingAt: T.reviewMeeting, papersDueAt: T.papersDue, returnsDueAt: T.returnsDue } });
    expect(statuses('extensionAsked')).toEqual({ education: 'returned', probation: 'noInvolvement', gp: 'extensionAsked' });
    expect(statuses('extensionAgreed')).toEqual({ education: 'returned', probation: 'noInvolvement', gp: 'extensionAgreed' });
    expect(review('extensionAgreed').agencies.gp?.dueAt).toBe(T.extensionTo);
    expect(review('extensionDeclined').agencies.gp).toMatchObject({ status: 'requested', dueAt: T.returnsDue, extension: { decided: { agreed: false } } });
    expect(review('scopingOverdue').agencies.gp).toMatchObject({ status: 'requested', chased: ['twoDaysBefore', 'dueMorning', 'overdue:2026-06-23'] });
    expect(Object.values(review('attendanceConfirmed').attendance).map((a) => a?.attending)).toEqual([true, true, true]);
    expect(review('papersPrompted').papersPrompted?.missing).toEqual(['gp']);
    expect(review('reviewCompletedOnTime').completed).toMatchObject({ onTime: true, lcsprNeeded: true });
    expect(review('reviewCompletedLate').completed).toMatchObject({ onTime: false, lcsprNeeded: false });
    expect(fold(SCENES.reviewCompletedLate())!.stage).toBe('closed');
    expect(review('thirtyAgencies').agencyOrder).toHaveLength(30);
  });
});
