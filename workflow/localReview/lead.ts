import type { PartnershipConfig } from '../partnership.js';

/**
 * Who should lead a local review, by 5.5: "The Local Safeguarding Children Partnership for the area
 * in which the child is normally resident decides ..."; "In the case of looked after children, the
 * local authority with statutory responsibility for the looked after child should take lead
 * responsibility for conducting the review". Where the child normally lives is not recorded here
 * (the referral carries only "in area" or not), so only the looked-after rule is checked: the
 * responsible authority is compared with this partnership's own local authority, and the lead is
 * this partnership exactly when the authority is ours. Names are compared without case, spacing or
 * a leading "the".
 */

const normal = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');

export type LeadRule =
  | { lookedAfter: false }
  | { lookedAfter: true; responsibleAuthority: string; authorityIsOurs: boolean; weShouldLead: boolean; follows: boolean };

export function leadRule(config: PartnershipConfig, lookedAfter: boolean, responsibleAuthority: string, weLead: boolean): LeadRule {
  if (!lookedAfter) return { lookedAfter: false };
  const authorityIsOurs = normal(responsibleAuthority) === normal(config.partners.localAuthority.organisation);
  return { lookedAfter: true, responsibleAuthority: responsibleAuthority.trim(), authorityIsOurs, weShouldLead: authorityIsOurs, follows: weLead === authorityIsOurs };
}

/** "the partnership of Isle of Wight Council, the responsible authority for the looked-after child": what the rule says leads. */
export function ruleWords(config: PartnershipConfig, responsibleAuthority: string, authorityIsOurs: boolean): string {
  return authorityIsOurs
    ? `this partnership (${config.partnership.name}), as ${responsibleAuthority} is the responsible authority for the looked-after child`
    : `${responsibleAuthority}'s partnership, as it is the responsible authority for the looked-after child`;
}

/** Whether a partnership's name, as typed, is this partnership (its name or short name). */
export const namesUs = (config: PartnershipConfig, name: string): boolean => [config.partnership.name, config.partnership.shortName].some((n) => normal(n) === normal(name));

/** The lead named and "we lead" must say the same thing; the words to refuse with when they do not. */
export function leadContradiction(config: PartnershipConfig, leadPartnership: string, weLead: boolean): string | undefined {
  const us = namesUs(config, leadPartnership);
  if (weLead && !us) return `The lead partnership is given as ${leadPartnership}, but the review is recorded as led by this partnership (${config.partnership.name}). Name this partnership as the lead, or say this partnership does not lead.`;
  if (!weLead && us) return `The lead partnership is given as this partnership (${config.partnership.name}), but the review is recorded as not led by it. Say this partnership leads, or name the partnership that does.`;
  return undefined;
}
