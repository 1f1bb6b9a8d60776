import { checkFreeText } from '../freeText.js';
import { actorAs, iso, monitoring, recorder, refuse, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { openReview } from './common.js';

/** Completion: the review group chair records the outcome and when it was sent to the Panel and Ofsted (due 15 WD from the notification). */

export const recordRapidReviewOutcome: Handler<'RecordRapidReviewOutcome'> = ({ config }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const role = actingRole(config, command.actor.aadObjectId, 'RecordRapidReviewOutcome');
  if (!role) return refuse("Only the review group chair can record the rapid review's outcome.");
  if (!found.rr.setup) return refuse('The rapid review has not been set up yet.');
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  const sentAt = new Date(command.sentAt);
  if (sentAt.getTime() > now.getTime()) return refuse('The date it was sent to the Panel and Ofsted cannot be in the future.');
  if (sentAt.getTime() < Date.parse(found.rr.notifiedAt)) return refuse('The date it was sent is before the notification; please check it.');
  const onTime = sentAt.getTime() <= Date.parse(found.rr.dueAt);
  const r = recorder(state);
  r.record({ type: 'RapidReviewCompleted', at: iso(now), by: actorAs(command.actor, role), lcsprNeeded: command.lcsprNeeded, rationale: command.rationale.trim(), sentAt: iso(sentAt), onTime });
  r.effect({ type: 'send', key: 'rapidReviewCompleted', to: monitoring, card: { kind: 'rapidReviewCompleted' }, tracked: false });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: the rapid review is complete (${onTime ? 'on time' : 'late'}).`);
};
