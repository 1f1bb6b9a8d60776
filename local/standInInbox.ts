import { randomUUID } from 'node:crypto';

/**
 * Mailboxes' inboxes on the Graph stand-in, listed as Graph v1.0 lists
 * `GET /users/{mailbox}/mailFolders/inbox/messages`: `$filter` on receivedDateTime and on the MAPI
 * message class (the single-value extended property `String 0x001A`, `startswith`, case-insensitive
 * as Graph documents for extended property values), `$orderby=receivedDateTime asc`, `$top`, and
 * paging by `@odata.nextLink`. A filter of any other form is answered with Graph's 400, so a change
 * in what the product asks is noticed here rather than assumed.
 */
export type InboxMessage = {
  id: string;
  internetMessageId: string;
  subject: string;
  receivedDateTime: string;
  text: string;
  /** PidTagMessageClass: IPM.Note for mail, REPORT.IPM.Note.NDR for a non-delivery report. */
  messageClass: string;
};

const FILTER = /^receivedDateTime ge (\S+) and singleValueExtendedProperties\/Any\(ep: ep\/id eq 'String 0x001A' and startswith\(ep\/value, '([^']+)'\)\)$/;
const SELECTABLE = new Set(['id', 'internetMessageId', 'subject', 'receivedDateTime', 'body']);

const graphError = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

export class StandInInbox {
  private readonly boxes = new Map<string, InboxMessage[]>();
  private readonly refused = new Set<string>();

  deliver(mailbox: string, message: Omit<InboxMessage, 'id'>): InboxMessage {
    const stored = { id: `AAMk-${randomUUID()}`, ...message };
    const box = this.boxes.get(mailbox.toLowerCase()) ?? [];
    box.push(stored);
    this.boxes.set(mailbox.toLowerCase(), box);
    return stored;
  }

  /** Reading this mailbox is answered as Graph does when the app lacks Mail.Read on it. */
  refuse(mailbox: string): void {
    this.refused.add(mailbox.toLowerCase());
  }

  allow(mailbox: string): void {
    this.refused.delete(mailbox.toLowerCase());
  }

  list(mailbox: string, query: URLSearchParams, selfUrl: string): { status: number; body: unknown } {
    const box = mailbox.toLowerCase();
    if (this.refused.has(box)) return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    const filter = FILTER.exec(query.get('$filter') ?? '');
    const since = filter ? Date.parse(filter[1]!) : Number.NaN;
    if (!filter || Number.isNaN(since)) return graphError(400, 'BadRequest', 'The stand-in lists the inbox only by receivedDateTime and message class.');
    if ((query.get('$orderby') ?? 'receivedDateTime asc') !== 'receivedDateTime asc') return graphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
    const select = (query.get('$select') ?? [...SELECTABLE].join(',')).split(',');
    if (select.some((field) => !SELECTABLE.has(field))) return graphError(400, 'BadRequest', `Could not find a property named '${select.find((f) => !SELECTABLE.has(f))}'.`);
    const prefix = filter[2]!.toLowerCase();
    const top = Math.min(Number(query.get('$top') ?? 10), 1000);
    const skip = Number(query.get('$skip') ?? 0);
    const matching = (this.boxes.get(box) ?? [])
      .filter((m) => Date.parse(m.receivedDateTime) >= since && m.messageClass.toLowerCase().startsWith(prefix))
      .sort((a, b) => a.receivedDateTime.localeCompare(b.receivedDateTime));
    const page = matching.slice(skip, skip + top).map((m) => {
      const full: Record<string, unknown> = { id: m.id, internetMessageId: m.internetMessageId, subject: m.subject, receivedDateTime: m.receivedDateTime, body: { contentType: 'text', content: m.text } };
      return Object.fromEntries(select.map((field) => [field, full[field]]));
    });
    const next = new URLSearchParams(query);
    next.set('$skip', String(skip + top));
    return { status: 200, body: { value: page, ...(skip + top < matching.length ? { '@odata.nextLink': `${selfUrl}?${next.toString()}` } : {}) } };
  }
}
