import type { OverdueAbout, ReminderAbout } from '../events.js';
import { iso, monitoring, sendKey, type Recorder } from '../kernel.js';
import type { PartnershipConfig } from '../partnership.js';
import { sendAsked } from '../whenAway.js';

/** The two notices the sweep sends for a step's deadline: a reminder before it, an alert after. */

/**
 * A reminder to the named people, once per deadline. Whether a deputy is reminded in place of
 * someone away at `now` depends on what it is about (workflow/whenAway.ts REMINDERS_WHEN_AWAY);
 * each stand-in's card says whom they stand in for.
 */
export function remind(r: Recorder, config: PartnershipConfig, now: Date, about: ReminderAbout, named: string[]) {
  const to = sendAsked(r, config, now, named, { kind: 'reminder', about }, (id) => sendKey.reminder(about, id), false);
  r.record({ type: 'ReminderSent', at: iso(now), about, to });
}

/** An overdue alert in the monitoring channel, once per deadline. */
export function raiseOverdue(r: Recorder, now: Date, about: OverdueAbout) {
  r.record({ type: 'OverdueRaised', at: iso(now), about });
  r.effect({ type: 'send', key: sendKey.overdue(about), to: monitoring, card: { kind: 'overdue', about }, tracked: false });
}
