import type { Agency, PartnershipConfig } from '../workflow/partnership.js';
import type { Recipient } from '../workflow/effects.js';
import { actsForAgency as actsFor } from '../workflow/access.js';
import { withRole } from '../workflow/words.js';

/**
 * Agencies as cards name them. The case log stores only an agency's id, and the configuration
 * may have changed since (an agency renamed or removed), so every lookup has a fallback.
 */

export function agencyOf(config: PartnershipConfig, id: string): Agency | undefined {
  return config.agencies.find((a) => a.id === id);
}

/** The configured name, or the id itself for an agency no longer configured. */
export function agencyName(config: PartnershipConfig, id: string): string {
  return agencyOf(config, id)?.name ?? id;
}

/** "Eve Education (scoping contact) or Ezra Schools (deputy)". Names only: never an address. */
export function agencyPeopleWords(agency: Agency): string {
  const contact = withRole(agency.contact, 'agencyContact');
  const deputies = agency.deputies.map((d) => `${d.displayName} (deputy)`);
  const last = deputies.pop();
  return last ? `${[contact, ...deputies].join(', ')} or ${last}` : contact;
}

/** "Erin Escalation (Education escalation contact)". */
export function agencyEscalationWords(agency: Agency): string {
  return `${agency.escalation.displayName} (${agency.name} escalation contact)`;
}

/**
 * Whether this card's reader can record the agency's return: its contact or a deputy, as the
 * access policy decides for the procedure too. Anyone else (the escalation contact, a channel)
 * sees the card without buttons the bot would refuse.
 */
export function actsForAgency(config: PartnershipConfig, agency: Agency, recipient: Recipient): boolean {
  return recipient.kind === 'person' && actsFor(config, recipient.aadObjectId, agency.id);
}
