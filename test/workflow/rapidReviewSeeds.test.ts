import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import { type Partner, type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { commandRunner } from '../support/runCommands.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from '../support/sampleConfig.js';

/**
 * Issue 14, items 8-12: the rapid review as the seeds say it is. Each table quotes the seed line it
 * enforces. Fixed instants in June 2026 (British Summer Time, UTC+1): notified Tuesday 2 June 10:00,
 * the rapid review due 15 working days later, Tuesday 23 June 10:00; the meeting Tuesday 16 June 10:00.
 */

const person = (id: string, displayName: string): Person => ({ aadObjectId: `aad-${id}`, email: `${id}@agency.example.org`, displayName });
const A = {
  school: person('school', 'Sky School'),
  schoolLead: person('school-lead', 'Hana Head'),
  probation: person('probation', 'Pip Probation'),
  da: person('da', 'Dee Advocate'),
  daDeputy: person('da-deputy', 'Dev Advocate'),
  lead: person('lead', 'Lou Lead'),
};
/** The three partners answer as review-group agencies flagged with the partner (the one mechanism for scoping returns). */
const configWith = (overrides: Partial<PartnershipFile> = {}) =>
  PartnershipFileSchema.parse({
    ...sampleConfig,
    agencies: [
      { id: 'childrens-services', name: "Children's services", contact: PEOPLE.director, deputies: [PEOPLE.laDeputy], escalation: A.lead, reviewGroup: true, partner: 'localAuthority' },
      { id: 'police', name: 'Police', contact: PEOPLE.police, escalation: A.lead, reviewGroup: true, partner: 'police' },
      { id: 'health', name: 'Health (ICB)', contact: PEOPLE.health, escalation: A.lead, reviewGroup: true, partner: 'health' },
      { id: 'education', name: 'Education', contact: A.school, escalation: A.schoolLead, reviewGroup: true },
      { id: 'probation', name: 'Probation', contact: A.probation, escalation: A.lead },
      { id: 'da-service', name: 'Domestic abuse service', contact: A.da, deputies: [A.daDeputy], escalation: A.lead, domesticAbuseService: true },
    ],
    ...overrides,
  });
const config = configWith();
const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: config.workingHours });
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
/** The LCSPR decision's own cards (the scoping chasers of the same sweep are left out). */
const lcsprSends = (d: Decision) => sends(d).filter((s) => /^(lcspr|rapidReviewOutcomeRequest)/.test(s));
const refusal = (d: Decision) => (d.ok ? undefined : d.refusal);
const sends = (d: Decision) => (d.ok ? d.effects.flatMap((e) => (e.type === 'send' ? [`${e.card.kind}${'agency' in e.card ? `(${e.card.agency})` : ''} -> ${e.to.kind === 'person' ? e.to.aadObjectId : e.to.target}`] : [])) : []);

const run = (steps: [CaseCommand, string][], start: CaseEvent[] = [], cfg: PartnershipFile = config) => commandRunner(createDecider(cfg, calendar))(steps, start);

