import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AutomaticReplies, OutlookAway } from '../app/ports.js';
import { classifyGraphError } from './graphFailure.js';

/**
 * Who on a list has Outlook's automatic replies on, through Graph's getMailTips (v1.0), asked as
 * the partnership's shared mailbox. Why MailTips rather than each person's mailboxSettings: the
 * call needs only `Mail.Read` on the ONE mailbox asking (already granted, scoped by RBAC for
 * Applications, to read bounces), not a permission over every person's mailbox. Exchange answers
 * for recipients in its organisation; for anyone else (another tenant, NHSmail) it has nothing
 * to say, and nothing is assumed.
 *
 * A tip's times come as dateTimeTimeZone; a zone luxon cannot read (Windows names) makes that
 * time unknown rather than guessed.
 */

const GraphTimeSchema = z.object({ dateTime: z.string().min(1), timeZone: z.string().min(1) });
export const MailTipsResponseSchema = z.object({
  value: z.array(
    z.object({
      emailAddress: z.object({ address: z.string().min(1) }),
      automaticReplies: z
        .object({
          message: z.string().nullish(),
          scheduledStartTime: GraphTimeSchema.nullish(),
          scheduledEndTime: GraphTimeSchema.nullish(),
        })
        .nullish(),
      error: z.object({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
    }),
  ),
});
type GraphTime = z.infer<typeof GraphTimeSchema>;

/** Exchange's batch ceiling for one getMailTips request is generous; 20 keeps each answer small. */
const BATCH = 20;
/** The one Windows zone name a London partnership's mailboxes commonly report. */
const WINDOWS_ZONES: Record<string, string> = { 'GMT Standard Time': 'Europe/London', UTC: 'UTC', 'Coordinated Universal Time': 'UTC' };

export function instantOf(time: GraphTime | null | undefined): Date | undefined {
  if (!time) return undefined;
  const zone = WINDOWS_ZONES[time.timeZone] ?? time.timeZone;
  const parsed = DateTime.fromISO(time.dateTime, { zone });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

export function createGraphAutomaticReplies(options: { client: Client | (() => Promise<Client>) | undefined; mailbox: string | undefined }): AutomaticReplies {
  const { client, mailbox } = options;
  return {
    async awayAmong(addresses) {
      if (!client || !mailbox?.trim()) return { ok: false, kind: 'notConfigured', detail: 'email is not configured (no Graph client or no mail.fromMailbox)' };
      const away: OutlookAway[] = [];
      try {
        const graph = typeof client === 'function' ? await client() : client;
        for (let i = 0; i < addresses.length; i += BATCH) {
          const raw: unknown = await graph
            .api(`/users/${encodeURIComponent(mailbox.trim())}/getMailTips`)
            .post({ EmailAddresses: addresses.slice(i, i + BATCH), MailTipsOptions: 'automaticReplies' });
          const parsed = MailTipsResponseSchema.safeParse(raw);
          if (!parsed.success) return { ok: false, kind: 'unavailable', detail: 'Graph answered getMailTips with a body that is not a list of mail tips' };
          for (const tip of parsed.data.value) {
            const replies = tip.automaticReplies;
            // Exchange gives the automatic reply's message only while replies are on; no message, no absence.
            if (tip.error || !replies?.message?.trim()) continue;
            const from = instantOf(replies.scheduledStartTime);
            const until = instantOf(replies.scheduledEndTime);
            away.push({ address: tip.emailAddress.address, ...(from ? { from } : {}), ...(until ? { until } : {}) });
          }
        }
      } catch (error) {
        const failure = classifyGraphError(error);
        if (failure.kind === 'permissionDenied' || failure.kind === 'authenticationFailed' || failure.kind === 'mailboxNotFound') return { ok: false, kind: 'denied', detail: `${failure.kind}: ${failure.detail}` };
        return { ok: false, kind: 'unavailable', detail: `${failure.kind}: ${failure.detail}` };
      }
      return { ok: true, away };
    },
  };
}
