import { withRole } from '../workflow/words.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, freeTextInput, multiChoiceInput, NO_NAMES_HINT } from './inputs.js';
import { PARTNERS, PARTNER_NAMES } from '../workflow/partnership.js';
import { QUORUM_WORDS } from '../workflow/rapidReview/meeting.js';
import { dateFactSet, FIFTEEN_DAYS } from './reviewDates.js';
import { onTimeWords, outcomeBlocks } from './reviewOutcome.js';
import { noReviewCard } from './noReview.js';
import { timeLeftSentence } from './workingDays.js';
import type { ReviewOutcomeData } from './verbs.js';
import { severityGuidanceSection } from './severity.js';
import { when } from './wording.js';

const LCSPR_CHOICES: { title: string; value: ReviewOutcomeData['lcsprRecommended'] }[] = [
  { title: 'The review group recommends a local child safeguarding practice review (LCSPR)', value: 'yes' },
  { title: 'The review group recommends no LCSPR', value: 'no' },
];

/**
 * Sent 1:1 (tracked) to the review group chair when the rapid review is set up. After the meeting
 * the chair records who attended (no outcome for a meeting that was not quorate) and the group's
 * recommendation on an LCSPR, which goes to the partners to decide; once they have, the same card
 * asks the chair to approve the rapid review (002 Section B, Appendix A).
 */
export function rapidReviewOutcomeRequestCard(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now, notice, draft, quote, calendar } = parts;
  const rr = state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Rapid review outcome', 'rapidReviewOutcomeRequest');
  const frame = { state, notice, returnTo: 'rapidReviewOutcomeRequest' as const };
  const done = rr.completed;
  if (done) {
    return caseFrame({
      ...frame,
      subtitle: 'Rapid review outcome: recorded',
      body: [
        textBlock(`${done.lcsprNeeded ? 'An LCSPR is needed' : 'No LCSPR is needed'}. Sent to the Panel and Ofsted ${onTimeWords(rr, now)}.`, {
          size: 'Medium',
          color: done.onTime ? 'Good' : 'Attention',
        }),
        ...outcomeBlocks(rr, now),
        subheading('Rationale'),
        quote(done.rationale),
      ],
    });
  }
  const setup = rr.setup;
  if (!setup) {
    return caseFrame({
      ...frame,
      subtitle: 'Rapid review outcome',
      body: [textBlock(`The rapid review has not been set up yet; this card takes its outcome after the meeting. It is due by ${when(rr.dueAt, now)}.`)],
    });
  }
  const l = rr.lcspr;
  if (l) {
    if (rr.approved) {
      return caseFrame({ ...frame, subtitle: 'Rapid review approved', body: [textBlock(`Approved by ${rr.approved.by.displayName} at ${when(rr.approved.at, now)}. What happens next: the business unit sends it to the Panel and Ofsted, and the LCSPR decision to DfE, by ${when(rr.dueAt, now)}.`)] });
    }
    if (!l.decided) {
      return caseFrame({
        ...frame,
        subtitle: "Rapid review: waiting for the partners' decision",
        body: [
          textBlock(`Recorded: the review group recommends ${l.recommended ? 'an LCSPR' : 'no LCSPR'}. The decision is the three partners'; they are asked by ${when(l.repliesDueAt, now)}${l.dispute ? `, and they disagree: it is decided by ${when(l.dispute.decisionDueAt, now)}` : ''}.`),
          textBlock('What happens next: once they have decided, this card asks you to approve the rapid review.', { isSubtle: true }),
        ],
      });
    }
    return caseFrame({
      ...frame,
      subtitle: 'Rapid review: your approval',
      body: [
        textBlock(`The partners decided: ${l.decided.lcspr ? '**an LCSPR will be held**' : '**no LCSPR**'}. Please approve the rapid review.`, { size: 'Medium' }),
        textBlock(`What happens next: it goes to review-group members for information, to the partners and the scrutineer for scrutiny, and the executive is told; the business unit sends it to the Panel and Ofsted by ${when(rr.dueAt, now)}, ${FIFTEEN_DAYS}.`),
        subheading('Rationale'),
        quote(l.decided.rationale ?? l.rationale),
      ],
      actions: [execute('Approve the rapid review', 'review.approve', { caseRef: state.referral.caseRef }, { style: 'positive' })],
    });
  }
  const late = now.getTime() >= Date.parse(rr.dueAt);
  const left = timeLeftSentence(rr.dueAt, now, calendar);
  const invited = (rr.invited ?? []).map((id) => ({ title: config.agencies.find((a) => a.id === id)?.name ?? id, value: id }));
  return caseFrame({
    ...frame,
    subtitle: 'Rapid review meeting: record it',
    body: [
      textBlock(
        `${withRole(config.reviewGroupChair, 'reviewGroupChair')}: after the meeting at ${when(setup.meetingAt, now)}, please record who attended and the group's recommendation. The rapid review is due by ${when(rr.dueAt, now)}, ${FIFTEEN_DAYS}.`,
        { size: 'Medium' },
      ),
      ...(left ? [textBlock(left, { spacing: 'None' })] : []),
      ...(late ? [textBlock(`The deadline passed at ${when(rr.dueAt, now)}: record it anyway; it will be shown as late.`, { color: 'Attention', weight: 'Bolder' })] : []),
      textBlock(`${QUORUM_WORDS}: a meeting without all three is not quorate and no outcome can be recorded for it.`),
      textBlock("What happens next: whether to hold an LCSPR is the partners' decision; they get your recommendation to agree or disagree within 1 working day.", { isSubtle: true }),
      dateFactSet(rr, now, calendar),
      subheading('Who attended'),
      multiChoiceInput('attended', 'Partners represented at the meeting', PARTNERS.map((p) => ({ title: PARTNER_NAMES[p], value: p })), draft, { errorMessage: 'Please say which partners were represented.', ticked: [] }),
      ...(invited.length > 0 ? [{ ...multiChoiceInput('invitedAttended', 'Invited agencies that took part', invited, draft, { errorMessage: 'Please say whether the invited agencies took part.', ticked: [] }), isRequired: false }] : []),
      subheading('Recommendation'),
      // Where the type of review is chosen: 004's matrix as guidance, labelled as overridden by 002's criteria.
      severityGuidanceSection(),
      choiceInput('lcsprRecommended', 'Does the review group recommend an LCSPR?', LCSPR_CHOICES, draft, { errorMessage: 'Please give the recommendation.' }),
      freeTextInput('rationale', 'Rationale', draft, { required: true }),
      freeTextInput('linesOfEnquiry', 'Key lines of enquiry (needed if an LCSPR is recommended)', draft, { required: false }),
      freeTextInput('methodology', 'Methodology, if known', draft, { required: false }),
      textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
    ],
    actions: [execute('Record the meeting', 'review.outcome', { caseRef: state.referral.caseRef }, { style: 'positive' })],
  });
}

