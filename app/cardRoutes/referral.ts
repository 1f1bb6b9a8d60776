import { noticeCard, referralFormCard, referralLoggedCard } from '../../cards/index.js';
import { mayDo } from '../../workflow/access.js';
import { londonInstant } from '../londonTime.js';
import { refusalNotice } from './refusalNotice.js';
import { route, type CardRoute } from './route.js';

/** The referral form (DOMAIN step 1): it makes the case, so it answers with the form or the logged card, never a case card. */

const FIELD_WORDS: Record<string, string> = {
  caseRef: 'the case reference',
  referringAgency: 'the referring agency',
  awareDate: 'the date the partnership became aware',
  awareTime: 'the time the partnership became aware',
  harm: 'the harm',
  location: 'where it happened',
  lookedAfter: 'whether the child is looked after',
  documentUrl: 'the link to the referral document',
  abuseOrNeglect: 'whether abuse or neglect is known or suspected',
  careLeaver: 'whether the child or young person is a care leaver',
};

export const REFERRAL_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'referral.submit',
    // Keep what was typed: the form comes back filled in, with what to correct.
    invalid: (issues, { now, draft, deps }) => {
      const fields = [...new Set(issues.map((i) => FIELD_WORDS[String(i.path.at(-1))] ?? String(i.path.at(-1))))];
      return { card: referralFormCard({ config: deps.config, now, notice: `Please check: ${fields.join(', ')}. Nothing was recorded yet.`, draft }) };
    },
    reply: async (d, { actor, now, draft, deps }) => {
      const { config } = deps;
      if (!mayDo(config, actor.aadObjectId, { type: 'LogReferral' }, undefined)) return { card: noticeCard('Not logged', "Only members of the partnership's business unit can log a referral. Nothing was recorded.") };
      const form = (reason: string) => ({ card: referralFormCard({ config, now, notice: refusalNotice(reason), draft }) });
      const awareAt = londonInstant(d.awareDate, d.awareTime);
      if (!awareAt) return form('Please give a valid date and time when the partnership became aware.');
      let documentUrl: string;
      try {
        documentUrl = new URL(d.documentUrl).toString();
      } catch {
        return form("The referral document must be a link (https://...) into the partnership's document store.");
      }
      const caseRef = d.caseRef.trim().toUpperCase();
      const referral = { caseRef, referringAgency: d.referringAgency, awareAt: awareAt.toISOString(), harm: d.harm, location: d.location, lookedAfter: d.lookedAfter === 'true', documentUrl, abuseOrNeglect: d.abuseOrNeglect, careLeaver: d.careLeaver };
      const outcome = await deps.cases.execute(caseRef, { type: 'LogReferral', actor, referral }, now);
      if (!outcome.decision.ok) return form(outcome.decision.refusal);
      return { card: referralLoggedCard(outcome.state!, config, now), updateClickedCardForEveryone: true };
    },
  }),
];
