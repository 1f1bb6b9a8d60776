import { z } from 'zod';
import { NationSchema } from './calendar/nation.js';
import { WorkingHoursSchema, DEFAULT_WORKING_HOURS } from './calendar/workingHours.js';

/**
 * The partnership's roster: who holds which role. Every action is authorised against it, so it is
 * validated in full at start-up (with the shell's settings, see config/partnershipFile.ts).
 */

export const PersonSchema = z.object({
  /** Entra object id: the identity Teams puts in `from.aadObjectId` of every activity. */
  aadObjectId: z.string().min(1),
  email: z.email(),
  displayName: z.string().min(1).max(120),
  /**
   * The tenants this person's actions may come from, matched together with `aadObjectId` (the
   * object id in that tenant). The partnership's own tenant when absent: people of the tenant and
   * guests in it (a guest's object id is the guest account's). A person who works in a shared
   * channel from their own organisation lists their home tenant and home object id.
   */
  tenantIds: z.array(z.string().min(1)).min(1).optional(),
  /** False for someone reachable only by email (no Teams, or no 1:1 chat with the bot): told by email, never by card. */
  teams: z.boolean().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PARTNERS = ['localAuthority', 'police', 'health'] as const;
export const PartnerSchema = z.enum(PARTNERS);
export type Partner = z.infer<typeof PartnerSchema>;

export const PartnerConfigSchema = z.object({
  organisation: z.string().min(1),
  representative: PersonSchema,
  deputies: z.array(PersonSchema).default([]),
  /**
   * Shared inboxes (a police review team's, an ICB safeguarding team's): told by email what the
   * partner is asked, never able to act (they are nobody's identity).
   */
  inboxes: z.array(z.object({ name: z.string().min(1).max(120), email: z.email() })).default([]),
});
export type PartnerConfig = z.infer<typeof PartnerConfigSchema>;

/** An agency asked for scoping returns in rapid reviews (education, probation, GP, hospital trust, ...). */
export const AgencySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and hyphens'),
  name: z.string().min(1),
  /** Completes the scoping return; deputies may record it in their absence. */
  contact: PersonSchema,
  deputies: z.array(PersonSchema).default([]),
  /** Chased with the contact once a return is overdue. */
  escalation: PersonSchema,
  /** Review-group agencies are pre-ticked when a rapid review is set up. */
  reviewGroup: z.boolean().default(false),
  /** The specialist domestic abuse service, offered when domestic abuse is identified. */
  domesticAbuseService: z.boolean().default(false),
  /** A statutory partner answering as a review-group member: asked for a scoping return in every rapid review (002 Section B). */
  partner: PartnerSchema.optional(),
});
export type Agency = z.infer<typeof AgencySchema>;

/**
 * A period a person on the roster is away (DOMAIN: absence). Only the period is kept: the reason
 * is never stored beyond "absent". While it lasts their deputies are asked instead (absence.ts).
 */
export const AbsenceSchema = z
  .object({
    aadObjectId: z.string().min(1),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
  })
  .refine((a) => Date.parse(a.to) > Date.parse(a.from), { message: 'the end of an absence must be after its start', path: ['to'] });
export type Absence = z.infer<typeof AbsenceSchema>;

export const FinalDecisionMakerSchema = z.enum(['partnershipChair', 'independentScrutineer']);

/**
 * Who settles a disagreement about whether to hold a review (a local child safeguarding practice
 * review): the partnership chair (Isle of Wight 8.2), or the independent scrutineer, who in
 * Brighton & Hove (003) makes "the final decision in the case of disagreement". It is not the
 * notification's setting: there the partnership chair always decides at stage 2 (002, 8.1).
 */
export const ReviewDisputeDeciderSchema = z.enum(['partnershipChair', 'independentScrutineer']);
export type ReviewDisputeDecider = z.infer<typeof ReviewDisputeDeciderSchema>;

/**
 * The roster: who the partnership is, who holds which role, and the few rules of its own the
 * procedure applies (working hours, case references, document store, deciders). It is all the
 * procedure sees. Where cards go, which tenants are trusted, the organiser and mail mailboxes and
 * the bank-holidays source are the shell's settings (config/partnershipFile.ts): they share the
 * partnership file with the roster but are never handed to the procedure.
 */
