/**
 * Row keys in the Cases table. Each ends with the case's partition key, so no two rows in the
 * table share a row key. Azure Table Storage does not need that; Azurite does: it finds a row by
 * its row key's index first and then filters those rows by partition, so a key like
 * 'ev-0000000001' that every case has made each point read and insert cost O(open cases).
 * The prefixes stay first, so a partition's events, effects or cards are still one key range
 * in order.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const caseRowKeys = {
  head: (partition: string) => `head~${partition}`,
  event: (partition: string, seq: number) => `ev-${pad(seq, 10)}~${partition}`,
  /** `width` 4 for a change of more than 1,000 effects: every key of one change has the same width, so they sort in order. */
  effect: (partition: string, seq: number, index: number, width = 3) => `fx-${pad(seq, 10)}-${pad(index, width)}~${partition}`,
  /** An effect of a change too large for one transaction, written before it under the attempt's own key. */
  stagedEffect: (partition: string, seq: number, index: number, attempt: string, width = 3) => `fx-${pad(seq, 10)}-${pad(index, width)}-${attempt}~${partition}`,
  card: (partition: string, key: string) => `card-${key}~${partition}`,
  /** The sweep's count of failed attempts at the case in a row (app/stuckCases.ts). */
  stuck: (partition: string) => `stuck~${partition}`,
  sent: (partition: string, key: string) => `sent-${key}~${partition}`,
  /** Someone holds a request the case sent them (a Teams card or an email): whom a roster change moves it from. */
  held: (partition: string, key: string) => `held-${key}~${partition}`,
  /** An email an effect sent (or had refused), so a retried effect does not send it again. */
  mail: (partition: string, key: string) => `mail-${key}~${partition}`,
};
