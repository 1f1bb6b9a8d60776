import type { TransactionAction } from '@azure/data-tables';

/**
 * Azure Table Storage (and Azurite) take at most 100 operations, and 4 MiB, in one transaction,
 * all in one partition. A change larger than that is written as several, each within both limits.
 */
export const MAX_BATCH_OPERATIONS = 100;
/** Below 4 MiB with room for the multipart envelope around each operation. */
export const MAX_BATCH_BYTES = 3_500_000;
const ENVELOPE_BYTES = 600;

/** What an operation costs of a transaction's 4 MiB: its JSON (UTF-8, as sent) and its envelope. */
export function operationBytes(action: TransactionAction): number {
  return Buffer.byteLength(JSON.stringify(action[1]), 'utf8') + ENVELOPE_BYTES;
}

/** The actions in order, cut into transactions of at most `maxOperations` and `maxBytes`. */
export function batches(actions: TransactionAction[], limits: { maxOperations?: number; maxBytes?: number } = {}): TransactionAction[][] {
  const maxOperations = limits.maxOperations ?? MAX_BATCH_OPERATIONS;
  const maxBytes = limits.maxBytes ?? MAX_BATCH_BYTES;
  const out: TransactionAction[][] = [];
  let current: TransactionAction[] = [];
  let bytes = 0;
  for (const action of actions) {
    const size = operationBytes(action);
    if (current.length > 0 && (current.length >= maxOperations || bytes + size > maxBytes)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(action);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}
