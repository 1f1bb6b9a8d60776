import { checkFreeText } from '../freeText.js';
import { actorAs, recorder, refuse, unique, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import type { PartnershipConfig } from '../partnership.js';
import { declareTimers, timer } from '../timers.js';
import { raiseOverdue, remind } from './notices.js';
import { VIEW_WORDS } from '../words.js';
import { giversHeldBy, proposeView, viewAgreed } from './jointInitialView.js';

/** Step 3 (002 Section B): the review group chair and the children's services director give the initial view together, within 1 WD. */

export const giveInitialView: Handler<'GiveInitialView'> = (context, state, command, now) => {
  const { config, calendar } = context;
  if (!state) return refuse('There is no such case.');
  const role = actingRole(config, command.actor.aadObjectId, 'GiveInitialView');
  if (!role) return refuse("Only the review group chair or the children's services director can give the initial view.");
  if (state.initialView) {
    return refuse(`The initial view on ${state.referral.caseRef} was already given by ${state.initialView.by.displayName} on ${words(state.initialView.at, now)}.`);
  }
  if (state.stage !== 'awaitingInitialView') return refuse(`Case ${state.referral.caseRef} is no longer waiting for an initial view.`);
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);

  // The view is the chair's and the director's together (jointInitialView.ts); one person in both roles gives it alone.
  const held = giversHeldBy(config, command.actor.aadObjectId);
  if (held.length === 1) return proposeView(context, state, now, command.actor, held[0]!, command.view, command.rationale.trim());
  const r = recorder(state);
  // The author of the view agrees with it, for any partner they reply for; they may still change it.
  viewAgreed(context, r, now, actorAs(command.actor, role), command.view, command.rationale.trim());
  return r.done(`Initial view recorded: ${VIEW_WORDS[command.view]}. It goes to the three partners now; they have one working day from its posting to reply (about ${words(calendar.addWorkingDays(now, 1).toISOString(), now)}).`);
};

const viewGivers = (config: PartnershipConfig) => unique([config.reviewGroupChair.aadObjectId, config.childrensServicesDirector.aadObjectId]);

/** A reminder at half time (while not yet due) and an alert when the initial view is overdue. */
export const initialViewTimers = declareTimers(['initialView:reminder', 'initialView:overdue'], (state, { calendar }) => {
  if (state.stage !== 'awaitingInitialView') return [];
  const due = new Date(state.initialViewDueAt);
  return [
    ...(state.remindersSent.includes('initialView') ? [] : timer('initialView:reminder', calendar.halfway(new Date(state.loggedAt), due), (r, { config }, now) => remind(r, config, now, 'initialView', viewGivers(config)), due)),
    ...(state.overdueRaised.includes('initialView') ? [] : timer('initialView:overdue', due, (r, _, now) => raiseOverdue(r, now, 'initialView'))),
  ];
});
