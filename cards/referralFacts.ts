import type { CaseState } from '../workflow/state.js';
import type { FactSet } from './adaptiveCard.js';
import { factSet } from './adaptiveCard.js';
import { HARM_WORDS, LOCATION_WORDS, when, yesNo } from './wording.js';
import { ABUSE_OR_NEGLECT_WORDS, CARE_LEAVER_WORDS } from '../workflow/words.js';

/** The referral as cards show it: the facts that decide the question, nothing about who the child is. */
export function referralFacts(state: CaseState, now: Date): FactSet {
  const r = state.referral;
  return factSet([
    { title: 'Referring agency', value: r.referringAgency },
    { title: 'Partnership aware since', value: when(r.awareAt, now) },
    { title: 'Harm', value: HARM_WORDS[r.harm] },
    { title: 'Where', value: LOCATION_WORDS[r.location] },
    { title: 'Looked-after child', value: yesNo(r.lookedAfter) },
    // Referrals logged before the form asked these have no answer to show.
    ...(r.abuseOrNeglect ? [{ title: 'Abuse or neglect', value: ABUSE_OR_NEGLECT_WORDS[r.abuseOrNeglect] }] : []),
    ...(r.careLeaver ? [{ title: 'Care leaver', value: CARE_LEAVER_WORDS[r.careLeaver] }] : []),
  ]);
}
