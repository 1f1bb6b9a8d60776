import type { PartnershipFile } from '../config/partnershipFile.js';
import { noticeCard } from '../cards/index.js';
import type { FailureStreaks } from '../store/failureStreaks.js';
import { REPORT_AFTER_FAILURES, MAX_RETRY_MS, retryDelayMs } from './retryBackoff.js';
import type { Logger, Messenger } from './ports.js';

/**
 * Cases the sweep cannot process (a decision that throws, a change storage refuses). Such a case
 * must not be retried silently for ever, nor hold up the others: each failure is counted, the
 * third in a row is reported once, in the monitoring channel and as one error in the log, and
 * the case is then tried less and less often (app/retryBackoff.ts) until it goes through.
 */

/** At least this long after a failure, so the retry's schedule entry is never one of the due entries it replaces. */
const MIN_RETRY_MS = 1_000;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class StuckCases {
  constructor(private readonly deps: { streaks: FailureStreaks; messenger: Messenger; config: PartnershipFile; log: Logger }) {}

  /** Counts the failure, reports it if it is the one that makes the case stuck, and says when to try again. */
  async failed(caseRef: string, error: unknown, now: Date): Promise<{ failures: number; retryAt: Date }> {
    const { streaks, log } = this.deps;
    const { failures, since } = await streaks.failed(caseRef, now);
    const retryAt = new Date(now.getTime() + Math.max(retryDelayMs(failures), MIN_RETRY_MS));
    log.warn('sweep could not process a case; it will try again', { caseRef, failures, retryAt: retryAt.toISOString(), error: errorText(error) });
    if (failures === REPORT_AFTER_FAILURES) await this.report(caseRef, failures, since, error);
    return { failures, retryAt };
  }

  /** The case went through: a streak it ended is over (and said so in the log). */
  async succeeded(caseRef: string): Promise<void> {
    const ended = await this.deps.streaks.ended(caseRef);
    if (ended) this.deps.log.info('case processed again after failing', { caseRef, failures: ended.failures, since: ended.since });
  }

  private async report(caseRef: string, failures: number, since: string, error: unknown): Promise<void> {
    const { messenger, config, log } = this.deps;
    // The error text stays in the log: it may quote stored data, which a card must never show.
    log.error('case keeps failing; reported to the monitoring channel', { caseRef, failures, since, error: errorText(error) });
    const card = noticeCard(
      `${caseRef}: the bot cannot process this case`,
      `The bot has failed ${failures} times in a row to process this case's deadlines and messages, so reminders, alerts and cards for it may not go out. ` +
        `It keeps trying, less often (at least every ${MAX_RETRY_MS / 3_600_000} hours). Please tell whoever supports the bot: the log has the error under this case reference. Other cases are not affected.`,
    );
    try {
      await messenger.sendToConversation(config.channels.monitoring.conversationId, card);
    } catch (sendError) {
      log.error('could not report the failing case in the monitoring channel', { caseRef, error: errorText(sendError) });
    }
  }
}
