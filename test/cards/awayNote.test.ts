import { describe, expect, it } from 'vitest';
import { caseCard } from '../../cards/index.js';
import type { AwayNote, CardSpec } from '../../workflow/effects.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { assertValidCard, executeActions, visibleText } from '../support/validateCard.js';
import { PEOPLE, SCENES, T, sampleConfig, stateOf } from '../support/sampleConfig.js';
import { PartnershipFileSchema } from '../../config/partnershipFile.js';

/**
 * A card sent while someone is away says so first (issue 16: "the card says so"): a stand-in
 * reads whom they stand in for and until when, and still has everything the card offers; the away
 * person asked all the same reads that their team's inbox was told. Checked through the Adaptive
 * Cards parser.
 */

const until = '2026-06-15T07:00:00.000Z'; // 08:00 Monday 15 June
const away = (p: Person, extra: Partial<AwayNote> = {}): AwayNote => ({ displayName: p.displayName, until, ...extra });

const render = (spec: CardSpec, events: CaseEvent[], now: string, to: Person) => {
  const card = caseCard(spec, { state: stateOf(events), config: sampleConfig, now: new Date(now), recipient: { kind: 'person', aadObjectId: to.aadObjectId } });
  assertValidCard(card);
  return { card, text: visibleText(card) };
};

const CASES: { name: string; spec: CardSpec; scene: () => CaseEvent[]; now: string; standIn: Person; away: Person }[] = [
  { name: 'scoping request to the GP deputy', spec: { kind: 'scopingRequest', agency: 'gp' }, scene: SCENES.reviewSetUp, now: '2026-06-12T09:00:00.000Z', standIn: PEOPLE.gpDeputy, away: PEOPLE.gpContact },
  { name: 'scoping chaser to the GP deputy', spec: { kind: 'scopingChaser', agency: 'gp', chase: 'twoDaysBefore' }, scene: SCENES.reviewSetUp, now: '2026-06-12T09:00:00.000Z', standIn: PEOPLE.gpDeputy, away: PEOPLE.gpContact },
  { name: 'attendance request to the police deputy', spec: { kind: 'attendanceRequest' }, scene: SCENES.reviewSetUp, now: '2026-06-12T09:00:00.000Z', standIn: PEOPLE.policeDeputy, away: PEOPLE.police },
  { name: 'Panel notification request to the local authority deputy', spec: { kind: 'panelNotificationRequest' }, scene: SCENES.decidedNotify, now: '2026-06-10T09:00:00.000Z', standIn: PEOPLE.laDeputy, away: PEOPLE.director },
  { name: 'action request to the GP deputy', spec: { kind: 'actionRequest', action: 'A1' }, scene: SCENES.actionsAgreed, now: '2026-06-12T09:00:00.000Z', standIn: PEOPLE.gpDeputy, away: PEOPLE.gpContact },
];

describe('the stand-in’s card', () => {
  it.each(CASES)('$name: says first whom they stand in for and until when, and offers what it offers anyone', ({ spec, scene, now, standIn, away: who }) => {
    const plain = render(spec, scene(), now, standIn);
    const noted = render({ ...spec, awayFor: away(who) }, scene(), now, standIn);
    expect(noted.text[0]).toBe(`You are asked because ${who.displayName} is away until 08:00 on Monday 15 June: you stand in for them as their deputy.`);
    expect(noted.text.slice(1)).toEqual(plain.text);
    expect(plain.text.join('\n')).not.toContain('is away until');
    expect(executeActions(noted.card)).toEqual(executeActions(plain.card));
  });

  it('the away person asked all the same (only they may answer): told their team’s inbox has been told, not that they stand in for anyone', () => {
    const { text } = render({ kind: 'initialViewRequest', awayFor: away(PEOPLE.director, { inboxes: ['cs@council.example.org'], nobodyStandsIn: true }) }, SCENES.awaitingInitialView(), '2026-06-08T10:00:00.000Z', PEOPLE.director);
    expect(text[0]).toBe("Dana Director is away until 08:00 on Monday 15 June; their team's inbox has been told.");
    expect(text.join('\n')).not.toContain('stand in');
    // An inbox's address is for the email, never shown on a card.
    expect(text.join('\n')).not.toContain('cs@council.example.org');
  });
});

describe("the partners' decision card in the channel, while a representative is away", () => {
  // Issue 16: "while it lasts their deputy is asked, or their absence inbox is told, and the card says so". The
  // channel card is everyone's: it names who may reply for the away representative, or says the inbox was told.
  const back = '2026-06-15T07:00:00.000Z'; // 08:00 Monday 15 June
  const withAbsences = (who: Person[], o: { healthInboxOnly?: boolean } = {}) =>
    PartnershipFileSchema.parse({
      ...sampleConfig,
      absences: who.map((p) => ({ aadObjectId: p.aadObjectId, from: '2026-06-08T07:00:00.000Z', to: back })),
      ...(o.healthInboxOnly ? { mail: { fromMailbox: 'sin@partnership.example.org' }, partners: { ...sampleConfig.partners, health: { ...sampleConfig.partners.health, deputies: [], inboxes: [{ name: 'ICB safeguarding team', email: 'icb.safeguarding@nhs.example.net' }] } } } : {}),
    });
  const channelText = (config: ReturnType<typeof withAbsences>, events: CaseEvent[], now: string) => {
    const card = caseCard({ kind: 'partnerDecision' }, { state: stateOf(events), config, now: new Date(now), recipient: { kind: 'conversation', target: 'decision' } });
    assertValidCard(card);
    return visibleText(card).join('\n');
  };

  it('names the deputy who may reply for the away police representative, and says an ICB inbox was told when nobody can stand in', () => {
    const text = channelText(withAbsences([PEOPLE.police, PEOPLE.health], { healthInboxOnly: true }), SCENES.awaitingReplies(), T.policeReplied);
    expect(text).toContain('Pat Police (Police) is away until 08:00 on Monday 15 June: Quinn Police may reply for them as their deputy.');
    expect(text).toContain("Harper Health (Health (ICB)) is away until 08:00 on Monday 15 June; their team's inbox has been told.");
    expect(text).not.toContain('icb.safeguarding@nhs.example.net');
  });

  it('says nothing of an absence once that partner has replied, before it starts or after it ends', () => {
    const config = withAbsences([PEOPLE.police]);
    expect(channelText(config, SCENES.policeAgreed(), T.policeReplied)).not.toContain('is away until');
    expect(channelText(withAbsences([]), SCENES.awaitingReplies(), T.policeReplied)).not.toContain('is away until');
    expect(channelText(config, SCENES.awaitingReplies(), '2026-06-08T06:59:00.000Z')).not.toContain('is away until');
  });
});
