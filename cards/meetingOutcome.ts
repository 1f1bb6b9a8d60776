import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import type { Quote } from './budget.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { disagreementWords, finalDecisionDueAt, outcomeWords } from './dispute.js';
import { choiceInput, freeTextInput, NO_NAMES_HINT } from './inputs.js';
import { currentMeeting, joinMeeting, meetingStatus } from './meeting.js';
import { partnerPositionBlock } from './positions.js';
import type { DisputeOutcomeChoice } from './verbs.js';
import { actorWords, decisionMakerWords, stageWords, VIEW_WORDS, when } from './wording.js';

const OUTCOME_CHOICES: { title: string; value: DisputeOutcomeChoice }[] = [
  { title: `Agreed: ${VIEW_WORDS.notify}`, value: 'agreedNotify' },
  { title: `Agreed: ${VIEW_WORDS.doNotNotify}`, value: 'agreedDoNotNotify' },
  { title: 'Not resolved', value: 'notResolved' },
];

/**
 * Sent 1:1 (tracked) to the review group chair when a dispute opens (DOMAIN step 5): the chair
 * records what the partners' meeting concluded. Once anything settles the dispute (an outcome,
 * the deadline passing, or every partner agreeing in writing) the card becomes the record of it.
 */
export function meetingOutcomeRequestCard(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now, notice, draft, quote } = parts;
  const dispute = state.dispute;
  const frame = { state, notice, returnTo: 'meetingOutcomeRequest' as const };
  if (!dispute || dispute.disagreeing.length === 0) {
    return caseFrame({ ...frame, subtitle: "Partners' meeting outcome", body: [textBlock(`No meeting outcome is asked for on this case. ${stageWords(state)}.`)] });
  }
  const settled = settledBlocks(state, parts);
  if (settled) return caseFrame({ ...frame, subtitle: "Partners' meeting: outcome", body: settled });

  const due = dispute.meetingDueAt;
  const late = now.getTime() >= Date.parse(due);
  const caseRef = state.referral.caseRef;
  return caseFrame({
    ...frame,
    subtitle: "Partners' meeting: outcome needed",
    body: [
      textBlock(`Please record the outcome of the partners' meeting **by ${when(due, now)}**.`, { size: 'Medium' }),
      textBlock(`If it is not recorded by then, you and the business unit are chased and the monitoring channel is told; it is never assumed. The case goes to ${decisionMakerWords(config)} for a final decision only if you record that the meeting did not resolve it.`),
      ...(late ? [textBlock(`This is overdue since ${when(due, now)}; ${state.overdueRaised.includes('meetingOutcome') ? 'the monitoring channel has been told' : 'the monitoring channel will be told'}. Please record it now.`, { color: 'Attention', weight: 'Bolder' })] : []),
      subheading('The meeting'),
      ...meetingStatus(state, 1, config, now),
      subheading('The disagreement'),
      ...disagreementBlocks(state, now, quote),
      subheading('Outcome'),
      choiceInput('outcome', 'Outcome of the meeting', OUTCOME_CHOICES, draft, { errorMessage: 'Please choose what the meeting concluded.' }),
      freeTextInput('rationale', 'Rationale', draft, { required: true }),
      textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
      textBlock(
        `Agreed: the decision is recorded at once and everyone is told. Not resolved: the case goes to ${decisionMakerWords(config)}, with a decision meeting within one working day.`,
        { isSubtle: true },
      ),
    ],
    actions: [execute('Record outcome', 'dispute.outcome', { caseRef }, { style: 'positive' }), ...joinMeeting(currentMeeting(state, 1))],
  });
}

/** Who disagrees and why, verbatim, with the initial view they disagree with. */
function disagreementBlocks(state: CaseState, now: Date, quote: Quote): CardElement[] {
  const { dispute, initialView: view } = state;
  if (!dispute || !view) return [];
  return [
    textBlock(disagreementWords(state) ?? 'The partners disagree.'),
    ...dispute.disagreeing.map((p) => partnerPositionBlock(p, state.positions[p], now, quote)),
    textBlock(`Initial view (${VIEW_WORDS[view.view]}), rationale:`, { spacing: 'Medium' }),
    quote(view.rationale),
  ];
}

/** What settled stage 1, or undefined while the chair's outcome is still wanted. */
function settledBlocks(state: CaseState, { config, now, quote }: CaseCardParts): CardElement[] | undefined {
  const dispute = state.dispute;
  if (!dispute) return undefined;
  const due = finalDecisionDueAt(dispute);
  const followed: CardElement[] = state.decision
    ? [textBlock(`Decision: **${VIEW_WORDS[state.decision.decision]}**, recorded at ${when(state.decision.at, now)}.`, { color: 'Good' })]
    : due
      ? [textBlock(`The case has gone to ${decisionMakerWords(config)} for a final decision, due by ${when(due, now)}.`)]
      : [];
  const { outcome, escalated } = dispute;
  if (outcome) {
    return [textBlock(`Outcome recorded by ${actorWords(outcome.by)} at ${when(outcome.at, now)}: **${outcomeWords(outcome)}**.`), quote(outcome.rationale), ...followed];
  }
  if (escalated?.reason === 'outcomeOverdue') {
    return [textBlock(`The outcome was not recorded by ${when(dispute.meetingDueAt, now)}.`, { color: 'Attention' }), ...followed];
  }
  if (state.decision) {
    const agreed = state.decision.basis === 'partnersAgreed';
    return [
      textBlock(
        agreed
          ? `No outcome is needed: every partner now agrees in writing, so the meeting is not needed${dispute.meetings[1]?.cancelled ? ' and was cancelled' : ''}.`
          : 'No outcome is needed: the decision has been made.',
      ),
      ...followed,
    ];
  }
  if (dispute.stage === 2) return [textBlock('No outcome is needed: the case is with the decision maker.'), ...followed];
  return undefined;
}
