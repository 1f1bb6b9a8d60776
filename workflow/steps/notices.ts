import type { OverdueAbout, ReminderAbout } from '../events.js';
import { iso, monitoring, person, sendKey, type Recorder } from '../kernel.js';
import { everyoneAskedAt } from '../absence.js';
import type { PartnershipConfig } from '../partnership.js';

/** The two notices the sweep sends for a step's deadline: a reminder before it, an alert after. */

/**
 * A reminder to the named people, once per deadline. Someone away at `now` is not sent it: their
 * stand-ins are (workflow/absence.ts), and each stand-in's card says whom they stand in for.
 */
export function remind(r: Recorder, config: PartnershipConfig, now: Date, about: ReminderAbout, named: string[]) {
  const asked = everyoneAskedAt(config, named, now);
  r.record({ type: 'ReminderSent', at: iso(now), about, to: asked.map((a) => a.aadObjectId) });
  for (const { aadObjectId, awayFor } of asked) {
    const card = awayFor ? { kind: 'reminder' as const, about, awayFor: { displayName: awayFor.displayName, until: awayFor.until, inboxes: awayFor.inboxes } } : { kind: 'reminder' as const, about };
    r.effect({ type: 'send', key: sendKey.reminder(about, aadObjectId), to: person(aadObjectId), card, tracked: false });
  }
}

/** An overdue alert in the monitoring channel, once per deadline. */
export function raiseOverdue(r: Recorder, now: Date, about: OverdueAbout) {
  r.record({ type: 'OverdueRaised', at: iso(now), about });
  r.effect({ type: 'send', key: sendKey.overdue(about), to: monitoring, card: { kind: 'overdue', about }, tracked: false });
}
