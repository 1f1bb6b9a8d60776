import type { PartnershipFile } from '../config/partnershipFile.js';
import { tenantsOf } from '../app/rosterIdentity.js';
import { rolesOf, rosterListings, type Role } from '../workflow/partnership.js';
import { roleWords } from '../workflow/words.js';
import type { SignInAccount } from './openIdSignIn.js';

/**
 * Whom `npm start`'s sign-in page offers: everyone on the roster, once per tenant their actions
 * may come from (the tokens carry that tenant and their object id there, as Entra's would), each
 * said with their roles and how the product reaches them; and one person of the partnership's
 * tenant who is not on the roster, to see the page refuse them.
 */

/** Someone of the partnership's tenant the roster does not list (a fixed object id no roster uses). */
export const STRANGER = { displayName: 'Sam Stranger', email: 'sam.stranger@example.com', aadObjectId: '5a5a5a5a-0000-4000-8000-00000000057a' };

export function rosterSignInAccounts(config: PartnershipFile): SignInAccount[] {
  const people = rosterListings(config).filter((p, i, all) => all.findIndex((q) => q.aadObjectId === p.aadObjectId) === i);
  const accounts = people.flatMap((person) => {
    const held = rolesOf(config, person.aadObjectId);
    const escalations = held.filter((role) => role.kind === 'agencyEscalation');
    // The business unit is often every agency's escalation contact: said once, not nine times.
    const listed = escalations.length > 2 ? [...held.filter((role) => role.kind !== 'agencyEscalation').map((role) => words(config, role)), `escalation contact of ${escalations.length} agencies`] : held.map((role) => words(config, role));
    const roles = [...new Set(listed)].join('; ');
    return tenantsOf(config, person).map((tenantId) => {
      const reach =
        tenantId !== config.tenantId
          ? `email only, signs in with their own organisation's account (tenant ${tenantId})`
          : person.teams === false
            ? "email only, a guest of the partnership's tenant (no Microsoft 365 of their own)"
            : "uses Teams, in the partnership's tenant";
      return { username: person.email, tenantId, oid: person.aadObjectId, name: person.displayName, about: `${roles || 'no role'}; ${reach}` };
    });
  });
  return [...accounts, { username: STRANGER.email, tenantId: config.tenantId, oid: STRANGER.aadObjectId, name: STRANGER.displayName, about: "not on the roster (the page refuses them); in the partnership's tenant" }];
}

/** "Police representative", "Education (schools) scoping contact". */
function words(config: PartnershipFile, role: Role): string {
  if (role.kind === 'agencyContact' || role.kind === 'agencyEscalation') return `${config.agencies.find((a) => a.id === role.agency)?.name ?? role.agency} ${roleWords(role)}`;
  return roleWords(role);
}
