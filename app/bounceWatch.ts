import { noticeCard } from '../cards/index.js';
import type { BounceLedger } from '../store/bounceLedger.js';
import type { MailRow, Outbox } from '../store/outbox.js';
import type { PartnershipFile } from '../config/partnershipFile.js';
import { CARD_WORDS } from './cardWords.js';
import { errorText } from './effectRunner.js';
import { MAIL_REF_HEADER, mailRefsIn } from './mailRef.js';
import type { BounceInbox, Logger, Messenger, NonDeliveryReport } from './ports.js';

/**
 * Emails that bounce after Graph accepted them: the recipient's server answers later with a
 * non-delivery report into the partnership's shared mailbox. Part of the sweep, at most every
 * `everyMs`: reports received since the watermark are read (graph/bounces.ts), each traced back to
 * the email it is about, and the business unit told in the monitoring channel once per report,
 * as for a card that cannot be delivered; the email's outbox row is marked bounced.
 *
 * Tracing, most certain first:
 * 1. the email's reference (app/mailRef.ts), sent in a custom header that Exchange quotes among
 *    the original message's headers in its report;
 * 2. failing that, a case reference in the report's subject ("Undeliverable: <our subject>"), and
 *    among that case's emails the one whose address the report names;
 * 3. a report naming no case the bot emailed about is for someone else's email from the shared
 *    mailbox (the business unit's own): left to them, not reported.
 * A second report for an email already reported bounced is not reported again.
 * A report traced to a case but not to one email is still reported, with the case only. What a
 * card says comes from the bot's own records (case reference, the roster address, what the email
 * was for) and the report's status code, never the report's text.
 */

const DEFAULT_EVERY_MS = 5 * 60_000;
/** Read again before the watermark: a report listed a little after its received time is not missed (taking it twice is harmless). */
const OVERLAP_MS = 10 * 60_000;
/** How far back the first check looks. */
const FIRST_LOOK_BACK_MS = 3 * 24 * 3_600_000;
/** A report taken by a check that died is taken again after this. */
const TAKE_LEASE_MS = 5 * 60_000;

const REASON_WORDS: Record<string, string> = { inbox: 'a shared inbox', emailOnly: 'a person on the roster', undeliverable: 'a person whose Teams card could not be delivered' };

export type BounceCheck = { checked: boolean; reports: number; reported: number; ignored: number; inboxRefused: boolean };

type Traced = { kind: 'email'; caseRef: string; mail: MailRow } | { kind: 'case'; caseRef: string } | { kind: 'none' };

export class BounceWatch {
  private readonly casePattern: RegExp;
  private readonly caseSearch: RegExp;

  constructor(
    private readonly deps: {
      inbox: BounceInbox;
      ledger: BounceLedger;
      outbox: Outbox;
      messenger: Messenger;
      config: PartnershipFile;
      log: Logger;
      everyMs?: number;
    },
  ) {
    this.casePattern = new RegExp(deps.config.caseReferencePattern);
    // The same pattern, unanchored, to find a reference inside a subject.
    this.caseSearch = new RegExp(deps.config.caseReferencePattern.replace(/^\^/, '').replace(/\$$/, ''), 'g');
  }

  /** One check, if one is due. Never throws for the inbox's sake; storage failing throws (the sweep logs it). */
  async check(now: Date): Promise<BounceCheck> {
    const result: BounceCheck = { checked: false, reports: 0, reported: 0, ignored: 0, inboxRefused: false };
    const { inbox, ledger, log, config } = this.deps;
    if (!config.mail) return result;
    const mark = await ledger.watermark();
    if (mark && now.getTime() - mark.checkedAt.getTime() < (this.deps.everyMs ?? DEFAULT_EVERY_MS)) return result;
    const since = mark?.since ?? new Date(now.getTime() - FIRST_LOOK_BACK_MS);
    const read = await inbox.reportsSince(new Date(since.getTime() - OVERLAP_MS));
    result.checked = true;
    if (!read.ok) {
      if (read.kind === 'notConfigured') return result;
      log.warn('bounce check: the shared mailbox could not be read', { kind: read.kind, error: read.detail });
      if (read.kind === 'denied') {
        result.inboxRefused = true;
        await this.reportRefusal(now, read.detail);
      }
      // Not read: the watermark stays, and the next check is after the usual wait.
      await ledger.advance(mark, since, now);
      return result;
    }
    if (await ledger.inboxReadable()) log.info('bounce check: the shared mailbox can be read again');
    result.reports = read.reports.length;
    let readTo = read.more ? since : now;
    for (const report of read.reports) {
      try {
        const outcome = await this.handle(report, now);
        if (outcome === 'reported') result.reported++;
        if (outcome === 'ignored') result.ignored++;
      } catch (error) {
        // Left for the next check: the watermark stops before this report.
        log.error('bounce check: a non-delivery report could not be handled; tried again at the next check', { error: errorText(error) });
        readTo = new Date(Math.min(readTo.getTime(), report.receivedAt.getTime()));
        break;
      }
      if (read.more) readTo = new Date(Math.max(readTo.getTime(), report.receivedAt.getTime()));
    }
    await ledger.advance(mark, new Date(Math.max(readTo.getTime(), since.getTime())), now);
    return result;
  }

