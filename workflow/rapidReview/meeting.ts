import { checkFreeText } from '../freeText.js';
import { actorAs, iso, recorder, refuse, sendKey, words, type Handler } from '../kernel.js';
import { actingRole } from '../access.js';
import { PARTNERS, PARTNER_NAMES, type Partner } from '../partnership.js';
import { openReview } from './common.js';

/**
 * The rapid review meeting, recorded by the review group chair: who actually attended, and the
 * group's recommendation on a local review (LCSPR) with its rationale and key lines of enquiry.
 * 002 Section B: "Children's Services, Police and the Integrated Care Board (ICB) representation is
 * required for the meeting to be quorate": no outcome is recorded for a meeting that was not.
 * The recommendation then goes to the partners, whose decision it is (lcspr.ts).
 */

/** The partners whose representation a quorate meeting needs and this one lacked. */
export function missingForQuorum(attended: readonly Partner[]): Partner[] {
  return PARTNERS.filter((p) => !attended.includes(p));
}

export const QUORUM_WORDS = "Children's services, police and health (ICB) must all be represented for the meeting to be quorate";

export const recordRapidReviewMeeting: Handler<'RecordRapidReviewMeeting'> = ({ config, calendar }, state, command, now) => {
  const found = openReview(state);
  if (found.error) return found.error;
  const { rr } = found;
  const role = actingRole(config, command.actor.aadObjectId, 'RecordRapidReviewMeeting');
  if (!role) return refuse('Only the review group chair can record the rapid review meeting.');
  if (!rr.setup) return refuse('The rapid review has not been set up yet.');
  if (rr.lcspr) return refuse(`The meeting was already recorded by ${rr.lcspr.by.displayName} at ${words(rr.lcspr.recordedAt, now)}.`);
  if (now.getTime() < Date.parse(rr.setup.meetingAt)) return refuse(`The meeting is at ${words(rr.setup.meetingAt, now)}; record it once it has been held.`);
  const missing = missingForQuorum(command.attended);
  if (missing.length > 0) {
    return refuse(`The meeting was not quorate: ${missing.map((p) => PARTNER_NAMES[p]).join(' and ')} ${missing.length === 1 ? 'was' : 'were'} not represented. ${QUORUM_WORDS}, so no outcome can be recorded; reconvene the meeting with them. Nothing was recorded.`);
  }
  const invitedAttended = [...new Set(command.invitedAttended)];
  if (invitedAttended.some((id) => !(rr.invited ?? []).includes(id))) return refuse('Only an agency invited to the meeting can be recorded as attending it. Nothing was recorded.');
  const problem = checkFreeText('rationale', command.rationale, { required: true });
  if (problem) return refuse(problem.message);
  // 002 Section B: "If the decision is to undertake a local child safeguarding practice review, the rapid review will include the key lines of enquiry".
  const lines = checkFreeText('linesOfEnquiry', command.linesOfEnquiry, { required: command.lcsprRecommended });
  if (lines) return refuse(command.lcsprRecommended && !command.linesOfEnquiry?.trim() ? 'A recommendation to hold an LCSPR needs its key lines of enquiry, as far as they are understood.' : lines.message);
  const method = checkFreeText('methodology', command.methodology, { required: false });
  if (method) return refuse(method.message);
  const repliesDueAt = calendar.addWorkingDays(now, 1);
  const r = recorder(state);
  r.record({
    type: 'RapidReviewMeetingRecorded',
    at: iso(now),
    by: actorAs(command.actor, role),
    attended: PARTNERS.filter((p) => command.attended.includes(p)),
    invitedAttended,
    lcsprRecommended: command.lcsprRecommended,
    rationale: command.rationale.trim(),
    ...(command.linesOfEnquiry?.trim() ? { linesOfEnquiry: command.linesOfEnquiry.trim() } : {}),
    ...(command.methodology?.trim() ? { methodology: command.methodology.trim() } : {}),
    repliesDueAt: iso(repliesDueAt),
  });
  r.effect({ type: 'send', key: sendKey.lcsprDecision(), to: { kind: 'conversation', target: 'decision' }, card: { kind: 'lcsprDecision' }, tracked: true });
  r.effect({ type: 'refreshCards' });
  return r.done(`Recorded: a quorate meeting recommending ${command.lcsprRecommended ? 'an LCSPR' : 'no LCSPR'}. The decision is the partners': they are asked to agree or disagree by ${words(iso(repliesDueAt), now)}.`);
};
