import type { CommandActor } from '../../workflow/commands.js';
import { PARTNERS, type Person } from '../../workflow/partnership.js';
import { PartnershipFileSchema, type PartnershipFile } from '../../config/partnershipFile.js';
import { CASE_REF, DOCUMENT_URL, PEOPLE, sampleConfig } from './sampleConfig.js';
import type { Services } from '../../functions/compositionRoot.js';

/**
 * A large partnership: `agencies` agencies, each with a scoping contact, `deputies` deputies and an
 * escalation contact, and `partnerDeputies` deputies spread over the three statutory partners.
 * Used by the large-change tests and the bench figure for the largest rapid review that commits.
 */

const person = (id: string, displayName: string): Person => ({ aadObjectId: `aad-${id}`, email: `${id}@agency.example.org`, displayName });

export function largePartnership(o: { agencies: number; deputies: number; partnerDeputies: number }): PartnershipFile {
  const agencies = Array.from({ length: o.agencies }, (_, i) => ({
    id: `agency-${i}`,
    name: `Agency ${i}`,
    contact: person(`agency-${i}`, `Agency Contact ${i}`),
    deputies: Array.from({ length: o.deputies }, (_, d) => person(`agency-${i}-deputy-${d}`, `Agency Deputy ${i}.${d}`)),
    escalation: person(`agency-${i}-lead`, `Agency Lead ${i}`),
  }));
  const partners = Object.fromEntries(
    PARTNERS.map((partner, p) => [
      partner,
      {
        ...sampleConfig.partners[partner],
        // The sample's own deputies (one each) count towards the number asked for.
        deputies: [
          ...sampleConfig.partners[partner].deputies,
          ...Array.from({ length: Math.max(0, o.partnerDeputies - PARTNERS.length) }, (_, d) => d)
            .filter((d) => d % PARTNERS.length === p)
            .map((d) => person(`partner-deputy-${d}`, `Partner Deputy ${d}`)),
        ],
      },
    ]),
  );
  return PartnershipFileSchema.parse({ ...sampleConfig, agencies, partners });
}

export const as = (p: Person): CommandActor => ({ aadObjectId: p.aadObjectId, displayName: p.displayName });

/** The case notified and its rapid review opened, ready to be set up (the rapid review integration test's timeline). */
export async function reviewReadyToSetUp(s: Pick<Services, 'cases'>, caseRef = CASE_REF): Promise<void> {
  const at = (iso: string) => new Date(iso);
  await s.cases.execute(caseRef, { type: 'LogReferral', actor: as(PEOPLE.business), referral: { caseRef, referringAgency: 'Police', awareAt: '2026-06-01T07:30:00.000Z', harm: 'seriousHarm', location: 'inArea', lookedAfter: false, documentUrl: DOCUMENT_URL.replaceAll(CASE_REF, caseRef) } }, at('2026-06-01T09:00:00.000Z'));
  await s.cases.execute(caseRef, { type: 'GiveInitialView', actor: as(PEOPLE.director), view: 'notify', rationale: 'Serious harm; neglect suspected.' }, at('2026-06-01T10:00:00.000Z'));
  await s.cases.execute(caseRef, { type: 'ConcurInitialView', actor: as(PEOPLE.chair) }, at('2026-06-01T10:00:00.000Z')); // the view is theirs together (002 step 3)
  for (const p of [PEOPLE.police, PEOPLE.health]) await s.cases.execute(caseRef, { type: 'ReplyAsPartner', actor: as(p), reply: 'agree', rationale: 'Agreed on what is known.' }, at('2026-06-01T11:00:00.000Z'));
  await s.cases.execute(caseRef, { type: 'ConfirmPanelNotification', actor: as(PEOPLE.laDeputy), sentAt: '2026-06-02T09:00:00.000Z', panelReference: 'CSPRP-9' }, at('2026-06-02T09:30:00.000Z'));
}

export const SET_UP_AT = new Date('2026-06-03T09:00:00.000Z');
export const MEETING_AT = '2026-06-16T09:00:00.000Z';
/** Two working days before the returns are due; the morning they are due; the next morning, when they are overdue and the papers are due. */
export const TWO_DAYS_BEFORE = new Date('2026-06-04T08:00:00.000Z');
export const DUE_MORNING = new Date('2026-06-08T08:00:00.000Z');
export const OVERDUE_AND_PAPERS = new Date('2026-06-09T10:00:00.000Z');
