import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { SendMailRequestSchema } from '../graph/graphSchemas.js';
import { OrganiserCalendar } from './organiserCalendar.js';
import { StandInInbox, type InboxMessage } from './standInInbox.js';

/**
 * Microsoft Graph on loopback, for `npm start`: the three calls the meeting booker makes
 * (getSchedule, create event, cancel event) on the organiser's calendar, sendMail (kept, and
 * listed at GET /local/sent-mail), the shared mailbox's inbox as the bounce check reads it
 * (local/standInInbox.ts: a test drops a non-delivery report there), and getMailTips' automatic
 * replies (everyone's off unless a test turns them on), answered in Graph's
 * shapes (local/organiserCalendar.ts), so someone trying the product sees a dispute meeting booked
 * and its join link posted. The app reaches it through GRAPH_BASE_URL with GRAPH_AUTH=localStandIn,
 * which only local mode accepts. Anything else answers Graph's 404 envelope.
 */
export type GraphStandIn = {
  url: string;
  calendar: OrganiserCalendar;
  /** Every email accepted by sendMail, in order, with the exact request body; also listed at GET /local/sent-mail. */
  sentMail: SentMail[];
  /** Makes sendMail from this mailbox answer as Exchange does for a mailbox it cannot use (for tests and trials). */
  refuseMailbox(mailbox: string): void;
  /** Mailboxes' inboxes: messages put there are listed by GET /users/{mailbox}/mailFolders/inbox/messages. */
  inbox: StandInInbox;
  /**
   * Outlook's automatic replies by address, as getMailTips reports them (only while they are on);
   * `undefined` turns them off. Asked for by any mailbox, as Exchange answers within its organisation.
   */
  setAutomaticReplies(address: string, replies: { message: string; from?: Date; until?: Date } | undefined): void;
  /** How many getMailTips requests were answered. */
  mailTipsRequests: () => number;
  /**
   * Puts in the sender's inbox the non-delivery report Exchange Online would for this email: its
   * subject "Undeliverable: ...", the remote server's status, and (unless `quoteHeaders` is false)
   * the original message's headers, custom ones included.
   */
  bounce(mail: SentMail, options: { at: Date; status?: string; quoteHeaders?: boolean }): InboxMessage;
  close(): Promise<void>;
};
export type SentMail = { from: string; to: string; subject: string; text: string; body: unknown; internetMessageId: string; headers: { name: string; value: string }[] };

const EVENTS = /^\/v1\.0\/users\/([^/]+)\/events$/;
const CANCEL = /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+)\/cancel$/;
const SEND_MAIL = /^\/v1\.0\/users\/([^/]+)\/sendMail$/;
const SCHEDULE = /^\/v1\.0\/users\/([^/]+)\/calendar\/getSchedule$/;
const INBOX = /^\/v1\.0\/users\/([^/]+)\/mailFolders\/inbox\/messages$/;
const MAIL_TIPS = /^\/v1\.0\/users\/([^/]+)\/getMailTips$/;