export const RosterFieldsSchema = z.object({
  partnership: z.object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    shortName: z.string().min(1).max(20),
  }),
  nation: NationSchema,
  workingHours: WorkingHoursSchema.default(DEFAULT_WORKING_HOURS),
  /** Case references look like RR-2026-014: letters, year, number. Never a name. */
  caseReferencePattern: z.string().default('^[A-Z]{2,6}-\\d{4}-\\d{1,4}$'),
  /** The month (1-12) the partnership's reporting year starts, for the tab's yearly figures; April by default. */
  reportingYearStartMonth: z.number().int().min(1).max(12).default(4),
  /** Referral documents stay in the partnership's document store; only links to these hosts are accepted. */
  documentStoreHosts: z.array(z.string().min(1)).min(1),
  referringAgencies: z.array(z.string().min(1)).min(1),
  partners: z.object({
    localAuthority: PartnerConfigSchema,
    police: PartnerConfigSchema,
    health: PartnerConfigSchema,
  }),
  reviewGroupChair: PersonSchema,
  childrensServicesDirector: PersonSchema,
  partnershipChair: PersonSchema,
  independentScrutineer: PersonSchema,
  /** Required: told of every decision to notify within 5 working days (002 Section B). */
  strategicPartnershipManager: PersonSchema,
  businessUnit: z.array(PersonSchema).min(1),
  /** Whether-to-hold-a-review disputes only; see ReviewDisputeDeciderSchema and `withLegacySettings`. */
  reviewDisputeDecider: ReviewDisputeDeciderSchema.default('partnershipChair'),
  agencies: z.array(AgencySchema).default([]),
  /** Whether a partner's silence on the review group's LCSPR recommendation counts as agreement (never, unless said here). */
  lcsprSilenceIsAgreement: z.boolean().default(false),
  /** The partnership's executive, told when a rapid review is approved; the partnership chair and the partners' representatives when absent. */
  executive: z.array(PersonSchema).optional(),
  /**
   * The partnership's Main Board members, who get the letter of notification of a local review
   * (002 5.6: "a letter of notification will be sent to the ... executive ... and board members") and
   * nothing else; none when absent.
   */
  boardMembers: z.array(PersonSchema).optional(),
  /** Absences recorded by the people themselves or the business unit for them (kept with the roster's changes). */
  absences: z.array(AbsenceSchema).default([]),
});
type RosterFields = z.infer<typeof RosterFieldsSchema>;

/** The roster's own consistency rules; the partnership file's schema applies them too. */
export function checkRoster(roster: RosterFields, ctx: z.RefinementCtx): void {
  // A person on two partners' rosters could not say which partner a click is for.
  const partnerOf = new Map<string, Partner>();
  for (const partner of PARTNERS) {
    const p = roster.partners[partner];
    [p.representative, ...p.deputies].forEach((person, index) => {
      const other = partnerOf.get(person.aadObjectId);
      if (other && other !== partner) {
        const path = index === 0 ? ['partners', partner, 'representative'] : ['partners', partner, 'deputies', index - 1];
        ctx.addIssue({ code: 'custom', path, message: `${person.displayName} is already on the ${other} roster; a person may reply for one partner only` });
      }
      partnerOf.set(person.aadObjectId, partner);
    });
  }
  const ids = new Set<string>();
  roster.agencies.forEach((agency, index) => {
    if (ids.has(agency.id)) ctx.addIssue({ code: 'custom', path: ['agencies', index, 'id'], message: `"${agency.id}" is used by another agency` });
    ids.add(agency.id);
  });
  // One scoping agency per partner: otherwise a partner's return could be given twice over.
  const partnerAgency = new Set<Partner>();
  roster.agencies.forEach((agency, index) => {
    if (!agency.partner) return;
    if (partnerAgency.has(agency.partner)) ctx.addIssue({ code: 'custom', path: ['agencies', index, 'partner'], message: `another agency already answers for ${agency.partner}` });
    partnerAgency.add(agency.partner);
  });
  const listed = new Set(rosterListings(roster).map((p) => p.aadObjectId));
  roster.absences.forEach((absence, index) => {
    if (!listed.has(absence.aadObjectId)) ctx.addIssue({ code: 'custom', path: ['absences', index, 'aadObjectId'], message: 'is not anyone on the roster' });
  });
  try {
    new RegExp(roster.caseReferencePattern);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['caseReferencePattern'], message: 'is not a valid regular expression' });
  }
}

export const RosterSchema = RosterFieldsSchema.superRefine(checkRoster);
export type Roster = z.infer<typeof RosterSchema>;

/**
 * The procedure's name for the roster, kept so step modules written against it read on: it is
 * the roster only, so no step can read a tenant id, a channel or a mailbox.
 */
export type PartnershipConfig = Roster;

export type Role =
  | { kind: 'businessUnit' }
  | { kind: 'reviewGroupChair' }
  | { kind: 'childrensServicesDirector' }
  | { kind: 'partnershipChair' }
  | { kind: 'independentScrutineer' }
  | { kind: 'strategicPartnershipManager' }
  | { kind: 'partnerRepresentative'; partner: Partner }
  | { kind: 'partnerDeputy'; partner: Partner }
  /** Agencies' people: on the roster for their own agency's scoping returns in rapid reviews. */
  | { kind: 'agencyContact'; agency: string }
  | { kind: 'agencyEscalation'; agency: string }
  /** A member of the partnership's executive (`executive`): told of approved reviews and their progress, nothing more. */
  | { kind: 'executiveMember' }
  /** A member of the Main Board (`boardMembers`): sent a local review's letter of notification (5.6), nothing more. */
  | { kind: 'boardMember' };

