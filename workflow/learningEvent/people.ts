import { maySee } from '../access.js';
import type { CardSpec } from '../effects.js';
import { unique } from '../kernel.js';
import type { CaseState } from '../state.js';
import { PARTNERS, partnerPeople, type PartnershipConfig } from '../partnership.js';
import type { LearningLead } from './events.js';

/** Who is asked, reminded and told in this area, by Entra object id. */

export const businessUnitIds = (config: PartnershipConfig): string[] => unique(config.businessUnit.map((p) => p.aadObjectId));

/** A lead partner's representative and deputies; a lead agency's contact and deputies. */
export function leadPeople(config: PartnershipConfig, leads: readonly LearningLead[]): string[] {
  return unique(
    leads.flatMap((lead) => {
      if (lead.kind === 'partner') return partnerPeople(config, lead.partner).map((p) => p.aadObjectId);
      const agency = config.agencies.find((a) => a.id === lead.agency);
      return agency ? [agency.contact, ...agency.deputies].map((p) => p.aadObjectId) : [];
    }),
  );
}

/**
 * The leads' people who may see the card: a lead partner's people are the partnership's own; a lead
 * agency's contact and deputies see this learning event's card and its reminders, and nothing else
 * of the case (access.ts). Asked after the set-up is recorded, so the leads are in the state.
 */
export function leadRecipients(config: PartnershipConfig, leads: readonly LearningLead[], card: CardSpec, state: CaseState): string[] {
  return leadPeople(config, leads).filter((id) => maySee(config, id, card, state));
}

/** 8.2: "The Learning Inquiry Group safeguarding partner representatives, including the chair of the Learning Inquiry Group". */
export const disputeMembers = (config: PartnershipConfig): string[] =>
  unique([config.reviewGroupChair.aadObjectId, ...PARTNERS.flatMap((p) => partnerPeople(config, p).map((x) => x.aadObjectId))]);

export const deciderPerson = (config: PartnershipConfig, decider: 'partnershipChair' | 'independentScrutineer') =>
  decider === 'partnershipChair' ? config.partnershipChair : config.independentScrutineer;
