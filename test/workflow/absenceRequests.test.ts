import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { createDecider } from '../../workflow/decide.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { mayDo, maySee, type Act } from '../../workflow/access.js';
import type { CaseCommand } from '../../workflow/commands.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { fold } from '../../workflow/state.js';
import { WHEN_AWAY } from '../../workflow/whenAway.js';
import { ACT, CASE_REF, DO, DOCUMENT_URL, PEOPLE, SCENES, T, reviewToTheMeeting, sampleConfig } from '../support/sampleConfig.js';

/**
 * First requests while someone is away (issue 16: "while it lasts their deputy is asked, or their
 * absence inbox is told, and the card says so"), at fixed instants: an absence starting at the
 * instant the request goes out (they are away: `from` is inclusive), one ending at it (back:
 * `to` is exclusive), a Friday with the absence over the weekend, a bank holiday Monday (31
 * August 2026, England) with the absence over the long weekend. Each row quotes the rule it
 * enforces. The seeds say who acts for a statutory partner (002 Section B); they say nothing of an
 * agency's deputies, so those rows quote the roster's rule (workflow/partnership.ts AgencySchema)
 * and issue 16.
 */

const calendar = createWorkingCalendar({ nation: sampleConfig.nation, workingHours: sampleConfig.workingHours });
const as = (p: Person) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const DA_DEPUTY: Person = { aadObjectId: 'aad-da-deputy', email: 'da-deputy@partnership.example.org', displayName: 'Robin Refuge' };

function configWith(absences: { who: Person; from: string; to: string }[]): PartnershipFile {
  // The domestic abuse service is given a deputy so its invitation can be redirected too.
  const agencies = sampleConfig.agencies.map((a) => (a.id === 'da-service' ? { ...a, deputies: [DA_DEPUTY] } : a));
  return PartnershipFileSchema.parse({ ...sampleConfig, agencies, absences: absences.map((a) => ({ aadObjectId: a.who.aadObjectId, from: a.from, to: a.to })) });
}

type Sent = { to: string; awayFor?: string; until?: string };

/** The 1:1 sends of `kind` when `command` is given at `at` after `start`, for this roster. */
function sendsOf(config: PartnershipFile, start: CaseEvent[], command: CaseCommand, at: string, picks: (card: CardSpec) => boolean): { sent: Sent[]; state: ReturnType<typeof fold> } {
  const decide = createDecider(config, calendar);
  const decision = decide(fold(start), command, new Date(at));
  if (!decision.ok) throw new Error(`${command.type} at ${at}: ${decision.refusal}`);
  const sent = decision.effects.flatMap((e) =>
    e.type === 'send' && e.to.kind === 'person' && picks(e.card) ? [{ to: e.to.aadObjectId, ...(e.card.awayFor ? { awayFor: e.card.awayFor.displayName, until: e.card.awayFor.until } : {}) }] : [],
  );
  return { sent: sent.sort((a, b) => a.to.localeCompare(b.to)), state: fold([...start, ...decision.events]) };
}

const plusDays = (at: string, days: number) => new Date(Date.parse(at) + days * 86_400_000).toISOString();
const setUp = (domesticAbuse = false): CaseCommand => ({ ...(DO.setUp()[0] as Extract<CaseCommand, { type: 'SetUpRapidReview' }>), ...(domesticAbuse ? { domesticAbuse: true } : {}) });
const tick: CaseCommand = { type: 'Tick' };
const agreeAction = (dueDate: string): CaseCommand => ({ type: 'AgreeAction', actor: as(PEOPLE.business), recommendation: 'R1', owner: { kind: 'agency', agency: 'gp' }, dueDate, done: 'The template is in the practice policy.' });
const lcsprReminderAt = (() => {
  const l = fold(play(reviewToTheMeeting(), ...DO.meetingRecorded(true)))!.rapidReview!.lcspr!;
  return calendar.halfway(new Date(l.recordedAt), new Date(l.repliesDueAt)).toISOString();
})();
function play(start: CaseEvent[], ...steps: [CaseCommand, string][]): CaseEvent[] {
  const decide = createDecider(sampleConfig, calendar);
  let events = start;
  for (const [command, at] of steps) {
    const d = decide(fold(events), command, new Date(at));
    if (!d.ok) throw new Error(d.refusal);
    events = [...events, ...d.events];
  }
  return events;
}

