import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import { createDecider, type Decision } from '../../workflow/decide.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, rosterOf } from '../../config/partnershipFile.js';
import { fold } from '../../workflow/state.js';
import { timersOf } from '../../workflow/tick.js';
import type { CostModel, CostShare } from '../../workflow/costs/schemas.js';
import { GUIDANCE_CAVEAT, SEVERITY_GRADES, severityGuidance } from '../../workflow/severity.js';
import { commandRunner } from '../support/runCommands.js';
import { PEOPLE, SCENES, sampleConfig } from '../support/sampleConfig.js';

/**
 * Costs and proportionality (issue 17): the Tower Hamlets apportionment (000 1.2.3), enforced with
 * refusals in words, and funding never holding up the review (000 1.2.1). Then the severity matrix
 * of 004 as advisory guidance.
 */

// The sample partnership, with a relevant agency (a hospital trust) and the police answering as a review-group agency.
const config = rosterOf(PartnershipFileSchema.parse({
  ...sampleConfig,
  agencies: [...sampleConfig.agencies, { id: 'police-review', name: 'Police review team', contact: PEOPLE.police, escalation: PEOPLE.policeDeputy, partner: 'police' }],
}));
const calendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: config.workingHours });
const decide = createDecider(config, calendar);
const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const refusal = (d: Decision) => (d.ok ? undefined : d.refusal);
const AT = new Date('2026-07-02T09:00:00.000Z');
const completed = fold(SCENES.reviewCompletedOnTime())!;
const record = (model: CostModel, shares: CostShare[], estimate = 18_000, p: Person = PEOPLE.business): CaseCommand => ({ type: 'RecordReviewCosts', actor: as(p), review: { kind: 'lcspr' }, estimate, model, shares });
const s = (payer: string, percent: number): CostShare => ({ payer, percent });

/**
 * 000 1.2.3 Option 2: "If one or more Statutory Partner or Relevant Agency should bear the total cost
 * of the review"; "If more than one ... then a proportional system is enacted ... with this highest
 * level of contributions raised to a maximum of 80% of the cost of the review to ensure that all
 * reviews have contributions from all three Statutory Partners"; "Where a relevant agency is deemed
 * the appropriate agency to deliver the review, they will bear the cost up to 80%".
 */
describe('option 2: one payer bears it all, or no share above 80% with all three partners contributing (000 1.2.3)', () => {
  it.each([
    ['a single payer bears it all', [s('localAuthority', 100)], undefined],
    ['a relevant agency alone bears it all', [s('hospital-trust', 100)], undefined],
    ['80/20: the lead partner 80%, the other two 10% each', [s('localAuthority', 80), s('police', 10), s('health', 10)], undefined],
    ['80/20: a relevant agency leads at 80%, the three partners share the rest', [s('hospital-trust', 80), s('localAuthority', 10), s('police', 5), s('health', 5)], undefined],
    ['thirds to the penny', [s('localAuthority', 33.34), s('police', 33.33), s('health', 33.33)], undefined],
    ['an agency answering for a partner counts as that partner', [s('localAuthority', 40), s('police-review', 30), s('health', 30)], undefined],
    [
      '81/19: above the cap',
      [s('localAuthority', 81), s('police', 10), s('health', 9)],
      "Under option 2, where several contribute no share may be above 80% (000 1.2.3): Local authority children's services would pay 81%. Make it one payer bearing the whole cost, or bring the largest share down to 80%.",
    ],
    [
      'two partners only (80/20)',
      [s('localAuthority', 80), s('police', 20)],
      'Under option 2, where several contribute all three statutory partners must contribute (000 1.2.3: "to ensure that all reviews have contributions from all three Statutory Partners"): Health (ICB) has no share.',
    ],
    [
      'two partners only (50/50)',
      [s('police', 50), s('health', 50)],
      'Under option 2, where several contribute all three statutory partners must contribute (000 1.2.3: "to ensure that all reviews have contributions from all three Statutory Partners"): Local authority children\'s services has no share.',
    ],
    [
      'a relevant agency at 80% with one partner',
      [s('hospital-trust', 80), s('health', 20)],
      'Under option 2, where several contribute all three statutory partners must contribute (000 1.2.3: "to ensure that all reviews have contributions from all three Statutory Partners"): Local authority children\'s services and Police have no share.',
    ],
  ])('%s', (_name, shares, refused) => {
    expect(refusal(decide(completed, record('option2', shares), AT))).toBe(refused);
  });
});

