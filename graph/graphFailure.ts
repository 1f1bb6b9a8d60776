import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import { NETWORK_FAILURE_NAME } from './fetchTransport.js';

/**
 * Why a Graph call did not do its job, in terms the caller can act on. Every kind ends the same
 * way for the case (post a manual "arrange this meeting" card to the business unit); the kind
 * decides what the card and the log say should be fixed, and by whom.
 *
 * `detail` is for logs and the administrator. It holds Graph's error code and message and never
 * the meeting's subject, body or attendees.
 */
export type GraphFailure =
  /** No Graph client or organiser mailbox was configured for this partnership. */
  | { kind: 'notConfigured'; detail: string }
  /** No token (bad secret, unknown app or tenant) or Graph rejected it (401). */
  | { kind: 'authenticationFailed'; detail: string }
  /** 403: an application permission is missing or an application access policy excludes the mailbox. */
  | { kind: 'permissionDenied'; detail: string; code?: string | undefined; requestId?: string | undefined }
  /** The organiser mailbox does not exist or cannot be used through the REST API. */
  | { kind: 'mailboxNotFound'; detail: string; code?: string | undefined; requestId?: string | undefined }
  /** Cancelling: the event is no longer in the organiser's calendar (deleted, or never created). */
  | { kind: 'eventNotFound'; detail: string; requestId?: string | undefined }
  /** Throttled or unavailable (429/503/504) after the client's retries, or no response at all after ours. */
  | { kind: 'failedAfterRetries'; detail: string; status?: number | undefined; requestId?: string | undefined }
  /** Graph answered 2xx with a body we cannot use: nothing is assumed from it. */
  | { kind: 'unexpectedResponse'; detail: string }
  /** Any other error response (400, 409, 500, ...), or an error without one: not worth repeating as is. */
  | { kind: 'rejected'; detail: string; status?: number | undefined; code?: string | undefined; requestId?: string | undefined }
  /** Refused before sending: the request would have carried something it must not. */
  | { kind: 'refused'; detail: string };

export type GraphResult<T> = { ok: true; value: T } | { ok: false; error: GraphFailure };

export const failure = (error: GraphFailure): { ok: false; error: GraphFailure } => ({ ok: false, error });

// The names @azure/identity gives its credential errors; the client copies them into GraphError.code.
const CREDENTIAL_ERRORS = new Set(['AuthenticationError', 'AggregateAuthenticationError', 'CredentialUnavailableError', 'AuthenticationRequiredError']);
// Exchange answers for a user that does not exist, or a mailbox that is not in Exchange Online.
const MAILBOX_ERRORS = new Set(['ErrorInvalidUser', 'MailboxNotEnabledForRESTAPI', 'ErrorNonExistentMailbox']);
const THROTTLED_OR_UNAVAILABLE = new Set([429, 503, 504]);

/** What a Graph client call threw, as a failure kind. Never throws itself. */
export function classifyGraphError(error: unknown): GraphFailure {
  if (error instanceof GraphClientError) {
    // Thrown by the client itself before sending; in our use, only its token provider does (no token returned).
    return { kind: 'authenticationFailed', detail: describe(error) };
  }
  if (!(error instanceof GraphError)) return { kind: 'rejected', detail: describe(error) };
  const { statusCode: status, code } = error;
  const requestId = error.requestId ?? undefined;
  const detail = `${status > 0 ? `HTTP ${status}` : 'no HTTP response'}${code ? ` ${code}` : ''}: ${error.message}`;
  if (status === -1) {
    // No HTTP response: thrown by a middleware (ours for the network, the authentication handler for tokens).
    if (code === NETWORK_FAILURE_NAME) return { kind: 'failedAfterRetries', detail: error.message };
    if (code !== null && CREDENTIAL_ERRORS.has(code)) return { kind: 'authenticationFailed', detail };
    return { kind: 'failedAfterRetries', detail };
  }
  if (code !== null && MAILBOX_ERRORS.has(code)) return { kind: 'mailboxNotFound', detail, code, requestId };
  if (status === 401) return { kind: 'authenticationFailed', detail };
  if (status === 403) return { kind: 'permissionDenied', detail, code: code ?? undefined, requestId };
  if (status === 404) {
    // The only other resource in our paths is the event being cancelled.
    return code === 'ErrorItemNotFound'
      ? { kind: 'eventNotFound', detail, requestId }
      : { kind: 'mailboxNotFound', detail, code: code ?? undefined, requestId };
  }
  if (THROTTLED_OR_UNAVAILABLE.has(status)) return { kind: 'failedAfterRetries', detail, status, requestId };
  return { kind: 'rejected', detail, status, code: code ?? undefined, requestId };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
