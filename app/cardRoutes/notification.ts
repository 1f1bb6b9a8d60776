import { londonInstant } from '../londonTime.js';
import { refused, route, type CardRoute } from './route.js';

/**
 * The notification decision (DOMAIN steps 1-4): the initial view, the partners' replies, the
 * notification to the Panel, the Secretary of State and Ofsted, and the next step.
 */
export const NOTIFICATION_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'initialView.submit',
    answer: () => ({ kind: 'initialViewRequest' }),
    toCommand: (d, actor) => ({ type: 'GiveInitialView', actor, view: d.view, rationale: d.rationale }),
  }),
  route({
    verb: 'initialView.concur',
    answer: () => ({ kind: 'initialViewRequest' }),
    toCommand: (_d, actor) => ({ type: 'ConcurInitialView', actor }),
  }),
  route({
    verb: 'partner.agree',
    answer: () => ({ kind: 'partnerDecision' }),
    toCommand: (d, actor) => ({
      type: 'ReplyAsPartner',
      actor,
      reply: 'agree',
      ...(d.comment ? { rationale: d.comment } : {}),
      ...(d.asOf === undefined ? {} : { seenVersion: Number(d.asOf) }),
    }),
  }),
  route({
    verb: 'partner.disagree',
    answer: () => ({ kind: 'partnerDecision' }),
    toCommand: (d, actor) => ({ type: 'ReplyAsPartner', actor, reply: 'disagree', rationale: d.rationale, ...(d.asOf === undefined ? {} : { seenVersion: Number(d.asOf) }) }),
  }),
  route({
    verb: 'panel.confirm',
    answer: () => ({ kind: 'panelNotificationRequest' }),
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.sentDate, d.sentTime);
      if (!sentAt) return refused('Please give the date and time the notification was sent.');
      return { type: 'ConfirmPanelNotification', actor, sentAt: sentAt.toISOString(), panelReference: d.panelReference };
    },
  }),
  route({
    verb: 'statutory.record',
    answer: () => ({ kind: 'statutoryNotificationRequest' }),
    toCommand: (d, actor) => {
      const sentAt = londonInstant(d.sentDate, d.sentTime);
      if (!sentAt) return refused('Please give the date and time the notification was sent.');
      return { type: 'RecordStatutoryNotification', actor, sentAt: sentAt.toISOString() };
    },
  }),
  route({
    verb: 'nextStep.submit',
    answer: () => ({ kind: 'nextStepRequest' }),
    toCommand: (d, actor) => ({ type: 'ChooseNextStep', actor, step: d.step, rationale: d.rationale }),
  }),
];
