import { ownerRole } from '../workflow/access.js';
import { ownerContacts, ownerEscalation, ownerName } from '../workflow/actions/owners.js';
import { statusOf, type Action, type ActionsSlice } from '../workflow/actions/state.js';
import type { ActionChase } from '../workflow/actions/schemas.js';
import { IMPACT_QUOTE, REVIEW_WORDS, STATUS_WORDS } from '../workflow/actions/words.js';
import { OVERDUE_EVERY_WORKING_DAYS, REMINDER_WORKING_DAYS } from '../workflow/actions/timers.js';
import type { AdaptiveCard, CardActionJson, CardElement } from './adaptiveCard.js';
import { execute, factSet, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { freeTextInput, lineInput, NO_NAMES_HINT } from './inputs.js';
import { deadlineWords, overdueWords } from './workingDays.js';
import { actorWords, when } from './wording.js';

/**
 * The action's owner is asked in Teams (issue 17): a 1:1 card to the owner's contact and deputies
 * when the action is agreed, a reminder before its due date and chasers once overdue (the owner's
 * escalation contact too). The owner's people give evidence of completion, then of impact, on the
 * card itself. These cards go to agencies' people, so they never offer the case history.
 */

const actionOf = (parts: CaseCardParts, id: string): { s: ActionsSlice; a: Action } | undefined => {
  const s = parts.state.actions;
  const a = s?.actions[id];
  return s && a ? { s, a } : undefined;
};

/** What the action is: its recommendation, the impact expected, what done means, the due date. */
function aboutBlocks(parts: CaseCardParts, s: ActionsSlice, a: Action): CardElement[] {
  const { config, now, calendar, quote } = parts;
  const rec = s.recommendations[a.recommendation];
  const moved = a.moves.at(-1);
  return [
    textBlock(`Action **${a.id}** for **${ownerName(config, a.owner)}**, from recommendation ${a.recommendation} of ${REVIEW_WORDS[a.review.kind]}.`, { size: 'Medium' }),
    ...(rec ? [subheading('The recommendation'), quote(rec.text), subheading('The impact expected'), quote(rec.expectedImpact)] : []),
    subheading('What "done" means'),
    quote(a.done),
    factSet([
      { title: 'Due by', value: deadlineWords(a.dueAt, now, calendar) },
      { title: 'Status', value: statusOf(a) === 'open' && now.getTime() > Date.parse(a.dueAt) ? `${overdueWords(a.dueAt, now, calendar)}` : STATUS_WORDS[statusOf(a)] },
      ...(a.completion ? [{ title: 'Completed', value: `${actorWords(a.completion.by)} at ${when(a.completion.at, now)}` }] : []),
      ...(a.impact ? [{ title: 'Impact evidenced', value: `${actorWords(a.impact.by)} at ${when(a.impact.at, now)}` }] : []),
    ]),
    ...(moved ? [subheading(`Due date moved at ${when(moved.at, now)}`), quote(moved.reason)] : []),
    ...(a.impact ? [subheading('Impact'), quote(a.impact.impact)] : []),
  ];
}

/** The owner's people answer on the card: evidence of completion, then (a separate step) of impact. */
function ownerForm(parts: CaseCardParts, a: Action): { body: CardElement[]; actions: CardActionJson[] } {
  const { config, recipient, draft, state } = parts;
  const owns = recipient.kind === 'person' && ownerRole(config, recipient.aadObjectId, a.owner) !== undefined;
  if (!owns) return { body: [], actions: [] };
  const caseRef = state.referral.caseRef;
  if (statusOf(a) === 'open') {
    return {
      body: [lineInput('documentUrl', 'Link to the evidence of completion (document store)', draft, { required: true, style: 'Url', errorMessage: 'Please give the link to the evidence.', placeholder: `https://${config.documentStoreHosts[0]}/...` })],
      actions: [execute('Record evidence of completion', 'action.complete', { caseRef, action: a.id }, { style: 'positive' })],
    };
  }
  if (statusOf(a) === 'awaitingImpact') {
    return {
      body: [
        textBlock(IMPACT_QUOTE, { isSubtle: true }),
        freeTextInput('impact', 'What changed, and how it was measured', draft, { required: true }),
        textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' }),
        lineInput('documentUrl', 'Link to the evidence of impact (document store)', draft, { required: true, style: 'Url', errorMessage: 'Please give the link to the evidence.', placeholder: `https://${config.documentStoreHosts[0]}/...` }),
      ],
      actions: [execute('Record evidence of impact', 'action.impact', { caseRef, action: a.id }, { style: 'positive' })],
    };
  }
  return { body: [], actions: [] };
}

function nextWords(parts: CaseCardParts, a: Action): string {
  const { config, now } = parts;
  switch (statusOf(a)) {
    case 'open': {
      const escalation = ownerEscalation(config, a.owner) ? " and the owner's escalation contact" : '';
      const reminder = `A reminder comes at 09:00 ${REMINDER_WORKING_DAYS} working days before the due date`;
      return now.getTime() > Date.parse(a.dueAt)
        ? `What happens next: the contact, deputies${escalation} are chased every ${OVERDUE_EVERY_WORKING_DAYS} working days until evidence of completion is recorded; the monitoring channel has been told.`
        : `What happens next: record evidence of completion by ${when(a.dueAt, now)}. ${reminder}; once overdue, the contact, deputies${escalation} are chased.`;
    }
    case 'awaitingImpact':
      return 'What happens next: the action closes when evidence of its impact is recorded (a separate step). Progress is reported to the executive on the first working day of each month.';
    case 'closed':
      return 'What happens next: nothing more for this action. The review is concluded when all its actions are closed and the executive has been told.';
  }
}

export function actionRequestCard(parts: CaseCardParts, id: string): AdaptiveCard {
  const { state, notice } = parts;
  const found = actionOf(parts, id);
  const frame = { state, notice, showHistory: false };
  if (!found) return caseFrame({ ...frame, subtitle: 'An action', body: [textBlock(`There is no action ${id} on this case.`)] });
  const { s, a } = found;
  const form = ownerForm(parts, a);
  return caseFrame({
    ...frame,
    subtitle: statusOf(a) === 'closed' ? `Action ${a.id}: closed` : `Action ${a.id}: please carry it out and give the evidence`,
    body: [...aboutBlocks(parts, s, a), ...form.body, textBlock(nextWords(parts, a))],
    actions: form.actions,
  });
}

export function actionChaserCard(parts: CaseCardParts, id: string, chase: ActionChase): AdaptiveCard {
  const { state, notice, config, now, recipient } = parts;
  const found = actionOf(parts, id);
  const frame = { state, notice, showHistory: false };
  const subtitle = chase === 'reminder' ? `Reminder: action ${id} falls due soon` : `Overdue: action ${id}`;
  if (!found) return caseFrame({ ...frame, subtitle, body: [textBlock(`There is no action ${id} on this case.`)] });
  const { s, a } = found;
  if (statusOf(a) !== 'open') {
    return caseFrame({ ...frame, subtitle, body: [textBlock(`Nothing outstanding: evidence that ${a.id} is completed was recorded by ${actorWords(a.completion!.by)} at ${when(a.completion!.at, now)}.`), textBlock(nextWords(parts, a))] });
  }
  const form = ownerForm(parts, a);
  const isEscalation = recipient.kind === 'person' && !ownerContacts(config, a.owner).includes(recipient.aadObjectId) && recipient.aadObjectId === ownerEscalation(config, a.owner);
  const who: CardElement[] =
    recipient.kind === 'conversation'
      ? [textBlock(`${ownerName(config, a.owner)}'s contact, deputies and escalation contact have been chased.`, { color: 'Attention' })]
      : isEscalation
        ? [textBlock(`You are ${ownerName(config, a.owner)}'s escalation contact: please see that its contact or a deputy records the evidence.`, { color: 'Attention' })]
        : [];
  return caseFrame({ ...frame, subtitle, body: [...who, ...aboutBlocks(parts, s, a), ...form.body, textBlock(nextWords(parts, a))], actions: form.actions });
}
