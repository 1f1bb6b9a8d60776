import type { CaseState } from './state.js';
import type { WorkingCalendar } from './calendar/workingCalendar.js';
import type { WorkingHours } from './calendar/workingHours.js';
import { reviewDeadlines } from './rapidReview/procedure.js';

/**
 * The instants at which the sweep must look at a case again, derived from its state. The store
 * writes these to the schedule index before committing the events that create them, so a crash
 * can leave a stale entry (harmless: the sweep re-decides) but never a missing one.
 */
export function pendingDeadlines(state: CaseState, calendar: WorkingCalendar, hours: WorkingHours): Date[] {
  const at = (iso: string) => new Date(iso);
  const half = (from: string, to: string) => calendar.halfway(at(from), at(to));
  switch (state.stage) {
    case 'awaitingInitialView':
      return [
        ...(state.remindersSent.includes('initialView') ? [] : [half(state.loggedAt, state.initialViewDueAt)]),
        ...(state.overdueRaised.includes('initialView') ? [] : [at(state.initialViewDueAt)]),
      ];
    case 'awaitingPartnerReplies':
      if (!state.initialView?.postedAt || !state.initialView.repliesDueAt) return [];
      return [
        ...(state.remindersSent.includes('partnerReply') ? [] : [half(state.initialView.postedAt, state.initialView.repliesDueAt)]),
        at(state.initialView.repliesDueAt),
      ];
    case 'awaitingPanelNotification':
      if (!state.decision) return [];
      return [
        ...(state.remindersSent.includes('panelNotification') ? [] : [half(state.decision.at, state.panelNotificationDueAt)]),
        ...(state.overdueRaised.includes('panelNotification') ? [] : [at(state.panelNotificationDueAt)]),
      ];
    case 'dispute': {
      const d = state.dispute;
      if (!d) return [];
      if (d.stage === 1) return d.outcome ? [] : [at(d.meetingDueAt)];
      const due = d.reopened?.decisionDueAt ?? d.escalated?.decisionDueAt;
      return due && !state.overdueRaised.includes('finalDecision') ? [at(due)] : [];
    }
    case 'rapidReview':
      return reviewDeadlines(state, calendar, hours);
    default:
      return [];
  }
}
