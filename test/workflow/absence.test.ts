import { describe, expect, it } from 'vitest';
import { rosterOf } from '../../config/partnershipFile.js';
import { askedAt, everyoneAskedAt } from '../../workflow/absence.js';
import { createDecider } from '../../workflow/decide.js';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { RosterSchema, type Absence, type Person, type Roster } from '../../workflow/partnership.js';
import type { CaseCommand } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Effect } from '../../workflow/effects.js';
import { fold } from '../../workflow/state.js';
import { caseCard } from '../../cards/index.js';
import { assertValidCard } from '../support/validateCard.js';
import { cardText } from '../support/recordingMessenger.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig, T } from '../support/sampleConfig.js';

/** Who is asked while someone is away (DOMAIN: absence), at fixed instants. */

const base = rosterOf(sampleConfig);
const withAbsences = (...absences: Absence[]): Roster => RosterSchema.parse({ ...base, absences });
const away = (p: { aadObjectId: string }, from: string, to: string): Absence => ({ aadObjectId: p.aadObjectId, from, to });
const LEAVE = away(PEOPLE.police, '2026-06-08T00:00:00Z', '2026-06-15T00:00:00Z');

describe('who is asked at an instant', () => {
  const cases: { name: string; roster: Roster; who: string; at: string; asked: string[]; awayFor?: string; inboxes?: string[] }[] = [
    { name: 'present: the person', roster: withAbsences(), who: PEOPLE.police.aadObjectId, at: '2026-06-09T10:00:00Z', asked: [PEOPLE.police.aadObjectId] },
    { name: 'away: the partner’s deputy, told for whom', roster: withAbsences(LEAVE), who: PEOPLE.police.aadObjectId, at: '2026-06-09T10:00:00Z', asked: [PEOPLE.policeDeputy.aadObjectId], awayFor: 'Pat Police' },
    { name: 'before the absence starts: the person', roster: withAbsences(LEAVE), who: PEOPLE.police.aadObjectId, at: '2026-06-07T23:59:59Z', asked: [PEOPLE.police.aadObjectId] },
    { name: 'the instant it ends: the person again', roster: withAbsences(LEAVE), who: PEOPLE.police.aadObjectId, at: '2026-06-15T00:00:00Z', asked: [PEOPLE.police.aadObjectId] },
    { name: 'someone else away: the person', roster: withAbsences(LEAVE), who: PEOPLE.health.aadObjectId, at: '2026-06-09T10:00:00Z', asked: [PEOPLE.health.aadObjectId] },
    {
      name: 'deputy away too: nobody present to stand in, so the person is asked all the same',
      roster: withAbsences(LEAVE, away(PEOPLE.policeDeputy, '2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z')),
      who: PEOPLE.police.aadObjectId,
      at: '2026-06-09T10:00:00Z',
      asked: [PEOPLE.police.aadObjectId],
    },
    { name: 'an agency contact away: the agency’s deputy', roster: withAbsences(away(PEOPLE.gpContact, '2026-06-08T00:00:00Z', '2026-06-10T00:00:00Z')), who: PEOPLE.gpContact.aadObjectId, at: '2026-06-09T10:00:00Z', asked: [PEOPLE.gpDeputy.aadObjectId], awayFor: 'Glen Surgery' },
    { name: 'a chair away has no deputy on the roster: still the chair', roster: withAbsences(away(PEOPLE.chair, '2026-06-08T00:00:00Z', '2026-06-10T00:00:00Z')), who: PEOPLE.chair.aadObjectId, at: '2026-06-09T10:00:00Z', asked: [PEOPLE.chair.aadObjectId] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = askedAt(c.roster, c.who, new Date(c.at));
      expect(result.asked.map((a) => a.aadObjectId)).toEqual(c.asked);
      expect(result.asked.map((a) => a.awayFor?.displayName)).toEqual(c.asked.map(() => c.awayFor));
    });
  }

  it('a partner’s absence inboxes are told while their person is away', () => {
    const roster = RosterSchema.parse({ ...base, partners: { ...base.partners, police: { ...base.partners.police, inboxes: [{ name: 'Review team', email: 'review.team@police.example.org' }] } }, absences: [LEAVE] });
    expect(askedAt(roster, PEOPLE.police.aadObjectId, new Date('2026-06-09T10:00:00Z')).inboxes).toEqual(['review.team@police.example.org']);
    expect(askedAt(roster, PEOPLE.police.aadObjectId, new Date('2026-06-16T10:00:00Z')).inboxes).toEqual([]);
  });

  it('a shared inbox the only deputy (police, ICB): the representative is asked, their reminder carries the inbox to tell', () => {
    const roster = RosterSchema.parse({ ...base, partners: { ...base.partners, police: { ...base.partners.police, deputies: [], inboxes: [{ name: 'Review team', email: 'review.team@police.example.org' }] } }, absences: [LEAVE] });
    expect(askedAt(roster, PEOPLE.police.aadObjectId, new Date('2026-06-09T10:00:00Z')).asked).toEqual([
      { aadObjectId: PEOPLE.police.aadObjectId, awayFor: { aadObjectId: PEOPLE.police.aadObjectId, displayName: 'Pat Police', until: LEAVE.to, inboxes: ['review.team@police.example.org'] } },
    ]);
    // Once the absence is over, nobody's inbox is told.
    expect(askedAt(roster, PEOPLE.police.aadObjectId, new Date('2026-06-16T10:00:00Z')).asked).toEqual([{ aadObjectId: PEOPLE.police.aadObjectId }]);
  });

  it('a deputy asked anyway is asked once, and told the representative is away', () => {
    const asked = everyoneAskedAt(withAbsences(LEAVE), [PEOPLE.police.aadObjectId, PEOPLE.policeDeputy.aadObjectId], new Date('2026-06-09T10:00:00Z'));
    expect(asked).toEqual([{ aadObjectId: PEOPLE.policeDeputy.aadObjectId, awayFor: { aadObjectId: PEOPLE.police.aadObjectId, displayName: 'Pat Police', until: LEAVE.to, inboxes: [] } }]);
  });

  it('the absence inboxes are told with the first stand-in’s request only', () => {
    const second: Person = { aadObjectId: 'aad-police-deputy-2', email: 'second@police.example.org', displayName: 'Sol Second' };
    const roster = RosterSchema.parse({ ...base, partners: { ...base.partners, police: { ...base.partners.police, deputies: [PEOPLE.policeDeputy, second], inboxes: [{ name: 'Review team', email: 'review.team@police.example.org' }] } }, absences: [LEAVE] });
    const asked = askedAt(roster, PEOPLE.police.aadObjectId, new Date('2026-06-09T10:00:00Z')).asked;
    expect(asked.map((a) => [a.aadObjectId, a.awayFor?.inboxes])).toEqual([
      [PEOPLE.policeDeputy.aadObjectId, ['review.team@police.example.org']],
      [second.aadObjectId, []],
    ]);
  });

  it('an absence for someone not on the roster, or ending before it starts, is refused with the schema’s words', () => {
    const result = RosterSchema.safeParse({ ...base, absences: [away({ aadObjectId: 'aad-nobody' }, '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z'), away(PEOPLE.police, '2026-06-09T00:00:00Z', '2026-06-08T00:00:00Z')] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['absences.0.aadObjectId', 'is not anyone on the roster'],
        ['absences.1.to', 'the end of an absence must be after its start'],
      ]),
    );
  });
});

