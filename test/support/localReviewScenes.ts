import { createWorkingCalendar } from '../../workflow/calendar/workingCalendar.js';
import type { CaseCommand, CommandActor } from '../../workflow/commands.js';
import { createDecider } from '../../workflow/decide.js';
import type { CaseEvent } from '../../workflow/events.js';
import type { Person } from '../../workflow/partnership.js';
import { commandRunner } from './runCommands.js';
import { PEOPLE, SCENES, sampleConfig } from './sampleConfig.js';

/**
 * Local review (LCSPR) histories for the tests: the partners decided to hold one at 11:50 on
 * Tuesday 30 June 2026 (SCENES.lcsprDecided), so publication is due by Wednesday 30 December 2026.
 */

export const lrCalendar = createWorkingCalendar({ nation: 'england-and-wales', workingHours: sampleConfig.workingHours });
export const lrDecide = createDecider(sampleConfig, lrCalendar);
export const lrRun = commandRunner(lrDecide);
export const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });
const BU = as(PEOPLE.business);

export const DECIDED_AT = '2026-06-30T10:50:00.000Z';
export const TOR_URL = 'https://documents.example.org/sites/cases/RR-2026-014/terms-of-reference.docx';
export const PUBLISHED_URL = 'https://www.iowscp.org.uk/reviews/lcspr-rr-2026-014.pdf';
export const INDEPENDENCE = 'Not employed by any partnership agency in the past five years; no involvement in the case.';
export const CONFLICTS = 'None declared; previously reviewed for a neighbouring partnership only.';
export const DELAY = 'The inquest is listed for January; publishing first would prejudice it.';

export const LR = {
  /** The sample child is looked after (the referral says so) by the Isle of Wight Council, this partnership's local authority: this partnership leads (5.5). */
  lead: (): [CaseCommand, string] => [
    { type: 'RecordLocalReviewLead', actor: BU, leadPartnership: 'Isle of Wight Safeguarding Children Partnership', weLead: true, involved: ['Hampshire Safeguarding Children Partnership'], responsibleAuthority: 'Isle of Wight Council' },
    '2026-07-01T09:00:00.000Z',
  ],
  toldDecision: (): [CaseCommand, string] => [{ type: 'RecordLocalReviewBodiesTold', actor: BU, about: 'decision', sentAt: '2026-07-01T10:00:00.000Z' }, '2026-07-01T10:05:00.000Z'],
  commission: (at = '2026-07-10T09:00:00.000Z'): [CaseCommand, string] => [
    {
      type: 'CommissionLocalReviewer',
      actor: BU,
      reviewerName: 'Robin Reviewer',
      reviewerKind: 'external',
      independence: INDEPENDENCE,
      conflicts: CONFLICTS,
      methodology: ['systemsMethodology', 'practitionerMeetings'],
      termsOfReferenceUrl: TOR_URL,
      familyEngagementPlanned: true,
      familyNote: 'Through the allocated social worker, after the police agree the timing.',
      practitionerEngagementPlanned: true,
    },
    at,
  ],
  plan: (milestone: Extract<CaseCommand, { type: 'PlanLocalReviewMilestone' }>['milestone'], plannedDate: string, at: string): [CaseCommand, string] => [{ type: 'PlanLocalReviewMilestone', actor: BU, milestone, plannedDate }, at],
  done: (milestone: Extract<CaseCommand, { type: 'RecordLocalReviewMilestone' }>['milestone'], doneDate: string, at: string, publish?: boolean): [CaseCommand, string] => [
    { type: 'RecordLocalReviewMilestone', actor: BU, milestone, doneDate, ...(publish !== undefined ? { publish } : {}) },
    at,
  ],
  publication: (plannedDate: string, at: string): [CaseCommand, string] => [{ type: 'PlanLocalReviewPublication', actor: BU, plannedDate }, at],
  copySent: (sentAt: string, at: string): [CaseCommand, string] => [{ type: 'RecordLocalReviewCopySent', actor: BU, sentAt }, at],
  justify: (about: 'delay' | 'notPublished', sentAt: string, at: string): [CaseCommand, string] => [{ type: 'RecordLocalReviewJustification', actor: BU, about, justification: DELAY, sentAt }, at],
  published: (publishedDate: string, at: string): [CaseCommand, string] => [{ type: 'RecordLocalReviewPublished', actor: BU, publishedDate, url: PUBLISHED_URL }, at],
};

/** Runs the steps and fails loudly if one is refused, so a scene is what it says. */
function play(start: CaseEvent[], ...steps: [CaseCommand, string][]): CaseEvent[] {
  const out = lrRun(steps, start);
  out.decisions.forEach((d, i) => {
    if (!d.ok) throw new Error(`local review scene: ${steps[i]![0].type} at ${steps[i]![1]} was refused: ${d.refusal}`);
  });
  return out.events;
}

export const LR_SCENES = {
  opened: (): CaseEvent[] => SCENES.lcsprDecided(),
  commissioned: (): CaseEvent[] => play(LR_SCENES.opened(), LR.lead(), LR.toldDecision(), LR.commission()),
  /** Milestones planned through the autumn; publication planned for Wednesday 2 December 2026. */
  planned: (): CaseEvent[] =>
    play(
      LR_SCENES.commissioned(),
      LR.plan('earlyDraft', '2026-09-30', '2026-07-15T09:00:00.000Z'),
      LR.plan('finalReportPresented', '2026-10-21', '2026-07-15T09:01:00.000Z'),
      LR.plan('executiveApproval', '2026-11-04', '2026-07-15T09:02:00.000Z'),
      LR.publication('2026-12-02', '2026-07-15T09:03:00.000Z'),
    ),
  approved: (): CaseEvent[] =>
    play(LR_SCENES.planned(), LR.done('earlyDraft', '2026-09-30', '2026-09-30T15:00:00.000Z'), LR.done('finalReportPresented', '2026-10-21', '2026-10-21T15:00:00.000Z'), LR.done('executiveApproval', '2026-11-04', '2026-11-04T15:00:00.000Z', true)),
  /** Ratified by the board on Wednesday 18 November (step 25), then published on the planned day. */
  ratified: (): CaseEvent[] => play(LR_SCENES.approved(), LR.done('boardRatification', '2026-11-18', '2026-11-18T15:00:00.000Z')),
  published: (): CaseEvent[] => play(LR_SCENES.ratified(), LR.copySent('2026-11-20T10:00:00.000Z', '2026-11-20T10:05:00.000Z'), LR.published('2026-12-02', '2026-12-02T12:00:00.000Z')),
  notPublished: (): CaseEvent[] => play(LR_SCENES.planned(), LR.done('executiveApproval', '2026-11-04', '2026-11-04T15:00:00.000Z', false)),
  delayed: (): CaseEvent[] => play(LR_SCENES.commissioned(), LR.publication('2027-01-20', '2026-12-01T10:00:00.000Z')),
};
