/**
 * Named points in handling a reply, a deadline or an effect, where the fault suite kills the
 * process (SIGKILL, as a host recycle or an out-of-memory kill would) to prove that what was
 * committed survives and each visible outcome still happens once. Only ever armed in local mode:
 * functions/environment.ts refuses FAULT_CRASH_AT anywhere else.
 */
export const CRASH_POINTS = [
  /** A change too large for one transaction: its outbox rows are written, the head (the commit) is not. */
  'staged',
  /** A change too large for one transaction: the head is committed, the rest of its event rows are not written. */
  'headCommitted',
  /** The events and their outbox rows are committed; no effect has been performed. */
  'committed',
  /** Teams accepted a new message; its sent marker (or tracked-card row) is not written yet. */
  'sent',
  /** Graph created the meeting; the booking is not recorded in the case yet. */
  'booked',
  /** The effect was performed and its markers written; it is not marked done yet. */
  'performed',
] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

/** What the process was doing at the point: for `performed`, the kind of effect ('send', 'refreshCards', 'bookMeeting', 'cancelMeeting'). */
export type CrashHook = (point: CrashPoint, kind?: string) => void;

export const noCrash: CrashHook = () => {};

/**
 * `point`, `point:kind` or either with `@n`: die the n-th time (default the first) the process
 * reaches that point (while performing that kind of effect).
 */
export const CRASH_SPEC = new RegExp(`^(${CRASH_POINTS.join('|')})(?::([A-Za-z]{1,40}))?(?:@([1-9][0-9]{0,3}))?$`);

export function crashAt(spec: string, kill: () => void = () => process.kill(process.pid, 'SIGKILL')): CrashHook {
  const match = CRASH_SPEC.exec(spec);
  if (!match) throw new Error(`FAULT_CRASH_AT must look like "committed", "sent@2" or "performed:bookMeeting"; points: ${CRASH_POINTS.join(', ')}`);
  const target = match[1] as CrashPoint;
  const kind = match[2];
  let remaining = Number(match[3] ?? '1');
  return (point, pointKind) => {
    if (point !== target || (kind !== undefined && kind !== pointKind)) return;
    remaining--;
    if (remaining === 0) kill();
  };
}
