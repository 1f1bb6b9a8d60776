/**
 * Waits for an outcome instead of assuming it: card sends and updates may run after the HTTP
 * answer (in the background), so a test polls what a user would see (the connector, storage)
 * until `check` holds or the deadline passes, and then returns the last value either way so the
 * assertion that follows says what was seen.
 */
export async function eventually<T>(read: () => T | Promise<T>, check: (value: T) => boolean, o: { timeoutMs?: number; everyMs?: number } = {}): Promise<T> {
  // Generous: it returns as soon as `check` holds, so the bound only matters on a loaded machine.
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, o.everyMs ?? 50));
  }
}

/**
 * Waits until `read` has returned the same value for `quietMs` (nothing more is happening), for
 * outcomes where "no more than one" matters: a duplicate could still arrive just after the first.
 */
export async function settled<T>(read: () => T | Promise<T>, o: { quietMs?: number; timeoutMs?: number } = {}): Promise<T> {
  const quietMs = o.quietMs ?? 750;
  const deadline = Date.now() + (o.timeoutMs ?? 20_000);
  let last = JSON.stringify(await read());
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const value = await read();
    const text = JSON.stringify(value);
    if (text !== last) {
      last = text;
      since = Date.now();
    } else if (Date.now() - since >= quietMs || Date.now() >= deadline) return value;
  }
}
