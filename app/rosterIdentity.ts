import type { PartnershipFile } from '../config/partnershipFile.js';
import { rosterListings, type Person } from '../workflow/partnership.js';

/**
 * Who a sender is, across tenants: the roster lists a person by object id AND the tenants their
 * actions may come from, so an object id from any other tenant is nobody. Roles and agencies come
 * from the roster only, never from the tenant: NHSmail's one tenant holds the ICB, every GP
 * practice and every trust, and each of its people is whoever the roster says.
 *
 * The person's roster key (their `aadObjectId` as listed) is what the procedure knows them by.
 */
export function rosterPersonFor(config: PartnershipFile, sender: { tenantId: string; aadObjectId: string }): Person | undefined {
  return rosterListings(config).find((p) => p.aadObjectId === sender.aadObjectId && tenantsOf(config, p).includes(sender.tenantId));
}

/** The tenants a listed person's actions may come from: the partnership's own when the roster does not say. */
export function tenantsOf(config: PartnershipFile, person: Person): readonly string[] {
  return person.tenantIds ?? [config.tenantId];
}

/**
 * Whether the bot can reach the person with a 1:1 card: they use Teams and are a member (or a
 * guest) of the partnership's tenant. An external member of a shared channel is not: the bot
 * cannot start a 1:1 chat with them, so they are told by email.
 */
export function reachableInTeams(config: PartnershipFile, person: Person): boolean {
  return person.teams !== false && tenantsOf(config, person).includes(config.tenantId);
}

/**
 * The key an unresolved sender is passed on with: it matches no roster entry (object ids are
 * GUIDs, this is not), so the procedure treats them as off the roster whatever object id they had.
 */
export function offRosterKey(sender: { tenantId: string; aadObjectId: string }): string {
  return `off-roster:${sender.tenantId}:${sender.aadObjectId}`;
}