describe('the procedure’s reminders while someone is away', () => {
  const calendar = createWorkingCalendar({ nation: sampleConfig.nation, workingHours: sampleConfig.workingHours });
  const logReferral: CaseCommand = {
    type: 'LogReferral',
    actor: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName },
    referral: { caseRef: CASE_REF, referringAgency: 'Police', awareAt: T.aware, harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL, abuseOrNeglect: 'suspected' },
  };
  // Half-way to the initial view's deadline (10:00 Tuesday) has passed; the deadline has not.
  const REMINDED_AT = '2026-06-09T08:00:00.000Z';

  function reminders(roster: Roster) {
    const decide = createDecider(roster, calendar);
    const logged = decide(undefined, logReferral, new Date(T.logged));
    if (!logged.ok) throw new Error(logged.refusal);
    const ticked = decide(fold(logged.events), { type: 'Tick' }, new Date(REMINDED_AT));
    if (!ticked.ok) throw new Error(ticked.refusal);
    const sends = ticked.effects.flatMap((e) => (e.type === 'send' && e.card.kind === 'reminder' && e.to.kind === 'person' ? [{ to: e.to.aadObjectId, card: e.card }] : []));
    return { sends, state: fold([...logged.events, ...ticked.events])! };
  }

  it('present: the chair and the director are reminded', () => {
    expect(reminders(withAbsences()).sends.map((s) => s.to).sort()).toEqual([PEOPLE.chair.aadObjectId, PEOPLE.director.aadObjectId].sort());
  });

  it('the director away: still reminded of the initial view, which nobody else may give', () => {
    const { sends } = reminders(withAbsences(away(PEOPLE.director, '2026-06-08T00:00:00Z', '2026-06-12T16:00:00Z')));
    expect(sends.map((s) => [s.to, s.card.awayFor])).toEqual(expect.arrayContaining([[PEOPLE.director.aadObjectId, undefined]]));
    expect(sends.map((s) => s.to)).not.toContain(PEOPLE.laDeputy.aadObjectId);
  });

  it('the police representative away: the partners’ reminder goes to the police deputy, whose card says whose deputy and until when', () => {
    const roster = withAbsences(away(PEOPLE.police, '2026-06-08T00:00:00Z', '2026-06-12T16:00:00Z'));
    const decide = createDecider(roster, calendar);
    const run = (steps: [CaseCommand, string][]) => {
      let events: CaseEvent[] = [];
      let effects: Effect[] = [];
      for (const [command, at] of steps) {
        const d = decide(fold(events), command, new Date(at));
        if (!d.ok) throw new Error(`${command.type}: ${d.refusal}`);
        events = [...events, ...d.events];
        effects = d.effects;
      }
      return { state: fold(events)!, effects };
    };
    const actor = (p: Person) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
    const REMINDED = '2026-06-09T10:00:00.000Z';
    const { state, effects } = run([
      [logReferral, T.logged],
      [{ type: 'GiveInitialView', actor: actor(PEOPLE.chair), view: 'notify', rationale: 'Criteria met.' }, T.viewGiven],
      [{ type: 'ConcurInitialView', actor: actor(PEOPLE.director) }, T.viewGiven],
      [{ type: 'RecordPartnerCardPosted', postedAt: T.viewGiven }, T.viewGiven],
      [{ type: 'Tick' }, REMINDED],
    ]);
    const sends = effects.flatMap((e) => (e.type === 'send' && e.card.kind === 'reminder' && e.to.kind === 'person' ? [{ to: e.to.aadObjectId, card: e.card }] : []));
    expect(sends.map((s) => s.to)).not.toContain(PEOPLE.police.aadObjectId);
    const deputy = sends.find((s) => s.to === PEOPLE.policeDeputy.aadObjectId)!;
    const card = caseCard(deputy.card, { state, config: { ...sampleConfig, ...roster }, now: new Date(REMINDED), recipient: { kind: 'person', aadObjectId: PEOPLE.policeDeputy.aadObjectId } });
    assertValidCard(card);
    expect(cardText(card)).toContain('You are asked because Pat Police is away until 17:00 on Friday 12 June: you stand in for them as their deputy.');
    // The health partner, nobody away, is reminded as ever, and not told of anyone's absence.
    const health = sends.find((s) => s.to === PEOPLE.health.aadObjectId)!;
    expect(health.card.awayFor).toBeUndefined();
  });

  it('the police representative away with only a shared inbox to stand in: they are reminded themselves, the card says their team’s inbox has been told', () => {
    const roster = RosterSchema.parse({
      ...base,
      partners: { ...base.partners, police: { ...base.partners.police, deputies: [], inboxes: [{ name: 'Review team', email: 'review.team@police.example.org' }] } },
      absences: [away(PEOPLE.police, '2026-06-08T00:00:00Z', '2026-06-12T16:00:00Z')],
    });
    const decide = createDecider(roster, calendar);
    let events: CaseEvent[] = [];
    let effects: Effect[] = [];
    const actor = (p: Person) => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
    const REMINDED = '2026-06-09T10:00:00.000Z';
    for (const [command, at] of [
      [logReferral, T.logged],
      [{ type: 'GiveInitialView', actor: actor(PEOPLE.chair), view: 'notify', rationale: 'Criteria met.' }, T.viewGiven],
      [{ type: 'ConcurInitialView', actor: actor(PEOPLE.director) }, T.viewGiven],
      [{ type: 'RecordPartnerCardPosted', postedAt: T.viewGiven }, T.viewGiven],
      [{ type: 'Tick' }, REMINDED],
    ] as [CaseCommand, string][]) {
      const d = decide(fold(events), command, new Date(at));
      if (!d.ok) throw new Error(`${command.type}: ${d.refusal}`);
      events = [...events, ...d.events];
      effects = d.effects;
    }
    const sends = effects.flatMap((e) => (e.type === 'send' && e.card.kind === 'reminder' && e.to.kind === 'person' ? [{ to: e.to.aadObjectId, card: e.card }] : []));
    const police = sends.filter((s) => s.to === PEOPLE.police.aadObjectId);
    expect(police).toHaveLength(1);
    expect(police[0]!.card.awayFor).toEqual({ displayName: 'Pat Police', until: '2026-06-12T16:00:00Z', inboxes: ['review.team@police.example.org'], nobodyStandsIn: true });
    const card = caseCard(police[0]!.card, { state: fold(events)!, config: { ...sampleConfig, ...roster }, now: new Date(REMINDED), recipient: { kind: 'person', aadObjectId: PEOPLE.police.aadObjectId } });
    assertValidCard(card);
    expect(cardText(card)).toContain("Pat Police is away until 17:00 on Friday 12 June; their team's inbox has been told.");
    expect(cardText(card)).not.toContain('as their deputy');
  });
});