type Row = {
  kind: CardSpec['kind'];
  /** The card the stand-in is sent. */
  card: CardSpec;
  rule: string;
  start: () => CaseEvent[];
  command: CaseCommand;
  picks?: (card: CardSpec) => boolean;
  away: Person;
  /** Everyone sent it when nobody is away. */
  named: Person[];
  standIns: Person[];
  /** What the stand-in may now do, and someone of another agency or partner may not. */
  act?: Act;
  outsider: Person;
};

const AGENCY_RULE = 'roster (AgencySchema): the contact "Completes the scoping return; deputies may record it in their absence."; issue 16: "while it lasts their deputy is asked"';
const LA_RULE = "002 Section B: \"Service Director, Children's Social Care. In their absence this decision will be made by the Children's Services Department Representative in the Learning Inquiry Group\"";
const PARTNER_RULE = 'DOMAIN: "each with a named representative and one or more deputies who act in their absence"';
const gp = (card: CardSpec) => 'agency' in card && card.agency === 'gp';

const ROWS: Row[] = [
  { kind: 'scopingRequest', card: { kind: 'scopingRequest', agency: 'gp' }, rule: AGENCY_RULE, start: SCENES.reviewOpened, command: setUp(), picks: gp, away: PEOPLE.gpContact, named: [PEOPLE.gpContact, PEOPLE.gpDeputy], standIns: [PEOPLE.gpDeputy], act: { type: 'RecordScopingReturn', agency: 'gp' }, outsider: PEOPLE.educationDeputy },
  {
    kind: 'rapidReviewInvitation',
    card: { kind: 'rapidReviewInvitation', agency: 'da-service' },
    rule: `${AGENCY_RULE}; 001: the domestic abuse service is invited to take part`,
    start: SCENES.reviewOpened,
    command: setUp(true),
    away: PEOPLE.daContact,
    named: [PEOPLE.daContact, DA_DEPUTY],
    standIns: [DA_DEPUTY],
    outsider: PEOPLE.gpDeputy,
  },
  {
    kind: 'attendanceRequest',
    card: { kind: 'attendanceRequest' },
    rule: `${PARTNER_RULE}; 002: "safeguarding partners in LIG ... will prioritise attendance"`,
    start: SCENES.reviewOpened,
    command: setUp(),
    away: PEOPLE.police,
    named: [PEOPLE.director, PEOPLE.laDeputy, PEOPLE.police, PEOPLE.policeDeputy, PEOPLE.health, PEOPLE.healthDeputy],
    standIns: [PEOPLE.policeDeputy],
    act: { type: 'ConfirmAttendance' },
    outsider: PEOPLE.gpDeputy,
  },
  {
    kind: 'scopingChaser',
    card: { kind: 'scopingChaser', agency: 'gp', chase: 'twoDaysBefore' },
    rule: AGENCY_RULE,
    start: SCENES.reviewSetUp,
    command: tick,
    picks: gp,
    away: PEOPLE.gpContact,
    named: [PEOPLE.gpContact, PEOPLE.gpDeputy],
    standIns: [PEOPLE.gpDeputy],
    act: { type: 'RecordScopingReturn', agency: 'gp' },
    outsider: PEOPLE.educationDeputy,
  },
  {
    kind: 'extensionAnswer',
    card: { kind: 'extensionAnswer', agency: 'gp' },
    rule: AGENCY_RULE,
    start: () => play(SCENES.reviewSetUp(), DO.askMoreTime('gp')),
    command: DO.decideMoreTime('gp', true)[0],
    away: PEOPLE.gpContact,
    named: [PEOPLE.gpContact, PEOPLE.gpDeputy],
    standIns: [PEOPLE.gpDeputy],
    act: { type: 'RecordScopingReturn', agency: 'gp' },
    outsider: PEOPLE.educationDeputy,
  },
  { kind: 'panelNotificationRequest', card: { kind: 'panelNotificationRequest' }, rule: LA_RULE, start: SCENES.policeAgreed, command: tick, away: PEOPLE.director, named: [PEOPLE.director, PEOPLE.laDeputy], standIns: [PEOPLE.laDeputy], act: { type: 'ConfirmPanelNotification' }, outsider: PEOPLE.policeDeputy },
  {
    kind: 'statutoryNotificationRequest',
    card: { kind: 'statutoryNotificationRequest' },
    rule: LA_RULE,
    start: () => [],
    command: { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: T.aware, harm: 'death', location: 'inArea', lookedAfter: true, documentUrl: DOCUMENT_URL, abuseOrNeglect: 'suspected' } },
    away: PEOPLE.director,
    named: [PEOPLE.director, PEOPLE.laDeputy],
    standIns: [PEOPLE.laDeputy],
    act: { type: 'RecordStatutoryNotification' },
    outsider: PEOPLE.policeDeputy,
  },
  {
    kind: 'lcsprChaser',
    card: { kind: 'lcsprChaser' },
    rule: `${PARTNER_RULE}; 002 Section B: the police representative's "communication will be shared ... with the generic inbox"`,
    start: () => play(reviewToTheMeeting(), ...DO.meetingRecorded(true)),
    command: tick,
    away: PEOPLE.police,
    named: [PEOPLE.director, PEOPLE.laDeputy, PEOPLE.police, PEOPLE.policeDeputy, PEOPLE.health, PEOPLE.healthDeputy],
    standIns: [PEOPLE.policeDeputy],
    act: { type: 'ReplyOnLcspr' },
    outsider: PEOPLE.gpDeputy,
  },
  {
    kind: 'actionRequest',
    card: { kind: 'actionRequest', action: 'A1' },
    rule: `${AGENCY_RULE}; 001: agencies are "responsible for ... Providing evidence that actions have been completed"`,
    start: () => play(SCENES.reviewCompletedOnTime(), ACT.recommendAndAgree()[0]!),
    command: agreeAction('2026-10-30'),
    away: PEOPLE.gpContact,
    named: [PEOPLE.gpContact, PEOPLE.gpDeputy],
    standIns: [PEOPLE.gpDeputy],
    act: { type: 'RecordActionCompletion', action: 'A1' },
    outsider: PEOPLE.educationDeputy,
  },
];

