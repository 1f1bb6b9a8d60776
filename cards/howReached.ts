import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { CardElement } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import type { Quote } from './budget.js';
import { escalationWords } from './dispute.js';
import { meetingTime } from './meeting.js';
import { partnerPositionBlocks } from './positions.js';
import { MEETING_WORDS, ROLE_WORDS, withRole } from '../workflow/words.js';
import { actorWords, decisionMakerWords, VIEW_WORDS, when } from './wording.js';

/**
 * How a decision was reached, for the record (DOMAIN outcomes: "decisions and rationale must be
 * transparent"): by the partners in writing (deemed agreements marked), at the partners' meeting,
 * or by the final decision maker. The initial view and every partner's written position follow in
 * each case, because a decision made over a disagreement is read against it.
 */
export function howReachedBlocks(state: CaseState, config: PartnershipConfig, now: Date, quote: Quote): CardElement[] {
  const { decision, initialView: view, dispute } = state;
  if (!decision || !view) return [];
  const written = [
    textBlock(`Initial view by ${actorWords(view.by)} at ${when(view.at, now)}: ${VIEW_WORDS[view.view]}.`),
    quote(view.rationale),
    ...partnerPositionBlocks(state.positions, now, quote),
  ];
  switch (decision.basis) {
    case 'partnersAgreed':
      return [
        textBlock(
          `All three partners agreed with the initial view or were deemed to agree${dispute ? ', after a disagreement; the meeting was not needed' : ''}.`,
        ),
        ...written,
      ];
    case 'meetingAgreed': {
      const meeting = dispute?.meetings[1];
      return [
        textBlock(
          `Agreed at ${MEETING_WORDS[1]}${meeting ? ` (${meetingTime(meeting, now)})` : ''}, recorded by ${decision.by ? actorWords(decision.by) : chairWords(config)} at ${when(decision.at, now)}.`,
        ),
        ...(decision.rationale ? [quote(decision.rationale)] : []),
        textBlock('Before the meeting, in writing:', { weight: 'Bolder', spacing: 'Medium' }),
        ...written,
      ];
    }
    case 'finalDecision': {
      const why = dispute ? escalationWords(dispute, now) : undefined;
      const outcome = dispute?.outcome;
      return [
        textBlock(`Final decision by ${decision.by ? actorWords(decision.by) : decisionMakerWords(config)} at ${when(decision.at, now)}, because the partners could not agree.`),
        ...(decision.rationale ? [quote(decision.rationale)] : []),
        ...scrutineerAttendance(decision.scrutineerAttended, config),
        ...(dispute?.reopened
          ? [textBlock(`It follows a re-opening by ${actorWords(dispute.reopened.by)} at ${when(dispute.reopened.at, now)}:`, { spacing: 'Medium' }), quote(dispute.reopened.reason)]
          : []),
        ...(why ? [textBlock(why, { spacing: 'Medium' })] : []),
        // The chair's account of the partners' meeting, in their words.
        ...(outcome ? [quote(outcome.rationale)] : []),
        textBlock('Before that, in writing:', { weight: 'Bolder', spacing: 'Medium' }),
        ...written,
      ];
    }
  }
}

/** Whether the scrutineer mediated the decision meeting; if not, the record went to them (8.1). */
export function scrutineerAttendance(attended: boolean | undefined, config: PartnershipConfig): CardElement[] {
  if (attended === undefined) return [];
  return [
    textBlock(
      attended
        ? `The ${ROLE_WORDS.independentScrutineer} attended ${MEETING_WORDS[2]}: **yes**.`
        : `The ${ROLE_WORDS.independentScrutineer} attended ${MEETING_WORDS[2]}: **no**. The full record has been sent to ${config.independentScrutineer.displayName} to review.`,
    ),
  ];
}

/** How it was reached, in one sentence, for cards where the decision is not the subject. */
export function basisWords(state: CaseState, config: PartnershipConfig): string | undefined {
  const decision = state.decision;
  if (!decision) return undefined;
  switch (decision.basis) {
    case 'partnersAgreed':
      return 'All three partners agreed or were deemed to agree.';
    case 'meetingAgreed':
      return `Agreed at ${MEETING_WORDS[1]}, recorded by ${decision.by ? actorWords(decision.by) : chairWords(config)}.`;
    case 'finalDecision':
      return `Final decision by ${decision.by ? actorWords(decision.by) : decisionMakerWords(config)}, because the partners could not agree.`;
  }
}

/** Who records the partners' meeting, when no actor is on record. */
function chairWords(config: PartnershipConfig): string {
  return withRole(config.reviewGroupChair, 'reviewGroupChair');
}
