import type { Agency } from '../workflow/partnership.js';
import type { AgencyReturn, RapidReview } from '../workflow/state.js';
import type { CardElement } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { agencyEscalationWords } from './agencies.js';
import type { CaseCardParts } from './context.js';
import { extensionDeclined, isLate } from './returnStatus.js';
import { overdueWords, timeLeftSentence } from './workingDays.js';
import { actorWords, when } from './wording.js';

/**
 * The words an agency reads about its own return, the same on the request and on each chaser:
 * how long is left, why the date matters, and what the bot does if the return does not come.
 */

/** How long is left or how late it is, and where a request for more time stands. */
export function timingBlocks({ now, calendar }: CaseCardParts, a: AgencyReturn): CardElement[] {
  const left = timeLeftSentence(a.dueAt, now, calendar);
  const ext = a.extension;
  return [
    ...(isLate(a, now)
      ? [textBlock(`${overdueWords(a.dueAt, now, calendar)}: please send it now.`, { color: 'Attention', weight: 'Bolder' })]
      : left
        ? [textBlock(left, { spacing: 'None' })]
        : []),
    ...(ext && a.status === 'extensionAsked'
      ? [textBlock(`More time was asked for, to ${when(ext.proposedDueAt, now)}, by ${ext.by.displayName} at ${when(ext.at, now)}: it is with the business unit. Until they agree, the return is due by ${when(a.dueAt, now)}.`, { color: 'Warning' })]
      : []),
    ...(ext?.decided && a.status === 'extensionAgreed'
      ? [textBlock(`More time agreed by ${actorWords(ext.decided.by)} at ${when(ext.decided.at, now)}: now due by ${when(a.dueAt, now)}.`, { color: 'Good' })]
      : []),
    ...(ext?.decided && extensionDeclined(a)
      ? [textBlock(`More time (to ${when(ext.proposedDueAt, now)}) was declined by ${actorWords(ext.decided.by)}: the return is still due by ${when(a.dueAt, now)}.`, { color: 'Attention' })]
      : []),
  ];
}

export function whyWords(rr: RapidReview, now: Date): string {
  const setup = rr.setup;
  const papers = setup
    ? `The papers go to the review group members at ${when(setup.papersDueAt, now)}, one week before the rapid review meeting at ${when(setup.meetingAt, now)}. `
    : '';
  return `${papers}The rapid review must be completed by ${when(rr.dueAt, now)}, 15 working days from the notification.`;
}

/**
 * What the bot does if the return does not come, for the reader: the contact or a deputy (`acts`)
 * or the escalation contact. Before the due time that is the reminders; once late, the chasers.
 */
export function nextWords(agency: Agency, late: boolean, acts: boolean): string {
  const chased = acts ? `you and ${agencyEscalationWords(agency)} are` : `${agency.contact.displayName} and you are`;
  if (late) return `Until it arrives, ${chased} chased each working day, and the business unit sees it as overdue on the rapid review board.`;
  return `You are reminded two working days before and on the morning it is due. Once it is late, ${chased} chased each working day until it arrives, and the business unit is told.`;
}
