import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, dateInput, freeTextInput, NO_NAMES_HINT, timeInput, todayInLondon } from './inputs.js';
import { dateFactSet, FIFTEEN_DAYS } from './reviewDates.js';
import { onTimeWords, outcomeBlocks } from './reviewOutcome.js';
import { noReviewCard } from './noReview.js';
import { timeLeftSentence } from './workingDays.js';
import type { ReviewOutcomeData } from './verbs.js';
import { when } from './wording.js';

const LCSPR_CHOICES: { title: string; value: ReviewOutcomeData['lcsprNeeded'] }[] = [
  { title: 'A local child safeguarding practice review (LCSPR) is needed', value: 'yes' },
  { title: 'No LCSPR is needed', value: 'no' },
];

/**
 * Sent 1:1 (tracked) to the review group chair when the rapid review is set up: after the meeting
 * the chair records whether an LCSPR is needed, why, and when the completed rapid review went to
 * the Panel and Ofsted (DOMAIN), which is the evidence the 15-working-day duty was met or not.
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
  const late = now.getTime() >= Date.parse(rr.dueAt);
  const left = timeLeftSentence(rr.dueAt, now, calendar);
  return caseFrame({
    ...frame,
    subtitle: 'Rapid review outcome needed',
    body: [
      textBlock(
        `${config.reviewGroupChair.displayName} (review group chair): after the meeting at ${when(setup.meetingAt, now)}, please record the outcome **by ${when(rr.dueAt, now)}**, ${FIFTEEN_DAYS}.`,
        { size: 'Medium' },
      ),
      ...(left ? [textBlock(left, { spacing: 'None' })] : []),
      ...(late ? [textBlock(`The deadline passed at ${when(rr.dueAt, now)}: record it anyway; it will be shown as late.`, { color: 'Attention', weight: 'Bolder' })] : []),
      textBlock('Record whether an LCSPR is needed, why, and when the completed rapid review was sent to the Panel and Ofsted.'),
      textBlock('Nobody records it in your place: until you do, the case stays open and the board shows the rapid review as outstanding.', { isSubtle: true }),
      dateFactSet(rr, now, calendar),
      subheading('Outcome'),
      choiceInput('lcsprNeeded', 'Is an LCSPR needed?', LCSPR_CHOICES, draft, { errorMessage: 'Please say whether an LCSPR is needed.' }),
      freeTextInput('rationale', 'Rationale', draft, { required: true }),
      textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
      subheading('Sent to the Panel and Ofsted'),
      dateInput('sentDate', 'Date sent', draft, { errorMessage: 'Please give the date the rapid review was sent.', max: todayInLondon(now) }),
      timeInput('sentTime', 'Time sent (UK time)', draft, { errorMessage: 'Please give the time the rapid review was sent.' }),
    ],
    actions: [execute('Record the outcome', 'review.outcome', { caseRef: state.referral.caseRef }, { style: 'positive' })],
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
