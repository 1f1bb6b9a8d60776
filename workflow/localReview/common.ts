import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../calendar/workingHours.js';
import { identifyingDetailIn } from '../freeText.js';
import { person, refuse, safeDecode, unique, type Decision, type Recorder, sendKey } from '../kernel.js';
import { PARTNERS, type PartnershipConfig } from '../partnership.js';
import type { CaseState } from '../state.js';
import { isCalendarDate, londonDateOf } from './rules.js';
import type { LocalReview } from './state.js';

/** What the local review's steps share: finding the review, checking dates and links, and who is told. */

/** The case's local review, or the refusal to give. */
export function findReview(state: CaseState | undefined): { error: Decision } | { error?: undefined; l: LocalReview; caseRef: string } {
  if (!state) return { error: refuse('There is no such case.') };
  const l = state.localReview;
  if (!l) return { error: refuse(`There is no local review (LCSPR) on ${state.referral.caseRef}.`) };
  return { l, caseRef: state.referral.caseRef };
}

/** "Monday 31 August 2026": a London calendar date in words. */
export function dayWords(date: string): string {
  return DateTime.fromISO(date, { zone: LONDON_ZONE }).toFormat('cccc d LLLL yyyy');
}

/** A date the business unit gives: a real date, not before the decision (and, for a date done or sent, not after today). */
export function dateProblem(date: string, l: LocalReview, now: Date, when: 'past' | 'future', what: string): string | undefined {
  if (!isCalendarDate(date)) return `Please give the ${what} as a date (YYYY-MM-DD).`;
  const today = londonDateOf(now);
  const decided = londonDateOf(new Date(l.decidedAt));
  if (date < decided) return `The ${what} (${dayWords(date)}) is before the decision to hold the review (${dayWords(decided)}); please check it.`;
  if (when === 'past' && date > today) return `The ${what} cannot be in the future.`;
  if (when === 'future' && date < today) return `The ${what} (${dayWords(date)}) has already passed; please give today or a later date.`;
  return undefined;
}

/** An instant something was sent: not in the future, not before the decision. */
export function sentAtProblem(sentAt: string, l: LocalReview, now: Date): string | undefined {
  const t = Date.parse(sentAt);
  if (t > now.getTime()) return 'The date it was sent cannot be in the future.';
  if (t < Date.parse(l.decidedAt)) return 'The date it was sent is before the decision to hold the review; please check it.';
  return undefined;
}

/** A link into the partnership's document store, checked as the referral's and the returns' are. */
export function documentLink(config: PartnershipConfig, text: string, what: string): { error: string } | { error?: undefined; url: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: `Give the link to the ${what} in the partnership's document store (https://...).` };
  }
  if (url.protocol !== 'https:' || !config.documentStoreHosts.includes(url.hostname) || url.username || url.password) {
    return { error: `The ${what} must be a link into the partnership's document store (${config.documentStoreHosts.join(', ')}), starting https://.` };
  }
  const detail = identifyingDetailIn(safeDecode(url.pathname).replace(/[/_+]/g, ' '));
  if (detail) return { error: `The link seems to contain ${detail}. Link to a document whose name carries only the case reference.` };
  return { url: url.toString() };
}

/** A published report is on the partnership's public website, not in the document store: any https link. */
export function publicLink(text: string): { error: string } | { error?: undefined; url: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: 'Give the link to the published report (https://...).' };
  }
  if (url.protocol !== 'https:' || url.username || url.password) return { error: 'The link to the published report must start https://.' };
  const detail = identifyingDetailIn(safeDecode(url.pathname).replace(/[/_+-]/g, ' '));
  if (detail) return { error: `The link seems to contain ${detail}; a published report is anonymised (5.18).` };
  return { url: url.toString() };
}

export const businessUnitIds = (config: PartnershipConfig): string[] => unique(config.businessUnit.map((p) => p.aadObjectId));

/** The executive as configured; by default the partnership chair and the partners' representatives (as the rapid review's approval does). */
export const executiveIds = (config: PartnershipConfig): string[] =>
  unique((config.executive ?? [config.partnershipChair, ...PARTNERS.map((p) => config.partners[p].representative)]).map((p) => p.aadObjectId));

/** The Main Board members as configured (5.6 "and board members"); none when absent. */
export const boardMemberIds = (config: PartnershipConfig): string[] => unique((config.boardMembers ?? []).map((p) => p.aadObjectId));

/** The business unit's working card, one per person, kept up to date. */
export function sendBoard(r: Recorder, config: PartnershipConfig) {
  for (const id of businessUnitIds(config)) r.effect({ type: 'send', key: sendKey.localReviewBoard(id), to: person(id), card: { kind: 'localReviewBoard' }, tracked: true });
}

/** A short free-text field that is not a rationale (a partnership's or a reviewer's name). */
export function shortTextProblem(value: string, what: string, checkIdentifying = true): string | undefined {
  const v = value.trim();
  if (!v) return `Please give the ${what}.`;
  if (v.length > 200) return `The ${what} is ${v.length} characters long; please keep it to 200.`;
  const detail = checkIdentifying ? identifyingDetailIn(v) : undefined;
  if (detail) return `The ${what} seems to contain ${detail}. Cards and records carry only the case reference.`;
  return undefined;
}
