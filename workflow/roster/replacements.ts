import { PARTNERS, PARTNER_NAMES, type Person, type Roster } from '../partnership.js';
import type { Removal, Replacement } from './events.js';

/**
 * Who replaced whom between two versions of the roster (issue 16), role by role. A role held by
 * one person names its new holder; someone taken off a list (the business unit, a partner's or an
 * agency's deputies) is replaced by whoever joined that list, or, when nobody did, by the person
 * the list stands in for (the partner's representative, the agency's contact) or the list's
 * remaining members. Pure: the diff is the same wherever it is computed.
 */

const ref = (p: Person) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

function single(role: string, before: Person | undefined, after: Person | undefined): Replacement[] {
  if (!before || !after || before.aadObjectId === after.aadObjectId) return [];
  return [{ role, from: ref(before), to: [ref(after)] }];
}

function list(role: string, before: readonly Person[], after: readonly Person[], fallback: readonly Person[]): Replacement[] {
  const had = new Set(before.map((p) => p.aadObjectId));
  const has = new Set(after.map((p) => p.aadObjectId));
  const joined = after.filter((p) => !had.has(p.aadObjectId));
  const to = (joined.length > 0 ? joined : fallback).map(ref);
  return before.filter((p) => !has.has(p.aadObjectId) && to.length > 0).map((p) => ({ role, from: ref(p), to }));
}

export function replacements(before: Roster, after: Roster): Replacement[] {
  const out: Replacement[] = [
    ...single('review group chair', before.reviewGroupChair, after.reviewGroupChair),
    ...single("director of children's services", before.childrensServicesDirector, after.childrensServicesDirector),
    ...single('partnership chair', before.partnershipChair, after.partnershipChair),
    ...single('independent scrutineer', before.independentScrutineer, after.independentScrutineer),
    ...single('strategic partnership manager', before.strategicPartnershipManager, after.strategicPartnershipManager),
    ...list('business unit', before.businessUnit, after.businessUnit, after.businessUnit),
  ];
  for (const partner of PARTNERS) {
    const b = before.partners[partner];
    const a = after.partners[partner];
    out.push(...single(`representative for ${PARTNER_NAMES[partner]}`, b.representative, a.representative));
    out.push(...list(`deputy for ${PARTNER_NAMES[partner]}`, b.deputies, a.deputies, [a.representative]));
  }
  for (const agency of before.agencies) {
    const now = after.agencies.find((x) => x.id === agency.id);
    if (!now) continue;
    out.push(...single(`scoping contact for ${now.name}`, agency.contact, now.contact));
    out.push(...list(`deputy for ${now.name}`, agency.deputies, now.deputies, [now.contact]));
    out.push(...single(`escalation contact for ${now.name}`, agency.escalation, now.escalation));
  }
  return out;
}

/**
 * Who left the roster with nobody to hold what they held (issue 16): an agency removed (its
 * contact, deputies and escalation contact), a role left empty, a list emptied. Their open
 * requests cannot move, so each open case records it instead (app/rosterFollowUp.ts).
 */
export function removals(before: Roster, after: Roster): Removal[] {
  const out: Removal[] = [];
  const single = (role: string, b: Person | undefined, a: Person | undefined) => {
    if (b && !a) out.push({ role, from: ref(b) });
  };
  const list = (role: string, b: readonly Person[], a: readonly Person[], fallback: readonly Person[]) => {
    const has = new Set(a.map((p) => p.aadObjectId));
    const joined = a.some((p) => !b.some((x) => x.aadObjectId === p.aadObjectId));
    if (joined || fallback.length > 0) return;
    for (const p of b.filter((x) => !has.has(x.aadObjectId))) out.push({ role, from: ref(p) });
  };
  single('review group chair', before.reviewGroupChair, after.reviewGroupChair);
  single("director of children's services", before.childrensServicesDirector, after.childrensServicesDirector);
  single('partnership chair', before.partnershipChair, after.partnershipChair);
  single('independent scrutineer', before.independentScrutineer, after.independentScrutineer);
  single('strategic partnership manager', before.strategicPartnershipManager, after.strategicPartnershipManager);
  list('business unit', before.businessUnit, after.businessUnit, after.businessUnit);
  for (const agency of before.agencies) {
    const now = after.agencies.find((x) => x.id === agency.id);
    if (now) {
      single(`escalation contact for ${now.name}`, agency.escalation, now.escalation);
      continue;
    }
    single(`scoping contact for ${agency.name}`, agency.contact, undefined);
    for (const d of agency.deputies) single(`deputy for ${agency.name}`, d, undefined);
    single(`escalation contact for ${agency.name}`, agency.escalation, undefined);
  }
  return out;
}