/** The instant each row's request goes out at, in the plain cases. */
const AT: Record<string, string> = {
  scopingRequest: T.reviewSetUp,
  rapidReviewInvitation: T.reviewSetUp,
  attendanceRequest: T.reviewSetUp,
  scopingChaser: T.twoDaysBefore,
  extensionAnswer: T.extensionDecided,
  panelNotificationRequest: T.windowSwept,
  statutoryNotificationRequest: T.logged,
  lcsprChaser: lcsprReminderAt,
  actionRequest: '2026-07-01T09:00:00.000Z',
};

const ids = (people: Person[]) => people.map((p) => p.aadObjectId).sort();

describe('first requests while someone is away: the deputy is asked in their place, told for whom and until when', () => {
  it('every redirected kind is in the table as one deputies may act on', () => {
    for (const row of ROWS) expect([row.kind, WHEN_AWAY[row.kind as Exclude<CardSpec['kind'], 'reminder'>]]).toEqual([row.kind, 'standIn']);
  });

  describe.each(ROWS)('$kind ($rule)', (row) => {
    const at = AT[row.kind]!;
    const picks = (card: CardSpec) => card.kind === row.kind && (row.picks ?? (() => true))(card);

    it('nobody away: everyone named is asked, no card says anyone is away', () => {
      const { sent } = sendsOf(configWith([]), row.start(), row.command, at, picks);
      expect(sent).toEqual(ids(row.named).map((to) => ({ to })));
    });

    it('an absence starting at the instant: the away person is not asked; their stand-in is, and their card says for whom and until when', () => {
      const until = plusDays(at, 4);
      const { sent, state } = sendsOf(configWith([{ who: row.away, from: at, to: until }]), row.start(), row.command, at, picks);
      const standIns = new Set(ids(row.standIns));
      expect(sent).toEqual(ids(row.named.filter((p) => p !== row.away)).map((to) => (standIns.has(to) ? { to, awayFor: row.away.displayName, until } : { to })));
      // The access policy lets the stand-in act on what they were sent, and nobody else gains a right.
      for (const s of row.standIns) {
        expect(maySee(configWith([]), s.aadObjectId, row.card, state)).toBe(true);
        if (row.act) expect(mayDo(configWith([]), s.aadObjectId, row.act, state)).toBe(true);
      }
      if (row.act) expect(mayDo(configWith([]), row.outsider.aadObjectId, row.act, state)).toBe(false);
    });

    it('an absence ending at the instant: they are back, and asked as ever', () => {
      const { sent } = sendsOf(configWith([{ who: row.away, from: plusDays(at, -4), to: at }]), row.start(), row.command, at, picks);
      expect(sent).toEqual(ids(row.named).map((to) => ({ to })));
    });
  });

  // Friday 12 June 2026, 15:00 London: away from the Friday morning to the Monday morning.
  const FRIDAY = '2026-06-12T14:00:00.000Z';
  const MONDAY_MORNING = '2026-06-15T07:00:00.000Z';
  it('set up on a Friday with the GP contact away over the weekend: the GP deputy is asked for the return; set up at the Monday morning the absence ends, the contact is', () => {
    const config = configWith([{ who: PEOPLE.gpContact, from: '2026-06-12T07:00:00.000Z', to: MONDAY_MORNING }]);
    const pick = (card: CardSpec) => card.kind === 'scopingRequest' && gp(card);
    expect(sendsOf(config, SCENES.reviewOpened(), setUp(), FRIDAY, pick).sent).toEqual([{ to: PEOPLE.gpDeputy.aadObjectId, awayFor: 'Glen Surgery', until: MONDAY_MORNING }]);
    expect(sendsOf(config, SCENES.reviewOpened(), setUp(), MONDAY_MORNING, pick).sent).toEqual(ids([PEOPLE.gpContact, PEOPLE.gpDeputy]).map((to) => ({ to })));
  });

  // Monday 31 August 2026 is the summer bank holiday in England; the contact is away Friday evening to Tuesday morning.
  const BANK_HOLIDAY = '2026-08-31T09:00:00.000Z';
  const TUESDAY_MORNING = '2026-09-01T07:00:00.000Z';
  it('an action agreed on the bank holiday with the GP contact away over the long weekend: the deputy is asked; agreed at the Tuesday morning it ends, the contact is', () => {
    expect(calendar.isWorkingDay('2026-08-31')).toBe(false);
    const config = configWith([{ who: PEOPLE.gpContact, from: '2026-08-28T16:00:00.000Z', to: TUESDAY_MORNING }]);
    const start = () => play(SCENES.reviewCompletedOnTime(), ACT.recommendAndAgree()[0]!);
    const pick = (card: CardSpec) => card.kind === 'actionRequest';
    expect(sendsOf(config, start(), agreeAction('2026-10-30'), BANK_HOLIDAY, pick).sent).toEqual([{ to: PEOPLE.gpDeputy.aadObjectId, awayFor: 'Glen Surgery', until: TUESDAY_MORNING }]);
    expect(sendsOf(config, start(), agreeAction('2026-10-30'), TUESDAY_MORNING, pick).sent).toEqual(ids([PEOPLE.gpContact, PEOPLE.gpDeputy]).map((to) => ({ to })));
  });

  it('an overdue chaser: the GP deputy stands in for the contact; the escalation contact is chased in their own right, not told of anyone’s absence', () => {
    const start = play(SCENES.reviewSetUp(), DO.noInvolvement('probation'), DO.sweep(T.twoDaysBefore), DO.returned('education', T.educationReturned), DO.sweep(T.dueMorning));
    const config = configWith([{ who: PEOPLE.gpContact, from: T.firstOverdue, to: plusDays(T.firstOverdue, 2) }]);
    const { sent } = sendsOf(config, start, tick, T.firstOverdue, (card) => card.kind === 'scopingChaser' && gp(card));
    expect(sent).toEqual([{ to: PEOPLE.gpDeputy.aadObjectId, awayFor: 'Glen Surgery', until: plusDays(T.firstOverdue, 2) }, { to: PEOPLE.gpEscalation.aadObjectId }].sort((a, b) => a.to.localeCompare(b.to)));
  });
});

