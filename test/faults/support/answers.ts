import { helpCard } from '../../../cards/index.js';
import type { PartnershipFile } from '../../../config/partnershipFile.js';
import { cardText } from '../../support/recordingMessenger.js';

/**
 * What a hostile activity got back, classified strictly: the issue asks for a 4xx or a refusal
 * card for each, so "some card" is not enough.
 *
 * A card is a refusal when its visible text carries one of the phrases below. The product uses
 * each only when it did not do what was asked; a success card (a recorded reply, a logged
 * referral, a timeline, the help) carries none of them. The corpus's own typed text never
 * contains them, so they can only come from the product.
 */
export const REFUSAL_PHRASES = [
  // Every refused click or form (app/interactions.ts adds it to decide()'s reasons).
  'Nothing was recorded',
  // The same reply again: nothing new recorded.
  'was already recorded',
  // Read-only requests that are turned down: a case that does not exist, someone without access,
  // a timeline asked for in a channel, a command that does not exist.
  'There is no case with that reference',
  'Not available',
  'Ask me in a 1:1 chat',
  'That is not one of my commands',
] as const;

/** What the bot tells the person when its own turn failed: never an acceptable answer to bad input. */
const TURN_FAILED = /something went wrong/i;

export type Answer =
  | { kind: 'clientError'; status: number; error: string | undefined }
  | { kind: 'refusal' | 'help' | 'otherCard'; status: number; text: string }
  | { kind: 'ignored'; status: number }
  | { kind: 'turnFailed' | 'serverError' | 'noAnswer' | 'unreadable'; status: number; text?: string };

export function isRefusal(card: unknown): boolean {
  const text = cardText(card);
  return !TURN_FAILED.test(text) && REFUSAL_PHRASES.some((phrase) => text.includes(phrase));
}

/** Classifies a card the bot answered with (the invoke response, or the message it posted). */
export function classifyCard(card: unknown, status: number, config: PartnershipFile): Answer {
  const text = cardText(card);
  if (TURN_FAILED.test(text)) return { kind: 'turnFailed', status, text };
  if (JSON.stringify(card) === JSON.stringify(helpCard(config, { localMode: true }))) return { kind: 'help', status, text };
  return { kind: isRefusal(card) ? 'refusal' : 'otherCard', status, text };
}

/** A 4xx must say what was wrong: a JSON body with a non-empty `error`. */
export function errorMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const error = typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
    return typeof error === 'string' && error.trim() ? error : undefined;
  } catch {
    return undefined;
  }
}
