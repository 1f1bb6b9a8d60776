import { PARTNER_NAMES, partnerPeople, type Agency, type PartnershipConfig } from '../partnership.js';
import type { ActionOwner } from './schemas.js';

/**
 * Who an action's owner is on the roster: an agency (its contact and deputies act, its escalation
 * contact is chased when the action is overdue) or a statutory partner (its representative and
 * deputies act). A partner has no escalation contact of its own on the roster; where an agency
 * answers for that partner (AgencySchema.partner) its escalation contact is used.
 */

export const agencyOf = (config: PartnershipConfig, id: string): Agency | undefined => config.agencies.find((a) => a.id === id);

export function ownerName(config: PartnershipConfig, owner: ActionOwner): string {
  return owner.kind === 'partner' ? PARTNER_NAMES[owner.partner] : (agencyOf(config, owner.agency)?.name ?? owner.agency);
}

/** The owner's contact and deputies: asked on creation, reminded before the due date, chased after it. */
export function ownerContacts(config: PartnershipConfig, owner: ActionOwner): string[] {
  if (owner.kind === 'partner') return [...new Set(partnerPeople(config, owner.partner).map((p) => p.aadObjectId))];
  const agency = agencyOf(config, owner.agency);
  return agency ? [...new Set([agency.contact.aadObjectId, ...agency.deputies.map((d) => d.aadObjectId)])] : [];
}

/** The owner's escalation contact, chased too once the action is overdue (like the scoping chasers). */
export function ownerEscalation(config: PartnershipConfig, owner: ActionOwner): string | undefined {
  const agency = owner.kind === 'agency' ? agencyOf(config, owner.agency) : config.agencies.find((a) => a.partner === owner.partner);
  return agency?.escalation.aadObjectId;
}

/** The agency id an owner's people are on the roster for, if any (for who may see its cards). */
export function ownerAgencyId(config: PartnershipConfig, owner: ActionOwner): string | undefined {
  return owner.kind === 'agency' ? owner.agency : config.agencies.find((a) => a.partner === owner.partner)?.id;
}

/** Key for tallies by agency: an agency's id, or the partner's. */
export const ownerKey = (owner: ActionOwner): string => (owner.kind === 'agency' ? owner.agency : owner.partner);
