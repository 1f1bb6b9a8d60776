import type { AdaptiveCard } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { agencyName } from './agencies.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { QUORUM_RULE } from './quorum.js';
import { isOutstanding } from './returnStatus.js';
import { noReviewCard } from './noReview.js';
import { listWords, when } from './wording.js';

/**
 * Tells the business unit in the monitoring channel, when the papers are due, to circulate them
 * to the review group members (DOMAIN: one week before the meeting). Rendered when sent, from the
 * returns as they stand then, so a return that came in a minute earlier is not listed as missing.
 */
export function papersPromptCard(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now, notice } = parts;
  const rr = state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Rapid review papers', 'papersPrompt');
  const frame = { state, notice, returnTo: 'papersPrompt' as const };
  const setup = rr.setup;
  if (!setup) return caseFrame({ ...frame, subtitle: 'Rapid review papers', body: [textBlock('The rapid review has not been set up yet, so there are no papers to send.')] });
  if (rr.completed) return caseFrame({ ...frame, subtitle: 'Rapid review papers', body: [textBlock(`Nothing to send: the rapid review was completed at ${when(rr.completed.at, now)}.`)] });
  const missing = rr.agencyOrder.filter((id) => {
    const a = rr.agencies[id];
    return a !== undefined && isOutstanding(a);
  });
  const names = missing.map((id) => agencyName(config, id));
  return caseFrame({
    ...frame,
    subtitle: 'Circulate the rapid review papers',
    body: [
      textBlock(`Business unit: please circulate the papers to the review group members now: the rapid review meeting is at **${when(setup.meetingAt, now)}**.`, { size: 'Medium' }),
      textBlock(`They were due to go out by ${when(setup.papersDueAt, now)}, one week before the meeting, so members have time to read them.`),
      missing.length === 0
        ? textBlock('All returns are in.', { color: 'Good', weight: 'Bolder' })
        : textBlock(`Returns still missing: ${listWords(names)}. ${missing.length === 1 ? 'It is' : 'They are'} still being chased; send ${missing.length === 1 ? 'it' : 'them'} on to members when ${missing.length === 1 ? 'it arrives' : 'they arrive'}.`, {
            color: 'Warning',
            weight: 'Bolder',
          }),
      textBlock(`Papers go by link to the document store, never as attachments. ${QUORUM_RULE} The board shows who has confirmed.`, { isSubtle: true }),
      textBlock('Nobody else sends the papers: if they are not circulated, members come to the meeting without them.', { isSubtle: true }),
    ],
    actions: [showCaseCard(state, 'Open the rapid review board', 'rapidReviewBoard')],
  });
}
