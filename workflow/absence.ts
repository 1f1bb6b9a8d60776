import { PARTNERS, findPerson, type Absence, type PartnershipConfig, type Person } from './partnership.js';

/**
 * Who is asked at an instant when someone is away (DOMAIN: absence). Pure: the roster (with its
 * recorded absences) and the time are passed in, so the same question gives the same answer in
 * the sweep, in a test and after a replay.
 */

/** The absence covering `now` for this person, the one lasting longest when two overlap. */
export function awayAt(roster: PartnershipConfig, aadObjectId: string, now: Date): Absence | undefined {
  const t = now.getTime();
  return roster.absences
    .filter((a) => a.aadObjectId === aadObjectId && Date.parse(a.from) <= t && t < Date.parse(a.to))
    .sort((a, b) => Date.parse(b.to) - Date.parse(a.to))[0];
}

/** The people who stand in for this person: their partner's other people, or their agency's deputies (contact's absence). */
function standIns(roster: PartnershipConfig, aadObjectId: string): { people: Person[]; inboxes: string[] } {
  for (const partner of PARTNERS) {
    const p = roster.partners[partner];
    const all = [p.representative, ...p.deputies];
    if (all.some((x) => x.aadObjectId === aadObjectId)) return { people: all.filter((x) => x.aadObjectId !== aadObjectId), inboxes: p.inboxes.map((i) => i.email) };
  }
  const agency = roster.agencies.find((a) => a.contact.aadObjectId === aadObjectId);
  if (agency) return { people: agency.deputies, inboxes: [] };
  return { people: [], inboxes: [] };
}

export type Asked = {
  /** Asked in their own right or as a deputy. */
  aadObjectId: string;
  /**
   * Set when they are asked because this person is away; `inboxes` (the partner's absence
   * inboxes) are told with the first stand-in's request only, so each inbox hears it once. When
   * nobody can stand in, it is set on the away person's own request (`aadObjectId` is theirs)
   * whenever there are inboxes to tell.
   */
  awayFor?: { aadObjectId: string; displayName: string; until: string; inboxes: string[] };
};

/**
 * Who is asked in place of `aadObjectId` at `now`: the person when present; when away, their
 * present stand-ins (each told whom they stand in for). With nobody present to stand in, the
 * person is asked all the same: a request is never dropped. `inboxes` are the partner's absence
 * inboxes to tell while the person is away.
 */
export function askedAt(roster: PartnershipConfig, aadObjectId: string, now: Date): { asked: Asked[]; inboxes: string[] } {
  const away = awayAt(roster, aadObjectId, now);
  if (!away) return { asked: [{ aadObjectId }], inboxes: [] };
  const { people, inboxes } = standIns(roster, aadObjectId);
  const present = people.filter((p) => !awayAt(roster, p.aadObjectId, now));
  const displayName = findPerson(roster, aadObjectId)?.displayName ?? 'Someone on the roster';
  // Nobody can stand in (the police and ICB case: the shared inbox is the only deputy): the person
  // is asked all the same, and their reminder carries the inboxes so the team's inbox is told and
  // the card says so. Without inboxes there is nobody else to tell, so nothing is redirected.
  if (present.length === 0) return { asked: [inboxes.length > 0 ? { aadObjectId, awayFor: { aadObjectId, displayName, until: away.to, inboxes } } : { aadObjectId }], inboxes };
  return { asked: present.map((p, index) => ({ aadObjectId: p.aadObjectId, awayFor: { aadObjectId, displayName, until: away.to, inboxes: index === 0 ? inboxes : [] } })), inboxes };
}

/**
 * The person themselves, for a request only they may answer (the initial view, a chair's
 * decision): asked all the same when away, and, where their partner has absence inboxes, the
 * inboxes are told and their card says so. Nobody else is asked in their place.
 */
export function heldAt(roster: PartnershipConfig, aadObjectId: string, now: Date): Asked {
  const away = awayAt(roster, aadObjectId, now);
  const { inboxes } = standIns(roster, aadObjectId);
  if (!away || inboxes.length === 0) return { aadObjectId };
  const displayName = findPerson(roster, aadObjectId)?.displayName ?? 'Someone on the roster';
  return { aadObjectId, awayFor: { aadObjectId, displayName, until: away.to, inboxes } };
}

/**
 * Everyone asked when each of `ids` would be, once each. Someone asked in their own right who
 * also stands in for someone away is told so (a partner's deputy is reminded anyway, and should
 * know the representative is away).
 */
export function everyoneAskedAt(roster: PartnershipConfig, ids: readonly string[], now: Date): Asked[] {
  const byId = new Map<string, Asked>();
  for (const id of ids) {
    for (const asked of askedAt(roster, id, now).asked) {
      const before = byId.get(asked.aadObjectId);
      if (!before || (!before.awayFor && asked.awayFor)) byId.set(asked.aadObjectId, asked);
    }
  }
  return [...byId.values()];
}
