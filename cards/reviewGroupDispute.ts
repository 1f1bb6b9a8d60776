import { deciderPerson } from '../workflow/learningEvent/people.js';
import { disputeConclusion, disputeSettled, latestDispute } from '../workflow/learningEvent/state.js';
import { ABOUT_WORDS, CONCLUSION_WORDS, DECIDER_WORDS } from '../workflow/learningEvent/words.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { execute, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, freeTextInput, NO_NAMES_HINT } from './inputs.js';
import { actorWords, when } from './wording.js';

/**
 * A disagreement for the review group (002 8.2): to the partner representatives and the review
 * group chair (the chair records the collective outcome within 3 working days), to the decider
 * when it is escalated (their decision within 3 working days), and to the monitoring channel.
 * With no disagreement open, the form to raise one.
 */

const ABOUT_CHOICES = [
  { title: 'Whether the case meets the criteria for a local learning event', value: 'learningEvent' },
  { title: 'Whether the case should be considered by the review group', value: 'reviewGroupDiscussion' },
];

export function reviewGroupDisputeCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice, draft, config, quote } = parts;
  const caseRef = state.referral.caseRef;
  const frame = { state, notice, returnTo: 'reviewGroupDispute' as const };
  const d = latestDispute(state.reviewGroupDisputes);
  const raise = showCard(
    'Raise a disagreement',
    subCard(
      [choiceInput('about', 'About', ABOUT_CHOICES, draft, { errorMessage: 'Say what the disagreement is about.' }), freeTextInput('reason', 'The disagreement, and why', draft, { required: true }), textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' })],
      [execute('Raise it', 'reviewGroupDispute.open', { caseRef }, { style: 'positive' })],
    ),
  );
  const next = 'What happens next: the partner representatives and the review group chair agree an outcome within 3 working days; if they cannot, the ' + DECIDER_WORDS[config.reviewDisputeDecider] + ' decides within 3 working days.';
  if (!d) return caseFrame({ ...frame, subtitle: 'Disagreement for the review group', body: [textBlock('No disagreement is open on this case.'), textBlock(next, { isSubtle: true })], actions: [raise] });
  const body: CardElement[] = [textBlock(`About ${ABOUT_WORDS[d.about]}; raised by ${actorWords(d.openedBy)} at ${when(d.openedAt, now)}.`), subheading('The disagreement'), quote(d.reason)];
  if (d.outcome) body.push(subheading(d.outcome.outcome === 'agreed' ? 'Agreed outcome' : 'Not resolved'), quote(d.outcome.rationale));
  if (disputeSettled(d)) {
    const met = disputeConclusion(d)!;
    if (d.decided) body.push(subheading(`Decided by ${actorWords(d.decided.by)}`), quote(d.decided.rationale));
    const then = d.about === 'learningEvent' && met ? 'the local learning event is opened; its report is due within 4 months.' : 'nothing further is opened by this outcome.';
    body.push(textBlock(`Outcome: **${CONCLUSION_WORDS[d.about][met ? 'yes' : 'no']}**. What happens next: ${then}`, { size: 'Medium' }));
    return caseFrame({ ...frame, subtitle: 'Disagreement for the review group: settled', body, actions: [raise] });
  }
  if (d.escalated) {
    const decider = deciderPerson(config, d.escalated.decider);
    const overdue = now.getTime() >= Date.parse(d.escalated.decisionDueAt);
    body.push(
      textBlock(`${d.escalated.reason === 'notResolved' ? 'The partner representatives could not agree' : 'No outcome was agreed within 3 working days'}: the ${DECIDER_WORDS[d.escalated.decider]} (${decider.displayName}) decides **by ${when(d.escalated.decisionDueAt, now)}**.`, { color: overdue ? 'Attention' : 'Default' }),
      textBlock(overdue ? 'The decision is overdue. Nothing is decided by silence: the monitoring channel has been told.' : 'What happens next: the decision is recorded with its rationale; an outcome to hold a learning event opens it.'),
      choiceInput('criteriaMet', 'Decision', [{ title: `Yes: ${CONCLUSION_WORDS[d.about].yes}`, value: 'yes' }, { title: `No: ${CONCLUSION_WORDS[d.about].no}`, value: 'no' }], draft, { errorMessage: 'Please give the decision.' }),
      freeTextInput('rationale', 'Rationale', draft, { required: true }),
    );
    return caseFrame({ ...frame, subtitle: 'Disagreement for the review group: the decider decides', body, actions: [execute('Record the decision', 'reviewGroupDispute.decide', { caseRef }, { style: 'positive' })] });
  }
  body.push(
    textBlock(`The partner representatives and the review group chair agree an outcome **by ${when(d.outcomeDueAt, now)}** (within 3 working days); the chair records it.`),
    textBlock(`What happens next: an outcome not agreed, or not recorded by then, goes to the ${DECIDER_WORDS[config.reviewDisputeDecider]}, who decides within 3 working days.`, { isSubtle: true }),
    choiceInput(
      'outcome',
      'Outcome',
      [
        { title: `Agreed: ${CONCLUSION_WORDS[d.about].yes}`, value: 'agreedMet' },
        { title: `Agreed: ${CONCLUSION_WORDS[d.about].no}`, value: 'agreedNotMet' },
        { title: 'Not resolved: escalate', value: 'notResolved' },
      ],
      draft,
      { errorMessage: 'Please give the outcome.' },
    ),
    freeTextInput('rationale', 'Rationale', draft, { required: true }),
  );
  return caseFrame({ ...frame, subtitle: 'Disagreement for the review group: agree an outcome', body, actions: [execute('Record the outcome', 'reviewGroupDispute.outcome', { caseRef }, { style: 'positive' })] });
}

