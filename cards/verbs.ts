import { z } from 'zod';
import type { CardSpec } from '../workflow/effects.js';
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
] as const satisfies readonly Exclude<CardSpec, { about: unknown } | { stage: unknown } | { agency: unknown }>['kind'][];
export const ShowableCardKindSchema = z.enum(SHOWABLE_CARD_KINDS);
export type ShowableCardKind = z.infer<typeof ShowableCardKindSchema>;

export const ReferralSubmitDataSchema = z.object({
  caseRef: ShortText,
  referringAgency: ShortText,
  awareDate: DateInput,
  awareTime: TimeInput,
  harm: HarmSchema,
  location: LocationSchema,
  lookedAfter: z.enum(['true', 'false']),
  // Only a string here: the bot checks it is a URL into the document store and says so in words.
  documentUrl: z.string().trim().max(URL_MAX).default(''),
  // The notification criteria (002 Section B): asked on the form, required.
  abuseOrNeglect: AbuseOrNeglectSchema,
  // The choice always sends a value; an older form without it meant "not a care leaver".
  careLeaver: CareLeaverSchema.default('no'),
});

export const InitialViewSubmitDataSchema = z.object({
  caseRef: CaseRef,
  view: ViewSchema,
  rationale: FreeText,
});

/** The case version the card showed, so a click on an out-of-date card can be recognised. */
const AsOf = z.string().regex(/^\d{1,9}$/).optional();

export const PartnerAgreeDataSchema = z.object({
  caseRef: CaseRef,
  comment: OptionalFreeText,
  asOf: AsOf,
});

export const PartnerDisagreeDataSchema = z.object({
  caseRef: CaseRef,
  rationale: FreeText,
  asOf: AsOf,
});

export const PanelConfirmDataSchema = z.object({
  caseRef: CaseRef,
  sentDate: DateInput,
  sentTime: TimeInput,
  panelReference: ShortText,
});

export const NextStepSubmitDataSchema = z.object({
  caseRef: CaseRef,
  step: NextStepSchema,
  rationale: FreeText,
});

/** The dispute stage, as the card's own data carries it (DOMAIN steps 5-6). */
const StageData = z.enum(['1', '2']);

/** The business unit records a meeting it arranged by hand, after the bot could not book it. */
export const MeetingArrangeDataSchema = z.object({
  caseRef: CaseRef,
  stage: StageData,
  date: DateInput,
  time: TimeInput,
  // Optional: a meeting in a room needs no link. The bot checks it is an https:// link, in words.
  joinUrl: z.string().trim().max(URL_MAX).optional(),
});

/** "Agreed" carries what was agreed, so one required choice says it all and nothing can be half-given. */
export const DisputeOutcomeSchema = z.enum(['agreedNotify', 'agreedDoNotNotify', 'notResolved']);
export type DisputeOutcomeChoice = z.infer<typeof DisputeOutcomeSchema>;

export const DisputeOutcomeDataSchema = z.object({
  caseRef: CaseRef,
  outcome: DisputeOutcomeSchema,
  rationale: FreeText,
});

export const FinalDecisionDataSchema = z.object({
  caseRef: CaseRef,
  decision: ViewSchema,
  rationale: FreeText,
  // Input.Toggle always sends one of its two values; anything else did not come from our card.
  scrutineerAttended: z.enum(['true', 'false']),
});

export const DecisionReopenDataSchema = z.object({
  caseRef: CaseRef,
  reason: FreeText,
});

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

/** The business unit sets up the rapid review: its meeting, the agencies asked, the return date. */
export const ReviewSetupDataSchema = z.object({
  caseRef: CaseRef,
  meetingDate: DateInput,
  meetingTime: TimeInput,
  agencies: AgencyIdList,
  // Optional: empty means the default, the working day before the papers go out.
  returnsDate: z.union([z.literal(''), DateInput]).optional(),
  // The toggle is on the card only where a domestic abuse service is configured.
  includeDomesticAbuse: z.enum(['true', 'false']).optional(),
});

/** The agency's card carries the agency: one person may act for several agencies. */
export const ScopingReturnDataSchema = z.object({
  caseRef: CaseRef,
  agency: AgencyId,
  // Only a string here: the procedure checks it is a link into the document store, in words.
  documentUrl: z.string().trim().max(URL_MAX).default(''),
});

export const ScopingNoInvolvementDataSchema = z.object({
  caseRef: CaseRef,
  agency: AgencyId,
});

export const ScopingExtensionDataSchema = z.object({
  caseRef: CaseRef,
  agency: AgencyId,
  reason: FreeText,
  proposedDate: DateInput,
});

export const ExtensionDecisionSchema = z.enum(['agree', 'decline']);

export const ExtensionDecideDataSchema = z.object({
  caseRef: CaseRef,
  agency: AgencyId,
  decision: ExtensionDecisionSchema,
});

const YesNo = z.enum(['yes', 'no']);

export const ReviewAttendanceDataSchema = z.object({
  caseRef: CaseRef,
  attending: YesNo,
});

