import { z } from 'zod';
import type { CaseEvent, NextStep, ReferralDetails } from './events.js';
import { PARTNER_NAMES } from './partnership.js';
import { VIEW_WORDS } from './decide.js';
import { deadlineInWords } from './calendar/words.js';

/**
 * A case's events as rows a person can read: who (and in which role) did what, when, and the
 * words they typed, verbatim. It is the evidence view (scrutineer, Panel, Ofsted, a coroner), so a
 * deemed agreement gets its own row marked `deemed`, never folded into the replies, and rows keep
 * the log's order and instants. Instants inside `what` carry the year unless `now` is given and
 * in the same year (a card read today); an export is read long after, so it omits `now`.
 */

export const TimelineRowSchema = z.object({
  /** The event's instant, ISO 8601 as stored in the log. */
  at: z.string(),
  /** The person who acted, or the partner / the bot when nobody did. */
  who: z.string(),
  role: z.string(),
  what: z.string(),
  /** Rationale, comment or reference exactly as typed. */
  detail: z.string().optional(),
  /** True only for an agreement deemed from silence. */
  deemed: z.boolean(),
});
export type TimelineRow = z.infer<typeof TimelineRowSchema>;

const BOT = { who: 'Recorded automatically', role: 'the bot' };


const HARM: Record<ReferralDetails['harm'], string> = { death: 'the child has died', seriousHarm: 'the child has been seriously harmed' };
const WHERE: Record<ReferralDetails['location'], string> = {
  inArea: "in the partnership's area",
  residentHarmedOutsideEngland: 'normally resident in the area, harmed outside England',
};
const STEP: Record<NextStep, string> = {
  reviewGroupWithScoping: 'discussion at the review group, with scoping returns',
  safeguardingLeadsMeeting: 'a safeguarding leads meeting',
  noFurtherAction: 'no further action',
};
const ABOUT = { initialView: 'the initial view', partnerReply: "the partners' replies", panelNotification: 'the Panel notification' } as const;

export function timeline(events: readonly CaseEvent[], now?: Date): TimelineRow[] {
  const at = (iso: string) => deadlineInWords(new Date(iso), now);
  return events.map((event) => row(event, at));
}

function row(event: CaseEvent, at: (iso: string) => string): TimelineRow {
  switch (event.type) {
    case 'ReferralLogged': {
      const r = event.referral;
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what:
          `Logged the referral from ${r.referringAgency}: ${HARM[r.harm]}, ${WHERE[r.location]}, ${r.lookedAfter ? 'a looked-after child' : 'not a looked-after child'}; ` +
          `partnership aware since ${at(r.awareAt)}. Initial view due by ${at(event.initialViewDueAt)}; Panel notification, if decided, due by ${at(event.panelNotificationDueAt)}.`,
        deemed: false,
      };
    }
    case 'InitialViewGiven':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Gave the initial view: ${VIEW_WORDS[event.view]}.`,
        detail: event.rationale,
        deemed: false,
      };
    case 'PartnerCardPosted':
      return { at: event.at, who: 'Bot', role: 'system', what: `Posted the initial view to the partners. Replies due by ${at(event.repliesDueAt)}; no reply by then counts as agreement.`, deemed: false };
    case 'PartnerReplied':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `${event.reply === 'agree' ? 'Agreed' : 'Disagreed'} for ${PARTNER_NAMES[event.partner]}${event.asAuthorOfView ? ', as author of the initial view' : ''}.`,
        ...(event.rationale ? { detail: event.rationale } : {}),
        deemed: false,
      };
    case 'AgreementDeemed':
      return {
        at: event.at,
        who: PARTNER_NAMES[event.partner],
        role: 'statutory partner',
        what: `Agreement deemed: no response by ${at(event.windowClosedAt)}.`,
        deemed: true,
      };
    case 'DecisionReached':
      return { at: event.at, ...BOT, what: `Decision: ${VIEW_WORDS[event.decision]}. All three partners agreed or were deemed to agree.`, deemed: false };
    case 'DisputeOpened':
      return {
        at: event.at,
        ...BOT,
        what: `Dispute opened: ${event.disagreeing.map((p) => PARTNER_NAMES[p]).join(', ')} disagreed. A meeting of the partner representatives is due by ${at(event.meetingDueAt)}.`,
        deemed: false,
      };
    case 'ReminderSent':
      return {
        at: event.at,
        ...BOT,
        what: `Reminder about ${ABOUT[event.about]} sent to ${event.to.length} ${event.to.length === 1 ? 'person' : 'people'}.`,
        deemed: false,
      };
    case 'OverdueRaised':
      return { at: event.at, ...BOT, what: `Monitoring channel told: ${ABOUT[event.about]} is overdue.`, deemed: false };
    case 'PanelNotificationConfirmed':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Confirmed the Panel was notified at ${at(event.sentAt)}; Panel reference given.`,
        detail: event.panelReference,
        deemed: false,
      };
    case 'NextStepChosen':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: `Chose the next step: ${STEP[event.step]}.`,
        detail: event.rationale,
        deemed: false,
      };
  }
}
