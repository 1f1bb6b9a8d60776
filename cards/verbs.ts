import { z } from 'zod';
import type { CardSpec } from '../workflow/effects.js';
import { JustificationSchema, LCSPR_METHODS, MilestoneSchema, ReviewerKindSchema, ToldAboutSchema } from '../workflow/localReview/words.js';
import { DisputeAboutSchema } from '../workflow/learningEvent/events.js';
import { AbuseOrNeglectSchema, CareLeaverSchema, HarmSchema, LocationSchema, NextStepSchema, ViewSchema } from '../workflow/events.js';

/**
 * What an Action.Execute on our cards sends back: `verb` plus `data`, where `data` is the card's
 * own `data` merged with the values of the card's inputs, all as strings. Teams omits an empty
 * input or sends "" for it, so free text defaults to "" and the procedure (not this schema) says
 * what is missing or too long, in words the user can act on. Choices are strict: a value outside
 * the list did not come from our card. Nothing here identifies the clicker: the bot takes the
 * identity from the validated activity, never from card data, which anyone could forge.
 */

// Generous ceilings that only stop abuse; the procedure enforces RATIONALE_MAX with a message.
const FREE_TEXT_MAX = 20_000;
const SHORT_TEXT_MAX = 1_000;
const URL_MAX = 4_000;

const CaseRef = z.string().trim().min(1).max(100);
const FreeText = z.string().max(FREE_TEXT_MAX).default('');
const OptionalFreeText = z.string().max(FREE_TEXT_MAX).optional();
const ShortText = z.string().max(SHORT_TEXT_MAX).default('');
/** Input.Date sends YYYY-MM-DD. */
const DateInput = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** Input.Time sends HH:mm; some clients add seconds. */
const TimeInput = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a time HH:mm');

/**
 * Card kinds that need no further parameter, so a button can ask the bot to show one. Kinds that
 * take an `about`, a dispute `stage` or an `agency` are left out: `case.show` carries only the kind.
 */
export const SHOWABLE_CARD_KINDS = [
  'initialViewRequest',
  'partnerDecision',
  'decisionRecorded',
  'disputeOpened',
  'panelNotificationRequest',
  'panelNotificationConfirmed',
  'nextStepRequest',
  'nextStepChosen',
  'meetingOutcomeRequest',
  'disputeEscalated',
  'finalDecisionRequest',
  'decisionReopened',
  'scrutineerReview',
  'rapidReviewSetup',
  'rapidReviewBoard',
  'attendanceRequest',
  'papersPrompt',
  'rapidReviewOutcomeRequest',
  'rapidReviewCompleted',
  'statutoryNotificationRequest',
  'noRapidReview',
  'lcsprDecision',
  'lcsprDispute',
  'lcsprDecided',
  'lcsprChaser',
  'rapidReviewApproved',
  'rapidReviewSendPrompt',
  // The local review (LCSPR).
  'localReviewBoard',
  'localReviewLetter',
  'localReviewReminder',
  'localReviewOverdue',
  'localReviewJustification',
  'learningEvent',
  'learningEventChaser',
  'reviewGroupDispute',
  'reviewGroupDisputeChaser',
  'actionsBoard',
  'actionsReport',
  'reviewCosts',
] as const satisfies readonly Exclude<CardSpec, { about: unknown } | { stage: unknown } | { agency: unknown } | { action: unknown }>['kind'][];
export const ShowableCardKindSchema = z.enum(SHOWABLE_CARD_KINDS);
export type ShowableCardKind = z.infer<typeof ShowableCardKindSchema>;

/** The case version the card showed, so a click on an out-of-date card can be recognised. */
const AsOf = z.string().regex(/^\d{1,9}$/).optional();

/** The dispute stage, as the card's own data carries it (DOMAIN steps 5-6). */
const StageData = z.enum(['1', '2']);

