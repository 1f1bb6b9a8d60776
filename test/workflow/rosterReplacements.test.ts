import { describe, expect, it } from 'vitest';
import { rosterOf } from '../../config/partnershipFile.js';
import { removals, replacements } from '../../workflow/roster/replacements.js';
import type { Person, Roster } from '../../workflow/partnership.js';
import { PEOPLE, sampleConfig } from '../support/sampleConfig.js';

/** Who replaced whom between two versions of the roster, role by role (issue 16). */

const base = rosterOf(sampleConfig);
const NEW: Person = { aadObjectId: 'aad-new', email: 'new@partnership.example.org', displayName: 'Nico New' };
const ref = (p: Person) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

describe('replacements', () => {
  const rows: [string, Roster, { role: string; from: Person; to: Person[] }[]][] = [
    ['nothing changed', base, []],
    ['a new review group chair', { ...base, reviewGroupChair: NEW }, [{ role: 'review group chair', from: PEOPLE.chair, to: [NEW] }]],
    ['a deputy swapped for another', { ...base, partners: { ...base.partners, police: { ...base.partners.police, deputies: [NEW] } } }, [{ role: 'deputy for Police', from: PEOPLE.policeDeputy, to: [NEW] }]],
    ['a deputy removed with nobody new: the representative holds it', { ...base, partners: { ...base.partners, police: { ...base.partners.police, deputies: [] } } }, [{ role: 'deputy for Police', from: PEOPLE.policeDeputy, to: [PEOPLE.police] }]],
    ['a deputy added, nobody removed: nobody replaced', { ...base, partners: { ...base.partners, police: { ...base.partners.police, deputies: [PEOPLE.policeDeputy, NEW] } } }, []],
    ['an agency contact replaced', { ...base, agencies: base.agencies.map((a) => (a.id === 'gp' ? { ...a, contact: NEW } : a)) }, [{ role: 'scoping contact for GP practice', from: PEOPLE.gpContact, to: [NEW] }]],
    ['a business unit member replaced', { ...base, businessUnit: [NEW] }, [{ role: 'business unit', from: PEOPLE.business, to: [NEW] }]],
    ['only a name corrected: nobody replaced', { ...base, reviewGroupChair: { ...PEOPLE.chair, displayName: 'Casey Chair-Smith' } }, []],
  ];
  it.each(rows)('%s', (_name, after, expected) => {
    expect(replacements(base, after)).toEqual(expected.map((r) => ({ role: r.role, from: ref(r.from), to: r.to.map(ref) })));
  });
});

describe('removals: someone taken off with nobody to hold what they held', () => {
  const rows: [string, Roster, { role: string; from: Person }[]][] = [
    ['nothing changed', base, []],
    ['an agency removed: its contact, deputies and escalation contact', { ...base, agencies: base.agencies.filter((a) => a.id !== 'gp') }, [
      { role: 'scoping contact for GP practice', from: PEOPLE.gpContact },
      { role: 'deputy for GP practice', from: PEOPLE.gpDeputy },
      { role: 'escalation contact for GP practice', from: PEOPLE.gpEscalation },
    ]],
    ['an agency contact replaced: a replacement, not a removal', { ...base, agencies: base.agencies.map((a) => (a.id === 'gp' ? { ...a, contact: NEW } : a)) }, []],
    ['a partner deputy removed: the representative holds it, not a removal', { ...base, partners: { ...base.partners, police: { ...base.partners.police, deputies: [] } } }, []],
    ['an agency deputy removed: the contact holds it, not a removal', { ...base, agencies: base.agencies.map((a) => (a.id === 'gp' ? { ...a, deputies: [] } : a)) }, []],
  ];
  it.each(rows)('%s', (_name, after, expected) => {
    expect(removals(base, after)).toEqual(expected.map((r) => ({ role: r.role, from: ref(r.from) })));
  });
});