describe('requests only the holder may answer, while they are away', () => {
  // DOMAIN: the review group chair "gives the initial view together with the children's services director".
  const withInbox = (absent: boolean): PartnershipFile =>
    PartnershipFileSchema.parse({
      ...sampleConfig,
      mail: { fromMailbox: 'partnership@partnership.example.org' },
      partners: { ...sampleConfig.partners, localAuthority: { ...sampleConfig.partners.localAuthority, inboxes: [{ name: "Children's services", email: 'cs.safeguarding@council.example.org' }] } },
      absences: absent ? [{ aadObjectId: PEOPLE.director.aadObjectId, from: T.logged, to: plusDays(T.logged, 3) }] : [],
    });
  const logged = (config: PartnershipFile) => {
    const d = createDecider(config, calendar)(undefined, DO.log()[0], new Date(T.logged));
    if (!d.ok) throw new Error(d.refusal);
    return d.effects.flatMap((e) => (e.type === 'send' && e.to.kind === 'person' && e.card.kind === 'initialViewRequest' ? [{ to: e.to.aadObjectId, awayFor: e.card.awayFor }] : []));
  };

  it('the director away: still asked for the initial view (nobody else may give it), the local authority’s absence inbox is told, the card says so; the deputy is not asked', () => {
    const sent = logged(withInbox(true));
    expect(sent.map((s) => s.to).sort()).toEqual(ids([PEOPLE.chair, PEOPLE.director]));
    expect(sent.find((s) => s.to === PEOPLE.director.aadObjectId)!.awayFor).toEqual({ displayName: 'Dana Director', until: plusDays(T.logged, 3), inboxes: ['cs.safeguarding@council.example.org'], nobodyStandsIn: true });
    expect(sent.find((s) => s.to === PEOPLE.chair.aadObjectId)!.awayFor).toBeUndefined();
    expect(WHEN_AWAY.initialViewRequest).toBe('holder');
  });

  it('the director present: asked as ever, nobody told', () => {
    expect(logged(withInbox(false)).every((s) => s.awayFor === undefined)).toBe(true);
  });

  // 002 Section B: the police representative's "communication will be shared ... with the generic inbox"; 8.2: the
  // "safeguarding partner representatives, including the chair" agree the outcome of a review-group disagreement.
  it('the police representative away when a review-group disagreement is opened: still sent it, the police inbox is told, their deputy is sent it in their own right', () => {
    const AWAY_TO = '2026-06-12T16:00:00.000Z';
    const config = PartnershipFileSchema.parse({
      ...sampleConfig,
      mail: { fromMailbox: 'partnership@partnership.example.org' },
      partners: { ...sampleConfig.partners, police: { ...sampleConfig.partners.police, inboxes: [{ name: 'Review team', email: 'review.team@police.example.org' }] } },
      absences: [{ aadObjectId: PEOPLE.police.aadObjectId, from: '2026-06-11T10:00:00.000Z', to: AWAY_TO }],
    });
    const open: CaseCommand = { type: 'OpenReviewGroupDispute', actor: as(PEOPLE.healthDeputy), about: 'reviewGroupDiscussion', reason: 'We think the case should be considered by the review group.' };
    const { sent } = sendsOf(config, SCENES.closed(), open, '2026-06-11T10:00:00.000Z', (card) => card.kind === 'reviewGroupDispute');
    expect(sent).toEqual(
      [
        { to: PEOPLE.chair.aadObjectId },
        { to: PEOPLE.director.aadObjectId },
        { to: PEOPLE.laDeputy.aadObjectId },
        { to: PEOPLE.police.aadObjectId, awayFor: 'Pat Police', until: AWAY_TO },
        { to: PEOPLE.policeDeputy.aadObjectId },
        { to: PEOPLE.health.aadObjectId },
        { to: PEOPLE.healthDeputy.aadObjectId },
      ].sort((a, b) => a.to.localeCompare(b.to)),
    );
    expect(WHEN_AWAY.reviewGroupDispute).toBe('holder');
  });
});

describe('every 1:1 send of a kind someone may stand in for, or only its holder may answer, goes through workflow/whenAway.ts', () => {
  const ROOT = join(import.meta.dirname, '..', '..', 'workflow');
  async function sourceFiles(dir: string): Promise<string[]> {
    const entries = await readdir(dir, { withFileTypes: true });
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []))));
    return nested.flat();
  }

  it('no step sends such a card to a person directly', async () => {
    const direct: string[] = [];
    for (const file of await sourceFiles(ROOT)) {
      const source = await readFile(file, 'utf8');
      for (const m of source.matchAll(/type: 'send', key: [^;]*?to: person\([^;]*?card: \{ kind: '(\w+)'/g)) {
        const kind = m[1] as Exclude<CardSpec['kind'], 'reminder'>;
        if (WHEN_AWAY[kind] === 'standIn' || WHEN_AWAY[kind] === 'holder') direct.push(`${relative(ROOT, file)}: ${kind}`);
      }
    }
    expect(direct).toEqual([]);
  });
});
