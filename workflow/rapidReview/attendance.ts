import { partnersActedFor } from '../access.js';
import { actorAs, iso, nothing, partnerRoleFor, recorder, refuse, type Handler } from '../kernel.js';
import { openReview } from './common.js';

/** Attendance at the rapid review meeting: each statutory partner's representative or deputy confirms it. */

export const confirmAttendance: Handler<'ConfirmAttendance'> = ({ config }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  if (!found.rr.setup) return refuse('The rapid review meeting has not been set up yet.');
  const partner = partnersActedFor(config, command.actor.aadObjectId)[0];
  if (!partner) return refuse("Only a statutory partner's representative or a deputy can confirm attendance for that partner.");
  const current = found.rr.attendance[partner];
  if (current && current.attending === command.attending) return nothing('Already recorded.');
  const r = recorder(state);
  r.record({ type: 'AttendanceConfirmed', at: iso(now), by: actorAs(command.actor, partnerRoleFor(config, command.actor, partner)!), partner, attending: command.attending });
  r.effect({ type: 'refreshCards' });
  return r.done(command.attending ? 'Recorded: attending.' : 'Recorded: not attending. The meeting is quorate only with children\'s services, police and health; the business unit is shown this on the board.');
};
