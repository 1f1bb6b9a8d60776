import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { WorkingHours } from '../calendar/workingHours.js';
import { startOfDay, workingDayBefore } from '../rapidReview/dates.js';
import type { CaseState } from '../state.js';
import { ownerKey } from './owners.js';
import type { ReviewKind } from './schemas.js';
import { statusOf, type Action } from './state.js';
import { REMINDER_WORKING_DAYS } from './timers.js';

/**
 * What the review group sees of the actions (002 7.1: "Monitoring of the actions arising from
 * recommendations will be undertaken by the Learning Inquiry Group"): every action in exactly one
 * bucket, counted by review and by owner (agency or partner). Pure, for the monthly report card,
 * the monitoring tab and its CSV export.
 *  - overdue: not completed and past its due time;
 *  - dueSoon: not completed and inside its reminder window (from the opening of the 5th working day before);
 *  - open: not completed, neither of those;
 *  - awaitingImpact: completion evidenced, impact not yet;
 *  - closed: impact evidenced.
 */

export const BUCKETS = ['open', 'dueSoon', 'overdue', 'awaitingImpact', 'closed'] as const;
export type Bucket = (typeof BUCKETS)[number];
export type Tally = Record<Bucket, number>;

export type ActionLine = { caseRef: string; review: ReviewKind; action: string; recommendation: string; owner: string; dueAt: string; bucket: Bucket };

export type ActionsSummary = {
  /** One line per action, for a table or a CSV. */
  lines: ActionLine[];
  /** Keyed "<caseRef> <review kind>". */
  byReview: Record<string, Tally & { caseRef: string; review: ReviewKind; concluded: boolean }>;
  /** Keyed by the owner's agency id or partner. */
  byOwner: Record<string, Tally>;
  total: Tally;
};

const zero = (): Tally => ({ open: 0, dueSoon: 0, overdue: 0, awaitingImpact: 0, closed: 0 });

/** Without a calendar (a card drawn without one) "due soon" cannot be counted in working days: it shows as open. */
export function bucketOf(a: Action, now: Date, calendar: WorkingCalendar | undefined, hours: WorkingHours): Bucket {
  const status = statusOf(a);
  if (status !== 'open') return status;
  if (now.getTime() > Date.parse(a.dueAt)) return 'overdue';
  if (!calendar) return 'open';
  return now.getTime() >= startOfDay(workingDayBefore(calendar, a.dueDate, REMINDER_WORKING_DAYS), hours).getTime() ? 'dueSoon' : 'open';
}

export function summariseActions(states: readonly CaseState[], now: Date, calendar: WorkingCalendar | undefined, hours: WorkingHours): ActionsSummary {
  const summary: ActionsSummary = { lines: [], byReview: {}, byOwner: {}, total: zero() };
  for (const state of states) {
    const s = state.actions;
    if (!s) continue;
    const caseRef = state.referral.caseRef;
    for (const id of s.recommendationOrder) {
      const kind = s.recommendations[id]!.review.kind;
      summary.byReview[`${caseRef} ${kind}`] ??= { caseRef, review: kind, concluded: s.concluded[kind] !== undefined, ...zero() };
    }
    for (const id of s.actionOrder) {
      const a = s.actions[id]!;
      const bucket = bucketOf(a, now, calendar, hours);
      const owner = ownerKey(a.owner);
      summary.lines.push({ caseRef, review: a.review.kind, action: a.id, recommendation: a.recommendation, owner, dueAt: a.dueAt, bucket });
      summary.byReview[`${caseRef} ${a.review.kind}`]![bucket]++;
      (summary.byOwner[owner] ??= zero())[bucket]++;
      summary.total[bucket]++;
    }
  }
  return summary;
}
