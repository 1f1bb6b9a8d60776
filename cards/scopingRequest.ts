import type { AgencyReturn } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { openUrl, subheading, textBlock } from './adaptiveCard.js';
import { actsForAgency, agencyName, agencyOf, agencyPeopleWords } from './agencies.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { noReviewCard } from './noReview.js';
import { scopingActions } from './scopingActions.js';
import { isLate } from './returnStatus.js';
import { nextWords, timingBlocks, whyWords } from './scopingTiming.js';
import { actorWords, when } from './wording.js';

/**
 * Sent 1:1 (tracked) to an agency's scoping contact and deputies when the rapid review is set up
 * (DOMAIN: the business unit sends scoping requests; each agency returns by a due date so papers
 * can go to members one week before the meeting). Once answered it is the record of the answer.
 */
export function scopingRequestCard(parts: CaseCardParts, agencyId: string): AdaptiveCard {
  const { state, config, now, notice } = parts;
  const rr = state.rapidReview;
  const name = agencyName(config, agencyId);
  if (!rr) return noReviewCard(parts, `Scoping return: ${name}`, undefined, { showHistory: false });
  const a = rr.agencies[agencyId];
  // Agencies' people see their own return, not the whole case history.
  const frame = { state, notice, showHistory: false };
  if (!a || !rr.setup) {
    return caseFrame({ ...frame, subtitle: `Scoping return: ${name}`, body: [textBlock(`${name} has not been asked for a scoping return in this rapid review.`)] });
  }
  const answered = answeredBlocks(parts, name, a);
  if (answered) {
    const url = a.status === 'returned' ? a.returned?.documentUrl : undefined;
    return caseFrame({ ...frame, subtitle: `Scoping return: ${name}, recorded`, body: answered, actions: url ? [openUrl('Open return', url)] : [] });
  }
  if (rr.completed) {
    return caseFrame({
      ...frame,
      subtitle: `Scoping return: ${name}`,
      body: [textBlock(`No return is needed now: the rapid review was completed at ${when(rr.completed.at, now)}, without ${name}'s return.`)],
    });
  }
  const agency = agencyOf(config, agencyId);
  const acts = agency !== undefined && actsForAgency(config, agency, parts.recipient);
  const late = isLate(a, now);
  return caseFrame({
    ...frame,
    subtitle: `Scoping return needed: ${name}`,
    body: [
      textBlock(
        `Please send a summary of your agency's involvement (referral response form) for rapid review ${state.referral.caseRef}, **by ${when(a.dueAt, now)}**.`,
        { size: 'Medium' },
      ),
      ...timingBlocks(parts, a),
      ...(agency ? [textBlock(`Asked of ${name}: ${agencyPeopleWords(agency)}. Any of you may record it.`)] : []),
      subheading('Why by then'),
      textBlock(whyWords(rr, now)),
      ...(agency ? [subheading(late ? 'What happens next' : 'If it is not in by then'), textBlock(nextWords(agency, late, acts))] : []),
    ],
    actions: agency && acts ? scopingActions(parts, agency, a) : [],
  });
}

/** What was recorded, or undefined while the return is still owed. */
function answeredBlocks({ now }: CaseCardParts, name: string, a: AgencyReturn): CardElement[] | undefined {
  const by = a.returned ? ` by ${actorWords(a.returned.by)} at ${when(a.returned.at, now)}` : '';
  if (a.status === 'returned') {
    return [
      textBlock(`${name}'s return was recorded${by}.`, { size: 'Medium', color: 'Good' }),
      textBlock('It stays in the document store; the button opens it. Nothing more is needed from your agency for this rapid review.'),
    ];
  }
  if (a.status === 'noInvolvement') {
    return [
      textBlock(`Recorded${by}: ${name} had no involvement with this child or family.`, { size: 'Medium', color: 'Good' }),
      textBlock('Nothing more is needed from your agency for this rapid review.'),
    ];
  }
  return undefined;
}
