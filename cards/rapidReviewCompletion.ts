import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { dateInput, timeInput, todayInLondon } from './inputs.js';
import { noReviewCard } from './noReview.js';
import { decisionTold, decisionToldWords } from '../workflow/localReview/told.js';
import { FIFTEEN_DAYS } from './reviewDates.js';
import { actorWords, when } from './wording.js';

/**
 * The domestic abuse service's invitation to the meeting (001), and the approved rapid review as it
 * goes out (002 Section B, Appendix A): to review-group members for information, to the partners,
 * the scrutineer and the executive, and the business unit's prompt to send it and record when.
 */

/** To the specialist domestic abuse service's contact: take part in the meeting (an agency card: no history). */
export function rapidReviewInvitationCard(parts: CaseCardParts, agencyId: string): AdaptiveCard {
  const { state, now, notice, config } = parts;
  const rr = state.rapidReview;
  const agency = config.agencies.find((a) => a.id === agencyId);
  if (!rr?.setup || !agency) return noReviewCard(parts, 'Rapid review meeting', undefined, { showHistory: false });
  return caseFrame({
    state,
    notice,
    showHistory: false,
    subtitle: `Rapid review meeting: ${agency.name} is invited`,
    body: [
      textBlock(`Domestic abuse has been identified in this case. ${agency.name} is invited to take part in the rapid review meeting at **${when(rr.setup.meetingAt, now)}**, not only to send a scoping return.`, { size: 'Medium' }),
      textBlock(`What happens next: the business unit sends the meeting details and the papers by ${when(rr.setup.papersDueAt, now)}; your scoping return is asked for on its own card.`),
    ],
  });
}

/** To the partners, the scrutineer (for scrutiny) and the executive (informed). */
export function rapidReviewApprovedCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice } = parts;
  const rr = state.rapidReview;
  if (!rr?.approved || !rr.lcspr?.decided) return noReviewCard(parts, 'Rapid review approved', 'rapidReviewApproved');
  return caseFrame({
    state,
    notice,
    returnTo: 'rapidReviewApproved',
    subtitle: 'Rapid review approved',
    body: [
      textBlock(`Approved by ${actorWords(rr.approved.by)} at ${when(rr.approved.at, now)}. Decision: **${rr.lcspr.decided.lcspr ? 'an LCSPR will be held' : 'no LCSPR'}**.`, { size: 'Medium' }),
      textBlock("Safeguarding partners and the independent scrutineer: for scrutiny. The partnership's executive: for information."),
      textBlock(`What happens next: the business unit sends it to the Panel and Ofsted, and the decision to DfE, by ${when(rr.dueAt, now)}.`),
    ],
  });
}

/** To each review-group member agency's contacts, for information (an agency card: no history). */
export function rapidReviewForInformationCard(parts: CaseCardParts, agencyId: string): AdaptiveCard {
  const { state, now, notice, config } = parts;
  const rr = state.rapidReview;
  const agency = config.agencies.find((a) => a.id === agencyId);
  if (!rr?.approved || !rr.lcspr?.decided || !agency) return noReviewCard(parts, 'Rapid review approved', undefined, { showHistory: false });
  return caseFrame({
    state,
    notice,
    showHistory: false,
    subtitle: 'Rapid review approved: for information',
    body: [
      textBlock(`The rapid review was approved by the review group chair at ${when(rr.approved.at, now)}. ${agency.name}, as a review-group member, receives it for information. Decision: ${rr.lcspr.decided.lcspr ? 'an LCSPR will be held' : 'no LCSPR'}.`),
      textBlock('What happens next: nothing is asked of you; the rapid review form is in the document store.', { isSubtle: true }),
    ],
  });
}

/** In the monitoring channel: send it to the Panel and Ofsted, and the LCSPR decision to DfE, and record when. */
export function rapidReviewSendPromptCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, draft } = parts;
  const rr = state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Send the rapid review', 'rapidReviewSendPrompt');
  const frame = { state, notice, returnTo: 'rapidReviewSendPrompt' as const };
  if (rr.completed) {
    return caseFrame({ ...frame, subtitle: 'Rapid review sent', body: [textBlock(`Sent to the Panel and Ofsted at ${when(rr.completed.sentAt, now)} (${rr.completed.onTime ? 'on time' : 'late'})${rr.completed.dfeSentAt ? `; the decision to DfE at ${when(rr.completed.dfeSentAt, now)}` : ''}. The case is closed.`)] });
  }
  if (!rr.approved) return caseFrame({ ...frame, subtitle: 'Send the rapid review', body: [textBlock('The rapid review has not been approved yet. What happens next: once the chair approves it, this card asks you to send it.')] });
  const late = now.getTime() >= Date.parse(rr.dueAt);
  const told = decisionTold(state);
  const toldFirst = told?.via === 'localReview' ? told : undefined;
  return caseFrame({
    ...frame,
    subtitle: 'Send the rapid review',
    body: [
      textBlock(`Business unit: the review group chair approved the rapid review. Please send it to the Child Safeguarding Practice Review Panel and Ofsted${toldFirst ? '' : ', and the LCSPR decision to DfE,'} **by ${when(rr.dueAt, now)}** (${FIFTEEN_DAYS}), and record when.`, { size: 'Medium' }),
      ...(late ? [textBlock(`The deadline passed at ${when(rr.dueAt, now)}: record it anyway; it will be shown as late.`, { color: 'Attention', weight: 'Bolder' })] : []),
      subheading('Sent to the Panel and Ofsted'),
      dateInput('sentDate', 'Date sent', draft, { errorMessage: 'Please give the date it was sent.', max: todayInLondon(now) }),
      timeInput('sentTime', 'Time sent (UK time)', draft, { errorMessage: 'Please give the time it was sent.' }),
      subheading('LCSPR decision sent to DfE'),
      // 5.6: told once. Recorded first on the local review card, it is shown here and not asked for again.
      ...(toldFirst
        ? [textBlock(decisionToldWords(toldFirst, now))]
        : [
            dateInput('dfeDate', 'Date sent', draft, { errorMessage: 'Please give the date the decision went to DfE.', max: todayInLondon(now) }),
            timeInput('dfeTime', 'Time sent (UK time)', draft, { errorMessage: 'Please give the time the decision went to DfE.' }),
          ]),
      textBlock('What happens next: the case closes, shown on time or late.', { isSubtle: true }),
    ],
    actions: [execute('Record when it was sent', 'review.sent', { caseRef: state.referral.caseRef }, { style: 'positive' })],
  });
}
