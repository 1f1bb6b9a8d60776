import { withRole } from '../workflow/words.js';
import type { NextStep } from '../workflow/events.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, freeTextInput, NO_NAMES_HINT } from './inputs.js';
import { actorWords, NEXT_STEP_THEN, NEXT_STEP_WORDS, stageWords, when } from './wording.js';

const STEP_CHOICES: { title: string; value: NextStep }[] = [
  { title: NEXT_STEP_WORDS.reviewGroupWithScoping, value: 'reviewGroupWithScoping' },
  { title: NEXT_STEP_WORDS.safeguardingLeadsMeeting, value: 'safeguardingLeadsMeeting' },
  { title: NEXT_STEP_WORDS.noFurtherAction, value: 'noFurtherAction' },
];

/**
 * Sent 1:1 to the review group chair after a decision not to notify (DOMAIN outcomes): the chair
 * chooses what happens instead, and the rationale is recorded because the choice must be transparent.
 */
export function nextStepRequestCard({ state, config, now, notice, draft, quote }: CaseCardParts): AdaptiveCard {
  const caseRef = state.referral.caseRef;
  const frame = { state, notice, returnTo: 'nextStepRequest' as const };
  const chosen = state.nextStep;
  if (chosen) {
    return caseFrame({
      ...frame,
      subtitle: 'Next step: chosen',
      body: [
        textBlock(`Next step chosen by ${actorWords(chosen.by)} at ${when(chosen.at, now)}: **${NEXT_STEP_WORDS[chosen.step]}**.`),
        subheading('Rationale'),
        quote(chosen.rationale),
      ],
    });
  }
  if (state.decision?.decision !== 'doNotNotify') {
    return caseFrame({
      ...frame,
      subtitle: 'Next step',
      body: [textBlock(`No next step is asked for on this case. ${stageWords(state)}.`)],
    });
  }
  return caseFrame({
    ...frame,
    subtitle: 'Next step needed',
    body: [
      textBlock(`The partners decided not to notify the Panel (recorded at ${when(state.decision.at, now)}).`),
      textBlock(
        `${withRole(config.reviewGroupChair, 'reviewGroupChair')}: please choose the next step, with your rationale. The procedure sets no deadline, but until you choose, the case stays open and shows as waiting for you.`,
      ),
      subheading('Next step'),
      choiceInput('step', 'Next step', STEP_CHOICES, draft, { errorMessage: 'Please choose the next step.' }),
      freeTextInput('rationale', 'Rationale', draft, { required: true }),
      textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small', spacing: 'Small' }),
    ],
    actions: [execute('Record next step', 'nextStep.submit', { caseRef }, { style: 'positive' })],
  });
}

/** Tells the monitoring channel what the chair chose, so the business unit can act on it. */
export function nextStepChosenCard({ state, now, notice, quote }: CaseCardParts): AdaptiveCard {
  const chosen = state.nextStep;
  const frame = { state, notice, returnTo: 'nextStepChosen' as const };
  if (!chosen) {
    return caseFrame({ ...frame, subtitle: 'Next step', body: [textBlock(`No next step has been chosen yet. ${stageWords(state)}.`)] });
  }
  return caseFrame({
    ...frame,
    subtitle: 'Next step chosen',
    body: [
      textBlock(`Next step: **${NEXT_STEP_WORDS[chosen.step]}**.`, { size: 'Medium' }),
      textBlock(`Chosen by ${actorWords(chosen.by)} at ${when(chosen.at, now)}, after the decision not to notify the Panel.`),
      subheading('Rationale'),
      quote(chosen.rationale),
      subheading('What happens next'),
      textBlock(NEXT_STEP_THEN[chosen.step]),
    ],
    // The case is closed on this card, and it is the one the business unit has in the channel: the way
    // to record, later, a learning event (002 6.4) or a local review (5.3) the partners decide on after
    // the review group discussed the case, or the review group's actions.
    ...(state.stage === 'closed'
      ? { actions: [showCaseCard(state, 'Local learning event', 'learningEvent'), showCaseCard(state, 'Local review (LCSPR)', 'localReviewBoard'), showCaseCard(state, 'Recommendations and actions', 'actionsBoard')] }
      : {}),
  });
}
