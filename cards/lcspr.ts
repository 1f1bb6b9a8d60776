import { PARTNERS, PARTNER_NAMES } from '../workflow/partnership.js';
import type { LcsprDecision } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, factSet, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, freeTextInput, NO_NAMES_HINT } from './inputs.js';
import { noReviewCard } from './noReview.js';
import { ROLE_WORDS } from '../workflow/words.js';
import { severityGuidanceSection } from './severity.js';
import { actorWords, when } from './wording.js';

/**
 * The partners' decision on whether to hold a local review (002 Section B 6; 5.3): their card in
 * the decision channel (like the notification's), the dispute decider's card, the decision as the
 * scrutineer and the monitoring channel are told of it, and the chasers.
 */


function recommendationBlocks(l: LcsprDecision, parts: CaseCardParts): CardElement[] {
  const { now, quote } = parts;
  return [
    textBlock(`The review group (a quorate meeting, recorded by ${actorWords(l.by)} at ${when(l.recordedAt, now)}) recommends **${l.recommended ? 'an LCSPR' : 'no LCSPR'}**.`),
    subheading('Rationale'),
    quote(l.rationale),
    ...(l.linesOfEnquiry ? [subheading('Key lines of enquiry'), quote(l.linesOfEnquiry)] : []),
    ...(l.methodology ? [subheading('Methodology'), quote(l.methodology)] : []),
  ];
}

function positionWords(l: LcsprDecision, now: Date): CardElement {
  return factSet(
    PARTNERS.map((p) => {
      const pos = l.positions[p];
      const value = !pos ? 'waiting' : pos.status === 'deemed' ? `agreement deemed: no response by ${when(pos.windowClosedAt, now)}` : `${pos.status} (${pos.by.displayName})`;
      return { title: PARTNER_NAMES[p], value };
    }),
  );
}

function decidedWords(l: LcsprDecision, now: Date): string {
  const d = l.decided!;
  return `Decided at ${when(d.at, now)}: **${d.lcspr ? 'an LCSPR will be held' : 'no LCSPR'}** (${d.basis === 'partnersAgreed' ? 'the three partners agreed' : `decided by the ${d.by ? actorWords(d.by) : 'decider'} after a disagreement`}).`;
}

/** In the partners' decision channel: each partner agrees or disagrees (with a rationale). */
export function lcsprDecisionCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, draft, config } = parts;
  const l = state.rapidReview?.lcspr;
  if (!l) return noReviewCard(parts, 'Decision on a local review', 'lcsprDecision');
  const frame = { state, notice, returnTo: 'lcsprDecision' as const };
  const caseRef = state.referral.caseRef;
  const status: CardElement[] = [positionWords(l, now)];
  if (l.decided) {
    return caseFrame({ ...frame, subtitle: 'Decision on a local review (LCSPR): made', body: [textBlock(decidedWords(l, now), { size: 'Medium' }), ...status, textBlock('What happens next: the review group chair approves the rapid review; the scrutineer has been informed.')] });
  }
  if (l.dispute) {
    return caseFrame({
      ...frame,
      subtitle: 'Decision on a local review (LCSPR): the partners disagree',
      body: [...recommendationBlocks(l, parts), ...status, textBlock(`What happens next: the ${ROLE_WORDS[l.dispute.decider]} decides by ${when(l.dispute.decisionDueAt, now)}.`)],
    });
  }
  const silence = config.lcsprSilenceIsAgreement
    ? `A partner that has not answered by ${when(l.repliesDueAt, now)} is recorded as agreeing (the partnership's rule).`
    : `Silence is not agreement: after ${when(l.repliesDueAt, now)} the monitoring channel is told who has not answered.`;
  return caseFrame({
    ...frame,
    subtitle: 'Decision on a local review (LCSPR): the partners decide',
    body: [
      ...recommendationBlocks(l, parts),
      textBlock(`Safeguarding partners: please agree or disagree **by ${when(l.repliesDueAt, now)}**. ${silence}`),
      ...status,
      severityGuidanceSection(),
      textBlock('What happens next: if all three agree, the decision is recorded and the scrutineer informed; a disagreement goes to the ' + ROLE_WORDS[config.reviewDisputeDecider] + ' within 3 working days.', { isSubtle: true }),
    ],
    actions: [
      execute('Agree', 'lcspr.agree', { caseRef }, { style: 'positive', associatedInputs: 'none' }),
      showCard('Disagree', subCard([freeTextInput('rationale', 'Why you disagree', draft, { required: true }), textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' })], [execute('Send disagreement', 'lcspr.disagree', { caseRef }, { style: 'destructive' })])),
    ],
  });
}

const LCSPR_CHOICES = [
  { title: 'Hold an LCSPR', value: 'yes' },
  { title: 'No LCSPR', value: 'no' },
];

/** To the dispute decider (partnership chair, or the scrutineer where the partnership says so). */
export function lcsprDisputeCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, draft } = parts;
  const l = state.rapidReview?.lcspr;
  if (!l?.dispute) return noReviewCard(parts, 'Disagreement on a local review', 'lcsprDispute');
  const frame = { state, notice, returnTo: 'lcsprDispute' as const };
  if (l.decided) return caseFrame({ ...frame, subtitle: 'Disagreement on a local review: decided', body: [textBlock(decidedWords(l, now)), textBlock('What happens next: the review group chair approves the rapid review.')] });
  const disagreements = l.dispute.disagreeing.flatMap((p) => {
    const pos = l.positions[p];
    return pos && pos.status === 'disagreed' && pos.rationale ? [subheading(`${PARTNER_NAMES[p]} disagrees`), parts.quote(pos.rationale)] : [];
  });
  return caseFrame({
    ...frame,
    subtitle: 'Disagreement on a local review: your decision',
    body: [
      ...recommendationBlocks(l, parts),
      ...disagreements,
      severityGuidanceSection(),
      textBlock(`As ${ROLE_WORDS[l.dispute.decider]}, please decide **by ${when(l.dispute.decisionDueAt, now)}** (within 3 working days). What happens next: the decision is recorded, the scrutineer informed, and the chair asked to approve the rapid review.`),
      choiceInput('lcspr', 'Decision', LCSPR_CHOICES, draft, { errorMessage: 'Please give the decision.' }),
      freeTextInput('rationale', 'Rationale', draft, { required: true }),
    ],
    actions: [execute('Record the decision', 'lcspr.decide', { caseRef: state.referral.caseRef }, { style: 'positive' })],
  });
}