const REVIEW_DUE = '2026-06-23T09:00:00.000Z';
const MEETING = '2026-06-16T09:00:00.000Z';
const notified = (cfg: PartnershipFile = config) =>
  run(
    [
      [{ type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL } }, '2026-06-01T09:00:00.000Z'],
      [{ type: 'GiveInitialView', actor: as(PEOPLE.chair), view: 'notify', rationale: 'Serious harm with neglect suspected.' }, '2026-06-01T10:00:00.000Z'],
      // The view is the chair's and the director's together (002 step 3); the director, also the
      // local authority's representative, agrees as its co-author.
      [{ type: 'ConcurInitialView', actor: as(PEOPLE.director) }, '2026-06-01T10:00:00.000Z'],
      [{ type: 'RecordPartnerCardPosted', postedAt: '2026-06-01T10:00:00.000Z' }, '2026-06-01T10:00:00.000Z'],
      [{ type: 'ReplyAsPartner', actor: as(PEOPLE.police), reply: 'agree', rationale: 'The criteria are met.' }, '2026-06-01T11:00:00.000Z'],
      [{ type: 'ReplyAsPartner', actor: as(PEOPLE.health), reply: 'agree', rationale: 'The criteria are met.' }, '2026-06-01T11:00:00.000Z'],
      [{ type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-1' }, '2026-06-02T09:30:00.000Z'],
    ],
    [],
    cfg,
  ).events;
const setUpCommand = (agencies: string[], domesticAbuse?: boolean): CaseCommand => ({ type: 'SetUpRapidReview', actor: as(PEOPLE.business), meetingAt: MEETING, agencies, ...(domesticAbuse !== undefined ? { domesticAbuse } : {}) });
const setUp = (cfg: PartnershipFile = config, domesticAbuse = false) => run([[setUpCommand(['probation'], domesticAbuse), '2026-06-03T09:00:00.000Z']], notified(cfg), cfg).events;

const ALL: Partner[] = ['localAuthority', 'police', 'health'];
const meeting = (attended: Partner[], extra: Partial<Extract<CaseCommand, { type: 'RecordRapidReviewMeeting' }>> = {}): CaseCommand => ({
  type: 'RecordRapidReviewMeeting',
  actor: as(PEOPLE.chair),
  attended,
  invitedAttended: [],
  lcsprRecommended: true,
  rationale: 'Multi-agency learning on neglect; the criteria are met.',
  linesOfEnquiry: 'Information sharing between school, GP and children\'s services.',
  ...extra,
});
/** Tuesday 16 June 11:00, after the meeting: the partners' answers are due 1 working day later, Wednesday 17 June 11:00. */
const RECORDED = '2026-06-16T10:00:00.000Z';
const REPLIES_DUE = '2026-06-17T10:00:00.000Z';
const recommended = (cfg: PartnershipFile = config) => run([[meeting(ALL), RECORDED]], setUp(cfg), cfg).events;
const reply = (who: Person, answer: 'agree' | 'disagree', rationale?: string): CaseCommand => ({ type: 'ReplyOnLcspr', actor: as(who), reply: answer, ...(rationale ? { rationale } : {}) });

describe('item 8: scoping requests go to every review-group member, the three partners included, and any other agency identified', () => {
  // 002 Section B: "the information for the rapid review is collated through 'summary of involvement requests' which are shared with all Learning Inquiry Group members for completion and any other relevant agencies identified."
  it.each([
    ['only probation chosen', ['probation'], ['probation', 'childrens-services', 'police', 'health', 'education']],
    ['nothing chosen', [], ['childrens-services', 'police', 'health', 'education']],
    ['a member chosen first', ['education', 'probation'], ['education', 'probation', 'childrens-services', 'police', 'health']],
  ])('%s: every member is asked, in the order chosen', (_case, chosen, asked) => {
    const { last, state } = run([[setUpCommand(chosen), '2026-06-03T09:00:00.000Z']], notified());
    expect(state.rapidReview?.agencyOrder).toEqual(asked);
    const requests = sends(last).filter((s) => s.startsWith('scopingRequest'));
    expect(requests).toContain(`scopingRequest(police) -> ${PEOPLE.police.aadObjectId}`);
    expect(requests).toContain(`scopingRequest(childrens-services) -> ${PEOPLE.laDeputy.aadObjectId}`);
    expect(requests).toContain(`scopingRequest(health) -> ${PEOPLE.health.aadObjectId}`);
  });

  it('the police representative records the police return on its own request, as for any agency', () => {
    const { last, state } = run([[{ type: 'RecordNoInvolvement', actor: as(PEOPLE.police), agency: 'police' }, '2026-06-04T09:00:00.000Z']], setUp());
    expect(last.ok).toBe(true);
    expect(state.rapidReview?.agencies.police?.status).toBe('noInvolvement');
  });

  it('a configuration without an agency for a partner says so at every set-up, naming the partner', () => {
    const cfg = configWith({ agencies: config.agencies.filter((a) => a.partner !== 'health') });
    const { last } = run([[setUpCommand(['probation']), '2026-06-03T09:00:00.000Z']], notified(cfg), cfg);
    expect(last.ok && last.message).toContain('The configuration names no scoping agency for Health (ICB), so they were not asked');
  });

  it('refuses two agencies flagged for one partner in the configuration', () => {
    const twice = { ...config.agencies[1]!, id: 'police-two' };
    expect(() => configWith({ agencies: [...config.agencies, twice] })).toThrow(/another agency already answers for police/);
  });
});

describe('item 9: where domestic abuse is identified the specialist service is invited to take part, not only asked for a return', () => {
  // 001: "a representative from a local specialist domestic abuse service will also be asked to participate in every RR where domestic abuse is identified, irrespective of whether the abuse is perceived to be current or historic."
  it.each([
    ['identified', true, ['da-service'], [`rapidReviewInvitation(da-service) -> ${A.da.aadObjectId}`, `rapidReviewInvitation(da-service) -> ${A.daDeputy.aadObjectId}`]],
    ['not identified', false, [], []],
  ])('domestic abuse %s', (_case, identified, invited, invitations) => {
    const { last, state } = run([[setUpCommand(['probation'], identified), '2026-06-03T09:00:00.000Z']], notified());
    expect(state.rapidReview?.invited ?? []).toEqual(invited);
    expect(sends(last).filter((s) => s.startsWith('rapidReviewInvitation'))).toEqual(invitations);
    expect(state.rapidReview?.agencyOrder.includes('da-service')).toBe(identified);
    if (identified) expect(last.ok && last.message).toContain('Domestic abuse service invited to take part in the meeting.');
  });

  it('the chair records the service as having taken part; an agency not invited cannot be', () => {
    const events = setUp(config, true);
    expect(run([[meeting(ALL, { invitedAttended: ['da-service'] }), RECORDED]], events).state.rapidReview?.lcspr?.invitedAttended).toEqual(['da-service']);
    expect(refusal(run([[meeting(ALL, { invitedAttended: ['probation'] }), RECORDED]], events).last)).toContain('Only an agency invited to the meeting');
  });
});

describe('item 10: quorum is enforced; no outcome for a meeting that was not quorate, and the refusal says who was missing', () => {
  // 002 Section B: "Children's Services, Police and the Integrated Care Board (ICB) representation is required for the meeting to be quorate."
  it.each([
    ['all three present', ALL, undefined],
    ['health missing', ['localAuthority', 'police'] as Partner[], 'The meeting was not quorate: Health (ICB) was not represented.'],
    ['police and health missing', ['localAuthority'] as Partner[], 'The meeting was not quorate: Police and Health (ICB) were not represented.'],
    ['nobody recorded', [] as Partner[], "Local authority children's services and Police and Health (ICB) were not represented."],
  ])('%s', (_case, attended, refused) => {
    const { last, state } = run([[meeting(attended), RECORDED]], setUp());
    if (refused) {
      expect(refusal(last)).toContain(refused);
      expect(refusal(last)).toContain('no outcome can be recorded');
      expect(state.rapidReview?.lcspr).toBeUndefined();
    } else {
      expect(state.rapidReview?.lcspr).toMatchObject({ attended: ALL, recommended: true, repliesDueAt: REPLIES_DUE });
      expect(sends(last)).toEqual(['lcsprDecision -> decision']);
    }
  });

  it('attendance confirmed beforehand is not attendance: the chair records who was there, after the meeting', () => {
    const confirmed = run([[{ type: 'ConfirmAttendance', actor: as(PEOPLE.health), attending: true }, '2026-06-04T09:00:00.000Z']], setUp()).events;
    expect(refusal(run([[meeting(['localAuthority', 'police']), RECORDED]], confirmed).last)).toContain('Health (ICB) was not represented');
    expect(refusal(run([[meeting(ALL), '2026-06-16T08:00:00.000Z']], setUp()).last)).toContain('record it once it has been held');
    expect(refusal(run([[{ ...meeting(ALL), actor: as(PEOPLE.business) } as CaseCommand, RECORDED]], setUp()).last)).toBe('Only the review group chair can record the rapid review meeting.');
  });

  it('a recommended LCSPR needs its key lines of enquiry', () => {
    // 002 Section B: "If the decision is to undertake a local child safeguarding practice review, the rapid review will include the key lines of enquiry".
    const { linesOfEnquiry: _none, ...withoutLines } = meeting(ALL) as Extract<CaseCommand, { type: 'RecordRapidReviewMeeting' }>;
    expect(refusal(run([[withoutLines, RECORDED]], setUp()).last)).toContain('key lines of enquiry');
    expect(run([[{ ...withoutLines, lcsprRecommended: false }, RECORDED]], setUp()).last.ok).toBe(true);
  });
});

describe("item 11: whether to hold an LCSPR is the three partners' decision; a disagreement goes to the partnership's dispute rule; the scrutineer is informed", () => {
  // 002 Section B 6: "Safeguarding partner representatives in LIG, with the support of all LIG members will make the decision whether a local child safeguarding practice review is required."
  // 002 5.3: "The safeguarding partners have responsibility for deciding whether to commission and conduct a local child safeguarding practice review. The Independent Scrutineer will also be informed"
  it.each([
    ['all three agree', [reply(PEOPLE.director, 'agree'), reply(PEOPLE.police, 'agree'), reply(PEOPLE.health, 'agree')], { decided: { lcspr: true, basis: 'partnersAgreed' } }],
    ['a deputy answers for health; all agree', [reply(PEOPLE.director, 'agree'), reply(PEOPLE.policeDeputy, 'agree'), reply(PEOPLE.healthDeputy, 'agree')], { decided: { lcspr: true, basis: 'partnersAgreed' } }],
    ['health disagrees', [reply(PEOPLE.director, 'agree'), reply(PEOPLE.police, 'agree'), reply(PEOPLE.health, 'disagree', 'Single-agency learning is enough.')], { dispute: { disagreeing: ['health'], decider: 'partnershipChair', decisionDueAt: '2026-06-19T12:15:00.000Z' } }],
    ['two answered', [reply(PEOPLE.director, 'agree'), reply(PEOPLE.police, 'agree')], {}],
  ])('%s', (_case, replies, expected) => {
    const at = (i: number) => `2026-06-16T1${i}:${i === 2 ? '15' : '00'}:00.000Z`;
    const { state, decisions } = run(replies.map((c, i) => [c, at(i)] as [CaseCommand, string]), recommended());
    const l = state.rapidReview!.lcspr!;
    expect(decisions.every((d) => d.ok)).toBe(true);
    expect(l).toMatchObject(expected);
    if (!('decided' in expected)) expect(l.decided).toBeUndefined();
    // Issue 17: a decision to hold an LCSPR also opens it: the business unit's card, and the executive's letter of notification (5.6).
    const opened = ['localReviewBoard -> aad-business', 'localReviewBoard -> monitoring', ...[PEOPLE.partnershipChair, PEOPLE.director, PEOPLE.police, PEOPLE.health].map((p) => `localReviewLetter -> ${p.aadObjectId}`)];
    if ('decided' in expected) expect(sends(decisions.at(-1)!)).toEqual([`lcsprDecided -> ${PEOPLE.scrutineer.aadObjectId}`, 'lcsprDecided -> monitoring', `rapidReviewOutcomeRequest -> ${PEOPLE.chair.aadObjectId}`, ...opened]);
  });

  it('the review group chair cannot decide it, nor anyone off the partners\' roster', () => {
    expect(refusal(run([[reply(PEOPLE.chair, 'agree'), '2026-06-16T11:00:00.000Z']], recommended()).last)).toContain("Only a safeguarding partner's representative or deputy");
    expect(refusal(run([[reply(PEOPLE.health, 'disagree'), '2026-06-16T11:00:00.000Z']], recommended()).last)).toContain('rationale');
  });

  // 002 8.2: "In exceptional circumstances where a decision cannot be reached by the safeguarding partners, this will be escalated for decision by the partnership chair (within three working days)."
  // 003: "The BHSCP Independent Scrutineer will make the final decision in the case of disagreement."
  it.each([
    ['partnershipChair' as const, PEOPLE.partnershipChair, PEOPLE.scrutineer],
    ['independentScrutineer' as const, PEOPLE.scrutineer, PEOPLE.partnershipChair],
  ])('reviewDisputeDecider %s: only they decide a disagreement, within 3 working days', (decider, who, other) => {
    const cfg = configWith({ reviewDisputeDecider: decider });
    const disputed = run([[reply(PEOPLE.health, 'disagree', 'Single-agency learning is enough.'), '2026-06-16T11:00:00.000Z'], [reply(PEOPLE.director, 'agree'), '2026-06-16T11:10:00.000Z'], [reply(PEOPLE.police, 'agree'), '2026-06-16T11:20:00.000Z']], recommended(cfg), cfg);
    expect(sends(disputed.last)).toContain(`lcsprDispute -> ${who.aadObjectId}`);
    expect(disputed.state.rapidReview?.lcspr?.dispute).toMatchObject({ decider, decisionDueAt: '2026-06-19T11:20:00.000Z' });
    const decide = (by: Person): CaseCommand => ({ type: 'DecideLcsprDispute', actor: as(by), lcspr: false, rationale: 'Learning is in hand through single-agency reviews.' });
    expect(refusal(run([[decide(other), '2026-06-17T09:00:00.000Z']], disputed.events, cfg).last)).toContain('decides a disagreement on whether to hold a local review');
    const decided = run([[decide(who), '2026-06-17T09:00:00.000Z']], disputed.events, cfg);
    expect(decided.state.rapidReview?.lcspr?.decided).toMatchObject({ lcspr: false, basis: 'disputeDecided' });
    expect(sends(decided.last)).toContain(`lcsprDecided -> ${PEOPLE.scrutineer.aadObjectId}`);
    // Not decided by then: the monitoring channel is told at the 3 working days, once.
    const overdue = run([[{ type: 'Tick' }, '2026-06-19T11:19:00.000Z'], [{ type: 'Tick' }, '2026-06-19T11:20:00.000Z'], [{ type: 'Tick' }, '2026-06-19T13:00:00.000Z']], disputed.events, cfg);
    expect(overdue.decisions.map(lcsprSends)).toEqual([[], ['lcsprChaser -> monitoring'], []]);
  });

  // Silence is not consent here unless the partnership's configuration says so (issue 14, item 11).
  it.each([
    [false, 'silence is not agreement: the monitoring channel is told and the decision waits', { chased: ['reminder', 'repliesOverdue'] }, ['lcsprChaser -> monitoring']],
    [true, 'the configuration counts silence as agreement: the silent are deemed to agree', { decided: { lcspr: true, basis: 'partnersAgreed' } }, [`lcsprDecided -> ${PEOPLE.scrutineer.aadObjectId}`, 'lcsprDecided -> monitoring', `rapidReviewOutcomeRequest -> ${PEOPLE.chair.aadObjectId}`]],
  ])('lcsprSilenceIsAgreement %s: %s', (silence, _words, expected, told) => {
    const cfg = configWith({ lcsprSilenceIsAgreement: silence });
    const start = run([[reply(PEOPLE.director, 'agree'), '2026-06-16T11:00:00.000Z']], recommended(cfg), cfg).events;
    // Half of the working day from 11:00 Tuesday (15:00 Tuesday): police and health are reminded, once.
    const { decisions, state } = run([[{ type: 'Tick' }, '2026-06-16T15:30:00.000Z'], [{ type: 'Tick' }, REPLIES_DUE], [{ type: 'Tick' }, '2026-06-17T12:00:00.000Z']], start, cfg);
    expect(lcsprSends(decisions[0]!)).toEqual(['police', 'police-deputy', 'health', 'health-deputy'].map((id) => `lcsprChaser -> aad-${id}`));
    expect(lcsprSends(decisions[1]!)).toEqual(told);
    expect(lcsprSends(decisions[2]!)).toEqual([]);
    expect(state.rapidReview?.lcspr).toMatchObject(expected);
    expect(state.rapidReview?.lcspr?.decided !== undefined).toBe(silence);
    expect(state.rapidReview?.lcspr?.positions.health?.status).toBe(silence ? 'deemed' : undefined);
  });
});

describe('item 12: the chair approves; review-group members for information, partners and scrutineer for scrutiny; the business unit sends it and records when; the executive is told', () => {
  // 002 Section B: "share the Rapid Review with the: Chair of the Learning Inquiry Group for approval and Learning Inquiry Group members for their information. Safeguarding partners and the ... Independent Scrutineer for the purposes of scrutiny. Child Safeguarding Practice Review Panel and Ofsted."
  // 002 Appendix A: "Rapid Review form completed and shared with the Chair of LIG for approval. ... IOWSCP Executive Group members informed."
  // 002 5.6: "inform the Child Safeguarding Practice Review Panel, Ofsted and Department for Education (DfE) ... of the decision regarding whether a local child safeguarding practice review is required"
  const decided = () => run([[reply(PEOPLE.director, 'agree'), '2026-06-16T11:00:00.000Z'], [reply(PEOPLE.police, 'agree'), '2026-06-16T11:00:00.000Z'], [reply(PEOPLE.health, 'agree'), '2026-06-16T11:00:00.000Z']], recommended()).events;
  const approve = (by: Person = PEOPLE.chair): CaseCommand => ({ type: 'ApproveRapidReview', actor: as(by) });
  const sent = (sentAt: string, by: Person = PEOPLE.business): CaseCommand => ({ type: 'RecordRapidReviewSent', actor: as(by), sentAt, dfeSentAt: sentAt });

  it('approval goes out to each audience', () => {
    const { last } = run([[approve(), '2026-06-16T13:00:00.000Z']], decided());
    const out = sends(last);
    // Review-group members for information (each member agency's contacts: the partners' and education's).
    expect(out.filter((s) => s.startsWith('rapidReviewForInformation'))).toEqual([
      `rapidReviewForInformation(childrens-services) -> ${PEOPLE.director.aadObjectId}`,
      `rapidReviewForInformation(childrens-services) -> ${PEOPLE.laDeputy.aadObjectId}`,
      `rapidReviewForInformation(police) -> ${PEOPLE.police.aadObjectId}`,
      `rapidReviewForInformation(health) -> ${PEOPLE.health.aadObjectId}`,
      `rapidReviewForInformation(education) -> ${A.school.aadObjectId}`,
    ]);
    // The partners and the scrutineer for scrutiny; the executive (by default the partnership chair and the partners' representatives) told.
    for (const p of [PEOPLE.director, PEOPLE.laDeputy, PEOPLE.police, PEOPLE.policeDeputy, PEOPLE.health, PEOPLE.healthDeputy, PEOPLE.scrutineer, PEOPLE.partnershipChair]) expect(out).toContain(`rapidReviewApproved -> ${p.aadObjectId}`);
    expect(out).toContain('rapidReviewSendPrompt -> monitoring');
    expect(out).not.toContain(`rapidReviewApproved -> ${A.probation.aadObjectId}`);
  });

  it.each([
    ['approval before the partners have decided', recommended, approve(), "once the partners' decision on a local review is recorded"],
    ['approval by the business unit', decided, approve(PEOPLE.business), 'Only the review group chair can approve the rapid review.'],
    ['sending before approval', decided, sent('2026-06-16T12:00:00.000Z'), 'once the review group chair has approved it'],
  ])('refuses %s', (_case, start, command, message) => {
    expect(refusal(run([[command, '2026-06-16T13:00:00.000Z']], start()).last)).toContain(message);
  });

  // The 15 working days from the notification (002 Section B: "within fifteen working days of the submission of the serious incident notification") still apply to the sending.
  it.each([
    ['on time, just before the deadline', '2026-06-23T08:59:00.000Z', true],
    ['at the deadline', REVIEW_DUE, true],
    ['late, after the deadline', '2026-06-23T09:01:00.000Z', false],
  ])('the business unit records the sending %s', (_case, sentAt, onTime) => {
    const approved = run([[approve(), '2026-06-16T13:00:00.000Z']], decided()).events;
    expect(refusal(run([[sent(sentAt, PEOPLE.chair), '2026-06-24T09:00:00.000Z']], approved).last)).toContain('Only the partnership\'s business unit');
    const { state, last } = run([[sent(sentAt), '2026-06-24T09:00:00.000Z']], approved);
    expect(state.stage).toBe('closed');
    expect(state.rapidReview?.completed).toMatchObject({ onTime, lcsprNeeded: true, sentAt, dfeSentAt: sentAt, by: { role: 'business unit' } });
    expect(sends(last)).toEqual(['rapidReviewCompleted -> monitoring']);
  });
});
