import type { Client } from '@microsoft/microsoft-graph-client';
import type { Mailer, MailMessage } from '../app/ports.js';
import { classifyGraphError } from './graphFailure.js';
import { MAIL_REF_HEADER } from '../app/mailRef.js';
import { SendMailRequestSchema } from './graphSchemas.js';

/**
 * Email from the partnership's shared mailbox through Graph `sendMail`, with an application
 * permission (Mail.Send) that Exchange RBAC for Applications scopes to that one mailbox. Graph
 * answers 202 once the message is accepted for delivery; a recipient that does not exist is
 * known only later, by a non-delivery report in the mailbox (read by graph/bounces.ts). Each email
 * carries its reference in a custom header, which Exchange quotes in such a report.
 */
export function createGraphMailer(options: { client: Client | (() => Promise<Client>) | undefined; fromMailbox: string | undefined }): Mailer {
  const { client, fromMailbox } = options;
  return {
    async send(message: MailMessage) {
      if (!client || !fromMailbox?.trim()) return { ok: false, refused: 'email is not configured (no Graph client or no mail.fromMailbox)' };
      const body = SendMailRequestSchema.parse({
        message: {
          subject: message.subject,
          body: { contentType: 'text', content: message.text },
          toRecipients: [{ emailAddress: { address: message.to } }],
          ...(message.ref ? { internetMessageHeaders: [{ name: MAIL_REF_HEADER, value: message.ref }] } : {}),
        },
        saveToSentItems: true,
      });
      try {
        const graph = typeof client === 'function' ? await client() : client;
        await graph.api(`/users/${encodeURIComponent(fromMailbox.trim())}/sendMail`).post(body);
        return { ok: true };
      } catch (error) {
        const failure = classifyGraphError(error);
        // Throttled or unavailable after the client's own retries: the outbox tries again later.
        if (failure.kind === 'failedAfterRetries') throw new Error(`sendMail: ${failure.detail}`);
        return { ok: false, refused: `${failure.kind}: ${failure.detail}` };
      }
    },
  };
}
