import type { AdaptiveCard } from '../cards/adaptiveCard.js';

/** How the application reaches Teams. Implemented in bot/ with botbuilder; recorded in tests. */
export type Messenger = {
  /** A new message (a new thread in a channel) in a conversation the bot is installed in. */
  sendToConversation(conversationId: string, card: AdaptiveCard): Promise<{ activityId: string }>;
  /** A 1:1 message to a person, creating the chat if the bot has none with them yet. */
  sendToPerson(aadObjectId: string, card: AdaptiveCard): Promise<{ conversationId: string; activityId: string }>;
  /** Replaces a card the bot posted earlier, for everyone who sees it. */
  update(conversationId: string, activityId: string, card: AdaptiveCard): Promise<void>;
};

export type Clock = { now(): Date };

/**
 * Log lines carry case references, verbs and error text, never rationales or referral details:
 * those are special-category data and stay in the event log.
 */
export type Logger = {
  info(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
  error(message: string, fields?: Record<string, string | number | boolean | undefined>): void;
};

export const consoleLogger: Logger = {
  info: (message, fields) => console.info(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.warn(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * One email: plain text, to one address (so one refused address holds up no other). `ref` names
 * the email (its case and outbox row, nothing of the case) so a bounce can be traced back to it.
 */
export type MailMessage = { to: string; subject: string; text: string; ref?: string };

/**
 * How the application sends email: from the partnership's shared mailbox through Graph
 * (graph/mail.ts). `refused` is final (the mailbox or the address was refused, or sending is not
 * configured): reported to the business unit, not retried. A transient failure (throttled, Graph
 * unavailable after the client's retries) throws, and the effect is retried like a card.
 */
export type Mailer = {
  send(message: MailMessage): Promise<{ ok: true } | { ok: false; refused: string }>;
};

/** A non-delivery report found in the shared mailbox: what the bounce check needs of it. */
export type NonDeliveryReport = {
  /** Stable across reads (the Internet message id when there is one): a bounce is reported once. */
  id: string;
  receivedAt: Date;
  subject: string;
  /** The report's text: the remote server's status and, from Exchange, the original message's headers. */
  text: string;
};

/**
 * Reads non-delivery reports that arrived in the partnership's shared mailbox (graph/bounces.ts).
 * `denied` (a permission missing, the mailbox not readable) is for the business unit to fix;
 * `unavailable` (throttled, no answer) is tried again at the next check.
 */
/** Outlook says this address has automatic replies on; the period when its owner scheduled one. */
export type OutlookAway = { address: string; from?: Date; until?: Date };
export type AutomaticReplies = {
  awayAmong(addresses: string[]): Promise<{ ok: true; away: OutlookAway[] } | { ok: false; kind: 'notConfigured' | 'denied' | 'unavailable'; detail: string }>;
};

export type BounceInbox = {
  /** Oldest first; `more` when there were more than one check reads (the rest come next time). */
  reportsSince(since: Date): Promise<{ ok: true; reports: NonDeliveryReport[]; more: boolean } | { ok: false; kind: 'notConfigured' | 'denied' | 'unavailable'; detail: string }>;
};
