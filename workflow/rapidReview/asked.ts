import type { PartnershipConfig } from '../partnership.js';
import { PARTNERS, PARTNER_NAMES } from '../partnership.js';

/**
 * Who a rapid review asks (002 Section B: "'summary of involvement requests' which are shared with
 * all Learning Inquiry Group members for completion and any other relevant agencies identified"):
 * every review-group agency, the three partners among them (each answers through the agency
 * flagged with it), then the agencies the business unit identified. Where domestic abuse is
 * identified the specialist service is asked too and invited to the meeting (001: "asked to
 * participate in every RR where domestic abuse is identified").
 */
export function scopingAgencies(config: PartnershipConfig, identified: readonly string[], domesticAbuse: boolean): { error: string } | { error?: undefined; agencies: string[]; invited: string[] } {
  const members = config.agencies.filter((a) => a.reviewGroup || a.partner).map((a) => a.id);
  const invited = domesticAbuse ? config.agencies.filter((a) => a.domesticAbuseService).map((a) => a.id) : [];
  if (domesticAbuse && invited.length === 0) return { error: "Domestic abuse is identified, but the partnership's configuration names no specialist domestic abuse service to invite. Nothing was recorded." };
  // In the order the business unit chose them, then any member it left out.
  return { agencies: [...new Set([...identified, ...members, ...invited])], invited };
}

/** A partner with no scoping agency in the configuration cannot be asked: said at set-up, every time. */
export function unaskedPartnerWarnings(config: PartnershipConfig): string[] {
  const missing = PARTNERS.filter((p) => !config.agencies.some((a) => a.partner === p));
  return missing.length === 0 ? [] : [`The configuration names no scoping agency for ${missing.map((p) => PARTNER_NAMES[p]).join(', ')}, so they were not asked: add one flagged "partner".`];
}