/** An agency's id as the configuration spells it (see AgencySchema). */
const AgencyId = z.string().regex(/^[a-z0-9-]{2,40}$/, 'must be an agency id');
/**
 * What Input.ChoiceSet with isMultiSelect sends: the chosen values, comma-separated. Nothing
 * chosen arrives as "" (or not at all) and reaches the procedure, which asks for an agency.
 */
const AgencyIdList = z
  .string()
  .max(SHORT_TEXT_MAX * 4)
  .regex(/^([a-z0-9-]{2,40}(,[a-z0-9-]{2,40})*)?$/, 'must be agency ids, comma-separated')
  .default('');

/** The agency ids a `review.setup` sent, in the order chosen, each once. */
export function agencyIdsOf(list: string): string[] {
  return [...new Set(list.split(',').filter((id) => id !== ''))];
}

const YesNo = z.enum(['yes', 'no']);
/** Multi-select choices (a learning event's methods and leads: "desktop", "partner:police", "agency:gp"), comma-separated. */
const ChoiceList = z.string().max(SHORT_TEXT_MAX * 4).regex(/^([a-zA-Z0-9:-]+(,[a-zA-Z0-9:-]+)*)?$/, 'must be values, comma-separated').default('');
/** Input.Toggle always sends one of its two values; anything else did not come from our card. */
const Toggle = z.enum(['true', 'false']);

/** The partners present, as Input.ChoiceSet with isMultiSelect sends them: comma-separated. */
const PartnerList = z
  .string()
  .max(200)
  .regex(/^((localAuthority|police|health)(,(localAuthority|police|health))*)?$/, 'must be partners, comma-separated')
  .default('');

/** A date and time something was sent, as the two inputs send them. */
const SentAt = { sentDate: DateInput, sentTime: TimeInput };

// Recommendations and actions, costs (issue 17).
const ReviewKindData = z.enum(['rapidReview', 'lcspr', 'learningEvent']);
/** An action's or a recommendation's id within the case, as the procedure numbers them (A1, R2). */
const ActionId = z.string().regex(/^A\d{1,4}$/, 'must be an action id');
const RecommendationId = z.string().regex(/^R\d{1,4}$/, 'must be a recommendation id');
/** "agency:gp" or "partner:police": the owner chosen from the card's list. */
const OwnerChoice = z.string().regex(/^(agency:[a-z0-9-]{2,40}|partner:(localAuthority|police|health))$/, 'must be an agency or a partner');

/** "localAuthority:40, police:30" as the procedure's shares, or undefined when it is not written that way. */
export function sharesOf(text: string): { payer: string; percent: number }[] | undefined {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const shares = parts.map((part) => /^([a-zA-Z0-9-]{2,40})\s*:\s*(\d{1,3}(?:\.\d{1,2})?)\s*%?$/.exec(part));
  if (shares.some((m) => m === null)) return undefined;
  return shares.map((m) => ({ payer: m![1]!, percent: Number(m![2]) }));
}

/**
 * Every verb our cards may send, with the schema of its data: the ONE place a verb is named. Cards
 * take their verbs from here (`execute` is typed by it), the bot answers each through its route in
 * app/cardRoutes/, and a test checks the two agree.
 */
