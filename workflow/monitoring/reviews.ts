import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { WorkingHours } from '../calendar/workingHours.js';
import type { CaseState } from '../state.js';
import { learningEventView } from './learningEventView.js';
import { localReviewView } from './localReviewView.js';
import type { ReviewKind, ReviewView } from './schemas.js';

/** The reviews of a case the tab shows (issue 17), each in its own view. Pure: time is passed in. */
export function reviewViews(state: CaseState, now: Date, calendar: WorkingCalendar, hours: WorkingHours): ReviewView[] {
  const views: Record<ReviewKind, ReviewView | undefined> = {
    lcspr: localReviewView(state, now, calendar),
    learningEvent: learningEventView(state, now, calendar, hours),
  };
  return Object.values(views).filter((v): v is ReviewView => v !== undefined);
}
