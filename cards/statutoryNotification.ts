import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { dateInput, timeInput, todayInLondon } from './inputs.js';
import { isAdultCareLeaverDeath, statutoryNotificationReason } from '../workflow/steps/statutoryNotification.js';
import { actorWords, listWords, when } from './wording.js';

/**
 * Sent 1:1 to the local authority's representative and deputies when a looked-after child or a
 * care leaver has died (002 Sections B and D): the local authority notifies the Secretary of State
 * and Ofsted itself, whatever the partners decide about the Panel, and records here when. The
 * procedure gives no deadline, so the card gives none.
 */
export function statutoryNotificationRequestCard({ state, config, now, notice, draft }: CaseCardParts): AdaptiveCard {
  const subtitle = 'Secretary of State and Ofsted notification';
  const frame = { state, notice, returnTo: 'statutoryNotificationRequest' as const };
  const reason = statutoryNotificationReason(state.referral);
  if (!reason) {
    return caseFrame({ ...frame, subtitle, body: [textBlock('No notification to the Secretary of State and Ofsted is needed on this case: that is for the death of a looked-after child or a care leaver.')] });
  }
  const adult = isAdultCareLeaverDeath(state.referral);
  const route = adult
    ? 'This is the death of a care leaver aged 18 to 24: it is logged for the yearly figures, with no serious incident decision and no rapid review.'
    : 'The partners\' decision about notifying the Panel goes ahead separately; this notification does not wait for it.';
  const done = state.statutoryNotification;
  if (done) {
    return caseFrame({
      ...frame,
      subtitle: `${subtitle}: recorded`,
      body: [textBlock(`Recorded by ${actorWords(done.by)} at ${when(done.at, now)}: the Secretary of State and Ofsted were notified at **${when(done.sentAt, now)}**.`, { color: 'Good' }), textBlock(route)],
    });
  }
  const la = config.partners.localAuthority;
  const asked = listWords([`${la.representative.displayName} (representative)`, ...la.deputies.map((d) => `${d.displayName} (deputy)`)]);
  return caseFrame({
    ...frame,
    subtitle: `${subtitle} needed`,
    body: [
      textBlock(`The referral records that ${reason}. The local authority must notify the Secretary of State and Ofsted, whether or not abuse or neglect is known or suspected.`, { size: 'Medium' }),
      textBlock(route),
      textBlock(`Asked of ${asked}; any of you may record it.`),
      subheading('By when'),
      textBlock('The procedure sets no deadline for this notification. Until it is recorded, the monitoring tab shows the case as waiting for it.'),
      subheading('When it was sent'),
      dateInput('sentDate', 'Date sent', draft, { errorMessage: 'Please give the date the notification was sent.', max: todayInLondon(now) }),
      timeInput('sentTime', 'Time sent (UK time)', draft, { errorMessage: 'Please give the time the notification was sent.' }),
    ],
    actions: [execute('Record notification sent', 'statutory.record', { caseRef: state.referral.caseRef }, { style: 'positive' })],
  });
}