export const PARTNER_NAMES: Record<Partner, string> = {
  localAuthority: "Local authority children's services",
  police: 'Police',
  health: 'Health (ICB)',
};

/** Every role the person holds, looked up by the Entra object id taken from the validated activity. */
export function rolesOf(config: PartnershipConfig, aadObjectId: string | undefined): Role[] {
  if (!aadObjectId) return [];
  const is = (p: Person | undefined) => p !== undefined && p.aadObjectId === aadObjectId;
  const roles: Role[] = [];
  if (config.businessUnit.some(is)) roles.push({ kind: 'businessUnit' });
  if (is(config.reviewGroupChair)) roles.push({ kind: 'reviewGroupChair' });
  if (is(config.childrensServicesDirector)) roles.push({ kind: 'childrensServicesDirector' });
  if (is(config.partnershipChair)) roles.push({ kind: 'partnershipChair' });
  if (is(config.independentScrutineer)) roles.push({ kind: 'independentScrutineer' });
  if (is(config.strategicPartnershipManager)) roles.push({ kind: 'strategicPartnershipManager' });
  for (const partner of PARTNERS) {
    const p = config.partners[partner];
    if (is(p.representative)) roles.push({ kind: 'partnerRepresentative', partner });
    if (p.deputies.some(is)) roles.push({ kind: 'partnerDeputy', partner });
  }
  for (const agency of config.agencies) {
    if (is(agency.contact) || agency.deputies.some(is)) roles.push({ kind: 'agencyContact', agency: agency.id });
    if (is(agency.escalation)) roles.push({ kind: 'agencyEscalation', agency: agency.id });
  }
  if ((config.executive ?? []).some(is)) roles.push({ kind: 'executiveMember' });
  if ((config.boardMembers ?? []).some(is)) roles.push({ kind: 'boardMember' });
  return roles;
}

/** The partners a person may reply for: as representative or as a deputy. */
export function partnersRepresentedBy(config: PartnershipConfig, aadObjectId: string): Partner[] {
  const partners = rolesOf(config, aadObjectId).flatMap((r) =>
    r.kind === 'partnerRepresentative' || r.kind === 'partnerDeputy' ? [r.partner] : [],
  );
  return [...new Set(partners)];
}

export function partnerPeople(config: PartnershipConfig, partner: Partner): Person[] {
  const p = config.partners[partner];
  return [p.representative, ...p.deputies];
}

/**
 * Who decides the notification when the partners' meeting has not resolved it: always the
 * partnership chair, with the independent scrutineer as mediator ("The IOWSCP Partnership Chair
 * will make the final decision regarding notification", 002 Section E 8.1).
 */
export function finalDecisionMaker(config: PartnershipConfig): Person {
  return config.partnershipChair;
}

/**
 * An older partnership file named `finalDecisionMaker` (partnership chair or scrutineer) for the
 * notification's stage 2. The notification no longer reads it (8.1: always the partnership
 * chair). The only reason to have chosen the scrutineer was Brighton & Hove's whether-to-review
 * rule (003), so where the file does not set `reviewDisputeDecider` the old value becomes it;
 * where it does, the old key is ignored. Applied to the raw file before validation.
 */
export function withLegacySettings(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('finalDecisionMaker' in raw)) return raw;
  const { finalDecisionMaker: legacy, ...rest } = raw as Record<string, unknown>;
  return 'reviewDisputeDecider' in rest ? rest : { ...rest, reviewDisputeDecider: legacy };
}

/** The agencies a person may record scoping returns for: as its contact or a deputy. */
export function agenciesRepresentedBy(config: PartnershipConfig, aadObjectId: string): Agency[] {
  return config.agencies.filter((a) => a.contact.aadObjectId === aadObjectId || a.deputies.some((d) => d.aadObjectId === aadObjectId));
}

export function findPerson(config: PartnershipConfig, aadObjectId: string): Person | undefined {
  return rosterListings(config).find((p) => p.aadObjectId === aadObjectId);
}

/** Every place a person is listed on the roster (the same person may be listed in several roles). */
export function rosterListings(config: PartnershipConfig): Person[] {
  return [
    ...config.businessUnit,
    config.reviewGroupChair,
    config.childrensServicesDirector,
    config.partnershipChair,
    config.independentScrutineer,
    ...(config.strategicPartnershipManager ? [config.strategicPartnershipManager] : []),
    // The executive and the Main Board are on the roster too: they are sent cards (and emails), and
    // their clicks and absences are theirs like anyone's, though their roles see little.
    ...(config.executive ?? []),
    ...(config.boardMembers ?? []),
    ...PARTNERS.flatMap((p) => partnerPeople(config, p)),
    ...config.agencies.flatMap((a) => [a.contact, ...a.deputies, a.escalation]),
  ];
}
