import type { CaseState } from '../workflow/state.js';
import type { CaseHead } from './caseHead.js';
import { RecentMap } from './recentMap.js';

/**
 * The last head row this process read or wrote for each case, so a command can be decided
 * without reading the case first. A copy may be stale (another process wrote since); it is only
 * used where the head's eTag is checked on write, so a stale copy costs one conflict and a fresh
 * read, never a lost update. Bounded: the oldest cases are forgotten first.
 */

export type CachedHead = { head: CaseHead; state: CaseState | undefined };

const DEFAULT_MAX_CASES = 1_000;

export class HeadCache {
  private readonly entries: RecentMap<string, CachedHead>;
  constructor(maxCases = DEFAULT_MAX_CASES) {
    this.entries = new RecentMap(maxCases);
  }

  get(partition: string): CachedHead | undefined {
    return this.entries.get(partition);
  }

  set(partition: string, entry: CachedHead): void {
    this.entries.set(partition, entry);
  }

  /** After a write that changed only the head's outbox list: kept only if the copy was the head written over. */
  pendingChanged(partition: string, fromEtag: string, toEtag: string, pending: string[]): void {
    const entry = this.entries.peek(partition);
    if (!entry) return;
    if (entry.head.etag !== fromEtag) {
      this.entries.delete(partition);
      return;
    }
    entry.head = { ...entry.head, etag: toEtag, pending };
  }

  forget(partition: string): void {
    this.entries.delete(partition);
  }
}