describe('option 1 apportions by involvement; every record adds up and names known payers (000 1.2.3 Option 1)', () => {
  it.each([
    ['two agencies 90/10 (no cap under option 1)', 'option1', [s('localAuthority', 90), s('gp', 10)], 18_000, undefined],
    ['shares that do not add up', 'option1', [s('localAuthority', 60), s('police', 30)], 18_000, 'The shares add up to 90%; they must add up to 100%.'],
    ['an unknown payer', 'option1', [s('council-tax', 100)], 18_000, '"council-tax" is neither a statutory partner nor an agency on the partnership\'s roster.'],
    ['a payer listed twice (the police and the agency answering for it)', 'option2', [s('police', 50), s('police-review', 50)], 18_000, 'Police is listed twice; give each payer one share.'],
    ['a zero share', 'option1', [s('localAuthority', 100), s('police', 0)], 18_000, "Police's share must be more than 0%; leave out anyone who pays nothing."],
    ['no estimate', 'option1', [s('localAuthority', 100)], 0, 'Give the estimated cost of the review in pounds (more than £0).'],
    ['fractions of a penny', 'option1', [s('localAuthority', 100)], 100.001, 'Give the estimate in pounds and pence (at most two decimal places).'],
  ] as const)('%s', (_name, model, shares, estimate, refused) => {
    expect(refusal(decide(completed, record(model, [...shares], estimate), AT))).toBe(refused);
  });

  it('only the business unit records costs', () => {
    expect(refusal(decide(completed, record('option2', [s('localAuthority', 100)], 18_000, PEOPLE.partnershipChair), AT))).toBe("Only the business unit records a review's costs and how they are shared.");
  });

  it('only for a review the case has: no LCSPR is costed before the partners decide to hold one', () => {
    expect(refusal(decide(fold(SCENES.lcsprAsked())!, record('option2', [s('localAuthority', 100)]), AT))).toBe("There is no local child safeguarding practice review (LCSPR) on RR-2026-014. Record the partners' decision to hold one on the local review card first.");
  });

  it('recorded again as the estimate changes: the latest stands', () => {
    const run = commandRunner(decide);
    const result = run([[record('option2', [s('localAuthority', 100)]), '2026-07-02T09:00:00.000Z'], [record('option1', [s('localAuthority', 50), s('gp', 50)], 24_500), '2026-08-03T09:00:00.000Z']], SCENES.reviewCompletedOnTime());
    expect(result.state.costs?.lcspr).toMatchObject({ estimate: 24_500, model: 'option1' });
    expect(result.events.filter((e) => e.type === 'ReviewCostsRecorded')).toHaveLength(2);
  });
});

describe('funding never blocks the review\'s clock (000 1.2.1 "Joint funding decisions and disputes on local case review should not delay the delivery of a local review")', () => {
  const clock = { calendar, hours: config.workingHours };
  const costs: CaseEvent = { type: 'ReviewCostsRecorded', at: '2026-07-02T09:00:00.000Z', by: { aadObjectId: PEOPLE.business.aadObjectId, displayName: PEOPLE.business.displayName, role: 'business unit' }, review: { kind: 'lcspr' }, estimate: 18_000, model: 'option2', shares: [s('localAuthority', 100)] };
  const keyed = (events: CaseEvent[]) => timersOf(fold(events)!, clock).map((t) => `${t.key} ${t.at.toISOString()}`);

  it.each([
    ['the rapid review running', SCENES.reviewSetUp],
    ['the partners deciding on an LCSPR', SCENES.lcsprAsked],
    ['actions open', SCENES.actionsAgreed],
    ['an action overdue', SCENES.actionOverdue],
  ])('with or without costs recorded, the same deadlines fall due: %s', (_name, scene) => {
    const without = scene();
    const withCosts = [...without, { ...costs, at: without.at(-1)!.at }];
    expect(keyed(withCosts)).toEqual(keyed(without));
    expect(keyed(without).length).toBeGreaterThan(0);
  });

  it('no costs recorded: actions are agreed and the review is concluded all the same', () => {
    const concluded = fold(SCENES.reviewConcluded())!;
    expect(concluded.costs).toBeUndefined();
    expect(concluded.actions?.concluded.rapidReview).toBeDefined();
  });
});

describe('the severity matrix of 004 is guidance that 002\'s criteria override', () => {
  it.each([
    // grade, 004 Appendix 3 "Type of review", quoted
    ['catastrophic', 'Serious Case Review/CDOP (approach to consider possible use of: Welsh Government (2013), SCIE)'],
    ['severe', 'Multi agency management overview Report/ Critical Incident Report/ CDOP'],
    ['significant', 'Critical Incident Report/Child Death Overview Panel/Serious Incident Report or review'],
    ['moderate', 'Front line learning (SCIE) report/ Multi agency Audit Single agency review'],
    ['low', 'Practice manager audit or review'],
    ['bestPractice', 'Audit/ Case scenarios & studies that are appropriate to share in newsletter or cascaded in training or Board events'],
  ] as const)('%s -> %s', (grade, suggested) => {
    expect(severityGuidance(grade).suggestedReview).toBe(suggested);
  });

  it('every grade has guidance, and the caveat names 002 5.2 as deciding', () => {
    expect(SEVERITY_GRADES).toHaveLength(6);
    expect(GUIDANCE_CAVEAT).toMatch(/^Guidance only/);
    expect(GUIDANCE_CAVEAT).toContain('The criteria in 002 5.2 decide');
  });
});
