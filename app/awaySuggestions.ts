import { awaySuggestionCard } from '../cards/index.js';
import type { PartnershipFile } from '../config/partnershipFile.js';
import type { AwaySuggestionLedger } from '../store/awaySuggestionLedger.js';
import { awayAt } from '../workflow/absence.js';
import { rosterListings, type Person } from '../workflow/partnership.js';
import { errorText } from './effectRunner.js';
import type { AutomaticReplies, Logger, Messenger } from './ports.js';
import { reachableInTeams } from './rosterIdentity.js';

/**
 * Outlook's automatic replies as a hint for the roster's absences (issue 16: "Optionally read
 * Outlook's automatic-replies state through Graph to suggest it"). Part of the sweep, at most
 * every `everyMs`: the people on the roster the bot can reach in Teams are looked up (graph/
 * mailTips.ts); someone whose replies are on, with no absence recorded for that time, is sent a
 * 1:1 card offering to record it (cards/awaySuggestion.ts), once per period of replies. It is a
 * suggestion only: nothing is redirected until the person records the absence themselves, since
 * an automatic reply is also used for part-days, other jobs, and "slow to reply this week".
 *
 * Only people the bot can message are looked up: the check has nothing to offer anyone else, and
 * Exchange knows nothing of other tenants' mailboxes. The reply's text is never kept or logged.
 */

const DEFAULT_EVERY_MS = 60 * 60_000;

export type AwayCheck = { checked: boolean; away: number; asked: number };

export class AwaySuggestions {
  constructor(private readonly deps: { outlook: AutomaticReplies; ledger: AwaySuggestionLedger; messenger: Messenger; config: PartnershipFile; log: Logger; everyMs?: number }) {}

  async check(now: Date): Promise<AwayCheck> {
    const { outlook, ledger, messenger, config, log } = this.deps;
    if (!(await ledger.takeRun(now, this.deps.everyMs ?? DEFAULT_EVERY_MS))) return { checked: false, away: 0, asked: 0 };
    const byAddress = new Map<string, Person>();
    for (const person of rosterListings(config)) if (reachableInTeams(config, person)) byAddress.set(person.email.toLowerCase(), person);
    if (byAddress.size === 0) return { checked: true, away: 0, asked: 0 };
    const answer = await outlook.awayAmong([...byAddress.keys()]);
    if (!answer.ok) {
      // Email not configured is a choice; a refusal is the same missing Mail.Read the bounce check reports to the business unit.
      if (answer.kind !== 'notConfigured') log.warn('Outlook automatic replies could not be read; no absence suggestions this time', { kind: answer.kind, error: answer.detail });
      return { checked: true, away: 0, asked: 0 };
    }
    const away = new Set<string>();
    let asked = 0;
    for (const tip of answer.away) {
      const person = byAddress.get(tip.address.toLowerCase());
      if (!person || (tip.until && tip.until <= now)) continue;
      away.add(person.aadObjectId);
      const starts = tip.from && tip.from > now ? tip.from : now;
      if (awayAt(config, person.aadObjectId, starts)) continue;
      const period = `${tip.from?.toISOString() ?? ''}|${tip.until?.toISOString() ?? ''}`;
      if ((await ledger.askedAbout(person.aadObjectId)) === period) continue;
      try {
        await messenger.sendToPerson(person.aadObjectId, awaySuggestionCard({ ...(tip.from ? { from: tip.from } : {}), ...(tip.until ? { until: tip.until } : {}), now }));
        await ledger.asked(person.aadObjectId, period);
        asked++;
      } catch (error) {
        // Not remembered as asked, so the next check tries again.
        log.warn('absence suggestion could not be sent', { error: errorText(error) });
      }
    }
    // Replies off again: a later period of replies is a new absence to ask about.
    for (const id of await ledger.everyoneAsked()) if (!away.has(id)) await ledger.clear(id);
    return { checked: true, away: away.size, asked };
  }
}
