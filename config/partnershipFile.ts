import { z } from 'zod';
import { PARTNERS, RosterFieldsSchema, checkRoster, rosterListings, withLegacySettings, type Roster } from '../workflow/partnership.js';

/**
 * The partnership file: the roster the procedure sees (workflow/partnership.ts) and, beside it in
 * the same JSON, the settings only the shell uses: the tenant it trusts, the tab's tenants, where
 * cards are posted, the mailboxes meetings and mail go from, and where bank holidays are read.
 * Parsed once at start-up; the composition root hands the procedure the roster, typed `Roster`,
 * so the compiler proves no step reads a tenant id, a channel or a mailbox.
 */

/** A Teams conversation the bot posts into: a channel (new thread per case) or a group chat. */
export const ConversationTargetSchema = z.object({
  conversationId: z.string().min(1),
  kind: z.enum(['channel', 'groupChat']),
  label: z.string().min(1),
});
export type ConversationTarget = z.infer<typeof ConversationTargetSchema>;

export const ShellSettingsSchema = z.object({
  tenantId: z.string().min(1),
  /** Tenants whose people may open the monitoring tab with Teams SSO; the partnership's own tenant when absent. */
  tabTenantIds: z.array(z.string().min(1)).min(1).optional(),
  /** A file path or URL in GOV.UK's bank-holidays.json format, overriding the library for the years it covers. */
  bankHolidaysSource: z.string().min(1).optional(),
  /** Dispute meetings are organised from this mailbox through Microsoft Graph (application permissions). */
  meetings: z.object({ organiserUpn: z.string().min(1) }).optional(),
  /** Notifications by email go from this shared mailbox through Graph sendMail (application permission scoped to it). */
  mail: z.object({ fromMailbox: z.string().min(1) }).optional(),
  channels: z.object({
    monitoring: ConversationTargetSchema,
    decision: ConversationTargetSchema,
  }),
});
export type ShellSettings = z.infer<typeof ShellSettingsSchema>;

/** The keys of the file that are the shell's, never the procedure's. */
export const SHELL_KEYS = Object.keys(ShellSettingsSchema.shape) as (keyof ShellSettings)[];

export const PartnershipFileSchema = RosterFieldsSchema.extend(ShellSettingsSchema.shape).superRefine((file, ctx) => {
  checkRoster(file, ctx);
  // One object id is one person: the tenants their actions may come from cannot differ by role.
  const tenantsOf = new Map<string, string>();
  for (const person of rosterListings(file)) {
    const tenants = JSON.stringify([...(person.tenantIds ?? [file.tenantId])].sort());
    const other = tenantsOf.get(person.aadObjectId);
    if (other !== undefined && other !== tenants) ctx.addIssue({ code: 'custom', path: ['tenantIds'], message: `${person.displayName} is listed with different tenantIds in different places; list the same tenants everywhere` });
    tenantsOf.set(person.aadObjectId, tenants);
  }
  // Shared inboxes, email-only people and people of other tenants are reached by email only.
  if (!file.mail) {
    const byEmail = [
      ...PARTNERS.flatMap((p) => file.partners[p].inboxes.map((i) => i.name)),
      ...rosterListings(file)
        .filter((p) => p.teams === false || !(p.tenantIds ?? [file.tenantId]).includes(file.tenantId))
        .map((p) => p.displayName),
    ];
    if (byEmail.length > 0) ctx.addIssue({ code: 'custom', path: ['mail'], message: `mail.fromMailbox is needed to reach ${[...new Set(byEmail)].join(', ')} by email` });
  }
});

/** The whole file as the shell holds it: the roster with the shell's settings beside it. */
export type PartnershipFile = z.infer<typeof PartnershipFileSchema>;

/** Validates a file's parsed JSON; an older file's `finalDecisionMaker` is carried over as `withLegacySettings` says. */
export function parsePartnershipFile(raw: unknown) {
  return PartnershipFileSchema.safeParse(withLegacySettings(raw));
}

/** The procedure's part of the file: the roster alone, without the shell's settings. */
export function rosterOf(file: PartnershipFile): Roster {
  const roster: Record<string, unknown> = { ...file };
  for (const key of SHELL_KEYS) delete roster[key];
  return roster as Roster;
}