/** A reminder (to the members, or to the decider), or an overdue alert in the monitoring channel. */
export function reviewGroupDisputeChaserCard(parts: CaseCardParts): AdaptiveCard {
  const { state, now, notice } = parts;
  const d = latestDispute(state.reviewGroupDisputes);
  const frame = { state, notice, returnTo: 'reviewGroupDisputeChaser' as const };
  const open = [execute('Open the disagreement', 'case.show', { caseRef: state.referral.caseRef, card: 'reviewGroupDispute' }, { associatedInputs: 'none' })];
  if (!d) return caseFrame({ ...frame, subtitle: 'Disagreement for the review group', body: [textBlock('No disagreement is open on this case.')] });
  if (disputeSettled(d)) return caseFrame({ ...frame, subtitle: 'Disagreement for the review group: settled', body: [textBlock(`Outcome: ${CONCLUSION_WORDS[d.about][disputeConclusion(d) ? 'yes' : 'no']}.`)], actions: open });
  const due = d.escalated?.decisionDueAt ?? d.outcomeDueAt;
  const overdue = now.getTime() >= Date.parse(due);
  const who = d.escalated ? `the ${DECIDER_WORDS[d.escalated.decider]}'s decision` : "the partner representatives' and the review group chair's outcome";
  const escalatedLate = d.escalated?.reason === 'outcomeOverdue' && !overdue;
  return caseFrame({
    ...frame,
    subtitle: overdue || escalatedLate ? 'Overdue: a disagreement for the review group' : 'Reminder: a disagreement for the review group',
    body: [
      ...(escalatedLate ? [textBlock(`No outcome was agreed by ${when(d.outcomeDueAt, now)}: the disagreement went to the ${DECIDER_WORDS[d.escalated!.decider]}.`, { color: 'Attention' as const })] : []),
      textBlock(`About ${ABOUT_WORDS[d.about]}: ${who} is due by ${when(due, now)}.`, { color: overdue ? 'Attention' : 'Default' }),
      textBlock(overdue ? 'What happens next: nothing is decided by silence; the business unit follows it up.' : 'What happens next: record it on the disagreement card.'),
    ],
    actions: open,
  });
}
