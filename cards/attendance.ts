import { partnersActedFor } from '../workflow/access.js';
import type { Partner } from '../workflow/partnership.js';
import { PARTNER_NAMES } from '../workflow/partnership.js';
import type { RapidReview } from '../workflow/state.js';
import type { AdaptiveCard, CardActionJson } from './adaptiveCard.js';
import { execute, subheading, textBlock } from './adaptiveCard.js';
import { caseFrame } from './caseFrame.js';
import type { CaseCardParts } from './context.js';
import { QUORUM_RULE, quorumBlocks } from './quorum.js';
import { noReviewCard } from './noReview.js';
import { actorWords, when } from './wording.js';

/**
 * Sent 1:1 (tracked) to each statutory partner's representative when the rapid review is set up:
 * the meeting is quorate only with children's services, police and health (DOMAIN), so each says
 * whether they will attend. An answer can be changed until the meeting; the card shows the quorum.
 */
export function attendanceRequestCard(parts: CaseCardParts): AdaptiveCard {
  const { state, config, now, notice, recipient } = parts;
  const rr = state.rapidReview;
  if (!rr) return noReviewCard(parts, 'Rapid review meeting', 'attendanceRequest');
  const frame = { state, notice, returnTo: 'attendanceRequest' as const };
  const setup = rr.setup;
  if (!setup) {
    return caseFrame({ ...frame, subtitle: 'Rapid review meeting', body: [textBlock('The rapid review meeting has not been set up yet. This card asks for your attendance once it is.')] });
  }
  // The reader's own partner; a card shown to anyone else is the quorum alone.
  const partner: Partner | undefined = recipient.kind === 'person' ? partnersActedFor(config, recipient.aadObjectId)[0] : undefined;
  const own = partner ? rr.attendance[partner] : undefined;
  const open = !rr.completed && now.getTime() < Date.parse(setup.meetingAt);
  return caseFrame({
    ...frame,
    subtitle: partner && !own && open ? 'Rapid review meeting: will you attend?' : 'Rapid review meeting: attendance',
    body: [
      textBlock(`The rapid review meeting for ${state.referral.caseRef} is at **${when(setup.meetingAt, now)}**.`, { size: 'Medium' }),
      textBlock(`${QUORUM_RULE} Papers go to members at ${when(setup.papersDueAt, now)}.`),
      ...(partner
        ? [
            own
              ? textBlock(`${PARTNER_NAMES[partner]}: **${own.attending ? 'attending' : 'not attending'}**, confirmed by ${actorWords(own.by)} at ${when(own.at, now)}.`, {
                  color: own.attending ? 'Good' : 'Attention',
                })
              : textBlock(
                  open
                    ? `Please confirm, before the meeting, whether ${PARTNER_NAMES[partner]} will attend. Until you do, the business unit sees ${PARTNER_NAMES[partner]} as not yet confirmed, and cannot know the meeting will be quorate.`
                    : `${PARTNER_NAMES[partner]} did not confirm attendance.`,
                  { weight: 'Bolder' },
                ),
          ]
        : []),
      ...(partner && own && !own.attending && open ? [textBlock(`If a deputy can go in your place, change this answer to attending: without ${PARTNER_NAMES[partner]} the meeting is not quorate.`)] : []),
      subheading('Quorum'),
      ...quorumBlocks(rr),
    ],
    actions: partner && open ? attendanceActions(state.referral.caseRef, rr, partner) : [],
  });
}

/** Both answers before confirming; afterwards only the change, so a second click cannot repeat the first. */
function attendanceActions(caseRef: string, rr: RapidReview, partner: Partner): CardActionJson[] {
  const own = rr.attendance[partner];
  const attending = execute(own ? 'Change to: attending' : 'Attending', 'review.attendance', { caseRef, attending: 'yes' }, { style: 'positive' });
  const notAttending = execute(own ? 'Change to: not attending' : 'Not attending', 'review.attendance', { caseRef, attending: 'no' }, { style: 'destructive' });
  if (!own) return [attending, notAttending];
  return own.attending ? [notAttending] : [attending];
}
