import { DateTime } from 'luxon';
import { mayRecordAbsence } from '../workflow/access.js';
import type { LiveRoster } from './liveRoster.js';
import type { Roster } from '../workflow/partnership.js';

/**
 * Recording an absence on the live roster (issue 16), for the tab's API and the bot's "away"
 * command alike: the person for themselves, the business unit for anyone on the roster. Only the
 * period is kept; the change's reason is "absent", whatever the person's own reason.
 */

export type AbsenceOutcome = { ok: true; version: number } | { ok: false; status: 400 | 403 | 409; reason: string };

export async function recordAbsence(roster: LiveRoster, by: { aadObjectId: string; displayName: string }, forId: string, period: { from: string; to: string }, now: Date): Promise<AbsenceOutcome> {
  return changeAbsences(roster, by, forId, now, (absences) => [...absences, { aadObjectId: forId, from: period.from, to: period.to }]);
}

/**
 * "back": the person's absence that covers now ends now (an absence still to come is kept). Only
 * for themselves, or the business unit for anyone, as for recording one.
 */
export async function endAbsence(roster: LiveRoster, by: { aadObjectId: string; displayName: string }, forId: string, now: Date): Promise<AbsenceOutcome & { ended?: number }> {
  let ended = 0;
  const outcome = await changeAbsences(roster, by, forId, now, (absences) => {
    ended = 0;
    return absences.map((a) => {
      if (a.aadObjectId !== forId || Date.parse(a.from) > now.getTime() || now.getTime() >= Date.parse(a.to)) return a;
      ended++;
      return { ...a, to: now.toISOString() };
    }).filter((a) => Date.parse(a.to) > Date.parse(a.from)); // one ended the instant it began is no absence at all
  });
  if (outcome.ok && ended === 0) return { ok: false, status: 400, reason: 'There is no absence of yours going on now. Nothing was changed.' };
  return { ...outcome, ended };
}

/** How many times an absence is re-applied to a roster someone else changed at the same moment. */
const ABSENCE_ATTEMPTS = 3;

/**
 * An absence is one entry in the roster's list, applied to the latest roster: when someone else
 * saved a change in between (409), it is applied again to theirs, since nothing they did is
 * overwritten. The person never reads the tab's "someone changed the roster since you opened it".
 */
async function changeAbsences(roster: LiveRoster, by: { aadObjectId: string; displayName: string }, forId: string, now: Date, edit: (absences: Roster['absences']) => Roster['absences']): Promise<AbsenceOutcome> {
  for (let attempt = 1; ; attempt++) {
    const current = roster.current();
    if (!mayRecordAbsence(current, by.aadObjectId, forId)) return { ok: false, status: 403, reason: "You can record your own absence; the business unit records anyone's." };
    const before = roster.currentVersion;
    const next = { ...current, absences: edit(current.absences) };
    if (next.absences.length === current.absences.length && next.absences.every((a, i) => a === current.absences[i])) return { ok: true, version: before };
    const result = await roster.change({ baseVersion: before, why: 'absent', roster: next }, by, now);
    if (result.ok) return { ok: true, version: result.version };
    if (result.status === 409 && attempt < ABSENCE_ATTEMPTS) {
      await roster.refresh();
      continue;
    }
    if (result.status === 409) return { ok: false, status: 409, reason: 'The roster was being changed by others at the same moment. Nothing was recorded: please try again.' };
    return { ok: false, status: 400, reason: result.issues.map((i) => i.message).join('; ') };
  }
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