/** Tells the monitoring channel the rapid review is complete, and whether within the 15 working days. */
export function rapidReviewCompletedCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, quote } = parts;
  const rr = state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Rapid review complete', 'rapidReviewCompleted');
  const frame = { state, notice, returnTo: 'rapidReviewCompleted' as const };
  const done = rr.completed;
  if (!done) {
    return caseFrame({ ...frame, subtitle: 'Rapid review', body: [textBlock(`The rapid review has not been completed yet. It is due by ${when(rr.dueAt, now)}.`)] });
  }
  return caseFrame({
    ...frame,
    subtitle: 'Rapid review complete',
    body: [
      textBlock(done.lcsprNeeded ? 'Outcome: **an LCSPR is needed**.' : 'Outcome: **no LCSPR is needed**.', { size: 'Medium' }),
      textBlock(`Sent to the Panel and Ofsted at ${when(done.sentAt, now)}: ${onTimeWords(rr, now)}.`, {
        color: done.onTime ? 'Good' : 'Attention',
      }),
      ...outcomeBlocks(rr, now),
      subheading('Rationale'),
      quote(done.rationale),
      subheading('What happens next'),
      textBlock(
        done.lcsprNeeded
          ? 'The partnership commissions the LCSPR; it is published within 6 months of the decision. The case is closed in this bot.'
          : 'No LCSPR: the case is closed, with the outcome and rationale on record.',
      ),
    ],
  });
}
