import { partnersActedFor } from '../workflow/access.js';
import { withRole } from '../workflow/words.js';
import type { OverdueAbout, ReminderAbout } from '../workflow/events.js';
import type { Partner, PartnershipConfig } from '../workflow/partnership.js';
import { PARTNER_NAMES, PARTNERS } from '../workflow/partnership.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, CardElement } from './adaptiveCard.js';
import { textBlock } from './adaptiveCard.js';
import { caseFrame, showCaseCard } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { finalDecisionOverdue, meetingOutcomeOverdue } from './disputeOverdue.js';
import { meetingOutcomeChaser } from './meetingOutcomeChaser.js';
import { actorWords, listWords, VIEW_WORDS, when } from './wording.js';

/**
 * Reminders (1:1, at half time) and overdue alerts (monitoring channel). They are rendered from
 * the state when sent, which may be after the thing was done, so each first checks whether
 * anything is still outstanding and says so rather than chase someone who has already acted.
 */

export function reminderCard(parts: CaseCardParts, about: ReminderAbout): AdaptiveCard {
  switch (about) {
    case 'initialView':
      return initialViewReminder(parts);
    case 'partnerReply':
      return partnerReplyReminder(parts);
    case 'panelNotification':
      return panelNotificationReminder(parts);
    case 'meetingOutcome':
      return meetingOutcomeChaser(parts);
  }
}

export function overdueCard(parts: CaseCardParts, about: OverdueAbout): AdaptiveCard {
  switch (about) {
    case 'initialView':
      return initialViewOverdue(parts);
    case 'panelNotification':
      return panelNotificationOverdue(parts);
    case 'meetingOutcome':
      return meetingOutcomeOverdue(parts);
    case 'finalDecision':
      return finalDecisionOverdue(parts);
  }
}

// Theirs together (002 Section B step 3); one person may hold both roles.
const initialViewAskedOf = (config: PartnershipConfig) =>
  config.reviewGroupChair.aadObjectId === config.childrensServicesDirector.aadObjectId
    ? `${config.reviewGroupChair.displayName} (review group chair and children's services director)`
    : `${withRole(config.reviewGroupChair, 'reviewGroupChair')} and ${withRole(config.childrensServicesDirector, 'childrensServicesDirector')}, together`;

function localAuthorityPeople(config: PartnershipConfig): string {
  const la = config.partners.localAuthority;
  const deputies = la.deputies.map((d) => d.displayName);
  return `${la.representative.displayName} (representative)${deputies.length > 0 ? ` or a deputy: ${listWords(deputies)}` : ''}`;
}

function nothingOutstanding(parts: CaseCardParts, subtitle: string, text: string): AdaptiveCard {
  return caseFrame({ state: parts.state, subtitle, notice: parts.notice, body: [textBlock(`Nothing outstanding: ${text}`)] });
}

function initialViewReminder(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now } = parts;
  const given = state.initialView;
  if (given) return nothingOutstanding(parts, 'Reminder: initial view', `the initial view was given by ${actorWords(given.by)} at ${when(given.at, now)}.`);
  return caseFrame({
    state,
    subtitle: 'Reminder: initial view',
    notice: parts.notice,
    body: [
      textBlock(`The initial view on this referral is still needed, **by ${when(state.initialViewDueAt, now)}**.`, { size: 'Medium' }),
      textBlock(`Asked of ${initialViewAskedOf(config)}: one drafts it, the other concurs or gives a different view; it goes to the partners once both agree.`),
      textBlock('If nobody gives it by then, the business unit will be told; it is never assumed.'),
    ],
    actions: [showCaseCard(state, 'Give the initial view', 'initialViewRequest')],
  });
}

/** The partners this reminder is about: the recipient's own, if they are still silent; else every silent partner. */
function silentPartnersFor(state: CaseState, config: PartnershipConfig, parts: CaseCardParts): Partner[] {
  const silent = PARTNERS.filter((p) => state.positions[p].status === 'awaiting');
  if (parts.recipient.kind !== 'person') return silent;
  const own = partnersActedFor(config, parts.recipient.aadObjectId);
  return own.length > 0 ? silent.filter((p) => own.includes(p)) : silent;
}