function send(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

async function json(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const notFound = (what: string) => ({ error: { code: 'ErrorItemNotFound', message: `${what} was not found on the local Graph stand-in.` } });

export async function startGraphStandIn(options: { port?: number } = {}): Promise<GraphStandIn> {
  const calendar = new OrganiserCalendar();
  const sentMail: SentMail[] = [];
  const refused = new Set<string>();
  const inbox = new StandInInbox();
  const automaticReplies = new Map<string, { message: string; from?: Date; until?: Date }>();
  let mailTipsRequests = 0;
  let url = '';
  const server: Server = createServer((request, response) => {
    void (async () => {
      const requestUrl = new URL(request.url ?? '/', 'http://127.0.0.1');
      const path = requestUrl.pathname;
      // What the product has emailed, for someone trying it with `npm start` (no mail leaves the machine).
      if (request.method === 'GET' && path === '/local/sent-mail') return send(response, 200, { value: sentMail.map(({ body: _body, ...mail }) => mail) });
      const inboxPath = INBOX.exec(path);
      if (request.method === 'GET' && inboxPath) {
        const listed = inbox.list(decodeURIComponent(inboxPath[1]!), requestUrl.searchParams, `${url}${path}`);
        return send(response, listed.status, listed.body);
      }
      if (request.method !== 'POST') return send(response, 405, { error: { code: 'MethodNotAllowed', message: 'only POST is served here' } });
      try {
        if (MAIL_TIPS.test(path)) {
          mailTipsRequests++;
          const asked = await json(request);
          const addresses = Array.isArray(asked.EmailAddresses) ? asked.EmailAddresses.filter((a): a is string => typeof a === 'string') : [];
          return send(response, 200, { value: addresses.map((address) => mailTip(address, automaticReplies.get(address.toLowerCase()))) });
        }
        if (SCHEDULE.test(path)) return send(response, 200, { value: OrganiserCalendar.allFree(await json(request)) });
        if (EVENTS.test(path)) return send(response, 201, calendar.create(await json(request)));
        const sendMail = SEND_MAIL.exec(path);
        if (sendMail) {
          const from = decodeURIComponent(sendMail[1]!).toLowerCase();
          if (refused.has(from)) return send(response, 404, { error: { code: 'ErrorInvalidUser', message: `The requested user '${from}' is invalid.` } });
          const body = SendMailRequestSchema.safeParse(await json(request));
          if (!body.success) return send(response, 400, { error: { code: 'ErrorInvalidRecipients', message: 'At least one recipient is not valid.' } });
          const { message } = body.data;
          const internetMessageId = `<${randomUUID()}@${from.split('@')[1] ?? 'stand-in.local'}>`;
          sentMail.push({ from, to: message.toRecipients[0]!.emailAddress.address, subject: message.subject, text: message.body.content, body: body.data, internetMessageId, headers: message.internetMessageHeaders ?? [] });
          return send(response, 202);
        }
        const cancel = CANCEL.exec(path);
        if (cancel) return calendar.cancel(decodeURIComponent(cancel[2]!)) ? send(response, 202) : send(response, 404, notFound('The event'));
        return send(response, 404, notFound(path));
      } catch {
        return send(response, 400, { error: { code: 'BadRequest', message: 'the body is not JSON' } });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calendar,
    sentMail,
    refuseMailbox: (mailbox) => void refused.add(mailbox.toLowerCase()),
    inbox,
    setAutomaticReplies: (address, replies) => void (replies ? automaticReplies.set(address.toLowerCase(), replies) : automaticReplies.delete(address.toLowerCase())),
    mailTipsRequests: () => mailTipsRequests,
    bounce: (mail, o) => inbox.deliver(mail.from, nonDeliveryReport(mail, o)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One recipient's mail tip as Graph shapes it: an empty automatic reply message while replies are off. */
function mailTip(address: string, replies: { message: string; from?: Date; until?: Date } | undefined) {
  const time = (instant: Date) => ({ dateTime: instant.toISOString().replace('Z', '').replace(/\.\d{3}$/, '.0000000'), timeZone: 'UTC' });
  if (!replies) return { emailAddress: { address }, automaticReplies: { message: '' } };
  return {
    emailAddress: { address },
    automaticReplies: { message: replies.message, messageLanguage: { locale: 'en-GB', displayName: 'English (United Kingdom)' }, ...(replies.from ? { scheduledStartTime: time(replies.from) } : {}), ...(replies.until ? { scheduledEndTime: time(replies.until) } : {}) },
  };
}

/**
 * A report in the form Exchange Online writes (the user's part, the administrators' part, then the
 * original message's headers), with the NDR message class. Only what the bounce check may read.
 */
function nonDeliveryReport(mail: SentMail, o: { at: Date; status?: string; quoteHeaders?: boolean }): Omit<InboxMessage, 'id'> {
  const status = o.status ?? '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found';
  const original = [`Message-ID: ${mail.internetMessageId}`, `From: ${mail.from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, ...mail.headers.map((h) => `${h.name}: ${h.value}`)];
  const text = [
    'Your message to ' + mail.to + " couldn't be delivered.",
    '',
    'Diagnostic information for administrators:',
    '',
    'Generating server: stand-in.local',
    '',
    mail.to,
    `Remote server returned '${status}'`,
    '',
    ...(o.quoteHeaders === false ? [] : ['Original message headers:', '', ...original]),
  ].join('\r\n');
  return {
    internetMessageId: `<${randomUUID()}@stand-in.local>`,
    subject: `Undeliverable: ${mail.subject}`,
    receivedDateTime: o.at.toISOString(),
    text,
    messageClass: 'REPORT.IPM.Note.NDR',
  };
}
