import { createHash } from 'node:crypto';

/**
 * Graph de-duplicates event creation by `transactionId` per organiser mailbox: a second POST with
 * the same id returns the first event instead of inviting everyone twice. So the id must be a pure
 * function of *what* is being booked, never of when or on which attempt, and a re-run after a
 * crash between "booked" and "recorded" reuses it.
 */
export type TransactionKey = {
  caseRef: string;
  /** The step that needs the meeting, e.g. 'sin-dispute' or 'sin-exceptional'. */
  stage: string;
  /**
   * What distinguishes two meetings for the same case and stage, and is the same on every retry:
   * e.g. the id of the event that opened the dispute. Never an attempt number or a clock reading.
   */
  key: string;
};

// Fixed, so ids from this product never collide with another client's ids in the same mailbox.
const NAMESPACE = 'safeguarding-decisions-bot/graph-event/v1';

/**
 * A GUID-shaped id (RFC 9562 version 8, the "custom" version, over SHA-256 rather than v5's
 * SHA-1), so it passes any validator that expects a GUID while remaining deterministic.
 */
export function meetingTransactionId({ caseRef, stage, key }: TransactionKey): string {
  for (const [name, value] of Object.entries({ caseRef, stage, key })) {
    if (value.trim() === '') throw new RangeError(`${name} must not be empty`);
  }
  // JSON array, not a joined string: ("a|b", "c") and ("a", "b|c") must not hash alike.
  const digest = createHash('sha256').update(JSON.stringify([NAMESPACE, caseRef, stage, key])).digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80; // version 8
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122/9562 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
