import type { WorkingCalendar } from '../workflow/calendar/workingCalendar.js';
import type { AgencyReturn, RapidReview } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, factSet, subheading, textBlock } from './adaptiveCard.js';
import { agencyName } from './agencies.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { noReviewCard } from './noReview.js';
import { workingDaysWords } from './workingDays.js';
import { actorWords, when } from './wording.js';

/**
 * Posted (tracked) in the monitoring channel when an agency asks for more time for its scoping
 * return: the business unit agrees or declines, knowing what the new date would cost (a return
 * after the papers go out misses them). Once decided it shows the decision and no buttons.
 */
export function extensionDecisionRequestCard(parts: CaseCardParts, agencyId: string): AdaptiveCard {
  const { state, config, now, notice, quote } = parts;
  const rr = state.rapidReview;
  const name = agencyName(config, agencyId);
  if (!rr) return noReviewCard(parts, `More time: ${name}`);
  const a = rr.agencies[agencyId];
  const ext = a?.extension;
  const frame = { state, notice };
  if (!a || !ext) return caseFrame({ ...frame, subtitle: `More time: ${name}`, body: [textBlock(`${name} has not asked for more time.`)] });

  const asked = [
    textBlock(`Asked by ${actorWords(ext.by)} at ${when(ext.at, now)}, to **${when(ext.proposedDueAt, now)}**.`),
    subheading('Reason'),
    quote(ext.reason),
  ];
  const decided = ext.decided;
  if (decided) {
    return caseFrame({
      ...frame,
      subtitle: `More time for ${name}: ${decided.agreed ? 'agreed' : 'declined'}`,
      body: [
        textBlock(
          decided.agreed
            ? `Agreed by ${actorWords(decided.by)} at ${when(decided.at, now)}: ${name}'s return is now due by **${when(a.dueAt, now)}**.`
            : `Declined by ${actorWords(decided.by)} at ${when(decided.at, now)}: ${name}'s return is still due by **${when(a.dueAt, now)}**.`,
          { size: 'Medium', color: decided.agreed ? 'Good' : 'Attention' },
        ),
        ...asked,
        textBlock(`${name}'s contact has been told.`, { isSubtle: true }),
      ],
    });
  }
  if (a.returned || rr.completed) {
    return caseFrame({
      ...frame,
      subtitle: `More time: ${name}`,
      body: [textBlock(rr.completed ? 'Nothing to decide: the rapid review is complete.' : `Nothing to decide: ${name} has since answered.`), ...asked],
    });
  }
  const data = { caseRef: state.referral.caseRef, agency: agencyId };
  return caseFrame({
    ...frame,
    subtitle: `More time asked: ${name}`,
    body: [
      textBlock(`${name} asks for more time for its scoping return.`, { size: 'Medium' }),
      ...asked,
      subheading('What agreeing would mean'),
      factSet([
        { title: 'Currently due', value: when(a.dueAt, now) },
        { title: 'Proposed', value: when(ext.proposedDueAt, now) },
        ...(rr.setup ? [{ title: 'Papers to members', value: when(rr.setup.papersDueAt, now) }] : []),
        { title: 'Rapid review due', value: when(rr.dueAt, now) },
      ]),
      ...effectBlocks(rr, a, ext.proposedDueAt, now, parts.calendar),
      textBlock(`Until you decide, the return stays due by ${when(a.dueAt, now)} and ${name} is reminded and chased to that date.`, { isSubtle: true }),
    ],
    actions: [
      execute('Agree', 'extension.decide', { ...data, decision: 'agree' }, { style: 'positive' }),
      execute('Decline', 'extension.decide', { ...data, decision: 'decline' }, { style: 'destructive' }),
    ],
  });
}

/** The cost of the proposed date: after the papers go out, the return misses them; after the review, it is too late. */
function effectBlocks(rr: RapidReview, a: AgencyReturn, proposedIso: string, now: Date, calendar: WorkingCalendar | undefined): CardElement[] {
  const proposed = Date.parse(proposedIso);
  const later = calendar ? calendar.workingDaysBetween(new Date(a.dueAt), new Date(proposedIso)) : undefined;
  const by = later !== undefined && later > 0 ? [textBlock(`That is ${workingDaysWords(Math.round(later))} later than now.`, { spacing: 'Small' })] : [];
  if (proposed > Date.parse(rr.dueAt)) {
    return [...by, textBlock(`It is after the rapid review deadline (${when(rr.dueAt, now)}): the review cannot wait for it.`, { color: 'Attention', weight: 'Bolder' })];
  }
  if (rr.setup && proposed > Date.parse(rr.setup.papersDueAt)) {
    return [
      ...by,
      textBlock(`It is after the papers go to members (${when(rr.setup.papersDueAt, now)}): the return would miss the papers.`, {
        color: 'Warning',
        weight: 'Bolder',
      }),
    ];
  }
  return [...by, textBlock('It is before the papers go to members, so the return would still be in the papers.', { color: 'Good' })];
}
