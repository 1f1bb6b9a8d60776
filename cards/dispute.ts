import type { PartnershipConfig } from '../workflow/partnership.js';
import { PARTNER_NAMES } from '../workflow/partnership.js';
import type { CaseState, Dispute } from '../workflow/state.js';
import { actorWords, decisionMakerWords, listWords, VIEW_WORDS, when } from './wording.js';

/**
 * The words the dispute cards share (DOMAIN steps 5-6), so the chair's, the decision maker's, the
 * partners' and the business unit's cards describe the same dispute in the same way.
 */

/** "Police disagrees with the initial view (notify the Panel, by Dana Director (…))." */
export function disagreementWords(state: CaseState): string | undefined {
  const { dispute, initialView: view } = state;
  if (!dispute || !view || dispute.disagreeing.length === 0) return undefined;
  const who = listWords(dispute.disagreeing.map((p) => PARTNER_NAMES[p]));
  return `${who} ${dispute.disagreeing.length === 1 ? 'disagrees' : 'disagree'} with the initial view (${VIEW_WORDS[view.view]}, by ${actorWords(view.by)}).`;
}

/** When the final decision is due: a re-opening sets a new deadline. */
export function finalDecisionDueAt(dispute: Dispute | undefined): string | undefined {
  return dispute?.reopened?.decisionDueAt ?? dispute?.escalated?.decisionDueAt;
}

/** The stage 1 outcome in words: "agreed: notify the Panel" or "not resolved". */
export function outcomeWords(outcome: NonNullable<Dispute['outcome']>): string {
  return outcome.outcome === 'agreed' ? `agreed: ${outcome.decision ? VIEW_WORDS[outcome.decision] : 'decision not given'}` : 'not resolved';
}

/** Why the case went to the decision maker, in a sentence. */
export function escalationWords(dispute: Dispute, now: Date): string | undefined {
  const escalated = dispute.escalated;
  if (!escalated) return undefined;
  if (escalated.reason === 'notResolved') {
    const by = dispute.outcome ? ` (outcome recorded by ${actorWords(dispute.outcome.by)} at ${when(dispute.outcome.at, now)})` : '';
    return `The partners' meeting did not resolve the disagreement${by}.`;
  }
  return `The outcome of the partners' meeting was not recorded by ${when(dispute.meetingDueAt, now)}.`;
}

/** What stage 2 means, for the people who are not the decision maker. */
export function finalDecisionWords(config: PartnershipConfig, dueAt: string, now: Date): string {
  return `${decisionMakerWords(config)} records the final decision **by ${when(dueAt, now)}**.`;
}

/** "the Panel notification deadline (…) keeps running", or "has passed": a re-opening can come after it. */
export function panelDeadlineWords(state: CaseState, now: Date): string {
  const due = state.panelNotificationDueAt;
  return `the Panel notification deadline (${when(due, now)}) ${now.getTime() >= Date.parse(due) ? 'has passed' : 'keeps running'}`;
}

/** Said wherever a final decision is awaited: lateness is reported, never filled in by the bot. */
export function ifFinalDecisionLate(state: CaseState, now: Date): string {
  return `If it is not recorded by then, the monitoring channel is told. It is never made for the decision maker, and ${panelDeadlineWords(state, now)}.`;
}
