/**
 * When to try again something that keeps failing: at the next chance for the first few failures
 * (most failures are passing: a deploy, a throttled call), then, once the business unit has been
 * told, less and less often, so a case or an effect that can never succeed costs a few attempts a
 * day instead of one a minute for ever. Nothing is ever given up: a fix (the app installed, the
 * bug mended) is picked up within the longest interval.
 */
export const REPORT_AFTER_FAILURES = 3;
const FIRST_SLOW_MS = 10 * 60_000;
export const MAX_RETRY_MS = 2 * 3_600_000;

/** The wait after the `failures`-th failure in a row: 0 (next chance) before the report, then 10 min, 20, 40, 80, 120, 120, ... */
export function retryDelayMs(failures: number): number {
  if (failures < REPORT_AFTER_FAILURES) return 0;
  return Math.min(FIRST_SLOW_MS * 2 ** (failures - REPORT_AFTER_FAILURES), MAX_RETRY_MS);
}