/** The partners present, as Input.ChoiceSet with isMultiSelect sends them: comma-separated. */
const PartnerList = z
  .string()
  .max(200)
  .regex(/^((localAuthority|police|health)(,(localAuthority|police|health))*)?$/, 'must be partners, comma-separated')
  .default('');

/** The review group chair records the meeting: who attended and the group's LCSPR recommendation. */
export const ReviewOutcomeDataSchema = z.object({
  caseRef: CaseRef,
  attended: PartnerList,
  invitedAttended: AgencyIdList,
  lcsprRecommended: YesNo,
  rationale: FreeText,
  linesOfEnquiry: OptionalFreeText,
  methodology: OptionalFreeText,
});

export const LcsprAgreeDataSchema = z.object({ caseRef: CaseRef, comment: OptionalFreeText });
export const LcsprDisagreeDataSchema = z.object({ caseRef: CaseRef, rationale: FreeText });
export const LcsprDecideDataSchema = z.object({ caseRef: CaseRef, lcspr: YesNo, rationale: FreeText });
export const ReviewApproveDataSchema = z.object({ caseRef: CaseRef });
export const ReviewSentDataSchema = z.object({ caseRef: CaseRef, sentDate: DateInput, sentTime: TimeInput, dfeDate: DateInput, dfeTime: TimeInput });

export const CaseHistoryDataSchema = z.object({
  caseRef: CaseRef,
  /** The card the history's "Back" button returns to; absent means the card for the case's stage. */
  returnTo: ShowableCardKindSchema.optional(),
});

export const CaseShowDataSchema = z.object({
  caseRef: CaseRef,
  card: ShowableCardKindSchema,
});

export const CaseExportDataSchema = z.object({
  caseRef: CaseRef,
});

/** The local authority records when it notified the Secretary of State and Ofsted. */
export const StatutoryRecordDataSchema = z.object({
  caseRef: CaseRef,
  sentDate: DateInput,
  sentTime: TimeInput,
});

/** The business unit records the partners' decision not to hold a rapid review (toggles always send one of their values). */
export const NoReviewRecordDataSchema = z.object({
  caseRef: CaseRef,
  partnersAgreed: z.enum(['true', 'false']),
  scrutineerOversight: z.enum(['true', 'false']),
  rationale: FreeText,
});

/** The business unit records when the Panel was told of it. */
export const NoReviewPanelToldDataSchema = z.object({
  caseRef: CaseRef,
  sentDate: DateInput,
  sentTime: TimeInput,
});

/** The other view-giver concurs with the drafted initial view (002 Section B step 3). */
export const InitialViewConcurDataSchema = z.object({
  caseRef: CaseRef,
});

/** Each verb with the schema of its data; the single source for the union below and for tests. */
export const VERB_DATA_SCHEMAS = {
  'referral.submit': ReferralSubmitDataSchema,
  'initialView.submit': InitialViewSubmitDataSchema,
  'partner.agree': PartnerAgreeDataSchema,
  'partner.disagree': PartnerDisagreeDataSchema,
  'panel.confirm': PanelConfirmDataSchema,
  'nextStep.submit': NextStepSubmitDataSchema,
  'meeting.arrange': MeetingArrangeDataSchema,
  'dispute.outcome': DisputeOutcomeDataSchema,
  'decision.final': FinalDecisionDataSchema,
  'decision.reopen': DecisionReopenDataSchema,
  'review.setup': ReviewSetupDataSchema,
  'scoping.return': ScopingReturnDataSchema,
  'scoping.noInvolvement': ScopingNoInvolvementDataSchema,
  'scoping.extension': ScopingExtensionDataSchema,
  'extension.decide': ExtensionDecideDataSchema,
  'review.attendance': ReviewAttendanceDataSchema,
  'review.outcome': ReviewOutcomeDataSchema,
  'case.history': CaseHistoryDataSchema,
  'case.show': CaseShowDataSchema,
  'case.export': CaseExportDataSchema,
  'statutory.record': StatutoryRecordDataSchema,
  'noReview.record': NoReviewRecordDataSchema,
  'noReview.panelTold': NoReviewPanelToldDataSchema,
  'lcspr.agree': LcsprAgreeDataSchema,
  'lcspr.disagree': LcsprDisagreeDataSchema,
  'lcspr.decide': LcsprDecideDataSchema,
  'review.approve': ReviewApproveDataSchema,
  'review.sent': ReviewSentDataSchema,
  'initialView.concur': InitialViewConcurDataSchema,
} as const;

export type Verb = keyof typeof VERB_DATA_SCHEMAS;
export const VERBS = Object.keys(VERB_DATA_SCHEMAS) as Verb[];

/** What a card puts in an action's own `data` (the inputs supply the rest when clicked). */
export type VerbCardData<V extends Verb> = Partial<z.input<(typeof VERB_DATA_SCHEMAS)[V]>>;

/**
 * The invoke's `value.action` (`{ type, verb, data }`) parses directly: `type` is dropped.
 */
