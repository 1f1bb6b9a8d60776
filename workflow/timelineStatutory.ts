import type { CaseEvent, ReferralDetails } from './events.js';
import type { TimelineRow } from './timelineRow.js';
import { ABUSE_OR_NEGLECT_WORDS, CARE_LEAVER_WORDS, lowerFirst } from './words.js';

/**
 * The history's rows for the statutory notifications apart from the Panel (a looked-after child's or
 * care leaver's death), the death of an adult care leaver, and a decision not to hold a rapid review.
 */

type Event = Extract<CaseEvent, { type: 'CareLeaverDeathLogged' | 'StatutoryNotificationRecorded' | 'NoRapidReviewAgreed' | 'NoRapidReviewPanelTold' }>;

const BOT = { who: 'Recorded automatically', role: 'the bot' };

/** " Abuse or neglect is suspected; a care leaver under 18." for the referral's row; empty for an older referral. */
export function referralCriteriaWords(r: ReferralDetails): string {
  const parts = [
    ...(r.abuseOrNeglect ? [ABUSE_OR_NEGLECT_WORDS[r.abuseOrNeglect]] : []),
    ...(r.careLeaver && r.careLeaver !== 'no' ? [lowerFirst(CARE_LEAVER_WORDS[r.careLeaver])] : []),
  ];
  return parts.length === 0 ? '' : ` ${parts.join('; ')}.`;
}

export function statutoryRow(event: Event, at: (iso: string) => string): TimelineRow {
  switch (event.type) {
    case 'CareLeaverDeathLogged':
      return { at: event.at, ...BOT, what: 'The death of a care leaver aged 18 to 24: logged for the yearly figures; no serious incident decision and no rapid review (Section D).', deemed: false };
    case 'StatutoryNotificationRecorded':
      return { at: event.at, who: event.by.displayName, role: event.by.role, what: `Recorded that the Secretary of State and Ofsted were notified at ${at(event.sentAt)}.`, deemed: false };
    case 'NoRapidReviewAgreed':
      return {
        at: event.at,
        who: event.by.displayName,
        role: event.by.role,
        what: "Recorded the safeguarding partners' agreement, under the independent scrutineer's oversight, not to hold a rapid review; the case is closed.",
        detail: event.rationale,
        deemed: false,
      };
    case 'NoRapidReviewPanelTold':
      return { at: event.at, who: event.by.displayName, role: event.by.role, what: `Recorded that the Panel was told of the decision not to hold a rapid review, with its rationale, at ${at(event.sentAt)}.`, deemed: false };
  }
}
