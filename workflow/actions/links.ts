import { identifyingDetailIn } from '../freeText.js';
import { safeDecode } from '../kernel.js';
import type { PartnershipConfig } from '../partnership.js';

/**
 * Evidence is linked, never copied: a link into the partnership's document store, checked as a
 * scoping return's link is (workflow/rapidReview/returns.ts): https, a document-store host, no
 * credentials, and no identifying detail in the document's path.
 */
export function documentLink(config: PartnershipConfig, text: string, what: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { problem: `Give the link to the ${what} in the partnership's document store (https://...).` };
  }
  if (url.protocol !== 'https:' || !config.documentStoreHosts.includes(url.hostname) || url.username || url.password) {
    return { problem: `The ${what} must be a link into the partnership's document store (${config.documentStoreHosts.join(', ')}), starting https://.` };
  }
  const detail = identifyingDetailIn(safeDecode(url.pathname).replace(/[/_+]/g, ' '));
  if (detail) return { problem: `The link seems to contain ${detail}. Link to a document whose name carries only the case reference.` };
  return { url: url.toString() };
}
