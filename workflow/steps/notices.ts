import type { OverdueAbout, ReminderAbout } from '../events.js';
import { iso, monitoring, person, sendKey, type Recorder } from '../kernel.js';

/** The two notices the sweep sends for a step's deadline: a reminder before it, an alert after. */

/** A reminder to the named people, once per deadline. */
export function remind(r: Recorder, now: Date, about: ReminderAbout, to: string[]) {
  r.record({ type: 'ReminderSent', at: iso(now), about, to });
  for (const id of to) r.effect({ type: 'send', key: sendKey.reminder(about, id), to: person(id), card: { kind: 'reminder', about }, tracked: false });
}

/** An overdue alert in the monitoring channel, once per deadline. */
export function raiseOverdue(r: Recorder, now: Date, about: OverdueAbout) {
  r.record({ type: 'OverdueRaised', at: iso(now), about });
  r.effect({ type: 'send', key: sendKey.overdue(about), to: monitoring, card: { kind: 'overdue', about }, tracked: false });
}