export const VERB_DATA_SCHEMAS = {
  /** A person records their own absence, from Outlook's suggestion (cards/awaySuggestion.ts); who is away comes from the activity. */
  'absence.record': z.object({ first: DateInput, last: DateInput }),
  'referral.submit': z.object({
    caseRef: ShortText,
    referringAgency: ShortText,
    awareDate: DateInput,
    awareTime: TimeInput,
    harm: HarmSchema,
    location: LocationSchema,
    lookedAfter: Toggle,
    // Only a string here: the bot checks it is a URL into the document store and says so in words.
    documentUrl: z.string().trim().max(URL_MAX).default(''),
    // The notification criteria (002 Section B): asked on the form, required.
    abuseOrNeglect: AbuseOrNeglectSchema,
    // The choice always sends a value; an older form without it meant "not a care leaver".
    careLeaver: CareLeaverSchema.default('no'),
  }),
  'initialView.submit': z.object({ caseRef: CaseRef, view: ViewSchema, rationale: FreeText }),
  /** The other view-giver concurs with the drafted initial view (002 Section B step 3). */
  'initialView.concur': z.object({ caseRef: CaseRef }),
  'partner.agree': z.object({ caseRef: CaseRef, comment: OptionalFreeText, asOf: AsOf }),
  'partner.disagree': z.object({ caseRef: CaseRef, rationale: FreeText, asOf: AsOf }),
  'panel.confirm': z.object({ caseRef: CaseRef, ...SentAt, panelReference: ShortText }),
  'nextStep.submit': z.object({ caseRef: CaseRef, step: NextStepSchema, rationale: FreeText }),
  /** The business unit records a meeting it arranged by hand, after the bot could not book it. */
  'meeting.arrange': z.object({
    caseRef: CaseRef,
    stage: StageData,
    date: DateInput,
    time: TimeInput,
    // Optional: a meeting in a room needs no link. The bot checks it is an https:// link, in words.
    joinUrl: z.string().trim().max(URL_MAX).optional(),
  }),
  /** "Agreed" carries what was agreed, so one required choice says it all and nothing can be half-given. */
  'dispute.outcome': z.object({ caseRef: CaseRef, outcome: z.enum(['agreedNotify', 'agreedDoNotNotify', 'notResolved']), rationale: FreeText }),
  'decision.final': z.object({ caseRef: CaseRef, decision: ViewSchema, rationale: FreeText, scrutineerAttended: Toggle }),
  'decision.reopen': z.object({ caseRef: CaseRef, reason: FreeText }),
  /** The local authority records when it notified the Secretary of State and Ofsted. */
  'statutory.record': z.object({ caseRef: CaseRef, ...SentAt }),
  /** The business unit records the partners' decision not to hold a rapid review. */
  'noReview.record': z.object({ caseRef: CaseRef, partnersAgreed: Toggle, scrutineerOversight: Toggle, rationale: FreeText }),
  /** The business unit records when the Panel was told of it. */
  'noReview.panelTold': z.object({ caseRef: CaseRef, ...SentAt }),
  /** The business unit sets up the rapid review: its meeting, the agencies asked, the return date. */
  'review.setup': z.object({
    caseRef: CaseRef,
    meetingDate: DateInput,
    meetingTime: TimeInput,
    agencies: AgencyIdList,
    // Optional: empty means the default, the working day before the papers go out.
    returnsDate: z.union([z.literal(''), DateInput]).optional(),
    // The toggle is on the card only where a domestic abuse service is configured.
    includeDomesticAbuse: Toggle.optional(),
  }),
  /** The agency's card carries the agency: one person may act for several agencies. */
  'scoping.return': z.object({
    caseRef: CaseRef,
    agency: AgencyId,
    // Only a string here: the procedure checks it is a link into the document store, in words.
    documentUrl: z.string().trim().max(URL_MAX).default(''),
  }),
  'scoping.noInvolvement': z.object({ caseRef: CaseRef, agency: AgencyId }),
  'scoping.extension': z.object({ caseRef: CaseRef, agency: AgencyId, reason: FreeText, proposedDate: DateInput }),
  'extension.decide': z.object({ caseRef: CaseRef, agency: AgencyId, decision: z.enum(['agree', 'decline']) }),
  'review.attendance': z.object({ caseRef: CaseRef, attending: YesNo }),
  /** The review group chair records the meeting: who attended and the group's LCSPR recommendation. */
  'review.outcome': z.object({
    caseRef: CaseRef,
    attended: PartnerList,
    invitedAttended: AgencyIdList,
    lcsprRecommended: YesNo,
    rationale: FreeText,
    linesOfEnquiry: OptionalFreeText,
    methodology: OptionalFreeText,
  }),
  'review.approve': z.object({ caseRef: CaseRef }),
  'review.sent': z.object({ caseRef: CaseRef, ...SentAt, dfeDate: DateInput.optional(), dfeTime: TimeInput.optional() }),
  'lcspr.agree': z.object({ caseRef: CaseRef, comment: OptionalFreeText }),
  'lcspr.disagree': z.object({ caseRef: CaseRef, rationale: FreeText }),
  'lcspr.decide': z.object({ caseRef: CaseRef, lcspr: YesNo, rationale: FreeText }),
  // The local review (LCSPR), issue 17: the business unit's forms on its board card (cards/localReview.ts).
  'localReview.open': z.object({ caseRef: CaseRef, decidedDate: DateInput, decidedTime: TimeInput, rationale: FreeText }),
  'localReview.lead': z.object({ caseRef: CaseRef, leadPartnership: ShortText, weLead: Toggle, involved: ShortText, lookedAfter: Toggle.optional(), responsibleAuthority: ShortText, leadReason: OptionalFreeText }),
  // Each form's inputs have their own ids: several forms sit on the one board card.
  'localReview.told': z.object({ caseRef: CaseRef, about: ToldAboutSchema, toldDate: DateInput, toldTime: TimeInput }),
  'localReview.commission': z.object({
    caseRef: CaseRef,
    // Not "...Name": a field named like an identity would look like a place for the clicker's (test/cards/verbs.test.ts).
    reviewer: ShortText,
    reviewerKind: ReviewerKindSchema,
    independence: FreeText,
    conflicts: FreeText,
    // Input.ChoiceSet with isMultiSelect sends the ticked values comma-separated; empty is refused by the procedure in words.
    methodology: z.string().max(SHORT_TEXT_MAX).regex(new RegExp(`^((${LCSPR_METHODS.join('|')})(,(${LCSPR_METHODS.join('|')}))*)?$`), 'must be methods from the menu, comma-separated').default(''),
    // Only a string here: the procedure checks it is a link into the document store, in words.
    termsOfReferenceUrl: z.string().trim().max(URL_MAX).default(''),
    familyPlanned: Toggle,
    familyNote: OptionalFreeText,
    practitionersPlanned: Toggle,
    practitionerNote: OptionalFreeText,
  }),
  'localReview.plan': z.object({ caseRef: CaseRef, planMilestone: MilestoneSchema, planDate: DateInput }),
  'localReview.done': z.object({ caseRef: CaseRef, doneMilestone: MilestoneSchema, doneDate: DateInput, publish: z.union([z.literal(''), YesNo]).optional() }),
  'localReview.publication': z.object({ caseRef: CaseRef, publicationDate: DateInput }),
  'localReview.copySent': z.object({ caseRef: CaseRef, copyDate: DateInput, copyTime: TimeInput }),
  'localReview.justify': z.object({ caseRef: CaseRef, justifies: JustificationSchema, justification: FreeText, justifiedDate: DateInput, justifiedTime: TimeInput }),
  'localReview.published': z.object({ caseRef: CaseRef, publishedDate: DateInput, url: z.string().trim().max(URL_MAX).default('') }),
  'case.history': z.object({
    caseRef: CaseRef,
    /** The card the history's "Back" button returns to; absent means the card for the case's stage. */
    returnTo: ShowableCardKindSchema.optional(),
  }),
  'case.show': z.object({ caseRef: CaseRef, card: ShowableCardKindSchema }),
  'case.export': z.object({ caseRef: CaseRef }),
  // Recommendations and actions, costs (issue 17): app/cardRoutes/actions.ts.
  'action.recommend': z.object({ caseRef: CaseRef, review: ReviewKindData, text: FreeText, expectedImpact: FreeText }),
  'action.agree': z.object({ caseRef: CaseRef, recommendation: RecommendationId, owner: OwnerChoice, dueDate: DateInput, done: FreeText }),
  // Only a string here: the procedure checks it is a link into the document store, in words.
  'action.complete': z.object({ caseRef: CaseRef, action: ActionId, documentUrl: z.string().trim().max(URL_MAX).default('') }),
  'action.impact': z.object({ caseRef: CaseRef, action: ActionId, documentUrl: z.string().trim().max(URL_MAX).default(''), impact: FreeText }),
  'action.move': z.object({ caseRef: CaseRef, action: ActionId, newDueDate: DateInput, reason: FreeText }),
  'review.executiveTold': z.object({ caseRef: CaseRef, concludedReview: ReviewKindData, toldDate: DateInput, toldTime: TimeInput }),
  // Only text for the pounds and the shares: the bot reads them and says in words what is wrong.
  'costs.record': z.object({ caseRef: CaseRef, review: ReviewKindData, estimate: ShortText, model: z.enum(['option1', 'option2']), shares: ShortText }),
  // Issue 17: the local learning event (002 Section C) and review-group disputes (8.2). Multi-select
  // choices arrive comma-separated; the procedure checks them against the menu and the roster.
  'learningEvent.decision': z.object({ caseRef: CaseRef, decidedOn: DateInput, rationale: FreeText }),
  'learningEvent.setUp': z.object({ caseRef: CaseRef, methods: ChoiceList, leads: ChoiceList, termsOfReferenceUrl: z.string().trim().max(URL_MAX).default('') }),
  'learningEvent.report': z.object({ caseRef: CaseRef, documentUrl: z.string().trim().max(URL_MAX).default('') }),
  'learningEvent.approve': z.object({ caseRef: CaseRef, approvedOn: DateInput }),
  'learningEvent.disseminate': z.object({ caseRef: CaseRef, disseminatedOn: DateInput, how: FreeText }),
  'reviewGroupDispute.open': z.object({ caseRef: CaseRef, about: DisputeAboutSchema, reason: FreeText }),
  /** "Agreed" carries what was agreed, so one required choice says it all. */
  'reviewGroupDispute.outcome': z.object({ caseRef: CaseRef, outcome: z.enum(['agreedMet', 'agreedNotMet', 'notResolved']), rationale: FreeText }),
  'reviewGroupDispute.decide': z.object({ caseRef: CaseRef, criteriaMet: YesNo, rationale: FreeText }),
} as const;

