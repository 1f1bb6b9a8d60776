import type { PartnershipConfig } from '../workflow/partnership.js';
import type { RapidReview } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { agencyName } from './agencies.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import { noRapidReviewCard } from './noRapidReview.js';
import type { CaseCardParts } from './context.js';
import type { Draft } from './inputs.js';
import { dateInput, lastDayClosingBy, multiChoiceInput, timeInput, todayInLondon, yesNoToggle } from './inputs.js';
import { dateFactSet, reviewDeadlineSentence } from './reviewDates.js';
import { outcomeBlocks } from './reviewOutcome.js';
import { noReviewCard } from './noReview.js';
import { timeLeftSentence } from './workingDays.js';
import { actorWords, listWords, when } from './wording.js';

/**
 * Posted (tracked) in the monitoring channel when the Panel notification is confirmed: the
 * business unit sets up the rapid review meeting and chooses the agencies asked for scoping
 * returns (DOMAIN "The rapid review and scoping returns"). Once set up it is the record of it.
 */
export function rapidReviewSetupCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice } = parts;
  const rr = state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Rapid review set-up', 'rapidReviewSetup');
  if (rr.notHeld) return noRapidReviewCard(parts);
  const frame = { state, notice, returnTo: 'rapidReviewSetup' as const };
  const setup = rr.setup;
  if (setup) {
    return caseFrame({
      ...frame,
      subtitle: rr.completed ? 'Rapid review: complete' : 'Rapid review: set up',
      body: [
        textBlock(`Set up by ${actorWords(setup.by)} at ${when(setup.at, now)}.`),
        dateFactSet(rr, now, parts.calendar),
        textBlock(`Scoping returns asked of ${listWords(rr.agencyOrder.map((id) => agencyName(parts.config, id)))}.`),
        ...(rr.completed
          ? outcomeBlocks(rr, now)
          : [textBlock("Each agency's contact has a scoping request; the rapid review board in this channel shows each return as it comes in.", { isSubtle: true })]),
      ],
    });
  }
  const left = timeLeftSentence(rr.dueAt, now, parts.calendar);
  const late = now.getTime() >= Date.parse(rr.dueAt);
  return caseFrame({
    ...frame,
    subtitle: 'Rapid review: set-up needed',
    body: [
      textBlock(reviewDeadlineSentence(rr, now), { size: 'Medium' }),
      ...(left ? [textBlock(left, { spacing: 'None' })] : []),
      ...(late ? [textBlock(`The deadline passed at ${when(rr.dueAt, now)}; set it up now and the review is recorded as late.`, { color: 'Attention', weight: 'Bolder' })] : []),
      textBlock(
        'Business unit: choose the meeting and the agencies to ask for scoping returns. Until it is set up no agency is asked, and the deadline keeps running.',
      ),
      ...setupInputs(parts, rr),
    ],
    actions: [execute('Set up the rapid review', 'review.setup', { caseRef: state.referral.caseRef }, { style: 'positive' }), showCaseCard(state, 'Not holding a rapid review?', 'noRapidReview')],
  });
}

function setupInputs({ config, now, draft }: CaseCardParts, rr: RapidReview): CardElement[] {
  const today = todayInLondon(now);
  const lastDay = todayInLondon(new Date(rr.dueAt));
  return [
    subheading('The meeting'),
    dateInput('meetingDate', 'Meeting date', draft, { errorMessage: 'Please give the date of the rapid review meeting.', min: today, max: lastDay }),
    timeInput('meetingTime', 'Start time (UK time)', draft, { errorMessage: 'Please give the time the meeting starts.' }),
    textBlock(`Refused if after ${when(rr.dueAt, now)}; papers go to members one week before it.`, { isSubtle: true, size: 'Small', spacing: 'Small' }),
    subheading('Agencies asked for scoping returns'),
    ...agencyInputs(config, draft),
    subheading('Return date'),
    dateInput('returnsDate', 'Returns due (optional)', draft, {
      errorMessage: 'Please give a date, or leave it empty for the default.',
      required: false,
      min: today,
      // Returns are due at the close of the day chosen, which must not be after the review's deadline.
      max: lastDayClosingBy(new Date(rr.dueAt), config.workingHours.end),
    }),
    textBlock(
      'Leave it empty for the default: one working day before the papers go out, at the close of that day. Returns are due at the close of the day you choose.',
      { isSubtle: true, size: 'Small', spacing: 'Small' },
    ),
  ];
}

/**
 * The review-group members (the three partners among them) are always asked (002 Section B), so
 * they are listed, not offered; the other agencies are offered, and the domestic abuse service is
 * asked and invited to the meeting only where domestic abuse is identified (001).
 */
function agencyInputs(config: PartnershipConfig, draft: Draft): CardElement[] {
  const members = config.agencies.filter((a) => (a.reviewGroup || a.partner) && !a.domesticAbuseService);
  const offered = config.agencies.filter((a) => !a.domesticAbuseService && !members.includes(a));
  const daServices = config.agencies.filter((a) => a.domesticAbuseService);
  return [
    ...(members.length > 0 ? [textBlock(`Always asked, as review group members: ${listWords(members.map((a) => a.name))}.`, { spacing: 'Small' })] : []),
    ...(offered.length > 0 || members.length > 0
      ? [
          ...(offered.length > 0
            ? [
                // Not required: the review group members are asked whatever is ticked here.
                { ...multiChoiceInput('agencies', 'Other agencies identified', offered.map((a) => ({ title: a.name, value: a.id })), draft, { errorMessage: 'Please choose the agencies identified.', ticked: [] }), isRequired: members.length === 0 },
                textBlock('Add any other agency identified.', { isSubtle: true, size: 'Small', spacing: 'Small' }),
              ]
            : []),
        ]
      : [textBlock("No agencies are configured for scoping returns: ask the partnership's administrator to add them.", { color: 'Attention' })]),
    ...(daServices.length > 0
      ? [yesNoToggle('includeDomesticAbuse', 'Domestic abuse', `Domestic abuse is identified: ask ${listWords(daServices.map((a) => a.name))} for a return and invite it to take part in the meeting`, draft)]
      : []),
  ];
}