export const CardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('referral.submit'), data: ReferralSubmitDataSchema }),
  z.object({ verb: z.literal('initialView.submit'), data: InitialViewSubmitDataSchema }),
  z.object({ verb: z.literal('partner.agree'), data: PartnerAgreeDataSchema }),
  z.object({ verb: z.literal('partner.disagree'), data: PartnerDisagreeDataSchema }),
  z.object({ verb: z.literal('panel.confirm'), data: PanelConfirmDataSchema }),
  z.object({ verb: z.literal('nextStep.submit'), data: NextStepSubmitDataSchema }),
  z.object({ verb: z.literal('meeting.arrange'), data: MeetingArrangeDataSchema }),
  z.object({ verb: z.literal('dispute.outcome'), data: DisputeOutcomeDataSchema }),
  z.object({ verb: z.literal('decision.final'), data: FinalDecisionDataSchema }),
  z.object({ verb: z.literal('decision.reopen'), data: DecisionReopenDataSchema }),
  z.object({ verb: z.literal('review.setup'), data: ReviewSetupDataSchema }),
  z.object({ verb: z.literal('scoping.return'), data: ScopingReturnDataSchema }),
  z.object({ verb: z.literal('scoping.noInvolvement'), data: ScopingNoInvolvementDataSchema }),
  z.object({ verb: z.literal('scoping.extension'), data: ScopingExtensionDataSchema }),
  z.object({ verb: z.literal('extension.decide'), data: ExtensionDecideDataSchema }),
  z.object({ verb: z.literal('review.attendance'), data: ReviewAttendanceDataSchema }),
  z.object({ verb: z.literal('review.outcome'), data: ReviewOutcomeDataSchema }),
  z.object({ verb: z.literal('case.history'), data: CaseHistoryDataSchema }),
  z.object({ verb: z.literal('case.show'), data: CaseShowDataSchema }),
  z.object({ verb: z.literal('case.export'), data: CaseExportDataSchema }),
  z.object({ verb: z.literal('statutory.record'), data: StatutoryRecordDataSchema }),
  z.object({ verb: z.literal('noReview.record'), data: NoReviewRecordDataSchema }),
  z.object({ verb: z.literal('noReview.panelTold'), data: NoReviewPanelToldDataSchema }),
  z.object({ verb: z.literal('lcspr.agree'), data: LcsprAgreeDataSchema }),
  z.object({ verb: z.literal('lcspr.disagree'), data: LcsprDisagreeDataSchema }),
  z.object({ verb: z.literal('lcspr.decide'), data: LcsprDecideDataSchema }),
  z.object({ verb: z.literal('review.approve'), data: ReviewApproveDataSchema }),
  z.object({ verb: z.literal('review.sent'), data: ReviewSentDataSchema }),
  z.object({ verb: z.literal('initialView.concur'), data: InitialViewConcurDataSchema }),
]);
export type CardAction = z.infer<typeof CardActionSchema>;

export type ReferralSubmitData = z.infer<typeof ReferralSubmitDataSchema>;
export type InitialViewSubmitData = z.infer<typeof InitialViewSubmitDataSchema>;
export type PartnerAgreeData = z.infer<typeof PartnerAgreeDataSchema>;
export type PartnerDisagreeData = z.infer<typeof PartnerDisagreeDataSchema>;
export type PanelConfirmData = z.infer<typeof PanelConfirmDataSchema>;
export type NextStepSubmitData = z.infer<typeof NextStepSubmitDataSchema>;
export type MeetingArrangeData = z.infer<typeof MeetingArrangeDataSchema>;
export type DisputeOutcomeData = z.infer<typeof DisputeOutcomeDataSchema>;
export type FinalDecisionData = z.infer<typeof FinalDecisionDataSchema>;
export type DecisionReopenData = z.infer<typeof DecisionReopenDataSchema>;
export type ReviewSetupData = z.infer<typeof ReviewSetupDataSchema>;
export type ScopingReturnData = z.infer<typeof ScopingReturnDataSchema>;
export type ScopingNoInvolvementData = z.infer<typeof ScopingNoInvolvementDataSchema>;
export type ScopingExtensionData = z.infer<typeof ScopingExtensionDataSchema>;
export type ExtensionDecision = z.infer<typeof ExtensionDecisionSchema>;
export type ExtensionDecideData = z.infer<typeof ExtensionDecideDataSchema>;
export type ReviewAttendanceData = z.infer<typeof ReviewAttendanceDataSchema>;
export type ReviewOutcomeData = z.infer<typeof ReviewOutcomeDataSchema>;
export type CaseHistoryData = z.infer<typeof CaseHistoryDataSchema>;
export type CaseShowData = z.infer<typeof CaseShowDataSchema>;
export type CaseExportData = z.infer<typeof CaseExportDataSchema>;
export type StatutoryRecordData = z.infer<typeof StatutoryRecordDataSchema>;
export type NoReviewRecordData = z.infer<typeof NoReviewRecordDataSchema>;
export type NoReviewPanelToldData = z.infer<typeof NoReviewPanelToldDataSchema>;
