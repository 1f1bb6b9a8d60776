import { beforeAll, describe, expect, it } from 'vitest';
import { ACT_VERBS, type ActRequest } from '../../app/actLink.js';
import type { Services } from '../../functions/compositionRoot.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, EVIDENCE_URL, PEOPLE, SCENES, stateOf } from '../support/sampleConfig.js';
import { cardProblems, executeActions } from '../support/validateCard.js';
import { TestClock, testServices, uniquePrefix } from '../support/services.js';

/**
 * Issue 16 for every request a person is asked by email (app/actLink.ts), through the email-link
 * page's own service (app/webAct.ts) on Azurite: the person asked sees the request's card with only
 * its verbs and acts, recorded as theirs through the bot's card-action path; someone the access
 * policy keeps from the card is told there is nothing for them, and nothing is recorded; a verb of
 * another request under this request's link is refused, and nothing is recorded. Each case starts
 * from a scene the procedure reached (test/support/sampleConfig.ts), stored under its own reference.
 */

const NOTHING_FOR_YOU = 'There is nothing on that case reference for you to see or do here. Nothing was recorded.';
const NOT_HERE = 'This page records only what an email asked of you';
const RATIONALE = 'Discussed with the team; recorded from the email link.';

type Row = {
  request: Exclude<ActRequest['do'], 'reply' | 'scoping'>;
  scene: () => CaseEvent[];
  /** When the person acts: after the scene's last event, before what it waits for is overdue. */
  at: string;
  who: Person;
  verb: string;
  data: Record<string, string>;
  recorded: string;
  /** A request parameter (the action) where the request has one. */
  action?: string;
};

const ROWS: Row[] = [
  { request: 'initialView', scene: SCENES.awaitingInitialView, at: '2026-06-08T10:00:00.000Z', who: PEOPLE.director, verb: 'initialView.submit', data: { view: 'notify', rationale: RATIONALE }, recorded: 'InitialViewProposed' },
  { request: 'nextStep', scene: SCENES.decidedDoNotNotify, at: '2026-06-09T15:00:00.000Z', who: PEOPLE.chair, verb: 'nextStep.submit', data: { step: 'safeguardingLeadsMeeting', rationale: RATIONALE }, recorded: 'NextStepChosen' },
  { request: 'panelNotification', scene: SCENES.decidedNotify, at: '2026-06-09T16:00:00.000Z', who: PEOPLE.laDeputy, verb: 'panel.confirm', data: { sentDate: '2026-06-09', sentTime: '15:30', panelReference: 'CSPRP-2026-0999' }, recorded: 'PanelNotificationConfirmed' },
  { request: 'statutoryNotification', scene: SCENES.lookedAfterDeath, at: '2026-06-08T13:30:00.000Z', who: PEOPLE.laDeputy, verb: 'statutory.record', data: { sentDate: '2026-06-08', sentTime: '14:00' }, recorded: 'StatutoryNotificationRecorded' },
  { request: 'meetingOutcome', scene: SCENES.meetingBooked, at: '2026-06-10T10:30:00.000Z', who: PEOPLE.chair, verb: 'dispute.outcome', data: { outcome: 'agreedNotify', rationale: RATIONALE }, recorded: 'MeetingOutcomeRecorded' },
  { request: 'finalDecision', scene: SCENES.decisionMeetingBooked, at: '2026-06-11T09:15:00.000Z', who: PEOPLE.partnershipChair, verb: 'decision.final', data: { decision: 'notify', rationale: RATIONALE, scrutineerAttended: 'true' }, recorded: 'DecisionReached' },
  { request: 'attendance', scene: SCENES.reviewSetUp, at: '2026-06-12T09:00:00.000Z', who: PEOPLE.police, verb: 'review.attendance', data: { attending: 'yes' }, recorded: 'AttendanceConfirmed' },
  { request: 'reviewOutcome', scene: SCENES.lcsprDecided, at: '2026-06-30T12:00:00.000Z', who: PEOPLE.chair, verb: 'review.approve', data: {}, recorded: 'RapidReviewApproved' },
  { request: 'lcsprReply', scene: SCENES.lcsprAsked, at: '2026-06-30T10:20:00.000Z', who: PEOPLE.police, verb: 'lcspr.agree', data: { comment: RATIONALE }, recorded: 'LcsprReplied' },
  { request: 'lcsprDispute', scene: SCENES.lcsprDisputed, at: '2026-06-30T12:00:00.000Z', who: PEOPLE.partnershipChair, verb: 'lcspr.decide', data: { lcspr: 'yes', rationale: RATIONALE }, recorded: 'LcsprDecided' },
  { request: 'action', action: 'A1', scene: SCENES.actionsAgreed, at: '2026-08-10T09:00:00.000Z', who: PEOPLE.gpDeputy, verb: 'action.complete', data: { action: 'A1', documentUrl: EVIDENCE_URL('a1-completed') }, recorded: 'ActionCompletionEvidenced' },
  { request: 'learningEvent', scene: SCENES.learningEventSetUp, at: '2026-09-01T10:00:00.000Z', who: PEOPLE.business, verb: 'learningEvent.report', data: { documentUrl: 'https://documents.example.org/sites/cases/RR-2026-014/learning-event-report.docx' }, recorded: 'LearningEventReportReady' },
  { request: 'localReview', scene: SCENES.lcsprDecided, at: '2026-07-15T09:00:00.000Z', who: PEOPLE.business, verb: 'localReview.publication', data: { publicationDate: '2027-01-20' }, recorded: 'LocalReviewPublicationPlanned' },
  { request: 'reviewGroupDispute', scene: SCENES.reviewGroupDisputeOpen, at: '2026-06-12T10:00:00.000Z', who: PEOPLE.chair, verb: 'reviewGroupDispute.outcome', data: { outcome: 'agreedMet', rationale: RATIONALE }, recorded: 'ReviewGroupDisputeOutcomeRecorded' },
];

