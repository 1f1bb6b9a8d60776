import { PARTNERS } from '../workflow/partnership.js';
import { REVIEW_KINDS } from '../workflow/actions/schemas.js';
import { REVIEW_TITLES } from '../workflow/actions/words.js';
import { reviewHeld } from '../workflow/actions/steps.js';
import { OPTION2_CAP_PERCENT, payerOf } from '../workflow/costs/rules.js';
import type { AdaptiveCard, Choice } from './adaptiveCard.js';
import { execute, factSet, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, lineInput } from './inputs.js';
import { severityGuidanceSection } from './severity.js';
import { actorWords, when } from './wording.js';

/**
 * Costs and proportionality (issue 17): each review's estimated cost and the apportionment agreed
 * (000 1.2.3), recorded by the business unit; and the severity matrix of 004 as guidance for the
 * type of review, labelled as overridden by 002's criteria.
 */

const MODEL_CHOICES: Choice[] = [
  { title: 'Option 1: apportioned by involvement in the case', value: 'option1' },
  { title: `Option 2: one payer bears it all, or several with no share above ${OPTION2_CAP_PERCENT}% and all three partners contributing`, value: 'option2' },
];

export function reviewCostsCard(parts: CaseCardParts): AdaptiveCard {
  const { state, notice, config, now, draft } = parts;
  const costs = state.costs ?? {};
  const recorded = REVIEW_KINDS.filter((k) => costs[k]);
  // Only the reviews this case has: the procedure refuses the others (reviewProblem).
  const held = REVIEW_KINDS.filter((k) => reviewHeld(state, k));
  const payers = [...PARTNERS, ...config.agencies.filter((a) => !a.partner).map((a) => a.id)].map((id) => `${id} (${payerOf(config, id)!.name})`);
  return caseFrame({
    state,
    notice,
    subtitle: 'Costs and proportionality',
    returnTo: 'reviewCosts',
    body: [
      ...(recorded.length === 0
        ? [textBlock('No estimate of costs is recorded for any review of this case.')]
        : recorded.flatMap((k) => {
            const c = costs[k]!;
            return [
              subheading(REVIEW_TITLES[k]),
              factSet([
                { title: 'Estimate', value: `£${c.estimate.toLocaleString('en-GB')}` },
                { title: 'Model', value: c.model === 'option1' ? 'Option 1 (by involvement)' : 'Option 2' },
                { title: 'Shares', value: c.shares.map((s) => `${payerOf(config, s.payer)?.name ?? s.payer} ${s.percent}%`).join(', ') },
                { title: 'Recorded', value: `${actorWords(c.by)} at ${when(c.at, now)}` },
              ]),
            ];
          })),
      textBlock('Funding never delays a review: nothing in the procedure waits for it (000 1.2.1 "Joint funding decisions and disputes on local case review should not delay the delivery of a local review").', { isSubtle: true }),
      ...(held.length === 0 ? [textBlock('No review is held on this case yet: costs are recorded once the rapid review is set up or the partners decide on a local review or a learning event.')] : []),
      textBlock('What happens next: the estimate is monitored as the review goes on; record it again when it changes (the history keeps each).', { isSubtle: true }),
      severityGuidanceSection(),
    ],
    actions: held.length === 0 ? [] : [
      showCard(
        'Record costs',
        subCard(
          [
            choiceInput('review', 'Review', held.map((k) => ({ title: REVIEW_TITLES[k], value: k })), draft, { errorMessage: 'Please choose the review.', style: 'compact' }),
            lineInput('estimate', 'Estimated cost (£)', draft, { required: true, errorMessage: 'Please give the estimate in pounds.' }),
            choiceInput('model', 'Model agreed by the partners', MODEL_CHOICES, draft, { errorMessage: 'Please choose the model.' }),
            lineInput('shares', 'Shares, as payer:percent separated by commas', draft, { required: true, errorMessage: 'Please give the shares.', placeholder: 'localAuthority:40, police:30, health:30' }),
            textBlock(`Payers: ${payers.join(', ')}.`, { isSubtle: true, size: 'Small' }),
          ],
          [execute('Record the costs', 'costs.record', { caseRef: state.referral.caseRef }, { style: 'positive' })],
        ),
      ),
    ],
  });
}
