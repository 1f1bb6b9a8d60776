import type { Client } from '@microsoft/microsoft-graph-client';
import type { BounceInbox, NonDeliveryReport } from '../app/ports.js';
import { classifyGraphError } from './graphFailure.js';
import { InboxPageSchema } from './graphSchemas.js';

/**
 * Non-delivery reports in the partnership's shared mailbox, through Graph v1.0 with an
 * application permission (Mail.Read, scoped to that one mailbox with RBAC for Applications, like
 * Mail.Send). A report is told apart by its MAPI message class (PidTagMessageClass, `String
 * 0x001A`), which starts `REPORT.IPM.Note.NDR`; Graph filters string extended properties with
 * `startswith` on their value, which Mail.ReadBasic does not allow (it excludes extended
 * properties and the body), hence Mail.Read.
 *
 * `receivedDateTime` comes first in the filter because it is also the sort order: Graph answers
 * InefficientFilter otherwise. The body is asked for as text: Exchange writes the remote server's
 * status and the original message's headers there.
 */

const NDR_FILTER = "singleValueExtendedProperties/Any(ep: ep/id eq 'String 0x001A' and startswith(ep/value, 'REPORT.IPM.Note.NDR'))";
const PAGE_SIZE = 50;
/** A check reads at most this many pages; the rest wait for the next check (the watermark moves only as far as was read). */
const MAX_PAGES = 10;

export function createGraphBounceInbox(options: { client: Client | (() => Promise<Client>) | undefined; mailbox: string | undefined; graphRoot?: string | undefined }): BounceInbox {
  const { client, mailbox } = options;
  // graph/graphClient.ts's PUBLIC_GRAPH, not imported: that module loads @azure/identity.
  const root = new URL(options.graphRoot ?? 'https://graph.microsoft.com');
  return {
    async reportsSince(since) {
      if (!client || !mailbox?.trim()) return { ok: false, kind: 'notConfigured', detail: 'email is not configured (no Graph client or no mail.fromMailbox)' };
      const query = [
        `$filter=${encodeURIComponent(`receivedDateTime ge ${since.toISOString()} and ${NDR_FILTER}`)}`,
        `$orderby=${encodeURIComponent('receivedDateTime asc')}`,
        `$select=${encodeURIComponent('id,internetMessageId,subject,receivedDateTime,body')}`,
        `$top=${PAGE_SIZE}`,
      ].join('&');
      let path: string | undefined = `/users/${encodeURIComponent(mailbox.trim())}/mailFolders/inbox/messages?${query}`;
      const reports: NonDeliveryReport[] = [];
      try {
        const graph = typeof client === 'function' ? await client() : client;
        for (let page = 0; path && page < MAX_PAGES; page++) {
          const raw: unknown = await graph.api(path).header('Prefer', 'outlook.body-content-type="text"').get();
          const parsed = InboxPageSchema.safeParse(raw);
          if (!parsed.success) return { ok: false, kind: 'unavailable', detail: 'Graph answered the inbox listing with a body that is not a page of messages' };
          for (const m of parsed.data.value) {
            reports.push({ id: m.internetMessageId?.trim() || m.id, receivedAt: new Date(m.receivedDateTime), subject: m.subject ?? '', text: m.body?.content ?? '' });
          }
          path = nextPath(parsed.data['@odata.nextLink'] ?? undefined, root);
        }
      } catch (error) {
        const failure = classifyGraphError(error);
        if (failure.kind === 'permissionDenied' || failure.kind === 'authenticationFailed' || failure.kind === 'mailboxNotFound') return { ok: false, kind: 'denied', detail: `${failure.kind}: ${failure.detail}` };
        return { ok: false, kind: 'unavailable', detail: `${failure.kind}: ${failure.detail}` };
      }
      return { ok: true, reports, more: path !== undefined };
    },
  };
}

/**
 * The next page's request, from Graph's nextLink: followed only on the Graph root we were given
 * (the token goes with it), and as a path, since the client parses only https hosts itself.
 */
function nextPath(nextLink: string | undefined, root: URL): string | undefined {
  if (!nextLink) return undefined;
  const next = new URL(nextLink);
  if (next.origin !== root.origin) throw new Error(`Graph's nextLink leaves ${root.origin}; not followed`);
  return `${next.pathname.replace(/^\/v1\.0(?=\/)/, '')}${next.search}`;
}
