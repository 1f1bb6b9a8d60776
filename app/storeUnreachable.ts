/**
 * Whether an error means the case store (Azure Table Storage) could not be reached or could not
 * answer: the network refused, reset, timed out or found no such host, or the service itself
 * failed (5xx, e.g. ServerBusy). The tab then says so and to try again, instead of a generic error;
 * a refusal by the store (4xx) or a bug is something else and is not hidden behind "try again".
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  // @azure/core-rest-pipeline's code for a request that could not be sent at all.
  'REQUEST_SEND_ERROR',
]);
const SERVICE_FAILURES = new Set([500, 502, 503, 504]);

export const STORE_UNREACHABLE_MESSAGE = 'The case store cannot be reached; please try again in a minute.';

export function isStoreUnreachable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, statusCode } = error as { name?: unknown; code?: unknown; statusCode?: unknown };
  // Only the storage SDK's errors (RestError), so a 5xx or a socket error from elsewhere is not mistaken for the store.
  if (name !== 'RestError') return false;
  return (typeof code === 'string' && NETWORK_CODES.has(code)) || (typeof statusCode === 'number' && SERVICE_FAILURES.has(statusCode));
}
