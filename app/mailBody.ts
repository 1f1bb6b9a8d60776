import type { PartnershipFile } from '../config/partnershipFile.js';
import type { CardSpec } from '../workflow/effects.js';
import type { CaseState } from '../workflow/state.js';
import { CARD_WORDS } from './cardWords.js';
import { actLink, actRequestFor } from './actLink.js';

/**
 * The email sent where a Teams card cannot reach (a shared inbox, someone without Teams, an
 * external member of a shared channel, a card undeliverable after the retries). Built from what
 * the card is built from (the card's kind, the case state), but carrying only what is asked, the
 * case reference and the deadline in words: never a rationale, a referral detail or a name, since
 * email leaves the partnership's tenant and is forwarded, printed and kept. Pure, so a test can
 * check every kind for identifying details.
 *
 * A person who may act gets a link to the product's own page for the request (app/actLink.ts):
 * it names the case and the request only, and the page signs them in before showing anything.
 * A shared inbox gets no link: an inbox is nobody, so it never acts.
 */

export type MailReason =
  /** A person the bot cannot reach in Teams (listed `teams: false`, or of another tenant). */
  | 'emailOnly'
  /** A partner's shared inbox, told what the partner is asked; it never acts. */
  | 'inbox'
  /** A person whose Teams card could not be delivered after the retries. */
  | 'undeliverable';

export type NotificationEmail = { subject: string; text: string };

export function notificationEmail(args: { config: PartnershipFile; caseRef: string; state: CaseState; card: CardSpec; reason: MailReason; publicBaseUrl?: string }): NotificationEmail {
  const { config, caseRef, state, card, reason, publicBaseUrl } = args;
  const what = CARD_WORDS[card.kind];
  const due = deadlineOf(state, card);
  const request = reason === 'inbox' || !publicBaseUrl ? undefined : actRequestFor(caseRef, card);
  const lines = [
    `${config.partnership.name}`,
    '',
    `Case ${caseRef}: ${what}.`,
    ...(due ? [`Due by ${dateTimeWords(due)} (UK time).`] : []),
    ...awayLines(card, reason),
    '',
    ...(request ? [`To act on it, open ${actLink(publicBaseUrl!, request)} and sign in with your work account (or the partnership guest account you were invited with).`, ''] : []),
    whereToAct(config, reason, request !== undefined),
    '',
    'This email carries the case reference only, never details of the child or family. Do not reply with them.',
  ];
  return { subject: `${config.partnership.shortName} ${caseRef}: ${what}`, text: lines.join('\n') };
}

/**
 * Sent while someone is away (workflow/whenAway.ts): the email says so as the card does, but
 * without the name (an email carries no names): the date the absence ends only.
 */
function awayLines(card: CardSpec, reason: MailReason): string[] {
  const away = card.awayFor;
  if (!away) return [];
  const until = `${dateTimeWords(new Date(away.until))} (UK time)`;
  if (reason === 'inbox') return [away.nobodyStandsIn ? `The person asked is away until ${until}: they are asked all the same, and this inbox is told.` : `The person asked is away until ${until}: their deputy is asked in their place, and this inbox is told.`];
  return [away.nobodyStandsIn ? `You are recorded as away until ${until}; your team's inbox has been told.` : `You are asked as a deputy: the person you stand in for is away until ${until}.`];
}

function whereToAct(config: PartnershipFile, reason: MailReason, linked: boolean): string {
  const businessUnit = config.businessUnit.map((p) => p.email).join(', ');
  switch (reason) {
    case 'inbox':
      return `For information: your organisation's representative acts on it in Microsoft Teams (${config.channels.decision.label}). Questions to the business unit: ${businessUnit}.`;
    case 'undeliverable':
      return `The card could not be delivered to you in Microsoft Teams. ${linked ? 'You can also' : 'Open the app in Teams to act on it, or'} contact the business unit: ${businessUnit}.`;
    case 'emailOnly':
      return linked
        ? `Questions to the business unit: ${businessUnit}.`
        : `To act on it, use the partnership's channel in Microsoft Teams if you are a member (${config.channels.decision.label}), or contact the business unit: ${businessUnit}.`;
  }
}

/** The deadline the card asks about, where the case state holds one. */
export function deadlineOf(state: CaseState, card: CardSpec): Date | undefined {
  const at = (iso: string | undefined) => (iso ? new Date(iso) : undefined);
  const dispute = state.dispute;
  switch (card.kind) {
    case 'initialViewRequest':
      return at(state.initialViewDueAt);
    case 'partnerDecision':
      return at(state.initialView?.repliesDueAt);
    case 'panelNotificationRequest':
      return at(state.panelNotificationDueAt);
    case 'arrangeMeetingRequest':
      return at(dispute?.meetingDueAt);
    case 'finalDecisionRequest':
    case 'disputeEscalated':
      return at(dispute?.reopened?.decisionDueAt ?? dispute?.escalated?.decisionDueAt);
    case 'scopingRequest':
    case 'scopingChaser':
    case 'scopingOverdue':
    case 'extensionAnswer':
      return at(state.rapidReview?.agencies[card.agency]?.dueAt);
    case 'reminder':
      return at({ initialView: state.initialViewDueAt, partnerReply: state.initialView?.repliesDueAt, panelNotification: state.panelNotificationDueAt, meetingOutcome: dispute?.meetingDueAt }[card.about]);
    default:
      return undefined;
  }
}

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * "Tuesday 9 June at 15:00": the partnership's own time, whatever the server's zone. No year: a
 * deadline is days away, and a full date is what the identifying-detail check takes for a date of
 * birth, so an email never carries one.
 */
export function dateTimeWords(date: Date): string {
  const parts = Object.fromEntries(LONDON.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month} at ${parts.hour}:${parts.minute}`;
}
