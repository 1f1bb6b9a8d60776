import type { Actor, CaseEvent } from './events.js';
import { PARTNER_NAMES } from './partnership.js';
import type { TimelineRow } from './timelineRow.js';
import { ROLE_WORDS } from './words.js';

/** The timeline's rows for the rapid review meeting, the partners' LCSPR decision and the approval. */

export type LcsprEvent = Extract<CaseEvent, { type: 'RapidReviewMeetingRecorded' | 'LcsprReplied' | 'LcsprAgreementDeemed' | 'LcsprChased' | 'LcsprDisputed' | 'LcsprDecided' | 'RapidReviewApproved' }>;

const BOT = { who: 'Recorded automatically', role: 'the bot' };
const DECIDER = { partnershipChair: `the ${ROLE_WORDS.partnershipChair}`, independentScrutineer: `the ${ROLE_WORDS.independentScrutineer}` } as const;

export function lcsprRow(event: LcsprEvent, context: { at: (iso: string) => string; agency: (id: string) => string }): TimelineRow {
  const { at, agency } = context;
  const by = (actor: Actor) => ({ who: actor.displayName, role: actor.role });
  switch (event.type) {
    case 'RapidReviewMeetingRecorded':
      return {
        at: event.at,
        ...by(event.by),
        what:
          `Recorded the rapid review meeting: quorate (${event.attended.map((p) => PARTNER_NAMES[p]).join(', ')} present${event.invitedAttended.length > 0 ? `; ${event.invitedAttended.map(agency).join(', ')} took part` : ''}). ` +
          `The review group recommends ${event.lcsprRecommended ? 'an LCSPR' : 'no LCSPR'}; the partners are asked to decide by ${at(event.repliesDueAt)}.`,
        detail: [event.rationale, event.linesOfEnquiry ? `Key lines of enquiry: ${event.linesOfEnquiry}` : '', event.methodology ? `Methodology: ${event.methodology}` : ''].filter(Boolean).join('\n'),
        deemed: false,
      };
    case 'LcsprReplied':
      return { at: event.at, ...by(event.by), what: `${PARTNER_NAMES[event.partner]} ${event.reply === 'agree' ? 'agreed with' : 'disagreed with'} the review group's recommendation on an LCSPR.`, ...(event.rationale ? { detail: event.rationale } : {}), deemed: false };
    case 'LcsprAgreementDeemed':
      return { at: event.at, ...BOT, what: `${PARTNER_NAMES[event.partner]}: agreement deemed on the LCSPR recommendation, no response by ${at(event.windowClosedAt)} (the partnership's configuration counts silence as agreement).`, deemed: true };
    case 'LcsprChased':
      return {
        at: event.at,
        ...BOT,
        what: event.chase === 'reminder' ? "Reminded the partners who had not answered on the LCSPR recommendation." : event.chase === 'repliesOverdue' ? "The partners' answers on the LCSPR recommendation are overdue; the monitoring channel was told." : 'The decision on the disagreement about an LCSPR is overdue; the monitoring channel was told.',
        deemed: false,
      };
    case 'LcsprDisputed':
      return { at: event.at, ...BOT, what: `${event.disagreeing.map((p) => PARTNER_NAMES[p]).join(' and ')} disagreed on an LCSPR: ${DECIDER[event.decider]} decides by ${at(event.decisionDueAt)}.`, deemed: false };
    case 'LcsprDecided':
      return {
        at: event.at,
        ...(event.by ? by(event.by) : BOT),
        what: `Decided: ${event.lcspr ? 'an LCSPR will be held' : 'no LCSPR'} (${event.basis === 'partnersAgreed' ? 'all three partners agreed' : 'the disagreement decided'}). The independent scrutineer was informed.`,
        ...(event.rationale ? { detail: event.rationale } : {}),
        deemed: false,
      };
    case 'RapidReviewApproved':
      return { at: event.at, ...by(event.by), what: 'Approved the rapid review: sent to review-group members for information, to the partners and the scrutineer for scrutiny, and the executive told.', deemed: false };
  }
}
