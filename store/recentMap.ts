/**
 * A map that keeps at most `capacity` entries, forgetting the least recently used first: the
 * bounded per-process copies (case heads, schedule entries written, cards sent) all need this.
 * Forgetting only ever costs a read or a write that a copy would have saved.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Most recently used last, so the first key is the one to forget.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Without counting as a use. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
