import type { ScopingChase } from '../workflow/events.js';
import type { Agency } from '../workflow/partnership.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { subheading, textBlock } from './adaptiveCard.js';
import { actsForAgency, agencyName, agencyOf, agencyPeopleWords } from './agencies.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { isLate, isOutstanding } from './returnStatus.js';
import { noReviewCard } from './noReview.js';
import { scopingActions } from './scopingActions.js';
import { nextWords, timingBlocks, whyWords } from './scopingTiming.js';
import { actorWords, when } from './wording.js';

const SUBTITLE: Record<ScopingChase, (name: string) => string> = {
  // The body gives the due time; "in two working days" would read oddly beside "3 working days left".
  twoDaysBefore: (name) => `Reminder: ${name}'s scoping return`,
  dueMorning: (name) => `Reminder: ${name}'s scoping return is due today`,
  overdue: (name) => `Overdue: ${name}'s scoping return`,
};

/**
 * Sent 1:1 to an agency's contact and deputies two working days before and on the morning a
 * return is due, and once late each working day to them and the agency's escalation contact.
 * Rendered when sent, which may be after the return came in, so it first checks there is still
 * something to chase. The contact can answer on the chaser itself; the escalation contact, who
 * cannot record a return, is asked to see that it is done.
 */
export function scopingChaserCard(parts: CaseCardParts, agencyId: string, chase: ScopingChase): AdaptiveCard {
  const { state, config, now, notice } = parts;
  const rr = state.rapidReview;
  const name = agencyName(config, agencyId);
  const subtitle = SUBTITLE[chase](name);
  if (!rr) return noReviewCard(parts, subtitle, undefined, { showHistory: false });
  const a = rr.agencies[agencyId];
  // Agencies' people see their own return, not the whole case history.
  const frame = { state, notice, subtitle, showHistory: false };
  if (!a) return caseFrame({ ...frame, body: [textBlock(`Nothing outstanding: ${name} has not been asked for a scoping return in this rapid review.`)] });
  if (!isOutstanding(a)) {
    const by = a.returned ? ` by ${actorWords(a.returned.by)} at ${when(a.returned.at, now)}` : '';
    const what = a.status === 'returned' ? `${name}'s return was recorded${by}` : `no involvement was recorded for ${name}${by}`;
    return caseFrame({ ...frame, body: [textBlock(`Nothing outstanding: ${what}.`)] });
  }
  if (rr.completed) {
    return caseFrame({ ...frame, body: [textBlock(`Nothing outstanding: the rapid review was completed at ${when(rr.completed.at, now)}.`)] });
  }
  const agency = agencyOf(config, agencyId);
  const acts = agency !== undefined && actsForAgency(config, agency, parts.recipient);
  return caseFrame({
    ...frame,
    body: [
      textBlock(`${name}'s scoping return (a summary of its involvement) for rapid review ${state.referral.caseRef} is due **by ${when(a.dueAt, now)}**.`, {
        size: 'Medium',
      }),
      ...timingBlocks(parts, a),
      ...(agency ? whoBlocks(agency, acts) : []),
      textBlock(whyWords(rr, now), { isSubtle: true }),
      ...(agency ? [subheading('What happens next'), textBlock(nextWords(agency, isLate(a, now), acts))] : []),
    ],
    actions: agency && acts ? scopingActions(parts, agency, a) : [],
  });
}

function whoBlocks(agency: Agency, acts: boolean): CardElement[] {
  if (acts) return [textBlock(`Asked of ${agency.name}: ${agencyPeopleWords(agency)}. Any of you may record it, here or on the scoping request.`)];
  return [
    textBlock(`You are ${agency.name}'s escalation contact: please make sure ${agencyPeopleWords(agency)} records the return.`, { weight: 'Bolder' }),
  ];
}
