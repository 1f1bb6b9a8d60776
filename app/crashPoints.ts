/**
 * Named points in handling a reply, a deadline or an effect, where the fault suite kills the
 * process (SIGKILL, as a host recycle or an out-of-memory kill would) to prove that what was
 * committed survives and each visible outcome still happens once. Only ever armed in local mode:
 * functions/environment.ts refuses FAULT_CRASH_AT anywhere else.
 */
export const CRASH_POINTS = [
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

export type CrashHook = (point: CrashPoint) => void;

export const noCrash: CrashHook = () => {};

/** `point` or `point@n`: die the n-th time (default the first) the process reaches that point. */
export const CRASH_SPEC = new RegExp(`^(${CRASH_POINTS.join('|')})(?:@([1-9][0-9]{0,3}))?$`);

export function crashAt(spec: string, kill: () => void = () => process.kill(process.pid, 'SIGKILL')): CrashHook {
  const match = CRASH_SPEC.exec(spec);
  if (!match) throw new Error(`FAULT_CRASH_AT must look like "committed" or "sent@2"; points: ${CRASH_POINTS.join(', ')}`);
  const target = match[1] as CrashPoint;
  let remaining = Number(match[2] ?? '1');
  return (point) => {
    if (point !== target) return;
    remaining--;
    if (remaining === 0) kill();
  };
}
