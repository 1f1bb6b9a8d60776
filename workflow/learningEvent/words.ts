import { ROLE_WORDS } from '../words.js';
import { PARTNER_NAMES, type PartnershipConfig } from '../partnership.js';
import type { DisputeAbout, LearningLead, LearningMethod } from './events.js';

/** The area's words, shared by its cards, refusals and history rows. */

export const METHOD_WORDS: Record<LearningMethod, string> = { desktop: 'desktop review', practitionerWorkshop: 'practitioner workshop' };

export const ABOUT_WORDS: Record<DisputeAbout, string> = {
  learningEvent: 'whether the case meets the criteria for a local learning event',
  reviewGroupDiscussion: 'whether the case should be considered by the review group',
};

/** What "the criteria are met" means for each kind of dispute. */
export const CONCLUSION_WORDS: Record<DisputeAbout, Record<'yes' | 'no', string>> = {
  learningEvent: { yes: 'hold a local learning event', no: 'no local learning event' },
  reviewGroupDiscussion: { yes: 'the review group considers the case', no: 'the review group does not consider the case' },
};

/** The partnership's decider on a review-group dispute, in the role words every card and the history use. */
export const DECIDER_WORDS = { partnershipChair: ROLE_WORDS.partnershipChair, independentScrutineer: ROLE_WORDS.independentScrutineer } as const;

/** The lead in words; an agency no longer configured is named by its id, which is stable. */
export function leadWords(config: PartnershipConfig | undefined, lead: LearningLead): string {
  if (lead.kind === 'partner') return PARTNER_NAMES[lead.partner];
  return config?.agencies.find((a) => a.id === lead.agency)?.name ?? lead.agency;
}

export const leadValue = (lead: LearningLead): string => (lead.kind === 'partner' ? `partner:${lead.partner}` : `agency:${lead.agency}`);
