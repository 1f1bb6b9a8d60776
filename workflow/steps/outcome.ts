import { sendAsked } from '../whenAway.js';
import { checkFreeText } from '../freeText.js';
import type { View } from '../events.js';
import { actorAs, iso, monitoring, person, recorder, refuse, sendKey, unique, type Handler, type Recorder, type StepContext } from '../kernel.js';
import { actingRole } from '../access.js';
import { partnerPeople, type PartnershipConfig } from '../partnership.js';
import { declareTimers, timer } from '../timers.js';
import { openRapidReview } from '../rapidReview/setUp.js';
import { raiseOverdue, remind } from './notices.js';

/**
 * The outcome (DOMAIN steps 7-8): the decision is announced; a decision to notify goes to the
 * local authority, who confirms the Panel notification within 5 WD of the partnership becoming
 * aware, and the rapid review opens; a decision not to notify goes to the chair for a next step.
 */

const localAuthorityPeople = (config: PartnershipConfig) => unique(partnerPeople(config, 'localAuthority').map((p) => p.aadObjectId));

export function announceDecision({ config }: StepContext, r: Recorder, decision: View, now: Date) {
  const v = r.state?.version;
  r.effect({ type: 'send', key: sendKey.decisionRecorded(v), to: monitoring, card: { kind: 'decisionRecorded' }, tracked: false });
  const informed = unique([config.independentScrutineer.aadObjectId, ...(config.strategicPartnershipManager ? [config.strategicPartnershipManager.aadObjectId] : [])]);
  for (const id of informed) {
    r.effect({ type: 'send', key: sendKey.decisionRecordedTo(id, v), to: person(id), card: { kind: 'decisionRecorded' }, tracked: false });
  }
  if (decision === 'notify') {
    sendAsked(r, config, now, localAuthorityPeople(config), { kind: 'panelNotificationRequest' }, (id) => sendKey.panelNotificationRequest(id, v), true);
  } else {
    const chair = config.reviewGroupChair.aadObjectId;
    sendAsked(r, config, now, [chair], { kind: 'nextStepRequest' }, (id) => sendKey.nextStepRequest(id, v), true);
  }
}

export const confirmPanelNotification: Handler<'ConfirmPanelNotification'> = (context, state, command, now) => {
  if (!state) return refuse('There is no such case.');
  const role = actingRole(context.config, command.actor.aadObjectId, 'ConfirmPanelNotification');
  if (!role) return refuse("Only the local authority's representative or a deputy can confirm the Panel notification.");
  if (state.panelNotification) return refuse(`The Panel notification for ${state.referral.caseRef} was already confirmed by ${state.panelNotification.by.displayName}.`);
  if (state.stage !== 'awaitingPanelNotification') return refuse(`Case ${state.referral.caseRef} is not waiting for a Panel notification.`);
  if (Date.parse(command.sentAt) > now.getTime()) return refuse('The time the notification was sent cannot be in the future.');
  if (state.decision && Date.parse(command.sentAt) < Date.parse(state.loggedAt) - 7 * 86_400_000) return refuse('The time the notification was sent is long before the referral was logged; please check it.');
  const reference = command.panelReference.trim();
  if (!reference || reference.length > 100) return refuse('Please give the Panel notification reference (up to 100 characters).');
  const problem = checkFreeText('Panel reference', reference, { required: true });
  if (problem) return refuse(problem.message);
  const r = recorder(state);
  r.record({ type: 'PanelNotificationConfirmed', at: iso(now), by: actorAs(command.actor, role), sentAt: new Date(command.sentAt).toISOString(), panelReference: reference });
  r.effect({ type: 'send', key: sendKey.panelNotificationConfirmed(), to: monitoring, card: { kind: 'panelNotificationConfirmed' }, tracked: false });
  // The rapid review's 15 working days run from the notification.
  openRapidReview(context, r, new Date(command.sentAt), now);
  r.effect({ type: 'refreshCards' });
  return r.done(`Panel notification for ${state.referral.caseRef} recorded.`);
};

/** A reminder to the local authority at half time (while not yet due), and an alert when the notification is overdue. */
export const panelNotificationTimers = declareTimers(['panelNotification:reminder', 'panelNotification:overdue'], (state, { calendar }) => {
  if (state.stage !== 'awaitingPanelNotification' || !state.decision) return [];
  const due = new Date(state.panelNotificationDueAt);
  return [
    ...(state.remindersSent.includes('panelNotification') ? [] : timer('panelNotification:reminder', calendar.halfway(new Date(state.decision.at), due), (r, { config }, now) => remind(r, config, now, 'panelNotification', localAuthorityPeople(config)), due)),
    ...(state.overdueRaised.includes('panelNotification') ? [] : timer('panelNotification:overdue', due, (r, _, now) => raiseOverdue(r, now, 'panelNotification'))),
  ];
});
