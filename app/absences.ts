import { DateTime } from 'luxon';
import { mayRecordAbsence } from '../workflow/access.js';
import type { LiveRoster } from './liveRoster.js';

/**
 * Recording an absence on the live roster (issue 16), for the tab's API and the bot's "away"
 * command alike: the person for themselves, the business unit for anyone on the roster. Only the
 * period is kept; the change's reason is "absent", whatever the person's own reason.
 */

export type AbsenceOutcome = { ok: true; version: number } | { ok: false; status: 400 | 403 | 409; reason: string };

export async function recordAbsence(roster: LiveRoster, by: { aadObjectId: string; displayName: string }, forId: string, period: { from: string; to: string }, now: Date): Promise<AbsenceOutcome> {
  const current = roster.current();
  if (!mayRecordAbsence(current, by.aadObjectId, forId)) return { ok: false, status: 403, reason: "You can record your own absence; the business unit records anyone's." };
  const next = { ...current, absences: [...current.absences, { aadObjectId: forId, from: period.from, to: period.to }] };
  const result = await roster.change({ baseVersion: roster.currentVersion, why: 'absent', roster: next }, by, now);
  if (result.ok) return { ok: true, version: result.version };
  return { ok: false, status: result.status, reason: result.status === 400 ? result.issues.map((i) => i.message).join('; ') : result.reason };
}

/** "away 2026-05-11 to 2026-05-15": from the start of the first day to the end of the last, London time. */
export function absenceFromWords(command: string): { from: string; to: string } | undefined {
  const match = /^away (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/i.exec(command);
  return match ? absenceFromDays(match[1]!, match[2]!) : undefined;
}

/** The first and last day away (YYYY-MM-DD, London) as the instants the roster keeps; undefined when they are no such days or the last comes first. */
export function absenceFromDays(first: string, last: string): { from: string; to: string } | undefined {
  const from = DateTime.fromISO(first, { zone: 'Europe/London' });
  const end = DateTime.fromISO(last, { zone: 'Europe/London' });
  if (!from.isValid || !end.isValid || end < from) return undefined;
  return { from: from.toISO()!, to: end.plus({ days: 1 }).toISO()! };
}

/** What the person is told once their absence is on the roster, however they recorded it. */
export function absenceRecordedWords(first: string, last: string): string {
  return `You are away from ${first} to ${last}. Until then, what a deputy may do for you goes to your deputies, and your partner's absence inbox is told.`;
}
