import { z } from 'zod';
import type { Verb } from '../cards/verbs.js';
import type { CardSpec } from '../workflow/effects.js';

/**
 * The link to act that an email carries, and what it may ask: `<base>/act/?case=<ref>&do=<what>`
 * (and `&agency=<id>` for an agency's scoping request, `&action=<id>` for an action's owner). It
 * names the case and the request only: no token, no person, nothing of the child. Who acts comes
 * from the sign-in, never from the link.
 *
 * One table says, per request, which card the page shows and which of that card's verbs the page
 * may send: the same card and verbs a Teams click uses, so the page offers exactly what the card
 * offers and nothing else (not the history, not the export). Every card the procedure addresses to
 * a person can reach them by email (email-only people, and anyone whose card was undeliverable),
 * so every verb of such a card is either here or in TEAMS_ONLY with the reason (checked by
 * test/app/actLinkCoverage.test.ts against every card as rendered for a person).
 */

const CaseRefSchema = z.string().min(1).max(40).regex(/^[A-Za-z0-9-]+$/);
const AgencyIdSchema = z.string().regex(/^[a-z0-9-]{2,40}$/);
/** An action's id within its case, as the procedure numbers them (A1, A2). */
const ActionIdSchema = z.string().regex(/^A\d{1,4}$/);

const about = <D extends string>(what: D) => z.object({ case: CaseRefSchema, do: z.literal(what) });

export const ActRequestSchema = z.discriminatedUnion('do', [
  /** A partner's reply to the initial view, with its rationale. */
  about('reply'),
  /** An agency's scoping return, no involvement, or a request for more time. */
  z.object({ case: CaseRefSchema, do: z.literal('scoping'), agency: AgencyIdSchema }),
  /** The local authority's director and the review group chair: the joint initial view. */
  about('initialView'),
  /** The review group chair: the next step after a decision not to notify. */
  about('nextStep'),
  /** The local authority: the notification sent to the Panel. */
  about('panelNotification'),
  /** The local authority: the Secretary of State and Ofsted told of a looked-after child's death. */
  about('statutoryNotification'),
  /** The chair of the partners' dispute meeting (stage 1): its outcome. */
  about('meetingOutcome'),
  /** The decision maker (stage 2): the final decision, or reopening it on new information. */
  about('finalDecision'),
  /** A partner representative: attending the rapid review meeting or not. */
  about('attendance'),
  /** The review group chair: the rapid review meeting's outcome and the approval. */
  about('reviewOutcome'),
  /** A partner's reply on holding a local child safeguarding practice review. */
  about('lcsprReply'),
  /** The partnership's decider on a disputed LCSPR decision. */
  about('lcsprDispute'),
  /** An action's owner: evidence of completion, then of impact. */
  z.object({ case: CaseRefSchema, do: z.literal('action'), action: ActionIdSchema }),
  /** The business unit's and the lead's prompts about a local learning event. */
  about('learningEvent'),
  /** The business unit's working card for a local review (LCSPR). */
  about('localReview'),
  /** The partners and the review group chair, or the decider: a review-group dispute (002 8.2). */
  about('reviewGroupDispute'),
]);
export type ActRequest = z.infer<typeof ActRequestSchema>;
export type ActRequestKind = ActRequest['do'];

export const ACT_VERBS: Record<ActRequestKind, readonly Verb[]> = {
  reply: ['partner.agree', 'partner.disagree'],
  scoping: ['scoping.return', 'scoping.noInvolvement', 'scoping.extension'],
  initialView: ['initialView.submit', 'initialView.concur'],
  nextStep: ['nextStep.submit'],
  panelNotification: ['panel.confirm'],
  statutoryNotification: ['statutory.record'],
  meetingOutcome: ['dispute.outcome'],
  finalDecision: ['decision.final', 'decision.reopen'],
  attendance: ['review.attendance'],
  reviewOutcome: ['review.outcome', 'review.approve'],
  lcsprReply: ['lcspr.agree', 'lcspr.disagree'],
  lcsprDispute: ['lcspr.decide'],
  action: ['action.complete', 'action.impact'],
  learningEvent: ['learningEvent.decision', 'learningEvent.setUp', 'learningEvent.report', 'learningEvent.approve', 'learningEvent.disseminate'],
  localReview: [
    'localReview.open',
    'localReview.lead',
    'localReview.told',
    'localReview.commission',
    'localReview.plan',
    'localReview.done',
    'localReview.publication',
    'localReview.copySent',
    'localReview.justify',
    'localReview.published',
  ],
  reviewGroupDispute: ['reviewGroupDispute.open', 'reviewGroupDispute.outcome', 'reviewGroupDispute.decide'],
};

const LOOKING_ROUND = 'Looking round the case (its history, its other cards, the export) is for Microsoft Teams and the tab: the page does only what the email asked.';
const MONITORING = "Asked of the business unit in its own monitoring channel in Teams, never of one person, so no email asks for it.";

/**
 * The verbs no email link offers, each with the reason. A verb is in ACT_VERBS or here, never both
 * and never neither (test/app/actLinkCoverage.test.ts).
 */
