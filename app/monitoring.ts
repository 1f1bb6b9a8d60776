import type { CaseStore, LoadedCase } from '../store/caseStore.js';
import type { PartnershipConfig } from '../workflow/partnership.js';
import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import { deadlineInWords } from '../workflow/calendar/words.js';
import { caseSummary } from '../workflow/monitoring/caseSummary.js';
import { reportingYear, yearFigures } from '../workflow/monitoring/yearFigures.js';
import type { ActionsView, CaseDetail, CaseList, ReviewKind, ReviewList, ReviewView, ScopingRow, YearFigures } from '../workflow/monitoring/schemas.js';
import { reviewViews } from '../workflow/monitoring/reviews.js';
import { actionsView } from '../workflow/monitoring/actionsView.js';
import { ownerName } from '../workflow/actions/owners.js';
import { timeline } from '../workflow/timeline.js';
import type { AgencyReturnStatus } from '../workflow/state.js';

/**
 * The read side behind the business unit's monitoring tab. Cases are listed from the case index and
 * each is read from its head row (one point read), a few at a time.
 */

const RETURN_WORDS: Record<AgencyReturnStatus, string> = {
  requested: 'Awaited',
  returned: 'Returned',
  noInvolvement: 'No involvement',
  extensionAsked: 'Extension asked',
  extensionAgreed: 'Extension agreed',
};

const READ_CONCURRENCY = 8;

export class MonitoringService {
  constructor(private readonly deps: { store: CaseStore; config: PartnershipConfig; calendar: WorkingCalendar }) {}

  private async readAll(): Promise<LoadedCase[]> {
    const queue = await this.deps.store.listCases();
    const results: LoadedCase[] = [];
    const worker = async () => {
      for (let caseRef = queue.shift(); caseRef; caseRef = queue.shift()) {
        const loaded = await this.deps.store.load(caseRef);
        // Listed ahead of its first commit, and the commit never happened: not a case.
        if (loaded.state) results.push(loaded);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, queue.length) }, worker));
    return results;
  }

  async cases(now: Date): Promise<CaseList> {
    const { config, calendar } = this.deps;
    const loaded = await this.readAll();
    const cases = loaded.map((c) => caseSummary(c.state!, c.caseRef, c.events.at(-1)!.at, config, calendar, now));
    cases.sort((a, b) => (a.nextDeadline?.dueAt ?? '\uffff').localeCompare(b.nextDeadline?.dueAt ?? '\uffff') || a.caseRef.localeCompare(b.caseRef));
    return { generatedAt: now.toISOString(), cases };
  }

  /** Undefined when there is no such case. */
  async caseDetail(caseRef: string, now: Date): Promise<CaseDetail | undefined> {
    const { config, calendar, store } = this.deps;
    const { events, state } = await store.load(caseRef);
    if (!state) return undefined;
    const agencyName = (id: string) => config.agencies.find((a) => a.id === id)?.name ?? id;
    const summary = caseSummary(state, caseRef, events.at(-1)!.at, config, calendar, now);
    const rr = state.rapidReview;
    const scoping =
      rr && rr.agencyOrder.length > 0
        ? {
            reviewDueAt: rr.dueAt,
            reviewDueInWords: deadlineInWords(new Date(rr.dueAt), now),
            ...(rr.setup ? { returnsDueInWords: deadlineInWords(new Date(rr.setup.returnsDueAt), now) } : {}),
            rows: rr.agencyOrder.map((id): ScopingRow => {
              const a = rr.agencies[id]!;
              const open = a.status === 'requested' || a.status === 'extensionAsked' || a.status === 'extensionAgreed';
              return {
                agency: agencyName(id),
                status: RETURN_WORDS[a.status],
                dueAt: a.dueAt,
                dueInWords: deadlineInWords(new Date(a.dueAt), now),
                overdue: open && now.getTime() > Date.parse(a.dueAt),
                ...(a.returned ? { returnedAt: deadlineInWords(new Date(a.returned.at), now) } : {}),
                ...(a.extension ? { extension: `Asked for ${deadlineInWords(new Date(a.extension.proposedDueAt), now)}: ${a.extension.reason}` } : {}),
              };
            }),
          }
        : undefined;
    const reviews = reviewViews(state, now, calendar, config.workingHours).map((r) => ({ kind: r.kind, title: r.title, status: r.status, statusText: r.statusText }));
    return { summary, reviews, timeline: timeline(events, now, agencyName), ...(scoping ? { scoping } : {}) };
  }

  /** Every case's local review and learning event (issue 17), the soonest open deadline first, finished ones last. */
  async reviews(now: Date): Promise<ReviewList> {
    const { config, calendar } = this.deps;
    const loaded = await this.readAll();
    const reviews = loaded.flatMap((c) => reviewViews(c.state!, now, calendar, config.workingHours));
    reviews.sort((a, b) => (a.nextDeadline?.dueAt ?? '\uffff').localeCompare(b.nextDeadline?.dueAt ?? '\uffff') || a.caseRef.localeCompare(b.caseRef) || a.kind.localeCompare(b.kind));
    return { generatedAt: now.toISOString(), reviews };
  }

  /** One review of one case; undefined when the case has no such review (or there is no such case). */
  async review(caseRef: string, kind: ReviewKind, now: Date): Promise<ReviewView | undefined> {
    const { config, calendar, store } = this.deps;
    const { state } = await store.load(caseRef);
    if (!state) return undefined;
    return reviewViews(state, now, calendar, config.workingHours).find((r) => r.kind === kind);
  }

  /** Every action of every case, by review and by owner (issue 17). */
  async actions(now: Date): Promise<ActionsView> {
    const loaded = await this.readAll();
    const states = loaded.map((c) => c.state!).sort((a, b) => a.referral.caseRef.localeCompare(b.referral.caseRef));
    return actionsView(states, this.deps.config, this.deps.calendar, now);
  }

  /** `offsetYears` 0 is the reporting year containing `now`, -1 the one before. */
  async year(now: Date, offsetYears = 0): Promise<YearFigures> {
    const loaded = await this.readAll();
    const { config } = this.deps;
    return yearFigures(
      loaded.map((c) => c.events),
      reportingYear(now, config.reportingYearStartMonth, offsetYears),
      this.deps.calendar,
      { now, ownerName: (owner) => ownerName(config, owner) },
    );
  }
}
