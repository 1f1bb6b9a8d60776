import { z } from 'zod';
import type { Verb } from '../cards/verbs.js';
import type { CardSpec } from '../workflow/effects.js';

/**
 * The link to act that an email carries, and what it may ask: `<base>/act/?case=<ref>&do=<what>`
 * (and `&agency=<id>` for an agency's scoping request). It names the case and the request only:
 * no token, no person, nothing of the child. Who acts comes from the sign-in, never from the link.
 *
 * One table says, per request, which card the page shows and which of that card's verbs the page
 * may send: the same card and verbs a Teams click uses, so the page offers exactly what the card
 * offers and nothing else (not the history, not the export).
 */

const CaseRefSchema = z.string().min(1).max(40).regex(/^[A-Za-z0-9-]+$/);
const AgencyIdSchema = z.string().regex(/^[a-z0-9-]{2,40}$/);

export const ActRequestSchema = z.discriminatedUnion('do', [
  /** A partner's reply to the initial view, with its rationale. */
  z.object({ case: CaseRefSchema, do: z.literal('reply') }),
  /** An agency's scoping return, no involvement, or a request for more time. */
  z.object({ case: CaseRefSchema, do: z.literal('scoping'), agency: AgencyIdSchema }),
]);
export type ActRequest = z.infer<typeof ActRequestSchema>;
type Request = ActRequest['do'];

export const ACT_VERBS: Record<Request, readonly Verb[]> = {
  reply: ['partner.agree', 'partner.disagree'],
  scoping: ['scoping.return', 'scoping.noInvolvement', 'scoping.extension'],
};

/** Every verb the page may send, whatever the request. */
export const ALL_ACT_VERBS: ReadonlySet<string> = new Set(Object.values(ACT_VERBS).flat());

/** The card the request is about, as the bot would send it. */
export function cardOf(request: ActRequest): CardSpec {
  return request.do === 'reply' ? { kind: 'partnerDecision' } : { kind: 'scopingRequest', agency: request.agency };
}

/** The request an email about `card` can be acted on through, if any: cards that only tell have none. */
export function actRequestFor(caseRef: string, card: CardSpec): ActRequest | undefined {
  switch (card.kind) {
    case 'partnerDecision':
      return { case: caseRef, do: 'reply' };
    case 'reminder':
      return card.about === 'partnerReply' ? { case: caseRef, do: 'reply' } : undefined;
    case 'scopingRequest':
    case 'scopingChaser':
    case 'scopingOverdue':
    case 'extensionAnswer':
      return { case: caseRef, do: 'scoping', agency: card.agency };
    default:
      return undefined;
  }
}

/** The page's address for a request, under the app's public base URL. */
export function actLink(publicBaseUrl: string, request: ActRequest): string {
  const url = new URL('/act/', publicBaseUrl);
  url.searchParams.set('case', request.case);
  url.searchParams.set('do', request.do);
  if (request.do === 'scoping') url.searchParams.set('agency', request.agency);
  return url.toString();
}