export type Verb = keyof typeof VERB_DATA_SCHEMAS;
export const VERBS = Object.keys(VERB_DATA_SCHEMAS) as Verb[];

/** A verb's data once parsed (defaults filled in). */
export type VerbData<V extends Verb> = z.output<(typeof VERB_DATA_SCHEMAS)[V]>;

/** What a card puts in an action's own `data` (the inputs supply the rest when clicked). */
export type VerbCardData<V extends Verb> = Partial<z.input<(typeof VERB_DATA_SCHEMAS)[V]>>;

/** One parsed action, for each verb: `{ verb, data }` with that verb's data. */
export type CardAction = { [V in Verb]: { verb: V; data: VerbData<V> } }[Verb];

/**
 * The invoke's `value.action` (`{ type, verb, data }`) parses directly: `type` is dropped. Built
 * from the map above, so it cannot know a verb the map does not.
 */
export const CardActionSchema = z.discriminatedUnion(
  'verb',
  VERBS.map((verb) => z.object({ verb: z.literal(verb), data: VERB_DATA_SCHEMAS[verb] })) as unknown as [z.ZodObject<{ verb: z.ZodLiteral<Verb> }>],
) as unknown as z.ZodType<CardAction, unknown>;

export type DisputeOutcomeChoice = VerbData<'dispute.outcome'>['outcome'];
export type ReviewOutcomeData = VerbData<'review.outcome'>;
