import { z } from 'zod';
import type { TimelineRow } from './timelineRow.js';

/**
 * Who read a case's whole history, and who downloaded it, kept apart from the case's events: a
 * read changes nothing about the case, so it must not move the case's version (partners' cards
 * use it to recognise an out-of-date click) nor its cached head. The history and its export show
 * these next to the events, so the audit trail says who saw every rationale, and when.
 */

export const AccessRecordSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  by: z.object({ aadObjectId: z.string().min(1), displayName: z.string().min(1), role: z.string() }),
  /**
   * `caseViewed`: a case's card opened on the page an email links to (it shows the initial view's rationale).
   * `actionsExported` (issue 17): the tab's CSV of every action was downloaded; recorded on each case it included.
   */
  what: z.enum(['historyViewed', 'historyExported', 'caseViewed', 'actionsExported']),
  /** Where it happened: the History button or typed command, a signed link, the monitoring tab, or the page an email links to. */
  via: z.enum(['bot', 'link', 'tab', 'web']),
  format: z.enum(['csv', 'json']).optional(),
});
export type AccessRecord = z.infer<typeof AccessRecordSchema>;

const VIA: Record<AccessRecord['via'], string> = { bot: 'from the bot', link: 'from an export link', tab: 'from the monitoring tab', web: 'from an email link' };

export function accessRow(record: AccessRecord): TimelineRow {
  const what =
    record.what === 'historyViewed'
      ? `Viewed the case history ${VIA[record.via]}.`
      : record.what === 'caseViewed'
        ? `Opened the case's card ${VIA[record.via]}.`
        : record.what === 'actionsExported'
          ? `Downloaded the actions of every case (CSV), this case's among them, ${VIA[record.via]}.`
          : `Downloaded the case history (${(record.format ?? 'csv').toUpperCase()}) ${VIA[record.via]}.`;
  return { at: record.at, who: record.by.displayName, role: record.by.role, what, deemed: false };
}

/** The case's rows and its access rows in one order of time; at the same instant the case's row comes first. */
export function withAccessRows(rows: readonly TimelineRow[], records: readonly AccessRecord[]): TimelineRow[] {
  const access = [...records].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map(accessRow);
  const out: TimelineRow[] = [];
  let i = 0;
  for (const row of rows) {
    while (i < access.length && Date.parse(access[i]!.at) < Date.parse(row.at)) out.push(access[i++]!);
    out.push(row);
  }
  return [...out, ...access.slice(i)];
}
