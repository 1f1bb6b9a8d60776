import { withRole } from '../workflow/words.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { finalDecisionDueAt, outcomeWords } from './dispute.js';
import { actorWords, decisionMakerWords, VIEW_WORDS, when } from './wording.js';

/**
 * Overdue alerts for the dispute's deadlines (monitoring channel). Like the other alerts they are
 * rendered when sent, so each first checks whether the thing was done meanwhile.
 */

function frame(parts: CaseCardParts, subtitle: string, body: CardElement[]): AdaptiveCard {
  return caseFrame({ state: parts.state, subtitle, notice: parts.notice, body });
}

/** The chair did not record the partners' meeting's outcome in time: it is chased, and the case waits for it (002 step 6). */
export function meetingOutcomeOverdue(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now } = parts;
  const dispute = state.dispute;
  if (!dispute) return frame(parts, "Partners' meeting outcome", [textBlock('There is no dispute on this case.')]);
  const due = when(dispute.meetingDueAt, now);
  const outcome = dispute.outcome;
  if (outcome) {
    return frame(parts, "Partners' meeting outcome: was overdue", [
      textBlock(`Update: the outcome (due by ${due}) was recorded by ${actorWords(outcome.by)} at ${when(outcome.at, now)}: ${outcomeWords(outcome)}.`),
    ]);
  }
  const decisionDue = finalDecisionDueAt(dispute);
  return frame(parts, "Overdue: partners' meeting outcome", [
    textBlock(`The outcome of the partners' meeting has been overdue since **${due}**.`, { size: 'Medium', color: 'Attention' }),
    textBlock(`Expected from ${withRole(config.reviewGroupChair, 'reviewGroupChair')}.`),
    textBlock(
      state.decision
        ? `The decision (${VIEW_WORDS[state.decision.decision]}) has since been recorded, at ${when(state.decision.at, now)}.`
        : decisionDue
          ? `The case has gone to ${decisionMakerWords(config)} for a final decision, due by ${when(decisionDue, now)}.`
          : `Please chase them; the chair has been reminded too. The outcome is never assumed: the case goes to ${decisionMakerWords(config)} only if the chair records that the meeting did not resolve it.`,
    ),
  ]);
}

/** The decision maker's decision is late. It is never made for them: the business unit chases. */
export function finalDecisionOverdue(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now } = parts;
  const dueAt = finalDecisionDueAt(state.dispute);
  const decision = state.decision;
  if (decision?.basis === 'finalDecision') {
    return frame(parts, 'Final decision: was overdue', [
      textBlock(
        `Update: the final decision${dueAt ? ` (due by ${when(dueAt, now)})` : ''} was recorded${decision.by ? ` by ${actorWords(decision.by)}` : ''} at ${when(decision.at, now)}: ${VIEW_WORDS[decision.decision]}.`,
      ),
    ]);
  }
  if (decision || !dueAt) return frame(parts, 'Final decision', [textBlock('No final decision is awaited on this case.')]);
  return frame(parts, 'Overdue: final decision', [
    textBlock(`The final decision has been overdue since **${when(dueAt, now)}**.`, { size: 'Medium', color: 'Attention' }),
    textBlock(`Expected from ${decisionMakerWords(config)}.`),
    textBlock(
      `Please chase them: the decision is never made for them, and until it is made the Panel notification deadline (${when(state.panelNotificationDueAt, now)}) keeps running.`,
    ),
  ]);
}
