import type { AdaptiveCard } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { dateInput, freeTextInput, timeInput, todayInLondon, yesNoToggle } from './inputs.js';
import { noReviewCard } from './noReview.js';
import { actorWords, when } from './wording.js';

/**
 * The exceptional decision not to hold a rapid review (002 Section B), for the business unit: the
 * partners' agreement and rationale under the scrutineer's oversight, then when the Panel was told.
 * Posted in the monitoring channel (and to the scrutineer) once recorded; opened from the rapid
 * review's set-up card or board before that.
 */
export function noRapidReviewCard(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now, notice, draft, quote } = parts;
  const rr = state.rapidReview;
  const subtitle = 'Decision not to hold a rapid review';
  if (!rr) return noReviewCard(parts, subtitle, 'noRapidReview');
  const frame = { state, notice, returnTo: 'noRapidReview' as const };
  const caseRef = state.referral.caseRef;
  if (rr.completed) {
    return caseFrame({ ...frame, subtitle, body: [textBlock(`The rapid review was held and completed at ${when(rr.completed.at, now)}; there is no decision not to hold it.`)] });
  }
  const scrutineer = config.independentScrutineer.displayName;
  const notHeld = rr.notHeld;
  if (!notHeld) {
    return caseFrame({
      ...frame,
      subtitle,
      body: [
        textBlock(
          'Only in exceptional circumstances: the safeguarding partners may agree not to hold the rapid review, with a rationale, under the independent scrutineer\'s oversight. The Panel must then be told, with the rationale.',
        ),
        textBlock(`Until this is recorded the rapid review stays due by **${when(rr.dueAt, now)}**.`),
        yesNoToggle('partnersAgreed', "Partners' agreement", 'All three safeguarding partners agreed not to hold a rapid review', draft),
        yesNoToggle('scrutineerOversight', "Scrutineer's oversight", `The independent scrutineer (${scrutineer}) had oversight of the decision`, draft),
        freeTextInput('rationale', 'Rationale', draft, { required: true }),
        subheading('What happens next'),
        textBlock(
          'The case closes: no agency is asked for scoping and no meeting is held. The business unit then tells the Panel, with the rationale, and records here when. The procedure sets no deadline for telling the Panel.',
        ),
      ],
      actions: [execute('Record the decision', 'noReview.record', { caseRef }, { style: 'positive' })],
    });
  }
  const agreed = [
    textBlock(`Recorded by ${actorWords(notHeld.by)} at ${when(notHeld.at, now)}: the safeguarding partners agreed not to hold a rapid review, under the oversight of ${scrutineer} (independent scrutineer). The case is closed.`),
    subheading('Rationale'),
    quote(notHeld.rationale),
  ];
  const told = notHeld.panelTold;
  if (told) {
    return caseFrame({
      ...frame,
      subtitle: `${subtitle}: the Panel has been told`,
      body: [...agreed, textBlock(`The Panel was told at ${when(told.sentAt, now)} (recorded by ${actorWords(told.by)}). Nothing more is needed.`, { color: 'Good' })],
    });
  }
  return caseFrame({
    ...frame,
    subtitle: `${subtitle}: tell the Panel`,
    body: [
      ...agreed,
      subheading('Tell the Panel'),
      textBlock(
        'Business unit: notify the Child Safeguarding Practice Review Panel of this decision with its rationale, then record when it was sent. The procedure sets no deadline for it; the monitoring tab shows the case as waiting for it until then.',
        { size: 'Medium' },
      ),
      dateInput('sentDate', 'Date sent', draft, { errorMessage: 'Please give the date the Panel was told.', max: todayInLondon(now) }),
      timeInput('sentTime', 'Time sent (UK time)', draft, { errorMessage: 'Please give the time the Panel was told.' }),
    ],
    actions: [execute('Record when the Panel was told', 'noReview.panelTold', { caseRef }, { style: 'positive' })],
  });
}