/** To the scrutineer (5.3 "The Independent Scrutineer will also be informed") and the monitoring channel. */
export function lcsprDecidedCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice } = parts;
  const l = state.rapidReview?.lcspr;
  if (!l?.decided) return noReviewCard(parts, 'Decision on a local review', 'lcsprDecided');
  return caseFrame({
    state,
    notice,
    returnTo: 'lcsprDecided',
    subtitle: 'Decision on a local review (LCSPR)',
    body: [textBlock(decidedWords(l, now), { size: 'Medium' }), ...recommendationBlocks(l, parts), ...(l.decided.rationale ? [subheading('Decision rationale'), parts.quote(l.decided.rationale)] : []), textBlock('What happens next: the review group chair approves the rapid review; the Panel, Ofsted and DfE are told of the decision.')],
  });
}

/** Reminder to the silent partners, or an overdue alert in the monitoring channel. */
export function lcsprChaserCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, config } = parts;
  const l = state.rapidReview?.lcspr;
  if (!l) return noReviewCard(parts, 'Decision on a local review', 'lcsprChaser');
  const frame = { state, notice, returnTo: 'lcsprChaser' as const };
  if (l.decided) return caseFrame({ ...frame, subtitle: 'Decision on a local review', body: [textBlock(decidedWords(l, now))] });
  if (l.dispute) {
    return caseFrame({ ...frame, subtitle: 'Overdue: the decision on a disagreement about a local review', body: [textBlock(`The ${ROLE_WORDS[l.dispute.decider]}'s decision was due by ${when(l.dispute.decisionDueAt, now)}. What happens next: nothing is decided for them; the business unit follows it up.`, { color: 'Attention' })] });
  }
  const silent = PARTNERS.filter((p) => !l.positions[p]).map((p) => PARTNER_NAMES[p]);
  const overdue = now.getTime() >= Date.parse(l.repliesDueAt);
  return caseFrame({
    ...frame,
    subtitle: overdue ? "Overdue: the partners' decision on a local review" : 'Reminder: the decision on a local review',
    body: [
      textBlock(`${overdue ? 'Still waiting' : 'Waiting'} for ${silent.join(', ') || 'nobody'}: answers were due by ${when(l.repliesDueAt, now)}.`, { color: overdue ? 'Attention' : 'Default' }),
      textBlock(config.lcsprSilenceIsAgreement ? 'What happens next: at the deadline silence is recorded as agreement.' : "What happens next: silence is not agreement; the decision waits for the partners' answers on their card in the decision channel."),
    ],
    actions: [execute('Open the decision card', 'case.show', { caseRef: state.referral.caseRef, card: 'lcsprDecision' }, { associatedInputs: 'none' })],
  });
}
