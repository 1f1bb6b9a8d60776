import type { AgencyReturn, RapidReview } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { actionSet, container, openUrl, subheading, textBlock } from './adaptiveCard.js';
import { agencyName } from './agencies.js';
import { firstThatFits } from './budget.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import { noRapidReviewCard } from './noRapidReview.js';
import type { CaseCardParts } from './context.js';
import { QUORUM_RULE, quorumBlocks } from './quorum.js';
import { isLate, returnStatus } from './returnStatus.js';
import { dateFactSet, reviewDeadlineSentence } from './reviewDates.js';
import { onTimeWords, outcomeBlocks } from './reviewOutcome.js';
import { noReviewCard } from './noReview.js';
import { when } from './wording.js';

/**
 * The business unit's view of the whole rapid review, posted (tracked) in the monitoring channel
 * and updated in place after every change: the dates, every agency's return, the quorum, and at
 * the end the outcome. A review can ask many agencies, so if the card would not fit in a Teams
 * message the per-agency links go first; the history export keeps every link.
 */
export function rapidReviewBoardCard(parts: CaseCardParts): AdaptiveCard {
  const rr = parts.state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Rapid review board', 'rapidReviewBoard');
  if (rr.notHeld) return noRapidReviewCard(parts);
  return firstThatFits([true, false].map((links) => () => board(parts, rr, links)));
}

function board(parts: CaseCardParts, rr: RapidReview, links: boolean): AdaptiveCard {
  const { state, now, notice, calendar } = parts;
  const frame = { state, notice, returnTo: 'rapidReviewBoard' as const };
  if (!rr.setup) {
    return caseFrame({
      ...frame,
      subtitle: 'Rapid review board',
      body: [
        textBlock(reviewDeadlineSentence(rr, now), { size: 'Medium' }),
        dateFactSet(rr, now, calendar),
        textBlock('Not set up yet: the business unit chooses the meeting and the agencies on the set-up card in this channel. No agency is asked until then.'),
      ],
      actions: [showCaseCard(state, 'Set up the rapid review', 'rapidReviewSetup'), showCaseCard(state, 'Not holding a rapid review?', 'noRapidReview')],
    });
  }
  return caseFrame({
    ...frame,
    subtitle: rr.completed ? 'Rapid review: complete' : 'Rapid review board',
    body: [
      ...completedBlocks(parts, rr),
      dateFactSet(rr, now, calendar),
      subheading('Scoping returns'),
      textBlock(summaryWords(rr, now), { spacing: 'Small' }),
      ...rr.agencyOrder.map((id) => agencyRow(parts, id, rr.agencies[id], links)),
      ...(links ? [] : [textBlock('Links to the returns are left out to fit this card; the history export has each one.', { isSubtle: true, size: 'Small' })]),
      subheading('Quorum'),
      textBlock(QUORUM_RULE, { spacing: 'Small' }),
      ...quorumBlocks(rr),
      ...(rr.completed ? [] : [textBlock(ifNobodyActs(rr, now), { isSubtle: true, spacing: 'Medium' })]),
    ],
    ...(rr.completed ? {} : { actions: [showCaseCard(state, 'Not holding a rapid review?', 'noRapidReview')] }),
  });
}

function completedBlocks({ now, quote }: CaseCardParts, rr: RapidReview): CardElement[] {
  const done = rr.completed;
  if (!done) return [];
  return [
    textBlock(`Complete: ${done.lcsprNeeded ? 'an LCSPR is needed' : 'no LCSPR is needed'}. Sent to the Panel and Ofsted ${onTimeWords(rr, now)}.`, {
      size: 'Medium',
      color: done.onTime ? 'Good' : 'Attention',
    }),
    ...outcomeBlocks(rr, now),
    quote(done.rationale),
  ];
}

/** "3 of 5 agencies have responded (2 returns, 1 no involvement); 1 overdue." */
function summaryWords(rr: RapidReview, now: Date): string {
  const all = rr.agencyOrder.map((id) => rr.agencies[id]).filter((a): a is AgencyReturn => a !== undefined);
  const returned = all.filter((a) => a.status === 'returned').length;
  const nil = all.filter((a) => a.status === 'noInvolvement').length;
  const late = all.filter((a) => isLate(a, now)).length;
  const responded = returned + nil;
  const counts = `${returned} ${returned === 1 ? 'return' : 'returns'}, ${nil} no involvement`;
  return `${responded} of ${all.length} ${all.length === 1 ? 'agency has' : 'agencies have'} responded (${counts})${late > 0 ? `; ${late} overdue` : ''}.`;
}

function agencyRow({ config, now, calendar }: CaseCardParts, id: string, a: AgencyReturn | undefined, links: boolean): CardElement {
  const name = agencyName(config, id);
  if (!a) return container([textBlock(`**${name}**: not asked`)], { separator: true, spacing: 'Small' });
  const status = returnStatus(a, now, calendar);
  const url = a.status === 'returned' ? a.returned?.documentUrl : undefined;
  return container(
    [
      textBlock(`**${name}**: ${status.text}`, status.color ? { color: status.color } : {}),
      // The return stays in the document store: a button to it, never its address as text.
      ...(links && url ? [actionSet([openUrl('Open return', url)], { spacing: 'None' })] : []),
    ],
    { separator: true, spacing: 'Small' },
  );
}

function ifNobodyActs(rr: RapidReview, now: Date): string {
  const papers =
    rr.setup && !rr.papersPrompted && now.getTime() < Date.parse(rr.setup.papersDueAt) ? ` This channel is asked to circulate the papers at ${when(rr.setup.papersDueAt, now)}.` : '';
  return (
    'Agencies are reminded two working days before and on the morning their return is due. A late return is chased each working day, with the agency\'s escalation contact, and this channel is told.' +
    papers +
    ` After the meeting the review group chair records the outcome, due by ${when(rr.dueAt, now)}; nobody records it in their place.`
  );
}
