import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, openReferralDocument } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { viewChoiceWithRationale } from './inputs.js';
import { referralFacts } from './referralFacts.js';
import { actorWords, VIEW_WORDS, when } from './wording.js';

/**
 * Sent 1:1 to the review group chair and the children's services director (DOMAIN step 3).
 * Either may answer, so once one has, both copies turn into a record of who gave it.
 */
export function initialViewRequestCard({ state, config, now, notice, draft, quote }: CaseCardParts): AdaptiveCard {
  const caseRef = state.referral.caseRef;
  const facts: CardElement[] = [subheading('The referral'), referralFacts(state, now)];
  const document = openReferralDocument(state);
  const given = state.initialView;

  if (given) {
    return caseFrame({
      state,
      subtitle: 'Initial view: given',
      notice,
      returnTo: 'initialViewRequest',
      body: [
        textBlock(`Initial view given by ${actorWords(given.by)} at ${when(given.at, now)}: **${VIEW_WORDS[given.view]}**.`),
        subheading('Rationale'),
        quote(given.rationale),
        textBlock(
          given.repliesDueAt
            ? `It has gone to the three partners, who have until ${when(given.repliesDueAt, now)} to reply.`
            : 'It is being posted to the three partners, who have one working day from its posting to reply.',
          { isSubtle: true },
        ),
        ...facts,
      ],
      actions: [document],
    });
  }

  const due = state.initialViewDueAt;
  const late = now.getTime() >= Date.parse(due);
  const chair = config.reviewGroupChair.displayName;
  const director = config.childrensServicesDirector.displayName;
  return caseFrame({
    state,
    subtitle: 'Initial view needed',
    notice,
    returnTo: 'initialViewRequest',
    body: [
      textBlock(
        `A referral has been logged. Please give the initial view, notify the Panel or not, with your rationale, **by ${when(due, now)}**.`,
      ),
      textBlock(
        `Asked of ${chair} (review group chair) and ${director} (children's services director). Either of you may give it. If it is late the business unit is told; it is never assumed.`,
      ),
      ...(late
        ? [
            textBlock(
              `This is overdue since ${when(due, now)}; ${state.overdueRaised.includes('initialView') ? 'the business unit has been told' : 'the business unit will be told'}.`,
              { color: 'Attention', weight: 'Bolder' },
            ),
          ]
        : []),
      ...facts,
      subheading('Your initial view'),
      ...viewChoiceWithRationale('view', 'Initial view', draft),
    ],
    actions: [execute('Give initial view', 'initialView.submit', { caseRef }, { style: 'positive' }), document],
  });
}
