import { dayWords } from '../workflow/localReview/common.js';
import { endOfLondonDate } from '../workflow/localReview/rules.js';
import { publishDecision, type LocalReview } from '../workflow/localReview/state.js';
import { localReviewSummary, type LocalReviewSummary } from '../workflow/localReview/summary.js';
import { decisionTold, decisionToldWords } from '../workflow/localReview/told.js';
import { JUSTIFICATION_WORDS, METHOD_WORDS, MILESTONE_WORDS, REVIEWER_KIND_WORDS } from '../workflow/localReview/words.js';
import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { actionSet, factSet, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import { boardForms, openForm } from './localReviewForms.js';
import type { CaseState } from '../workflow/state.js';
import type { CaseCardParts } from './context.js';
import { noReviewCard } from './noReview.js';
import type { ShowableCardKind } from './verbs.js';
import { when } from './wording.js';

/**
 * The local review's cards (issue 17): the business unit's board (where it stands, what to do
 * next and by when), the executive's letter of notification (5.6), reminders before each
 * deadline, alerts after, and the prompt to justify a delay or non-publication (5.18). Case
 * reference only: the reviewer's name is a professional's, the lead partnership an organisation.
 */

const SUBTITLE = 'Local child safeguarding practice review (LCSPR)';

function deadlineFacts(s: LocalReviewSummary, now: Date): CardElement {
  const facts = [{ title: 'Decided', value: when(s.decidedAt, now) }, { title: 'Publish by', value: `${dayWords(s.publicationDueDate)} (six months)` }];
  if (s.plannedPublicationDate) facts.push({ title: 'Publication planned', value: dayWords(s.plannedPublicationDate) });
  for (const d of s.deadlines) {
    const label = d.what === 'publication' ? 'Publication' : 'Copy to the Panel and the Secretary of State';
    const state = { met: 'met', missed: 'missed (late)', open: `due by ${when(d.dueAt, now)}`, overdue: `OVERDUE: was due by ${when(d.dueAt, now)}` }[d.state];
    facts.push({ title: label, value: state });
  }
  return factSet(facts);
}

function milestoneFacts(s: LocalReviewSummary): CardElement {
  return factSet(
    s.milestones.map((m) => ({
      title: m.words,
      value: m.doneDate ? `done ${dayWords(m.doneDate)} (${m.doneBy})` : m.plannedDate ? `planned ${dayWords(m.plannedDate)}` : 'not yet planned',
    })),
  );
}

/** What the business unit should do next, in order, with the dates that apply. */
function nextSteps(l: LocalReview, s: LocalReviewSummary, now: Date): string[] {
  const steps: string[] = [];
  if (!l.lead) steps.push('Record the lead partnership (where the child normally lives; for a looked-after child, the responsible authority) and the partnerships involved (5.5).');
  if (!s.toldOfDecision) steps.push('Tell the Child Safeguarding Practice Review Panel, Ofsted and DfE of the decision, and record when (5.6).');
  if (!l.reviewer) steps.push('Commission the reviewer: internal or external, independence and conflicts of interest, methodology, terms of reference, family and practitioner engagement (5.7, 5.8).');
  else if (!s.toldReviewerName) steps.push(`Tell the Panel, Ofsted and DfE the reviewer's name (${l.reviewer.name}), and record when (5.6).`);
  if (s.nextMilestone) steps.push(s.nextMilestone.plannedDate ? `Next milestone: ${s.nextMilestone.words}, planned ${dayWords(s.nextMilestone.plannedDate)}${s.nextMilestone.overdue ? ' (past its planned date: record it or move it)' : ''}.` : `Plan the next milestone: ${s.nextMilestone.words}.`);
  const copy = s.deadlines.find((d) => d.what === 'copyToPanel');
  if (publishDecision(l) !== false && !l.published) {
    if (!l.publication) steps.push(`Plan the publication date, no later than ${dayWords(l.publicationDueDate)}; the copy of the full report to the Panel and the Secretary of State is then due by the close of the 7th working day before it.`);
    else if (copy && (copy.state === 'open' || copy.state === 'overdue')) steps.push(`Send the copy of the full report to the Panel and the Secretary of State by ${when(copy.dueAt, now)}, and record it.`);
  }
  for (const j of s.justificationsOwed) steps.push(`Send the Panel and the Secretary of State the justification for ${JUSTIFICATION_WORDS[j]}, and record it (5.18).`);
  return steps;
}

/** 5.6, told with the rapid review's completion: said, not asked for again. */
function toldLine(state: CaseState, now: Date): CardElement[] {
  const t = decisionTold(state);
  return t?.via === 'rapidReview' ? [textBlock(`Panel, Ofsted and DfE told of the decision: ${decisionToldWords(t, now)}`, { isSubtle: true })] : [];
}

/** Every card but the board offers the board, where the business unit records each step. */
function frame(parts: CaseCardParts, kind: ShowableCardKind, subtitle: string, body: (l: LocalReview, s: LocalReviewSummary) => CardElement[], actions?: (l: LocalReview) => CardActionJson[]): AdaptiveCard {
  const { state, notice, now } = parts;
  const l = state.localReview;
  const s = localReviewSummary(state, now);
  if (!l || !s) return noReviewCard(parts, SUBTITLE, kind);
  const toBoard = kind === 'localReviewBoard' ? [] : [showCaseCard(state, 'Open the local review card', 'localReviewBoard')];
  // Published (or not to be published): what remains is the recommendations' actions (002 5.16, 7.1), on their own board.
  const toActions = kind === 'localReviewBoard' && (l.published || publishDecision(l) === false) ? [showCaseCard(state, 'Recommendations and actions', 'actionsBoard')] : [];
  // The estimate and its apportionment are recorded while the review runs (000 1.2.3): from the board, where the business unit works.
  const toCosts = kind === 'localReviewBoard' ? [showCaseCard(state, 'Costs', 'reviewCosts')] : [];
  // The board's forms sit in the body, four to a row: a card's own actions are limited to five.
  const forms = actions ? actions(l) : [];
  const rows: CardElement[] = [];
  for (let i = 0; i < forms.length; i += 4) rows.push(actionSet(forms.slice(i, i + 4)));
  return caseFrame({ state, notice, returnTo: kind, subtitle, body: [...body(l, s), ...(rows.length ? [subheading('Record a step'), ...rows] : [])], actions: [...toBoard, ...toActions, ...toCosts] });
}

/** Whether the case may have a local review opened on it by command (open.ts says why not, in words). */
const mayOpen = (state: CaseState): boolean => !state.localReview && !state.careLeaverDeath && (!state.rapidReview || state.rapidReview.notHeld !== undefined) && (state.nextStep !== undefined || state.rapidReview?.notHeld !== undefined);

/** The business unit's card (and the monitoring channel's): everything at a glance. */
export function localReviewBoardCard(parts: CaseCardParts): AdaptiveCard {
  const { now, quote, state, notice, draft } = parts;
  if (mayOpen(state)) {
    return caseFrame({
      state,
      notice,
      returnTo: 'localReviewBoard',
      subtitle: SUBTITLE,
      body: [
        textBlock('No local review is open on this case. If the safeguarding partners decided to hold one after the review group discussed the case, record the decision here: its date starts the six months to publication (5.16).'),
        textBlock('What happens next: the executive is sent the letter of notification and this card lists what to record, with the deadlines.', { isSubtle: true }),
      ],
      actions: openForm(state, draft, now),
    });
  }
  return frame(parts, 'localReviewBoard', SUBTITLE, (l, s) => {
    const steps = nextSteps(l, s, now);
    const reviewer = l.reviewer
      ? [
          subheading('Reviewer'),
          factSet([
            { title: 'Reviewer', value: `${l.reviewer.name}, ${REVIEWER_KIND_WORDS[l.reviewer.kind]}` },
            { title: 'Methodology', value: l.reviewer.methodology.map((m) => METHOD_WORDS[m]).join('; ') },
            { title: 'Family engagement', value: l.reviewer.family.planned ? 'planned' : 'not planned' },
            { title: 'Practitioner engagement', value: l.reviewer.practitioners.planned ? 'planned' : 'not planned' },
          ]),
          subheading('Independence'),
          quote(l.reviewer.independence),
          subheading('Conflicts of interest'),
          quote(l.reviewer.conflicts),
        ]
      : [];
    return [
      textBlock(`**${s.statusText}**${s.onTime ? '' : ' — a deadline is missed or at risk'}.`, { size: 'Medium' }),
      ...(l.lead
        ? [
            textBlock(
              `Lead: ${l.lead.weLead ? 'this partnership' : l.lead.leadPartnership}${l.lead.responsibleAuthority ? ` (looked-after child; responsible authority: ${l.lead.responsibleAuthority})` : ''}${l.lead.involved.length ? `; involved: ${l.lead.involved.join(', ')}` : ''}.`,
            ),
            ...(l.lead.leadReason ? [textBlock("Why the responsible authority's partnership does not lead (5.5):", { isSubtle: true }), quote(l.lead.leadReason)] : []),
          ]
        : []),
      ...toldLine(state, now),
      deadlineFacts(s, now),
      subheading('Milestones (Appendix A, stage 2)'),
      milestoneFacts(s),
      ...reviewer,
      subheading('What happens next'),
      textBlock(steps.length ? steps.map((x) => `- ${x}`).join('\n') : l.published || publishDecision(l) === false ? 'The review is done apart from its actions, which the review group monitors.' : 'Nothing is owed now; reminders come before each deadline.'),
    ];
  }, (l) => boardForms(state, l, draft, now));
}

/** 5.6: "a letter of notification will be sent to the ... executive (including delegated safeguarding partners) and board members". */
export function localReviewLetterCard(parts: CaseCardParts): AdaptiveCard {
  const { now, config, recipient } = parts;
  // 5.3: on a review the review group decided on, the scrutineer is sent the letter "to allow scrutiny of the decision-making process".
  const scrutineer = recipient.kind === 'person' && recipient.aadObjectId === config.independentScrutineer.aadObjectId;
  const to = scrutineer
    ? `To the independent scrutineer, to allow scrutiny of the decision-making process (002 5.3)`
    : `To the ${config.partnership.name} executive${config.boardMembers?.length ? ' and board members' : ''}`;
  return frame(parts, 'localReviewLetter', `${SUBTITLE}: letter of notification`, (l) => [
    textBlock(`${to}: the safeguarding partners decided at ${when(l.decidedAt, now)} to hold a local child safeguarding practice review on this case.`, { size: 'Medium' }),
    textBlock(`What happens next: the review group commissions the reviewer and oversees the review; the report comes to the executive for approval and the decision to publish. It must be published by ${dayWords(l.publicationDueDate)} (002 5.16: within six months of the decision).`),
  ]);
}

/** Before a deadline: what is due and by when. */
export function localReviewReminderCard(parts: CaseCardParts): AdaptiveCard {
  const { now } = parts;
  return frame(parts, 'localReviewReminder', `${SUBTITLE}: reminder`, (l, s) => {
    const open = s.deadlines.filter((d) => d.state === 'open');
    return [
      textBlock(open.length ? open.map((d) => `${d.what === 'publication' ? `Publication is due by ${dayWords(l.publicationDueDate)}` : `The copy of the full report to the Panel and the Secretary of State is due by ${when(d.dueAt, now)}`}.`).join(' ') : 'Nothing is due now.', { size: 'Medium' }),
      ...(s.nextMilestone ? [textBlock(`Next milestone: ${s.nextMilestone.words}${s.nextMilestone.plannedDate ? `, planned ${dayWords(s.nextMilestone.plannedDate)}` : ' (not yet planned)'}.`)] : []),
      textBlock('What happens next: if a deadline passes unmet, the business unit and the monitoring channel are alerted. Nothing is recorded for you.', { isSubtle: true }),
    ];
  });
}

/** After a deadline, or a milestone past its planned date. */
export function localReviewOverdueCard(parts: CaseCardParts): AdaptiveCard {
  const { now } = parts;
  return frame(parts, 'localReviewOverdue', `${SUBTITLE}: overdue`, (l, s) => {
    const overdue = s.deadlines.filter((d) => d.state === 'overdue');
    const late = s.milestones.filter((m) => m.plannedDate && !m.doneDate && endOfLondonDate(m.plannedDate).getTime() <= now.getTime());
    const lines = [
      ...overdue.map((d) => (d.what === 'publication' ? `Publication was due by ${dayWords(l.publicationDueDate)} and is not recorded.` : `The copy of the full report to the Panel and the Secretary of State was due by ${when(d.dueAt, now)} and is not recorded.`)),
      ...late.map((m) => `${MILESTONE_WORDS[m.milestone]}: planned ${dayWords(m.plannedDate!)}, not recorded done.`),
    ];
    return [
      textBlock(lines.length ? lines.join('\n\n') : 'Nothing is overdue now: it has been recorded since.', { size: 'Medium', ...(lines.length ? { color: 'Attention' as const } : {}) }),
      textBlock(
        overdue.some((d) => d.what === 'publication')
          ? 'What happens next: record the publication, or plan it and send the Panel and the Secretary of State the justification for the delay (5.18).'
          : 'What happens next: record it as done (or move its planned date) on the business unit\'s card.',
      ),
    ];
  });
}

/** 5.18: the justification for a delay past six months or for non-publication. */
export function localReviewJustificationCard(parts: CaseCardParts): AdaptiveCard {
  const { now, quote } = parts;
  return frame(parts, 'localReviewJustification', `${SUBTITLE}: justification to the Panel and the Secretary of State`, (l, s) => {
    const sent = Object.entries(l.justifications).map(([about, j]) => [textBlock(`Sent at ${when(j!.sentAt, now)}: the justification for ${JUSTIFICATION_WORDS[about as keyof typeof JUSTIFICATION_WORDS]}.`), quote(j!.justification)]).flat();
    return [
      textBlock(
        s.justificationsOwed.length
          ? `Business unit: please send the Child Safeguarding Practice Review Panel and the Secretary of State the justification for ${s.justificationsOwed.map((j) => JUSTIFICATION_WORDS[j]).join(' and for ')}, and record it (002 5.18).`
          : 'No justification is owed now.',
        { size: 'Medium' },
      ),
      ...sent,
      textBlock(`What happens next: the tab shows it owed until it is recorded. The six-month deadline is ${dayWords(l.publicationDueDate)}.`, { isSubtle: true }),
    ];
  });
}
