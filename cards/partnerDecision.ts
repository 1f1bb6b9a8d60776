import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { execute, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import { nextAfterDecision } from './decision.js';
import type { CaseCardParts } from './context.js';
import type { Draft } from './inputs.js';
import { freeTextInput, NO_NAMES_HINT } from './inputs.js';
import { partnerPositionBlocks } from './positions.js';
import { actorWords, VIEW_WORDS, when } from './wording.js';

/**
 * The one card in the partners' decision channel (DOMAIN step 4), updated in place so every
 * partner sees every reply ("reply to all"). Replies stay open until the window closes, and in a
 * dispute, because a partner may change their mind; once a decision exists only History remains.
 */
export function partnerDecisionCard({ state, config, now, notice, draft, quote }: CaseCardParts): AdaptiveCard {
  const view = state.initialView;
  if (!view) {
    return caseFrame({
      state,
      subtitle: 'Serious incident notification decision',
      notice,
      returnTo: 'partnerDecision',
      body: [textBlock('Waiting for the initial view. This card shows it, and takes your replies, as soon as it is given.')],
    });
  }

  const windowClosed = state.stage === 'awaitingPartnerReplies' && view.repliesDueAt !== undefined && now.getTime() >= Date.parse(view.repliesDueAt);
  const taking = !state.decision && !windowClosed && (state.stage === 'awaitingPartnerReplies' || state.stage === 'dispute');

  return caseFrame({
    state,
    subtitle: 'Serious incident notification decision',
    notice,
    returnTo: 'partnerDecision',
    body: [
      ...statusBlocks(state, config, now, windowClosed),
      subheading(`Initial view: ${VIEW_WORDS[view.view]}`),
      textBlock(`Given by ${actorWords(view.by)} at ${when(view.at, now)}.`, { spacing: 'None', isSubtle: true }),
      quote(view.rationale),
      subheading("Partners' replies"),
      ...partnerPositionBlocks(state.positions, now, quote),
      ...(taking ? replyInputs(draft) : []),
    ],
    actions: taking ? replyActions(state, draft) : [],
  });
}

function statusBlocks(state: CaseState, config: PartnershipConfig, now: Date, windowClosed: boolean): CardElement[] {
  const view = state.initialView;
  if (!view) return [];
  if (state.decision) {
    return [
      textBlock(`Decision: **${VIEW_WORDS[state.decision.decision]}**, recorded at ${when(state.decision.at, now)}.`, { size: 'Medium', color: 'Good' }),
      ...nextAfterDecision(state, config, now),
    ];
  }
  if (state.stage === 'dispute' && state.dispute) {
    return [
      textBlock(`Dispute: partners disagree; a meeting must be held by **${when(state.dispute.meetingDueAt, now)}**.`, {
        size: 'Medium',
        color: 'Attention',
      }),
      textBlock(
        'The business unit arranges a short meeting of the partner representatives. Replies can still change: if every partner agrees, the decision is recorded at once.',
      ),
    ];
  }
  if (!view.repliesDueAt) {
    // Only shown if the card is looked at before its posting was recorded (e.g. opened from History).
    return [textBlock('Partners have one working day from the posting of this card to reply. No reply by then counts as agreement.', { size: 'Medium' })];
  }
  if (windowClosed) {
    return [
      textBlock(
        `The reply window closed at ${when(view.repliesDueAt, now)}. Partners who did not reply are deemed to agree; this card updates when that is recorded.`,
        { weight: 'Bolder' },
      ),
    ];
  }
  return [
    textBlock(`Reply by **${when(view.repliesDueAt, now)}**.`, { size: 'Medium' }),
    textBlock(
      "No reply by then counts as agreement. Only each partner's representative or a deputy can reply. You can change your reply until the window closes.",
    ),
  ];
}

function replyInputs(draft: Draft): CardElement[] {
  return [
    subheading('Your reply'),
    freeTextInput('comment', 'Comment (optional)', draft, { required: false }),
    textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}

/**
 * Disagreeing needs a rationale and agreeing does not, so the disagree form is its own ShowCard:
 * a required input next to Agree would stop Agree being clicked with it empty.
 */
function replyActions(state: CaseState, draft: Draft): CardActionJson[] {
  const caseRef = state.referral.caseRef;
  const asOf = String(state.version);
  return [
    execute('Agree', 'partner.agree', { caseRef, asOf }, { style: 'positive' }),
    showCard(
      'Disagree',
      subCard(
        [
          textBlock('Say why you disagree. All partners will see it.'),
          freeTextInput('rationale', 'Rationale', draft, { required: true }),
          textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
        ],
        [execute('Disagree', 'partner.disagree', { caseRef, asOf }, { style: 'destructive' })],
      ),
    ),
  ];
}
