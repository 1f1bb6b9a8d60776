import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { deadlineInWords } from '../calendar/words.js';
import { ownerName } from '../actions/owners.js';
import { summariseActions } from '../actions/summary.js';
import { REVIEW_TITLES } from '../actions/words.js';
import type { PartnershipConfig } from '../partnership.js';
import type { CaseState } from '../state.js';
import { ACTION_BUCKET_WORDS, type ActionsView } from './schemas.js';
import { actionOverdueWords } from './lateWords.js';

/**
 * The review group's view of every action (issue 17, 002 7.1), by review and by owner, from the
 * actions area's own summary so the tab, its CSV and the monthly report card count alike. Owners
 * are named from the roster; rows run case by case in the order the actions were agreed.
 */
export function actionsView(states: readonly CaseState[], config: PartnershipConfig, calendar: WorkingCalendar, now: Date): ActionsView {
  const summary = summariseActions(states, now, calendar, config.workingHours);
  const actionOf = new Map(states.flatMap((s) => (s.actions ? s.actions.actionOrder.map((id) => [`${s.referral.caseRef} ${id}`, s.actions!.actions[id]!] as const) : [])));
  const nameOfKey = new Map(states.flatMap((s) => (s.actions ? Object.values(s.actions.actions).map((a) => [a.owner.kind === 'agency' ? a.owner.agency : a.owner.partner, ownerName(config, a.owner)] as const) : [])));
  const rows = summary.lines.map((line) => {
    const action = actionOf.get(`${line.caseRef} ${line.action}`)!;
    const dueInWords = deadlineInWords(new Date(line.dueAt), now);
    return {
      caseRef: line.caseRef,
      review: REVIEW_TITLES[line.review],
      action: line.action,
      recommendation: line.recommendation,
      owner: ownerName(config, action.owner),
      done: action.done,
      dueAt: line.dueAt,
      dueInWords,
      bucket: line.bucket,
      statusText: line.bucket === 'overdue' ? actionOverdueWords(line.dueAt, dueInWords, now, calendar) : ACTION_BUCKET_WORDS[line.bucket],
    };
  });
  return {
    generatedAt: now.toISOString(),
    rows,
    byReview: Object.values(summary.byReview).map(({ review, ...rest }) => ({ ...rest, review: REVIEW_TITLES[review] })),
    byOwner: Object.entries(summary.byOwner)
      .map(([key, tally]) => ({ owner: nameOfKey.get(key) ?? key, ...tally }))
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    total: summary.total,
  };
}
