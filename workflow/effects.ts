import type { OverdueAbout, ReminderAbout } from './events.js';

/**
 * What the shell must do after events are committed. Effects name what to tell whom; the card is
 * rendered from the case state when the effect is performed, so a retried effect shows the
 * latest truth and an update never shows an older state than the log.
 */

export type Recipient =
  | { kind: 'person'; aadObjectId: string }
  | { kind: 'conversation'; target: 'monitoring' | 'decision' };

export type CardSpec =
  | { kind: 'initialViewRequest' }
  | { kind: 'partnerDecision' }
  | { kind: 'reminder'; about: ReminderAbout }
  | { kind: 'overdue'; about: OverdueAbout }
  | { kind: 'decisionRecorded' }
  | { kind: 'disputeOpened' }
  | { kind: 'panelNotificationRequest' }
  | { kind: 'panelNotificationConfirmed' }
  | { kind: 'nextStepRequest' }
  | { kind: 'nextStepChosen' };

export type Effect =
  /**
   * Send a card. `key` is unique within the case and makes the send idempotent; `tracked` cards
   * keep their activity id so later `refreshCards` can update them in place for everyone.
   */
  | { type: 'send'; key: string; to: Recipient; card: CardSpec; tracked: boolean }
  /** Re-render every tracked card of the case from the current state. */
  | { type: 'refreshCards' };