  private async handle(report: NonDeliveryReport, now: Date): Promise<'reported' | 'ignored' | 'taken'> {
    const { ledger, outbox, log } = this.deps;
    const etag = await ledger.take(report.id, now, TAKE_LEASE_MS);
    if (!etag) return 'taken';
    let traced: Traced;
    try {
      traced = await this.trace(report);
      if (traced.kind === 'none') {
        log.info('bounce check: a non-delivery report for an email the bot did not send; left to the mailbox');
        await ledger.reported(report.id, etag, now);
        return 'ignored';
      }
      if (traced.kind === 'email' && traced.mail.bouncedAt) {
        // A second report for the same email (a retrying server, a copy): the business unit knows.
        await ledger.reported(report.id, etag, now);
        return 'ignored';
      }
      await this.deps.messenger.sendToConversation(this.deps.config.channels.monitoring.conversationId, this.notice(traced, report));
      // Marked after telling: a crash in between tells twice rather than never.
      if (traced.kind === 'email') await outbox.markMailBounced(traced.caseRef, traced.mail.key, now);
    } catch (error) {
      await ledger.release(report.id, etag);
      throw error;
    }
    log.warn('an email bounced; reported to the monitoring channel', { caseRef: traced.caseRef, card: traced.kind === 'email' ? traced.mail.card : undefined, reason: traced.kind === 'email' ? traced.mail.reason : undefined });
    await ledger.reported(report.id, etag, now);
    return 'reported';
  }

  private async trace(report: NonDeliveryReport): Promise<Traced> {
    const { outbox } = this.deps;
    for (const ref of mailRefsIn(report.text, MAIL_REF_HEADER)) {
      if (!this.casePattern.test(ref.caseRef)) continue;
      const mail = await outbox.mail(ref.caseRef, ref.key);
      if (mail?.outcome === 'sent') return { kind: 'email', caseRef: ref.caseRef, mail };
    }
    const subjects = [report.subject, ...[...report.text.matchAll(/^[ \t>]*Subject:[ \t]*(.*)$/gim)].map((m) => m[1] ?? '')];
    const caseRefs = new Set(subjects.flatMap((s) => [...s.matchAll(this.caseSearch)].map((m) => m[0])).filter((c) => this.casePattern.test(c)));
    for (const caseRef of caseRefs) {
      const sent = (await outbox.mails(caseRef)).filter((m) => m.outcome === 'sent');
      // A case the bot never emailed about is not ours to report.
      if (sent.length === 0) continue;
      const text = report.text.toLowerCase();
      const named = sent.filter((m) => m.to && text.includes(m.to.toLowerCase()));
      const addresses = new Set(named.map((m) => m.to!.toLowerCase()));
      // One address named: the most recent email to it is the one that bounced.
      if (addresses.size === 1) return { kind: 'email', caseRef, mail: named.sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''))[0]! };
      return { kind: 'case', caseRef };
    }
    return { kind: 'none' };
  }

  private notice(traced: Exclude<Traced, { kind: 'none' }>, report: NonDeliveryReport) {
    // An enhanced status code (RFC 3463) is digits and dots only: safe to show, and useful to whoever fixes the address.
    const status = /\b([45]\.\d{1,3}\.\d{1,3})\b/.exec(report.text)?.[1];
    const said = status ? ` The receiving server answered ${status}.` : '';
    if (traced.kind === 'case') {
      return noticeCard(
        `${traced.caseRef}: an email bounced`,
        `An email the bot sent about this case came back undeliverable, and the report did not say which one.${said} Look in the partnership mailbox's inbox for the report, and check the addresses on the roster. The bot does not send it again.`,
      );
    }
    const { mail } = traced;
    const what = (CARD_WORDS as Record<string, string>)[mail.card ?? ''] ?? 'a notification';
    const to = mail.to ? `${mail.to} (${REASON_WORDS[mail.reason ?? ''] ?? 'an address on the roster'})` : 'an address on the roster';
    return noticeCard(
      `${traced.caseRef}: an email bounced`,
      `The email telling of ${what} to ${to} came back undeliverable, so they have not been told by email.${said} Check the address on the roster, and tell them another way. The bot does not send it again.`,
    );
  }

  private async reportRefusal(now: Date, detail: string): Promise<void> {
    const { ledger, messenger, config, log } = this.deps;
    if (!(await ledger.inboxRefused(now, detail))) return;
    const card = noticeCard(
      'The bot cannot read the partnership mailbox',
      `To notice emails that bounce, the bot reads the non-delivery reports in the inbox of ${config.mail!.fromMailbox}, and Microsoft Graph refused it. ` +
        `An administrator should grant the app the Graph application permission Mail.Read, scoped to that one mailbox with RBAC for Applications in Exchange Online (role "Application Mail.Read"; see the README, "Email where Teams cannot reach"). ` +
        `Until then a bounced email is not reported. Sending email is not affected, and the bot keeps checking.`,
    );
    try {
      await messenger.sendToConversation(config.channels.monitoring.conversationId, card);
    } catch (error) {
      log.error('could not report the unreadable mailbox in the monitoring channel; tried again at the next check', { error: errorText(error) });
      // Not told: the next refusal tries again.
      await ledger.inboxReadable();
    }
  }
}