function partnerReplyReminder(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now } = parts;
  const view = state.initialView;
  const subtitle = 'Reminder: your reply';
  if (!view) return nothingOutstanding(parts, subtitle, 'there is no initial view to reply to yet.');
  if (state.decision) return nothingOutstanding(parts, subtitle, `the decision (${VIEW_WORDS[state.decision.decision]}) was recorded at ${when(state.decision.at, now)}.`);
  const partners = silentPartnersFor(state, config, parts);
  if (partners.length === 0) return nothingOutstanding(parts, subtitle, 'the reply has been given.');
  const names = listWords(partners.map((p) => PARTNER_NAMES[p]));
  return caseFrame({
    state,
    subtitle,
    notice: parts.notice,
    body: [
      textBlock(`A reply for ${names} is still outstanding: agree or disagree with the initial view (${VIEW_WORDS[view.view]})${view.repliesDueAt ? `, **by ${when(view.repliesDueAt, now)}**` : ''}.`, {
        size: 'Medium',
      }),
      textBlock(`Reply on the case's card in ${config.channels.decision.label}, or open it here.`),
      textBlock(`No reply by then counts as agreement with the initial view.`, { weight: 'Bolder' }),
    ],
    actions: [showCaseCard(state, 'Open the decision card', 'partnerDecision')],
  });
}

function panelNotificationReminder(parts: CaseCardParts): AdaptiveCard {
  const { state, now } = parts;
  const subtitle = 'Reminder: notify the Panel';
  const done = state.panelNotification;
  if (done) return nothingOutstanding(parts, subtitle, `the notification was confirmed by ${actorWords(done.by)} (sent at ${when(done.sentAt, now)}).`);
  if (state.decision?.decision !== 'notify') return nothingOutstanding(parts, subtitle, 'there is no decision to notify the Panel.');
  return caseFrame({
    state,
    subtitle,
    notice: parts.notice,
    body: [
      textBlock(`The Child Safeguarding Practice Review Panel must be notified **by ${when(state.panelNotificationDueAt, now)}**.`, { size: 'Medium' }),
      textBlock(
        `That is 5 working days from when the partnership became aware (${when(state.referral.awareAt, now)}). Once sent, confirm the date, time and the Panel's reference.`,
      ),
      textBlock('If it is not confirmed by then, the monitoring channel will be told it is overdue.'),
    ],
    actions: [showCaseCard(state, 'Confirm the notification', 'panelNotificationRequest')],
  });
}

function overdueFrame(parts: CaseCardParts, subtitle: string, body: CardElement[]): AdaptiveCard {
  return caseFrame({ state: parts.state, subtitle, notice: parts.notice, body });
}

function initialViewOverdue(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now } = parts;
  const due = when(state.initialViewDueAt, now);
  const given = state.initialView;
  if (given) {
    return overdueFrame(parts, 'Initial view: was overdue', [
      textBlock(`Update: the initial view (due by ${due}) was given by ${actorWords(given.by)} at ${when(given.at, now)}.`),
    ]);
  }
  return overdueFrame(parts, 'Overdue: initial view', [
    textBlock(`The initial view has been overdue since **${due}**.`, { size: 'Medium', color: 'Attention' }),
    textBlock(`Expected from ${initialViewAskedOf(config)}.`),
    textBlock('Please chase them: the initial view is never assumed, and the partners cannot reply until it is given.'),
  ]);
}

function panelNotificationOverdue(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now } = parts;
  const due = when(state.panelNotificationDueAt, now);
  const done = state.panelNotification;
  if (done) {
    return overdueFrame(parts, 'Panel notification: was overdue', [
      textBlock(`Update: the Panel notification (due by ${due}) was confirmed by ${actorWords(done.by)}: sent at ${when(done.sentAt, now)}.`),
    ]);
  }
  return overdueFrame(parts, 'Overdue: Panel notification', [
    textBlock(`The Panel notification has been overdue since **${due}** (5 working days from when the partnership became aware).`, {
      size: 'Medium',
      color: 'Attention',
    }),
    textBlock(`Expected from the local authority: ${localAuthorityPeople(config)}.`),
    textBlock('Please chase the local authority; the card stays open until they confirm the notification.'),
  ]);
}
