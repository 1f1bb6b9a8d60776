import type { PartnershipConfig } from '../workflow/partnership.js';
import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock, verbatim } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { dateInput, lineInput, timeInput, todayInLondon } from './inputs.js';
import { actorWords, listWords, stageWords, when } from './wording.js';

/** The Panel's own reference is short; the procedure refuses more than this. */
const PANEL_REFERENCE_MAX = 100;

const PANEL = 'the Child Safeguarding Practice Review Panel';

function askedOf(config: PartnershipConfig): string {
  const la = config.partners.localAuthority;
  return listWords([`${la.representative.displayName} (representative)`, ...la.deputies.map((d) => `${d.displayName} (deputy)`)]);
}

/**
 * Sent 1:1 to the local authority's representative and deputies after a decision to notify: the
 * local authority notifies the Panel itself (outside this bot) and records here when and under
 * which reference, which is the evidence the 5-working-day duty was met.
 */
export function panelNotificationRequestCard({ state, config, now, notice, draft }: CaseCardParts): AdaptiveCard {
  const caseRef = state.referral.caseRef;
  const done = state.panelNotification;
  const frame = { state, notice, returnTo: 'panelNotificationRequest' as const };
  if (done) {
    return caseFrame({
      ...frame,
      subtitle: 'Panel notification: confirmed',
      body: [
        textBlock(`Confirmed by ${actorWords(done.by)} at ${when(done.at, now)}: sent at ${when(done.sentAt, now)}.`),
        subheading('Panel reference'),
        verbatim(done.panelReference),
      ],
    });
  }
  if (state.decision?.decision !== 'notify') {
    return caseFrame({
      ...frame,
      subtitle: 'Panel notification',
      body: [textBlock(`No Panel notification is asked for on this case. ${stageWords(state)}.`)],
    });
  }
  const due = state.panelNotificationDueAt;
  const late = now.getTime() >= Date.parse(due);
  return caseFrame({
    ...frame,
    subtitle: 'Panel notification needed',
    body: [
      textBlock(`The partners decided to notify the Panel (recorded at ${when(state.decision.at, now)}).`),
      textBlock(`Please notify ${PANEL} **by ${when(due, now)}**, then confirm here when it was sent and the Panel's reference.`, {
        size: 'Medium',
      }),
      textBlock(`Asked of ${askedOf(config)}; any of you may confirm.`),
      textBlock(
        late
          ? `This is overdue since ${when(due, now)}; ${state.overdueRaised.includes('panelNotification') ? 'the monitoring channel has been told' : 'the monitoring channel will be told'}.`
          : 'If it is not confirmed by then, the monitoring channel will be told it is overdue.',
        late ? { color: 'Attention', weight: 'Bolder' } : {},
      ),
      subheading('When it was sent'),
      dateInput('sentDate', 'Date sent', draft, { errorMessage: 'Please give the date the notification was sent.', max: todayInLondon(now) }),
      timeInput('sentTime', 'Time sent (UK time)', draft, { errorMessage: 'Please give the time the notification was sent.' }),
      lineInput('panelReference', 'Panel notification reference', draft, {
        required: true,
        maxLength: PANEL_REFERENCE_MAX,
        errorMessage: `Please give the Panel's reference (up to ${PANEL_REFERENCE_MAX} characters).`,
      }),
    ],
    actions: [execute('Confirm notification sent', 'panel.confirm', { caseRef }, { style: 'positive' })],
  });
}

/** Tells the monitoring channel the duty is met (or met late), and that the rapid review clock starts. */
export function panelNotificationConfirmedCard({ state, now, notice }: CaseCardParts): AdaptiveCard {
  const done = state.panelNotification;
  const frame = { state, notice, returnTo: 'panelNotificationConfirmed' as const };
  if (!done) {
    return caseFrame({
      ...frame,
      subtitle: 'Panel notification',
      body: [textBlock(`The Panel notification has not been confirmed yet. ${stageWords(state)}.`)],
    });
  }
  const onTime = Date.parse(done.sentAt) <= Date.parse(state.panelNotificationDueAt);
  return caseFrame({
    ...frame,
    subtitle: 'Panel notified',
    body: [
      textBlock(`The local authority notified ${PANEL}: sent at **${when(done.sentAt, now)}**.`, { size: 'Medium', color: 'Good' }),
      textBlock(
        onTime
          ? `Within the deadline (${when(state.panelNotificationDueAt, now)}).`
          : `After the deadline (${when(state.panelNotificationDueAt, now)}).`,
        onTime ? {} : { color: 'Attention' },
      ),
      textBlock(`Confirmed by ${actorWords(done.by)} at ${when(done.at, now)}.`),
      subheading('Panel reference'),
      verbatim(done.panelReference),
      subheading('What happens next'),
      textBlock(
        'A rapid review starts: it must be completed within 15 working days of the notification. The business unit sends scoping requests to the agencies.',
      ),
    ],
  });
}