export const TEAMS_ONLY: Partial<Record<Verb, string>> = {
  'absence.record': "A person's own absence, not a request on a case: Outlook's suggestion comes on a 1:1 Teams card (app/awaySuggestions.ts) that is never emailed, and the \"away\" command records the same.",
  'referral.submit': 'The business unit logs a referral from its form in Teams; nothing is asked of anyone before the case exists.',
  'case.history': LOOKING_ROUND,
  'case.show': LOOKING_ROUND,
  'case.export': LOOKING_ROUND,
  'meeting.arrange': MONITORING,
  'review.setup': MONITORING,
  'extension.decide': MONITORING,
  'review.sent': MONITORING,
  'noReview.record': `${MONITORING} The scrutineer's copy of the card is for their oversight only.`,
  'noReview.panelTold': `${MONITORING} The scrutineer's copy of the card is for their oversight only.`,
  'action.recommend': `The review group's actions board: ${MONITORING}`,
  'action.agree': `The review group's actions board: ${MONITORING}`,
  'action.move': `The review group's actions board: ${MONITORING}`,
  'review.executiveTold': `The review group's actions board: ${MONITORING}`,
  'costs.record': "The review's costs card is opened from the actions board in Teams; it is never sent to anyone.",
};

/** Every verb the page may send, whatever the request. */
export const ALL_ACT_VERBS: ReadonlySet<string> = new Set(Object.values(ACT_VERBS).flat());

/** The card each request is about, as the bot would send it (the parameter-free ones). */
const CARD_OF: Record<Exclude<ActRequestKind, 'scoping' | 'action'>, CardSpec> = {
  reply: { kind: 'partnerDecision' },
  initialView: { kind: 'initialViewRequest' },
  nextStep: { kind: 'nextStepRequest' },
  panelNotification: { kind: 'panelNotificationRequest' },
  statutoryNotification: { kind: 'statutoryNotificationRequest' },
  meetingOutcome: { kind: 'meetingOutcomeRequest' },
  finalDecision: { kind: 'finalDecisionRequest' },
  attendance: { kind: 'attendanceRequest' },
  reviewOutcome: { kind: 'rapidReviewOutcomeRequest' },
  lcsprReply: { kind: 'lcsprDecision' },
  lcsprDispute: { kind: 'lcsprDispute' },
  learningEvent: { kind: 'learningEvent' },
  localReview: { kind: 'localReviewBoard' },
  reviewGroupDispute: { kind: 'reviewGroupDispute' },
};

/** The card the request is about, as the bot would send it. */
export function cardOf(request: ActRequest): CardSpec {
  if (request.do === 'scoping') return { kind: 'scopingRequest', agency: request.agency };
  if (request.do === 'action') return { kind: 'actionRequest', action: request.action };
  return CARD_OF[request.do];
}

/** Reminders and chasers are acted on through the request they chase. */
const CHASED: Partial<Record<CardSpec['kind'], Exclude<ActRequestKind, 'scoping' | 'action'>>> = {
  lcsprChaser: 'lcsprReply',
  learningEventChaser: 'learningEvent',
  localReviewReminder: 'localReview',
  localReviewOverdue: 'localReview',
  reviewGroupDisputeChaser: 'reviewGroupDispute',
};
const REMINDED: Record<Extract<CardSpec, { kind: 'reminder' }>['about'], Exclude<ActRequestKind, 'scoping' | 'action'>> = {
  initialView: 'initialView',
  partnerReply: 'reply',
  panelNotification: 'panelNotification',
  meetingOutcome: 'meetingOutcome',
};

/** The request an email about `card` can be acted on through, if any: cards that only tell have none. */
export function actRequestFor(caseRef: string, card: CardSpec): ActRequest | undefined {
  switch (card.kind) {
    case 'reminder':
      return { case: caseRef, do: REMINDED[card.about] };
    case 'scopingRequest':
    case 'scopingChaser':
    case 'scopingOverdue':
    case 'extensionAnswer':
      return { case: caseRef, do: 'scoping', agency: card.agency };
    case 'actionRequest':
    case 'actionChaser':
      return { case: caseRef, do: 'action', action: card.action };
    default: {
      const direct = (Object.keys(CARD_OF) as (keyof typeof CARD_OF)[]).find((kind) => CARD_OF[kind].kind === card.kind);
      const kind = direct ?? CHASED[card.kind];
      return kind ? { case: caseRef, do: kind } : undefined;
    }
  }
}

/** The page's address for a request, under the app's public base URL. */
export function actLink(publicBaseUrl: string, request: ActRequest): string {
  const url = new URL('/act/', publicBaseUrl);
  url.searchParams.set('case', request.case);
  url.searchParams.set('do', request.do);
  if (request.do === 'scoping') url.searchParams.set('agency', request.agency);
  if (request.do === 'action') url.searchParams.set('action', request.action);
  return url.toString();
}

/** The parameter a request's card data must carry the same (the agency acted for, the action). */
export function requestParameter(request: ActRequest): { field: 'agency' | 'action'; value: string } | undefined {
  if (request.do === 'scoping') return { field: 'agency', value: request.agency };
  if (request.do === 'action') return { field: 'action', value: request.action };
  return undefined;
}
