import { withRole } from '../workflow/words.js';
import type { Partner, PartnershipConfig } from '../workflow/partnership.js';
import { finalDecisionMaker, PARTNER_NAMES, PARTNERS } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import type { Quote } from './budget.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { howReachedBlocks } from './howReached.js';
import { meetingStatus } from './meeting.js';
import { partnerPositionBlock } from './positions.js';
import { actorWords, decisionMakerWords, listWords, NEXT_STEP_WORDS, stageWords, VIEW_WORDS, when } from './wording.js';

/**
 * The decision as the monitoring channel, the independent scrutineer and the strategic
 * partnership manager must see it (DOMAIN outcomes): what was decided, how (each partner's
 * position, deemed agreements marked), and who must act next.
 */
export function decisionRecordedCard({ state, config, now, notice, quote }: CaseCardParts): AdaptiveCard {
  const { decision, initialView: view } = state;
  if (!decision || !view) {
    return caseFrame({
      state,
      subtitle: 'Decision',
      notice,
      returnTo: 'decisionRecorded',
      body: [textBlock(`No decision has been recorded yet. ${stageWords(state)}.`)],
    });
  }
  return caseFrame({
    state,
    subtitle: 'Decision recorded',
    notice,
    returnTo: 'decisionRecorded',
    body: [
      textBlock(`Decision: **${VIEW_WORDS[decision.decision]}**, recorded at ${when(decision.at, now)}.`, { size: 'Medium', color: 'Good' }),
      subheading('How it was reached'),
      ...howReachedBlocks(state, config, now, quote),
      subheading('What happens next'),
      ...nextAfterDecision(state, config, now),
    ],
    // New information on the partnership chair's decision is raised through the business unit (002 8.1), from here.
    ...(decision.basis === 'finalDecision' && !state.closedByReversal && !state.reconsideration ? { actions: [showCaseCard(state, 'New information: re-open', 'finalDecisionRequest')] } : {}),
  });
}

export function nextAfterDecision(state: CaseState, config: PartnershipConfig, now: Date): CardElement[] {
  if (state.decision?.decision === 'notify') {
    return [
      textBlock(
        `The local authority notifies the Child Safeguarding Practice Review Panel by **${when(state.panelNotificationDueAt, now)}** (5 working days from when the partnership became aware). A rapid review starts; it must be completed within 15 working days of the notification.`,
      ),
      ...(state.panelNotification
        ? [textBlock(`Done: notification sent at ${when(state.panelNotification.sentAt, now)}, confirmed by ${actorWords(state.panelNotification.by)}.`)]
        : []),
      textBlock(whoIsTold(config), { isSubtle: true }),
    ];
  }
  return [
    textBlock(
      `The review group chair (${config.reviewGroupChair.displayName}) chooses the next step: discussion at the review group with scoping, a safeguarding leads meeting, or no further action, with a rationale.`,
    ),
    ...(state.nextStep ? [textBlock(`Chosen: ${NEXT_STEP_WORDS[state.nextStep.step]}, by ${actorWords(state.nextStep.by)} at ${when(state.nextStep.at, now)}.`)] : []),
    textBlock(whoIsTold(config), { isSubtle: true }),
  ];
}

/** Posted in the monitoring channel when a disagreement stands (DOMAIN step 5): who disagrees, the meeting deadline, and what follows. */
export function disputeOpenedCard({ state, config, now, notice, quote }: CaseCardParts): AdaptiveCard {
  const { dispute, initialView: view } = state;
  if (!dispute || !view) {
    return caseFrame({
      state,
      subtitle: 'Dispute',
      notice,
      returnTo: 'disputeOpened',
      body: [textBlock(`There is no dispute on this case. ${stageWords(state)}.`)],
    });
  }
  const others = PARTNERS.filter((p) => !dispute.disagreeing.includes(p));
  return caseFrame({
    state,
    subtitle: 'Dispute: partners disagree',
    notice,
    returnTo: 'disputeOpened',
    body: [
      ...(state.decision
        ? [textBlock(`Resolved: decision **${VIEW_WORDS[state.decision.decision]}**, recorded at ${when(state.decision.at, now)}.`, { color: 'Good' })]
        : dispute.stage === 2
          ? [textBlock(`Update: the case has gone to ${decisionMakerWords(config)} for a final decision.`, { color: 'Attention' })]
          : []),
      textBlock(
        `${listWords(dispute.disagreeing.map((p) => PARTNER_NAMES[p]))} ${dispute.disagreeing.length === 1 ? 'disagrees' : 'disagree'} with the initial view (${VIEW_WORDS[view.view]}, by ${actorWords(view.by)}).`,
      ),
      textBlock(`A meeting must be held, and its outcome recorded, by **${when(dispute.meetingDueAt, now)}**.`, { size: 'Medium', color: 'Attention' }),
      textBlock(
        `The bot books a short Teams meeting of the partner representatives, who prioritise attendance; if it cannot, this channel is asked to arrange it. ${withRole(config.reviewGroupChair, 'reviewGroupChair')} records its outcome; if it is not recorded by then, the chair and the business unit are chased and the monitoring channel is told. It goes to ${decisionMakerWords(config)} for a final decision only if the chair records that the meeting did not resolve it.`,
      ),
      ...meetingStatus(state, 1, config, now),
      textBlock(finalSay(config)),
      textBlock(
        `Until the partners agree no decision is recorded, and the Panel notification deadline (${when(state.panelNotificationDueAt, now)}) keeps running.`,
        { isSubtle: true },
      ),
      subheading('Disagreeing'),
      ...positions(state, dispute.disagreeing, now, quote),
      ...(others.length > 0 ? [subheading('Other partners'), ...positions(state, others, now, quote)] : []),
      subheading('Initial view rationale'),
      quote(view.rationale),
    ],
  });
}

function positions(state: CaseState, partners: readonly Partner[], now: Date, quote: Quote): CardElement[] {
  return partners.map((p) => partnerPositionBlock(p, state.positions[p], now, quote));
}

/** The notification's final say is always the partnership chair's, with the scrutineer mediating (002, 8.1). */
function finalSay(config: PartnershipConfig): string {
  return `In exceptional cases a second short meeting follows within one working day: ${withRole(finalDecisionMaker(config), 'partnershipChair')} decides and ${withRole(config.independentScrutineer, 'independentScrutineer')} mediates. That decision is final.`;
}

/** The decision is reported to these people (DOMAIN outcomes); the manager only where the partnership has one. */
function whoIsTold(config: PartnershipConfig): string {
  return config.strategicPartnershipManager
    ? 'The independent scrutineer and the strategic partnership manager are told of this decision.'
    : 'The independent scrutineer is told of this decision.';
}
