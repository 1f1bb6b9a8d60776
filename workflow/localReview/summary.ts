import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { CaseState } from '../state.js';
import { concludedWords } from '../actions/concluded.js';
import { justificationsNeeded } from './publication.js';
import { endOfLondonDate, londonDateOf, pastSixMonths } from './rules.js';
import { publishDecision, type LocalReview } from './state.js';
import { decisionTold } from './told.js';
import { MILESTONES, MILESTONE_WORDS, type Justification, type Milestone } from './words.js';

/**
 * What the monitoring tab shows of a local review, as plain data: where it stands, the next
 * milestone, each deadline and whether it is met, and what is owed. Pure: the time is passed in.
 */

/** How actions (workflow/actions/) name "the LCSPR of case X". */
export type ReviewRef = { kind: 'lcspr'; caseRef: string; id: string };
export const localReviewRef = (caseRef: string): ReviewRef => ({ kind: 'lcspr', caseRef, id: `${caseRef}/lcspr` });
export const localReviewRefOf = (state: CaseState): ReviewRef | undefined => (state.localReview ? localReviewRef(state.referral.caseRef) : undefined);

export type LocalReviewStatus = 'commissioning' | 'underway' | 'awaitingPublication' | 'published' | 'notPublished' | 'concluded';

export type DeadlineSummary = {
  what: 'publication' | 'copyToPanel';
  /** The instant it is due by (publication: the end of the six-month day). */
  dueAt: string;
  /** Met, with when; or open (overdue when now is past dueAt). */
  state: 'met' | 'missed' | 'open' | 'overdue';
  doneAt?: string;
};

export type LocalReviewSummary = {
  ref: ReviewRef;
  status: LocalReviewStatus;
  statusText: string;
  decidedAt: string;
  publicationDueDate: string;
  plannedPublicationDate?: string;
  nextMilestone?: { milestone: Milestone; words: string; plannedDate?: string; overdue: boolean };
  milestones: { milestone: Milestone; words: string; plannedDate?: string; doneDate?: string; doneBy?: string }[];
  deadlines: DeadlineSummary[];
  /** Justifications owed to the Panel and the Secretary of State and not yet recorded as sent. */
  justificationsOwed: Justification[];
  /** Told of the decision / the reviewer's name (5.6), false while owed. */
  toldOfDecision: boolean;
  toldReviewerName: boolean;
  /** Nothing missed or overdue and no planned date past the six-month deadline. */
  onTime: boolean;
};

function status(state: CaseState, l: LocalReview): LocalReviewStatus {
  if (state.actions?.concluded.lcspr) return 'concluded';
  if (l.published) return 'published';
  if (publishDecision(l) === false) return 'notPublished';
  if (!l.reviewer) return 'commissioning';
  return l.milestones.executiveApproval?.done ? 'awaitingPublication' : 'underway';
}

const STATUS_TEXT: Record<LocalReviewStatus, string> = {
  commissioning: 'Commissioning the reviewer',
  underway: 'Review under way',
  awaitingPublication: 'Approved: awaiting publication',
  published: 'Published: its actions remain',
  notPublished: 'Not published (executive decision): its actions remain',
  concluded: 'Concluded',
};

export function localReviewSummary(state: CaseState, now: Date, _calendar?: WorkingCalendar): LocalReviewSummary | undefined {
  const l = state.localReview;
  if (!l) return undefined;
  const today = londonDateOf(now);
  const pubEnd = endOfLondonDate(l.publicationDueDate).toISOString();
  const deadlines: DeadlineSummary[] = [];
  if (publishDecision(l) !== false) {
    deadlines.push(
      l.published
        ? { what: 'publication', dueAt: pubEnd, state: l.published.onTime ? 'met' : 'missed', doneAt: endOfLondonDate(l.published.publishedDate).toISOString() }
        : { what: 'publication', dueAt: pubEnd, state: now.toISOString() >= pubEnd ? 'overdue' : 'open' },
    );
    if (l.publication) {
      const due = l.publication.copyDueAt;
      deadlines.push(
        l.copySent
          ? { what: 'copyToPanel', dueAt: l.copySent.copyDueAt, state: l.copySent.onTime ? 'met' : 'missed', doneAt: l.copySent.sentAt }
          : { what: 'copyToPanel', dueAt: due, state: now.getTime() >= Date.parse(due) ? 'overdue' : 'open' },
      );
    }
  }
  const milestones = MILESTONES.map((m) => {
    const r = l.milestones[m];
    return { milestone: m, words: MILESTONE_WORDS[m], ...(r?.plannedDate ? { plannedDate: r.plannedDate } : {}), ...(r?.done ? { doneDate: r.done.doneDate, doneBy: r.done.by.displayName } : {}) };
  });
  const next = milestones.find((m) => !m.doneDate);
  const owed = justificationsNeeded(l, now).filter((j) => !l.justifications[j]);
  const plannedLate = l.publication && !l.published ? pastSixMonths(l.publication.plannedDate, l.publicationDueDate) : false;
  return {
    ref: localReviewRef(state.referral.caseRef),
    status: status(state, l),
    // Concluded: with the day the executive was told, as every view of a concluded review says it.
    statusText: concludedWords(state, 'lcspr') ?? STATUS_TEXT[status(state, l)],
    decidedAt: l.decidedAt,
    publicationDueDate: l.publicationDueDate,
    ...(l.publication ? { plannedPublicationDate: l.publication.plannedDate } : {}),
    ...(next ? { nextMilestone: { milestone: next.milestone, words: next.words, ...(next.plannedDate ? { plannedDate: next.plannedDate } : {}), overdue: next.plannedDate !== undefined && next.plannedDate < today } } : {}),
    milestones,
    deadlines,
    justificationsOwed: owed,
    toldOfDecision: decisionTold(state) !== undefined,
    toldReviewerName: l.told.reviewer !== undefined,
    onTime: deadlines.every((d) => d.state === 'met' || d.state === 'open') && !plannedLate,
  };
}
