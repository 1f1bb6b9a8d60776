import { exportLinksCard, historyCard, noticeCard } from '../../cards/index.js';
import type { AccessRecord } from '../../workflow/accessRecord.js';
import { maySee, seeingRole, type View } from '../../workflow/access.js';
import type { CommandActor } from '../../workflow/commands.js';
import type { CardSpec } from '../../workflow/effects.js';
import type { PartnershipConfig } from '../../workflow/partnership.js';
import { roleWords } from '../../workflow/words.js';
import { signExportLink } from '../exportLinks.js';
import { route, type CardRoute } from './route.js';

/** Looking at a case rather than acting on it: a card again, the whole history, the export links. */

const HISTORY_REFUSED = noticeCard('Not available', "The case history is shown only to the partnership's own roster (partners, chairs, scrutineer, business unit).");
const EXPORT_REFUSED = noticeCard('Not available', "Only the partnership's business unit can export a case's history.");

/** Who read the history, as its audit row names them. */
function accessor(config: PartnershipConfig, actor: CommandActor, view: View): AccessRecord['by'] {
  const role = seeingRole(config, actor.aadObjectId, view);
  return { aadObjectId: actor.aadObjectId, displayName: actor.displayName, role: role ? roleWords(role) : '' };
}

export const CASE_ROUTES: readonly CardRoute[] = [
  route({
    verb: 'case.show',
    // The kinds it may name need no further parameter (ShowableCardKindSchema), so the kind is the whole spec.
    reply: (d, c) => c.showCase(d.caseRef, { kind: d.card } as CardSpec),
  }),
  route({
    verb: 'case.history',
    reply: async (d, { actor, now, deps, loadVisible }) => {
      const found = await loadVisible(d.caseRef, { kind: 'history' }, HISTORY_REFUSED);
      if ('refusal' in found) return found.refusal;
      const caseRef = found.state.referral.caseRef;
      // Recorded before it is shown: whoever reads every rationale is on the case's audit trail.
      await deps.accessLog.record(caseRef, { at: now.toISOString(), by: accessor(deps.config, actor, { kind: 'history' }), what: 'historyViewed', via: 'bot' });
      const access = await deps.accessLog.of(caseRef);
      const canExport = maySee(deps.config, actor.aadObjectId, { kind: 'export' }, found.state);
      return { card: historyCard(found.state, found.events, deps.config, now, { canExport, access, ...(d.returnTo ? { returnTo: d.returnTo } : {}) }) };
    },
  }),
  route({
    verb: 'case.export',
    reply: async (d, { actor, now, deps, loadVisible }) => {
      const found = await loadVisible(d.caseRef, { kind: 'export' }, EXPORT_REFUSED);
      if ('refusal' in found) return found.refusal;
      const caseRef = found.state.referral.caseRef;
      const link = (format: 'csv' | 'json') => signExportLink({ ...deps.exportLinks, caseRef, format, by: actor.aadObjectId, now });
      const csv = link('csv');
      return { card: exportLinksCard(caseRef, { csvUrl: csv.url, jsonUrl: link('json').url, expiresAt: csv.expiresAt }, now) };
    },
  }),
];
