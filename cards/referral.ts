import type { PartnershipFile } from '../config/partnershipFile.js';
import type { CaseState } from '../workflow/state.js';
import type { AdaptiveCard, Choice } from './adaptiveCard.js';
import { adaptiveCard, execute, heading, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame, noticeBlock, openReferralDocument } from './caseFrame.js';
import type { Draft } from './inputs.js';
import { choiceInput, dateInput, lineInput, NO_NAMES_HINT, timeInput, todayInLondon, yesNoToggle } from './inputs.js';
import { referralFacts } from './referralFacts.js';
import { actorWords, HARM_WORDS, LOCATION_WORDS, when } from './wording.js';
import { ABUSE_OR_NEGLECT_WORDS, CARE_LEAVER_WORDS, withRole } from '../workflow/words.js';
import { isAdultCareLeaverDeath, statutoryNotificationReason } from '../workflow/steps/statutoryNotification.js';

const choicesOf = <K extends string>(words: Record<K, string>): Choice[] =>
  (Object.entries(words) as [K, string][]).map(([value, title]) => ({ title, value }));

/**
 * The business unit's form for a new referral (DOMAIN step 1-2). It asks only for what the
 * procedure needs and a link to the document, which stays in the document store: no field here
 * has room for who the child is.
 */
export function referralFormCard(ctx: { config: PartnershipFile; now: Date; notice?: string; draft?: Record<string, string> }): AdaptiveCard {
  const { config, now } = ctx;
  const draft: Draft = ctx.draft;
  const host = config.documentStoreHosts[0] ?? 'the document store';
  return adaptiveCard(
    [
      heading('New referral'),
      textBlock(`${config.partnership.name}: possible serious incident`, { weight: 'Bolder', spacing: 'None' }),
      ...(ctx.notice ? [noticeBlock(ctx.notice)] : []),
      textBlock(
        "Logging it asks the review group chair and the children's services director for the initial view, within one working day.",
      ),
      textBlock(NO_NAMES_HINT, { isSubtle: true, size: 'Small' }),
      lineInput('caseRef', 'Case reference', draft, {
        required: true,
        placeholder: 'e.g. RR-2026-014',
        maxLength: 40,
        regex: config.caseReferencePattern,
        errorMessage: "Use the partnership's case reference, e.g. RR-2026-014; never a name.",
      }),
      choiceInput('referringAgency', 'Referring agency', config.referringAgencies.map((a) => ({ title: a, value: a })), draft, {
        style: 'compact',
        placeholder: 'Choose the agency',
        errorMessage: 'Please choose the referring agency.',
      }),
      subheading('When the partnership became aware'),
      dateInput('awareDate', 'Date', draft, { errorMessage: 'Please give the date the partnership became aware.', max: todayInLondon(now) }),
      timeInput('awareTime', 'Time (UK time)', draft, { errorMessage: 'Please give the time the partnership became aware.' }),
      subheading('The incident'),
      choiceInput('harm', 'Harm', choicesOf(HARM_WORDS), draft, { errorMessage: 'Please choose death or serious harm.' }),
      choiceInput('location', 'Where', choicesOf(LOCATION_WORDS), draft, { errorMessage: 'Please choose where.' }),
      choiceInput('abuseOrNeglect', 'Abuse or neglect', choicesOf(ABUSE_OR_NEGLECT_WORDS), draft, { errorMessage: 'Please say whether abuse or neglect is known or suspected.' }),
      yesNoToggle('lookedAfter', 'Looked-after child', 'The child is looked after', draft),
      choiceInput('careLeaver', 'Care leaver (up to the 25th birthday)', choicesOf(CARE_LEAVER_WORDS), { careLeaver: 'no', ...draft }, { errorMessage: 'Please say whether this is a care leaver.' }),
      textBlock(
        "A looked-after child's or a care leaver's death: the local authority is also asked to notify the Secretary of State and Ofsted. A care leaver aged 18 to 24 is logged for the yearly figures, with no serious incident decision and no rapid review.",
        { isSubtle: true, size: 'Small' },
      ),
      lineInput('documentUrl', 'Link to the referral document', draft, {
        required: true,
        style: 'Url',
        placeholder: `https://${host}/…`,
        maxLength: 2000,
        regex: '^https://\\S+$',
        errorMessage: `Please give a https:// link into the document store (${config.documentStoreHosts.join(', ')}).`,
      }),
    ],
    [execute('Log referral', 'referral.submit', {}, { style: 'positive' })],
  );
}

/** The business unit's confirmation: what was logged, who is asked for what by when, and what follows. */
export function referralLoggedCard(state: CaseState, config: PartnershipFile, now: Date): AdaptiveCard {
  const statutory = statutoryNotificationReason(state.referral);
  const statutoryBlocks = statutory
    ? [
        subheading('Secretary of State and Ofsted'),
        textBlock(
          `Because ${statutory}, the local authority (${config.partners.localAuthority.representative.displayName} and deputies) is asked to notify the Secretary of State and Ofsted and record when. The procedure sets no deadline for it.`,
        ),
      ]
    : [];
  if (isAdultCareLeaverDeath(state.referral)) {
    return caseFrame({
      state,
      subtitle: 'Death of a care leaver logged',
      body: [
        textBlock(`Logged by ${actorWords(state.loggedBy)} at ${when(state.loggedAt, now)}.`),
        referralFacts(state, now),
        ...statutoryBlocks,
        subheading('What happens next'),
        textBlock('The death of a care leaver aged 18 to 24 does not need a rapid review: no initial view is asked for and the case is closed once logged. It is counted in the yearly figures.'),
      ],
      actions: [openReferralDocument(state)],
    });
  }
  return caseFrame({
    state,
    subtitle: 'Referral logged',
    body: [
      textBlock(`Logged by ${actorWords(state.loggedBy)} at ${when(state.loggedAt, now)}.`),
      referralFacts(state, now),
      subheading('Asked now'),
      textBlock(
        `${withRole(config.reviewGroupChair, 'reviewGroupChair')} and ${withRole(config.childrensServicesDirector, 'childrensServicesDirector')} are asked for the initial view **by ${when(state.initialViewDueAt, now)}**. Either may give it; if nobody does, this channel is told.`,
      ),
      subheading('What happens next'),
      textBlock(
        `The initial view goes to the three partners in ${config.channels.decision.label}. Each has one working day to agree or disagree; no reply counts as agreement.`,
      ),
      textBlock(`If the decision is to notify, the local authority must notify the Panel by **${when(state.panelNotificationDueAt, now)}** (5 working days from when the partnership became aware).`),
      ...statutoryBlocks,
    ],
    actions: [openReferralDocument(state)],
  });
}
