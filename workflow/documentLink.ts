import { identifyingDetailIn } from './freeText.js';
import { safeDecode } from './kernel.js';
import type { PartnershipConfig } from './partnership.js';

/**
 * A document given by link (the referral, an agency's scoping return) stays in the partnership's
 * document store: only an https link to one of its hosts is accepted. The link is stored and shown
 * on cards, so it may carry no user name or password, and neither its path nor its query may name
 * the child. One check, one set of words, wherever a link is given.
 */
export function checkDocumentLink(config: Pick<PartnershipConfig, 'documentStoreHosts'>, text: string, what: string): { ok: true; url: URL } | { ok: false; refusal: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, refusal: `${what} must be a link (https://...) into the partnership's document store.` };
  }
  if (url.protocol !== 'https:' || !config.documentStoreHosts.includes(url.hostname) || url.username || url.password) {
    return { ok: false, refusal: `${what} must be a link into the partnership's document store (${config.documentStoreHosts.join(', ')}), starting https://.` };
  }
  const detail = identifyingDetailIn(safeDecode(url.pathname + url.search).replace(/[/_+]/g, ' '));
  if (detail) return { ok: false, refusal: `The document link seems to contain ${detail}. Link to a document whose name carries only the case reference.` };
  return { ok: true, url };
}
