import type { PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { container, execute, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { nextAfterDecision } from './decision.js';
import { escalationWords, finalDecisionDueAt, panelDeadlineWords } from './dispute.js';
import { howReachedBlocks, scrutineerAttendance } from './howReached.js';
import type { Draft } from './inputs.js';
import { freeTextInput, NO_NAMES_HINT, viewChoiceWithRationale, yesNoToggle } from './inputs.js';
import { currentMeeting, joinMeeting, meetingStatus } from './meeting.js';
import { partnerPositionBlocks } from './positions.js';
import { actorWords, decisionMakerWords, stageWords, VIEW_WORDS, when } from './wording.js';

/**
 * Sent 1:1 (tracked) to the partnership's final decision maker when a dispute reaches stage 2, or
 * a final decision is re-opened (DOMAIN step 6). It carries everything the decision is made on:
 * the initial view, every partner's position, the partners' meeting. Once decided it is the
 * record, with a way to re-open it when new information arrives.
 */
export function finalDecisionRequestCard(parts: CaseCardParts): AdaptiveCard {
  const { state, notice } = parts;
  const frame = { state, notice, returnTo: 'finalDecisionRequest' as const };
  const { decision, dispute } = state;
  // A re-opened decision (002 8.1) stands while the partnership chair decides again: the card asks for it.
  const reopenedNow = state.reconsideration !== undefined;
  if (decision?.basis === 'finalDecision' && !reopenedNow) return decidedCard(parts);
  if (decision && !reopenedNow) {
    return caseFrame({
      ...frame,
      subtitle: 'Final decision',
      body: [
        textBlock(`No final decision is needed: the decision (**${VIEW_WORDS[decision.decision]}**) was recorded at ${when(decision.at, parts.now)}.`),
        ...howReachedBlocks(state, parts.config, parts.now, parts.quote),
      ],
    });
  }
  const due = finalDecisionDueAt(dispute);
  if (!dispute || dispute.stage !== 2 || !due) {
    return caseFrame({
      ...frame,
      subtitle: 'Final decision',
      body: [
        textBlock(`No final decision is asked for on this case. ${stageWords(state)}.`),
        ...(dispute?.stage === 1
          ? [textBlock(`If the review group chair records that the partners' meeting did not resolve it, it comes to ${decisionMakerWords(parts.config)} for a final decision. The outcome is due by ${when(dispute.meetingDueAt, parts.now)}; if it is late it is chased, never assumed.`)]
          : []),
      ],
    });
  }
  return openCard(parts, due);
}

function openCard(parts: CaseCardParts, due: string): AdaptiveCard {
  const { state, config, now, notice, draft, quote } = parts;
  const dispute = state.dispute;
  const view = state.initialView;
  const caseRef = state.referral.caseRef;
  const late = now.getTime() >= Date.parse(due);
  const reopened = dispute?.reopened;
  const why = dispute ? escalationWords(dispute, now) : undefined;
  // The partnership chair decides (8.1); the scrutineer mediates, so whether they attended is asked.
  const scrutineerDecides = false;
  return caseFrame({
    state,
    notice,
    returnTo: 'finalDecisionRequest',
    subtitle: reopened ? 'Final decision needed again: re-opened' : 'Final decision needed',
    body: [
      ...(reopened
        ? [
            container(
              [
                textBlock(`Re-opened by ${actorWords(reopened.by)} at ${when(reopened.at, now)}, on new information.${state.reconsideration ? '' : ' The earlier decision no longer stands.'}`, { weight: 'Bolder' }),
                quote(reopened.reason),
                ...(state.reconsideration && state.decision ? [textBlock(reconsiderationWords(state))] : []),
              ],
              { style: 'emphasis' },
            ),
          ]
        : []),
      textBlock(`Please record your final decision **by ${when(due, now)}**.`, { size: 'Medium' }),
      textBlock('Your decision is final, on the information known now; it can be re-opened if new information arrives.'),
      textBlock(
        `If it is not recorded by then, the monitoring channel is told. Nobody decides in your place, and ${panelDeadlineWords(state, now)}.`,
        { isSubtle: true },
      ),
      ...(late ? [textBlock(`This is overdue since ${when(due, now)}.`, { color: 'Attention', weight: 'Bolder' })] : []),
      ...(why ? [subheading('Why it has come to you'), textBlock(why)] : []),
      // The chair's account of the partners' meeting, in their words.
      ...(dispute?.outcome ? [quote(dispute.outcome.rationale)] : []),
      subheading('The meeting'),
      ...meetingStatus(state, 2, config, now),
      ...(view
        ? [subheading(`Initial view: ${VIEW_WORDS[view.view]}`), textBlock(`Given by ${actorWords(view.by)} at ${when(view.at, now)}.`, { spacing: 'None', isSubtle: true }), quote(view.rationale)]
        : []),
      subheading("Partners' positions"),
      ...partnerPositionBlocks(state.positions, now, quote),
      subheading('Your decision'),
      ...decisionInputs(config, draft, scrutineerDecides),
    ],
    actions: [
      execute('Record final decision', 'decision.final', { caseRef, ...(scrutineerDecides ? { scrutineerAttended: 'true' as const } : {}) }, { style: 'positive' }),
      ...joinMeeting(currentMeeting(state, 2)),
    ],
  });
}

/** What each answer does to a re-opened case (002 8.1): nothing already done is undone by re-opening. */
function reconsiderationWords(state: CaseState): string {
  const was = state.decision!.decision;
  const notified = state.panelNotification !== undefined || state.rapidReview !== undefined;
  const other = was === 'notify' ? 'doNotNotify' : 'notify';
  return (
    `The earlier decision (**${VIEW_WORDS[was]}**) stands until you decide${notified ? ', and the rapid review carries on' : ''}. ` +
    `Deciding **${VIEW_WORDS[was]}** again keeps the case going as it is; deciding **${VIEW_WORDS[other]}** ${notified ? 'closes the case, with your rationale recorded as the reason' : 'takes the case down that path instead'}.`
  );
}

function decisionInputs(config: PartnershipConfig, draft: Draft, scrutineerDecides: boolean): CardElement[] {
  return [
    ...viewChoiceWithRationale('decision', 'Final decision', draft),
    ...(scrutineerDecides
      ? []
      : [
          // Off unless ticked: a forgotten tick sends the scrutineer the record, never the reverse.
          yesNoToggle('scrutineerAttended', 'Independent scrutineer', 'The independent scrutineer attended the meeting', draft),
          textBlock(`If ${config.independentScrutineer.displayName} did not attend, the full record is sent to them to review.`, { isSubtle: true, size: 'Small', spacing: 'Small' }),
        ]),
  ];
}

function decidedCard({ state, config, now, notice, draft, quote }: CaseCardParts): AdaptiveCard {
  const decision = state.decision;
  if (!decision) throw new Error('decidedCard needs a decision');
  const reopened = state.dispute?.reopened;
  return caseFrame({
    state,
    notice,
    returnTo: 'finalDecisionRequest',
    subtitle: 'Final decision: recorded',
    body: [
      textBlock(`Final decision: **${VIEW_WORDS[decision.decision]}**, recorded${decision.by ? ` by ${actorWords(decision.by)}` : ''} at ${when(decision.at, now)}.`, {
        size: 'Medium',
        color: 'Good',
      }),
      ...(decision.rationale ? [subheading('Rationale'), quote(decision.rationale)] : []),
      ...scrutineerAttendance(decision.scrutineerAttended, config),
      ...(reopened ? [textBlock(`It follows a re-opening by ${actorWords(reopened.by)} at ${when(reopened.at, now)}:`, { spacing: 'Medium' }), quote(reopened.reason)] : []),
      subheading('What happens next'),
      ...nextAfterDecision(state, config, now),
      textBlock(
        state.closedByReversal
          ? 'The case was closed when this decision reversed the decision to notify.'
          : 'It is final, on the information known when it was made. If new information arrives, it is raised through the business unit (or by you) with a reason: the review group chair, you and the independent scrutineer are told, and you decide again within one working day. Until then this decision stands.',
        { isSubtle: true },
      ),
    ],
    actions: state.closedByReversal ? [] : [reopenAction(state, draft)],
  });
}

/** A ShowCard, so the required reason does not block History, and re-opening takes a deliberate second click. */
function reopenAction(state: CaseState, draft: Draft): CardActionJson {
  return showCard(
    'Re-open',
    subCard(
      [
        textBlock('What new information re-opens the decision? Everyone who sees the case history will read it.'),
        freeTextInput('reason', 'Reason', draft, { required: true }),
        textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
      ],
      [execute('Re-open the decision', 'decision.reopen', { caseRef: state.referral.caseRef }, { style: 'destructive' })],
    ),
  );
}
