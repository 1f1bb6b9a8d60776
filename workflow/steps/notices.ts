import type { OverdueAbout, ReminderAbout } from '../events.js';
import { iso, monitoring, person, sendKey, type Recorder } from '../kernel.js';
import { everyoneAskedAt } from '../absence.js';
import type { PartnershipConfig } from '../partnership.js';

/** The two notices the sweep sends for a step's deadline: a reminder before it, an alert after. */

/**
 * Reminders a partner's deputies may act on (a partner's reply, the local authority's Panel
 * notification). The others are for a role only its holder can act in (the initial view, the
 * meeting's outcome): nobody could act for someone away, so they are reminded all the same.
 */
const STAND_INS_MAY_ACT: readonly ReminderAbout[] = ['partnerReply', 'panelNotification'];

/**
 * A reminder to the named people, once per deadline. Where a deputy may act for them, someone
 * away at `now` is not sent it: their stand-ins are (workflow/absence.ts), and each stand-in's
 * card says whom they stand in for.
 */
export function remind(r: Recorder, config: PartnershipConfig, now: Date, about: ReminderAbout, named: string[]) {
  const asked = STAND_INS_MAY_ACT.includes(about) ? everyoneAskedAt(config, named, now) : [...new Set(named)].map((aadObjectId) => ({ aadObjectId, awayFor: undefined }));
  r.record({ type: 'ReminderSent', at: iso(now), about, to: asked.map((a) => a.aadObjectId) });
  for (const { aadObjectId, awayFor } of asked) {
    const nobodyStandsIn = awayFor?.aadObjectId === aadObjectId ? { nobodyStandsIn: true as const } : {};
    const card = awayFor ? { kind: 'reminder' as const, about, awayFor: { displayName: awayFor.displayName, until: awayFor.until, inboxes: awayFor.inboxes, ...nobodyStandsIn } } : { kind: 'reminder' as const, about };
    r.effect({ type: 'send', key: sendKey.reminder(about, aadObjectId), to: person(aadObjectId), card, tracked: false });
  }
}

/** An overdue alert in the monitoring channel, once per deadline. */
export function raiseOverdue(r: Recorder, now: Date, about: OverdueAbout) {
  r.record({ type: 'OverdueRaised', at: iso(now), about });
  r.effect({ type: 'send', key: sendKey.overdue(about), to: monitoring, card: { kind: 'overdue', about }, tracked: false });
}
