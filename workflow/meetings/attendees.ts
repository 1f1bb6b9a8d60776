import type { DisputeStage } from '../events.js';
import type { PartnershipConfig, Person } from '../partnership.js';
import { finalDecisionMaker, PARTNERS } from '../partnership.js';

export type ExpectedAttendee = { person: Person; required: boolean };

/**
 * Who is invited to a dispute meeting (booked by the bot or arranged by hand): the three partner
 * representatives (who prioritise attendance), plus the decision maker and the scrutineer at
 * stage 2; the review group chair is optional at stage 1 because they record its outcome. One
 * person holding two roles (the director is often the local authority's representative) is
 * listed once, as required if any role requires them.
 */
export function expectedAttendees(config: PartnershipConfig, stage: DisputeStage): ExpectedAttendee[] {
  const required = [...PARTNERS.map((p) => config.partners[p].representative), ...(stage === 2 ? [finalDecisionMaker(config), config.independentScrutineer] : [])];
  const optional = stage === 1 ? [config.reviewGroupChair] : [];
  const seen = new Set<string>();
  const out: ExpectedAttendee[] = [];
  for (const [people, isRequired] of [[required, true], [optional, false]] as const) {
    for (const person of people) {
      if (seen.has(person.email)) continue;
      seen.add(person.email);
      out.push({ person, required: isRequired });
    }
  }
  return out;
}
