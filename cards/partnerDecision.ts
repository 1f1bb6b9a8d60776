import { withRole } from '../workflow/words.js';
import { askedAt } from '../workflow/absence.js';
import { PARTNERS, PARTNER_NAMES, findPerson, type PartnershipConfig } from '../workflow/partnership.js';
import type { CaseState, Dispute } from '../workflow/state.js';
import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { execute, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import type { Quote } from './budget.js';
import { caseFrame } from './caseFrame.js';
import { nextAfterDecision } from './decision.js';
import type { CaseCardParts } from './context.js';
import { escalationWords, finalDecisionDueAt } from './dispute.js';
import { basisWords } from './howReached.js';
import type { Draft } from './inputs.js';
import { freeTextInput, NO_NAMES_HINT } from './inputs.js';
import { currentMeeting, joinMeeting, meetingStatus } from './meeting.js';
import { partnerPositionBlocks } from './positions.js';
import { actorWords, decisionMakerWords, VIEW_WORDS, when } from './wording.js';

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
      ...statusBlocks(state, config, now, windowClosed, quote),
      subheading(`Initial view: ${VIEW_WORDS[view.view]}`),
      textBlock(`Given by ${actorWords(view.by)} at ${when(view.at, now)}.`, { spacing: 'None', isSubtle: true }),
      quote(view.rationale),
      subheading("Partners' replies"),
      ...partnerPositionBlocks(state.positions, now, quote),
      ...(taking ? awayBlocks(state, config, now) : []),
      ...(taking ? replyInputs(draft) : []),
    ],
    actions: [...(taking ? replyActions(state, draft) : []), ...(state.dispute && !state.decision ? joinMeeting(currentMeeting(state, state.dispute.stage)) : [])],
  });
}

function statusBlocks(state: CaseState, config: PartnershipConfig, now: Date, windowClosed: boolean, quote: Quote): CardElement[] {
  const view = state.initialView;
  if (!view) return [];
  if (state.decision) {
    const basis = basisWords(state, config);
    return [
      textBlock(`Decision: **${VIEW_WORDS[state.decision.decision]}**, recorded at ${when(state.decision.at, now)}.`, { size: 'Medium', color: 'Good' }),
      ...(basis ? [textBlock(basis, { spacing: 'None' })] : []),
      ...(state.decision.rationale ? [quote(state.decision.rationale)] : []),
      ...nextAfterDecision(state, config, now),
    ];
  }
  if (state.stage === 'dispute' && state.dispute) return disputeBlocks(state, state.dispute, config, now, quote);
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

/** Where the dispute stands: whose move it is, by when, and the meeting to join. */
function disputeBlocks(state: CaseState, dispute: Dispute, config: PartnershipConfig, now: Date, quote: Quote): CardElement[] {
  const stillAgree = textBlock('Replies can still change: if every partner agrees, the decision is recorded at once and the meeting is cancelled.');
  if (dispute.stage === 1) {
    return [
      textBlock(`Dispute: partners disagree; a meeting must be held by **${when(dispute.meetingDueAt, now)}**.`, { size: 'Medium', color: 'Attention' }),
      ...meetingStatus(state, 1, config, now),
      textBlock(
        `${withRole(config.reviewGroupChair, 'reviewGroupChair')} records its outcome by then; if it is not recorded by then, the chair and the business unit are chased and the monitoring channel is told. It goes to ${decisionMakerWords(config)} for a final decision only if the chair records that the meeting did not resolve it.`,
      ),
      stillAgree,
    ];
  }
  const due = finalDecisionDueAt(dispute);
  const reopened = dispute.reopened;
  const why = reopened ? undefined : escalationWords(dispute, now);
  return [
    textBlock(`Dispute: gone to ${decisionMakerWords(config)} for a final decision${due ? `, due by **${when(due, now)}**` : ''}.`, { size: 'Medium', color: 'Attention' }),
    ...(reopened ? [textBlock(`The decision was re-opened by ${actorWords(reopened.by)} at ${when(reopened.at, now)}, on new information:`), quote(reopened.reason)] : []),
    ...(why ? [textBlock(why)] : []),
    ...meetingStatus(state, 2, config, now),
    stillAgree,
  ];
}

/**
 * A partner whose representative is away (issue 16: "while it lasts their deputy is asked, or
 * their absence inbox is told, and the card says so"): the channel card is everyone's, so it says
 * who may reply for them, or that their team's inbox was told (the decision card is emailed to the
 * partners' shared inboxes: app/effectRunner.ts). Only partners still to reply; London time.
 */
function awayBlocks(state: CaseState, config: PartnershipConfig, now: Date): CardElement[] {
  const lines: string[] = [];
  for (const partner of PARTNERS) {
    if (state.positions[partner].status !== 'awaiting') continue;
    const representative = config.partners[partner].representative;
    const { asked, inboxes } = askedAt(config, representative.aadObjectId, now);
    const away = asked.find((a) => a.awayFor)?.awayFor;
    if (!away) continue;
    const until = when(away.until, now);
    const standIns = asked.filter((a) => a.aadObjectId !== representative.aadObjectId).map((a) => findPerson(config, a.aadObjectId)?.displayName ?? 'a deputy');
    if (standIns.length > 0) lines.push(`${representative.displayName} (${PARTNER_NAMES[partner]}) is away until ${until}: ${standIns.join(' or ')} may reply for them as their deputy.`);
    else if (inboxes.length > 0) lines.push(`${representative.displayName} (${PARTNER_NAMES[partner]}) is away until ${until}; their team's inbox has been told.`);
  }
  return lines.map((line) => textBlock(line, { color: 'Warning' }));
}

function replyInputs(_draft: Draft): CardElement[] {
  return [subheading('Your reply'), textBlock('Agree or disagree, with your rationale either way ("their response and rationale"). All partners will see it.')];
}

/**
 * Both replies carry a rationale (002 Section B step 4), so each has its own form in a ShowCard:
 * one required input shared by both buttons could not say which reply it was written for.
 */
function replyActions(state: CaseState, draft: Draft): CardActionJson[] {
  const caseRef = state.referral.caseRef;
  const asOf = String(state.version);
  return [
    showCard(
      'Agree',
      subCard(
        [
          textBlock('Say briefly why you agree. All partners will see it.'),
          freeTextInput('comment', 'Rationale', draft, { required: true }),
          textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
        ],
        [execute('Agree', 'partner.agree', { caseRef, asOf }, { style: 'positive' })],
      ),
    ),
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
