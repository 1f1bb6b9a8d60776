import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { AgencyReturn } from '../workflow/state.js';
import { overdueWords } from './workingDays.js';
import { when } from './wording.js';

/**
 * One agency's scoping return in words, the same on the board, the agency's own card and the
 * alerts. A return still owed is late once its current due time (the review's return date, or an
 * agreed extension) has passed, whatever else is pending: an extension only counts once agreed.
 */

export function isOutstanding(a: AgencyReturn): boolean {
  return a.status === 'requested' || a.status === 'extensionAsked' || a.status === 'extensionAgreed';
}

export function isLate(a: AgencyReturn, now: Date): boolean {
  return isOutstanding(a) && now.getTime() > Date.parse(a.dueAt);
}

/** Whether more time was asked for and refused: the original date stands. */
export function extensionDeclined(a: AgencyReturn): boolean {
  return a.extension?.decided?.agreed === false && a.status === 'requested';
}

type StatusLine = { text: string; color?: 'Good' | 'Warning' | 'Attention' };

export function returnStatus(a: AgencyReturn, now: Date, calendar: WorkingCalendar | undefined): StatusLine {
  const due = when(a.dueAt, now);
  const late = isLate(a, now) ? `${overdueWords(a.dueAt, now, calendar)} (due by ${due})` : undefined;
  switch (a.status) {
    case 'returned':
      return { text: `Returned ${when(a.returned?.at ?? a.dueAt, now)}${a.returned ? ` by ${a.returned.by.displayName}` : ''}`, color: 'Good' };
    case 'noInvolvement':
      return { text: `No involvement${a.returned ? ` (recorded ${when(a.returned.at, now)} by ${a.returned.by.displayName})` : ''}`, color: 'Good' };
    case 'extensionAsked': {
      const to = when(a.extension?.proposedDueAt ?? a.dueAt, now);
      return late ? { text: `${late}; extension asked to ${to}`, color: 'Attention' } : { text: `Extension asked to ${to}; due by ${due} until agreed`, color: 'Warning' };
    }
    case 'extensionAgreed':
      return late ? { text: `${late}, after an extension`, color: 'Attention' } : { text: `Extension agreed to ${due}` };
    case 'requested': {
      const declined = extensionDeclined(a) ? '; more time declined' : '';
      return late ? { text: `${late}${declined}`, color: 'Attention' } : { text: `Requested (due by ${due})${declined}` };
    }
  }
}