const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const clock = new TestClock(new Date('2026-06-08T09:00:00.000Z'));
let s: Services;

beforeAll(async () => {
  s = await testServices({ prefix: uniquePrefix(), clock });
});

/** The scene's events stored as case `ref` (the scenes are all RR-2026-014), as the service would have written them. */
async function seed(ref: string, scene: () => CaseEvent[]): Promise<void> {
  const events = JSON.parse(JSON.stringify(scene()).replaceAll(CASE_REF, ref)) as CaseEvent[];
  const loaded = await s.store.load(ref);
  const last = new Date(events.at(-1)!.at);
  await s.store.append({ loaded, events, state: stateOf(events), effects: [], deadlines: [], effectsRecoverAt: last, now: last });
}

const recorded = async (ref: string) => ({ events: (await s.store.load(ref)).events.length, access: (await s.accessLog.of(ref)).length });

describe.each(ROWS.map((row, i) => ({ ...row, ref: `RR-2026-${String(501 + i)}` })))('the $request request, from an email link', (row) => {
  const request = { case: row.ref, do: row.request, ...(row.action ? { action: row.action } : {}) } as ActRequest;
  const payload = (verb: string, data: Record<string, string>) => ({ verb, data: JSON.parse(JSON.stringify({ caseRef: row.ref, ...data }).replaceAll(CASE_REF, row.ref)) as Record<string, string> });

  beforeAll(async () => {
    await seed(row.ref, row.scene);
    clock.set(row.at);
  });

  it("refuses someone the access policy keeps from the card, and a verb of another request, recording nothing", async () => {
    clock.set(row.at);
    const before = await recorded(row.ref);
    // The school's scoping contact: on the roster, asked nothing on this card.
    const outsider = as(PEOPLE.educationContact);
    expect(cardText((await s.webAct.view(request, outsider, clock.now())) as never)).toContain(NOTHING_FOR_YOU);
    expect(cardText((await s.webAct.act(request, payload(row.verb, row.data), outsider)) as never)).toContain(NOTHING_FOR_YOU);
    // The asked person, sending a verb of another request (a partner's reply, a scoping return) under this request's link.
    const asked = as(row.who);
    for (const [verb, data] of [['partner.agree', { comment: 'Agreed.' }], ['scoping.return', { agency: 'gp', documentUrl: 'https://documents.example.org/x.docx' }]] as const) {
      expect(cardText((await s.webAct.act(request, payload(verb, data), asked)) as never)).toContain(NOT_HERE);
    }
    expect(await recorded(row.ref)).toEqual(before);
  });

  it('shows the person asked the card with only the request’s verbs, and records what they send as theirs', async () => {
    clock.set(row.at);
    const asked = as(row.who);
    const card = await s.webAct.view(request, asked, clock.now());
    expect(cardProblems(card)).toEqual([]);
    const verbs = executeActions(card).map((a) => a.verb);
    expect(verbs).toContain(row.verb);
    expect(verbs.every((v) => (ACT_VERBS[row.request] as readonly string[]).includes(v))).toBe(true);
    const before = (await s.store.load(row.ref)).events.length;
    const answer = await s.webAct.act(request, payload(row.verb, row.data), asked);
    const after = (await s.store.load(row.ref)).events.slice(before);
    expect(after.map((e) => e.type), cardText(answer as never)).toContain(row.recorded);
    expect(after.find((e) => e.type === row.recorded)).toMatchObject({ by: { aadObjectId: row.who.aadObjectId } });
    // The answer offers nothing beyond the request either.
    expect(executeActions(answer).every((a) => (ACT_VERBS[row.request] as readonly string[]).includes(a.verb))).toBe(true);
  });
});

describe('an action owner’s link is for that action only', () => {
  it("refuses the evidence of another action under the A1 link, recording nothing", async () => {
    const ref = 'RR-2026-599';
    await seed(ref, SCENES.actionsAgreed);
    clock.set('2026-08-10T09:00:00.000Z');
    const before = await recorded(ref);
    const request: ActRequest = { case: ref, do: 'action', action: 'A1' };
    // The police's action A2 sent under the GP practice's A1 link, by the police representative who owns A2.
    const answer = await s.webAct.act(request, { verb: 'action.complete', data: { caseRef: ref, action: 'A2', documentUrl: EVIDENCE_URL('a2-completed').replaceAll(CASE_REF, ref) } }, as(PEOPLE.police));
    expect(cardText(answer as never)).toContain(NOT_HERE);
    expect(await recorded(ref)).toEqual(before);
  });
});
