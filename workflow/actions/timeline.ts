import type { Actor } from '../events.js';
import type { TimelineRow } from '../timelineRow.js';
import { PARTNER_NAMES } from '../partnership.js';
import type { CostEvent } from '../costs/state.js';
import type { ActionEvent } from './state.js';
import type { ActionOwner } from './schemas.js';
import { REVIEW_WORDS } from './words.js';

/** The timeline's rows for recommendations, actions and costs (issue 17). Links stay out of rows: the export's events keep them. */

const BOT = { who: 'Recorded automatically', role: 'the bot' };
const by = (actor: Actor) => ({ who: actor.displayName, role: actor.role });

type Context = { at: (iso: string) => string; agency: (id: string) => string };

const ownerWords = (owner: ActionOwner, agency: (id: string) => string) => (owner.kind === 'partner' ? PARTNER_NAMES[owner.partner] : agency(owner.agency));
const payerWords = (payer: string, agency: (id: string) => string) => (payer in PARTNER_NAMES ? PARTNER_NAMES[payer as keyof typeof PARTNER_NAMES] : agency(payer));

export function actionRow(event: ActionEvent | CostEvent, { at, agency }: Context): TimelineRow {
  switch (event.type) {
    case 'RecommendationRecorded':
      return { at: event.at, ...by(event.by), what: `Recorded recommendation ${event.recommendation} of ${REVIEW_WORDS[event.review.kind]}.`, detail: `${event.text}\nExpected impact: ${event.expectedImpact}`, deemed: false };
    case 'ActionAgreed':
      return { at: event.at, ...by(event.by), what: `Agreed action ${event.action} on ${event.recommendation}: owner ${ownerWords(event.owner, agency)}, due by ${at(event.dueAt)}.`, detail: `Done means: ${event.done}`, deemed: false };
    case 'ActionCompletionEvidenced':
      return { at: event.at, ...by(event.by), what: `Gave evidence that action ${event.action} is completed (a document in the store).`, deemed: false };
    case 'ActionImpactEvidenced':
      return { at: event.at, ...by(event.by), what: `Gave evidence of the impact of action ${event.action} (a document in the store); the action is closed.`, detail: event.impact, deemed: false };
    case 'ActionDueDateMoved':
      return { at: event.at, ...by(event.by), what: `Moved the due date of action ${event.action} to ${at(event.dueAt)}.`, detail: event.reason, deemed: false };
    case 'ActionChased':
      return {
        at: event.at,
        ...BOT,
        what: event.chase === 'reminder' ? `Reminded the owner of action ${event.action} that it falls due soon.` : `Action ${event.action} is overdue: chased its owner and escalation contact.`,
        deemed: false,
      };
    case 'ActionsReported':
      return { at: event.at, ...BOT, what: `Posted the progress of the actions for the executive (the report for ${event.month}).`, deemed: false };
    case 'ReviewConcluded':
      return { at: event.at, ...by(event.by), what: `Recorded that the executive was told at ${at(event.executiveToldAt)} that all actions of ${REVIEW_WORDS[event.review.kind]} are complete: the review is concluded.`, deemed: false };
    case 'ReviewCostsRecorded':
      return {
        at: event.at,
        ...by(event.by),
        what: `Recorded the costs of ${REVIEW_WORDS[event.review.kind]}: estimate £${event.estimate.toLocaleString('en-GB')}, ${event.model === 'option1' ? 'option 1 (by involvement)' : 'option 2'}: ${event.shares.map((s) => `${payerWords(s.payer, agency)} ${s.percent}%`).join(', ')}.`,
        deemed: false,
      };
  }
}
