import type { CaseCommand } from '../../workflow/commands.js';
import { londonInstant } from '../londonTime.js';
import { refused, route, type CardRoute } from './route.js';

/** The dispute (DOMAIN steps 5-6): meetings arranged by hand, their outcome, the final decision and reopening it. */
export const DISPUTE_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'meeting.arrange',
    answer: (d) => ({ kind: 'arrangeMeetingRequest', stage: d.stage === '2' ? 2 : 1 }),
    toCommand: (d, actor) => {
      const start = londonInstant(d.date, d.time);
      if (!start) return refused('Please give the date and time of the meeting you arranged.');
      return { type: 'ArrangeMeeting', actor, stage: d.stage === '2' ? 2 : 1, start: start.toISOString(), ...(d.joinUrl ? { joinUrl: d.joinUrl } : {}) };
    },
  }),
  route({
    verb: 'dispute.outcome',
    answer: () => ({ kind: 'meetingOutcomeRequest' }),
    toCommand: (d, actor): CaseCommand =>
      d.outcome === 'notResolved'
        ? { type: 'RecordMeetingOutcome', actor, outcome: 'notResolved', rationale: d.rationale }
        : { type: 'RecordMeetingOutcome', actor, outcome: 'agreed', decision: d.outcome === 'agreedNotify' ? 'notify' : 'doNotNotify', rationale: d.rationale },
  }),
  route({
    verb: 'decision.final',
    answer: () => ({ kind: 'finalDecisionRequest' }),
    toCommand: (d, actor) => ({ type: 'RecordFinalDecision', actor, decision: d.decision, rationale: d.rationale, scrutineerAttended: d.scrutineerAttended === 'true' }),
  }),
  route({
    verb: 'decision.reopen',
    answer: () => ({ kind: 'finalDecisionRequest' }),
    toCommand: (d, actor) => ({ type: 'ReopenDecision', actor, reason: d.reason }),
  }),
];
