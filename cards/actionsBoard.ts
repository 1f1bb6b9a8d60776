import { PARTNERS, PARTNER_NAMES } from '../workflow/partnership.js';
import { actionsOf, statusOf } from '../workflow/actions/state.js';
import { REVIEW_KINDS, type ReviewKind } from '../workflow/actions/schemas.js';
import { ownerName } from '../workflow/actions/owners.js';
import { reviewHeld } from '../workflow/actions/steps.js';
import type { CaseState } from '../workflow/state.js';
import { summariseActions, type Tally } from '../workflow/actions/summary.js';
import { REVIEW_TITLES, REVIEW_WORDS, STATUS_WORDS } from '../workflow/actions/words.js';
import type { AdaptiveCard, CardElement, Choice } from './adaptiveCard.js';
import { actionSet, execute, factSet, showCard, subCard, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { choiceInput, dateInput, freeTextInput, londonDateOf, NO_NAMES_HINT, timeInput, todayInLondon } from './inputs.js';
import { deadlineWords } from './workingDays.js';
import { when } from './wording.js';

/**
 * The review group's board of a case's recommendations and actions (002 7.1: "Monitoring of the
 * actions arising from recommendations will be undertaken by the Learning Inquiry Group"), and
 * the monthly progress report for the executive in the monitoring channel.
 */

const REVIEW_CHOICES: Choice[] = REVIEW_KINDS.map((k) => ({ title: REVIEW_TITLES[k], value: k }));
/** Only the reviews this case has: the procedure refuses a recommendation of any other (reviewProblem). */
const heldChoices = (state: CaseState): Choice[] => REVIEW_CHOICES.filter((c) => reviewHeld(state, c.value as ReviewKind));

export function tallyWords(t: Tally): string {
  return `${t.open} open, ${t.dueSoon} due soon, ${t.overdue} overdue, ${t.awaitingImpact} completed awaiting impact, ${t.closed} closed`;
}

/** Each review's recommendations and actions, with where each stands. */
function reviewBlocks(parts: CaseCardParts): CardElement[] {
  const { state, config, now, calendar } = parts;
  const s = state.actions;
  if (!s || s.recommendationOrder.length === 0) return [textBlock('No recommendations are recorded on this case yet.')];
  const kinds = REVIEW_KINDS.filter((k) => s.recommendationOrder.some((id) => s.recommendations[id]!.review.kind === k));
  return kinds.flatMap((kind) => {
    const concluded = s.concluded[kind];
    return [
      subheading(`${REVIEW_TITLES[kind]}${concluded ? `: concluded (executive told at ${when(concluded.executiveToldAt, now)})` : ''}`),
      ...s.recommendationOrder
        .filter((id) => s.recommendations[id]!.review.kind === kind)
        .flatMap((id) => {
          const actions = actionsOf(s, kind).filter((a) => a.recommendation === id);
          return [
            textBlock(`**${id}** (${actions.length === 0 ? 'no action yet' : `${actions.length} action${actions.length === 1 ? '' : 's'}`})`),
            parts.quote(s.recommendations[id]!.text),
            ...(actions.length > 0
              ? [factSet(actions.map((a) => ({ title: `${a.id} ${ownerName(config, a.owner)}`, value: statusOf(a) === 'open' ? `open, due ${deadlineWords(a.dueAt, now, calendar)}` : STATUS_WORDS[statusOf(a)] })))]
              : []),
          ];
        }),
    ];
  });
}

function ownerChoices(parts: CaseCardParts): Choice[] {
  return [...PARTNERS.map((p) => ({ title: PARTNER_NAMES[p], value: `partner:${p}` })), ...parts.config.agencies.map((a) => ({ title: a.name, value: `agency:${a.id}` }))];
}

/** The business unit's and the chair's forms: a recommendation, an action, a new due date, the executive told. */
function forms(parts: CaseCardParts, kinds: ReviewKind[]) {
  const { state, draft, now } = parts;
  const caseRef = state.referral.caseRef;
  const s = state.actions;
  const recs = (s?.recommendationOrder ?? []).filter((id) => !s!.concluded[s!.recommendations[id]!.review.kind]);
  const open = (s?.actionOrder ?? []).filter((id) => statusOf(s!.actions[id]!) === 'open');
  const tomorrow = londonDateOf(now, 1);
  const held = heldChoices(state);
  return [
    ...(held.length > 0
      ? [
          showCard(
            'Record a recommendation',
            subCard(
              [choiceInput('review', 'Of which review', held, draft, { errorMessage: 'Please choose the review.', style: 'compact' }), freeTextInput('text', 'Recommendation (SMART)', draft, { required: true }), freeTextInput('expectedImpact', 'Impact expected', draft, { required: true }), textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' })],
              [execute('Record the recommendation', 'action.recommend', { caseRef }, { style: 'positive' })],
            ),
          ),
        ]
      : []),
    ...(recs.length > 0
      ? [
          showCard(
            'Agree an action',
            subCard(
              [
                choiceInput('recommendation', 'For recommendation', recs.map((id) => ({ title: id, value: id })), draft, { errorMessage: 'Please choose the recommendation.', style: 'compact' }),
                choiceInput('owner', 'Owner', ownerChoices(parts), draft, { errorMessage: 'Please choose the owner.', style: 'compact' }),
                dateInput('dueDate', 'Due by the close of (a working day)', draft, { errorMessage: 'Please give the due date.', min: tomorrow }),
                freeTextInput('done', 'What "done" means', draft, { required: true }),
              ],
              [execute('Agree the action', 'action.agree', { caseRef }, { style: 'positive' })],
            ),
          ),
        ]
      : []),
    ...(open.length > 0
      ? [
          showCard(
            'Move a due date',
            subCard(
              [choiceInput('action', 'Action', open.map((id) => ({ title: id, value: id })), draft, { errorMessage: 'Please choose the action.', style: 'compact' }), dateInput('newDueDate', 'New due date (a working day)', draft, { errorMessage: 'Please give the new date.', min: tomorrow }), freeTextInput('reason', 'Reason', draft, { required: true })],
              [execute('Move the due date', 'action.move', { caseRef })],
            ),
          ),
        ]
      : []),
    ...(kinds.length > 0
      ? [
          showCard(
            'Record that the executive was told',
            subCard(
              [
                choiceInput('concludedReview', 'That all actions are complete of', REVIEW_CHOICES.filter((c) => kinds.includes(c.value as ReviewKind)), draft, { errorMessage: 'Please choose the review.', style: 'compact' }),
                dateInput('toldDate', 'Told on', draft, { errorMessage: 'Please give the date.', max: todayInLondon(now) }),
                timeInput('toldTime', 'At', draft, { errorMessage: 'Please give the time.' }),
              ],
              [execute('Record and conclude the review', 'review.executiveTold', { caseRef })],
            ),
          ),
        ]
      : []),
  ];
}

export function actionsBoardCard(parts: CaseCardParts): AdaptiveCard {
  const { state, notice } = parts;
  const s = state.actions;
  const kinds = REVIEW_KINDS.filter((k) => s && !s.concluded[k] && s.recommendationOrder.some((id) => s.recommendations[id]!.review.kind === k));
  return caseFrame({
    state,
    notice,
    subtitle: 'Recommendations and actions',
    returnTo: 'actionsBoard',
    body: [
      ...reviewBlocks(parts),
      textBlock(
        "What happens next: each recommendation becomes one or more actions; each owner is asked in Teams, reminded before the due date and chased once overdue (its escalation contact too). A review is concluded when all its actions are closed (impact evidenced) and the business unit records that the executive was told.",
        { isSubtle: true },
      ),
      // In the body: the card's own actions (four forms and History) are at the five Teams shows.
      actionSet([showCaseCard(state, 'Costs', 'reviewCosts')]),
    ],
    actions: forms(parts, kinds),
  });
}

/** The monitoring channel's report for the executive: this case's actions by review and by owner. */
export function actionsReportCard(parts: CaseCardParts): AdaptiveCard {
  const { state, notice, now, calendar, config } = parts;
  const summary = summariseActions([state], now, calendar, config.workingHours);
  const reviews = Object.values(summary.byReview);
  const ready = reviews.filter((r) => !r.concluded && r.open + r.dueSoon + r.overdue + r.awaitingImpact === 0 && r.closed > 0);
  const overdue = summary.lines.filter((l) => l.bucket === 'overdue');
  const ownerLabel = (key: string) => (key in PARTNER_NAMES ? PARTNER_NAMES[key as keyof typeof PARTNER_NAMES] : (config.agencies.find((a) => a.id === key)?.name ?? key));
  return caseFrame({
    state,
    notice,
    subtitle: 'Progress of actions, for the executive',
    returnTo: 'actionsReport',
    body: [
      subheading('By review'),
      reviews.length > 0 ? factSet(reviews.map((r) => ({ title: REVIEW_TITLES[r.review], value: r.concluded ? `concluded; ${tallyWords(r)}` : tallyWords(r) }))) : textBlock('No recommendations are recorded.'),
      subheading('By owner'),
      Object.keys(summary.byOwner).length > 0 ? factSet(Object.entries(summary.byOwner).map(([key, t]) => ({ title: ownerLabel(key), value: tallyWords(t) }))) : textBlock('No actions are agreed.'),
      ...(overdue.length > 0 ? [textBlock(`Overdue: ${overdue.map((l) => `${l.action} (${ownerLabel(l.owner)}, due ${when(l.dueAt, now)})`).join('; ')}.`, { color: 'Attention' })] : []),
      ...ready.map((r) => textBlock(`Every action of ${REVIEW_WORDS[r.review]} is closed: the business unit tells the executive and records it to conclude the review.`, { weight: 'Bolder' })),
      textBlock('What happens next: this report is posted at 09:00 on the first working day of each month while any action is not closed.', { isSubtle: true }),
    ],
    actions: [execute('Open the board', 'case.show', { caseRef: state.referral.caseRef, card: 'actionsBoard' }, { associatedInputs: 'none' })],
  });
}
