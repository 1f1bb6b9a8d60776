import type { CommandActor } from '../commands.js';
import type { Actor } from '../events.js';
import { refuse, words, type Decision } from '../kernel.js';
import type { Agency, PartnershipConfig } from '../partnership.js';
import { actsForAgency } from '../access.js';
import { ROLE_WORDS, SCOPING_DEPUTY_WORDS } from '../words.js';
import type { AgencyReturn, CaseState, RapidReview } from '../state.js';

/** What the rapid review's steps share: finding the open review, an agency and who acts for it. */

/** A return still owed: asked for, with or without a request for more time. */
export const OPEN: AgencyReturn['status'][] = ['requested', 'extensionAsked', 'extensionAgreed'];

export const agencyById = (config: PartnershipConfig, id: string): Agency | undefined => config.agencies.find((a) => a.id === id);

/** The agency's scoping contact and deputies: who is asked, reminded and answered. */
export const contacts = (agency: Agency): string[] => [...new Set([agency.contact.aadObjectId, ...agency.deputies.map((d) => d.aadObjectId)])];

/** The case's rapid review while it is open, or the refusal to give. */
export function openReview(state: CaseState | undefined): { error: Decision } | { error?: undefined; rr: RapidReview } {
  const rr = state?.rapidReview;
  if (!state || !rr) return { error: refuse('There is no rapid review on this case.') };
  if (rr.completed) return { error: refuse(`The rapid review on ${state.referral.caseRef} was completed on ${words(rr.completed.at, new Date(rr.completed.at))}.`) };
  if (rr.notHeld) return { error: refuse(`The partners agreed not to hold a rapid review on ${state.referral.caseRef} (recorded on ${words(rr.notHeld.at, new Date(rr.notHeld.at))}).`) };
  return { rr };
}

/** Only the agency's contact or deputies act for it; the role is written in words. */
function forAgency(config: PartnershipConfig, actor: CommandActor, agencyId: string): { agency: Agency; by: Actor } | undefined {
  const agency = config.agencies.find((a) => a.id === agencyId && actsForAgency(config, actor.aadObjectId, a.id));
  if (!agency) return undefined;
  const role = agency.contact.aadObjectId === actor.aadObjectId ? ROLE_WORDS.agencyContact : SCOPING_DEPUTY_WORDS;
  return { agency, by: { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: `${agency.name} ${role}` } };
}

/** An agency acting on a return it still owes, or the refusal to give. */
export function agencyAction(config: PartnershipConfig, state: CaseState | undefined, actor: CommandActor, agencyId: string): { error: Decision } | { error?: undefined; a: AgencyReturn; agency: Agency; by: Actor } {
  const found = openReview(state);
  if (found.error) return { error: found.error };
  const who = forAgency(config, actor, agencyId);
  if (!who) return { error: refuse("Only the agency's scoping contact or a deputy can record its return. Nothing was recorded.") };
  const a = found.rr.agencies[agencyId];
  if (!a) return { error: refuse(`${who.agency.name} was not asked for a scoping return in this rapid review.`) };
  if (a.status === 'returned' || a.status === 'noInvolvement') {
    return { error: refuse(`${who.agency.name}'s ${a.status === 'returned' ? 'return' : 'nil return'} was already recorded by ${a.returned?.by.displayName ?? 'someone'}.`) };
  }
  return { a, ...who };
}
