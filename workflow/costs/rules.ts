import { PARTNERS, PARTNER_NAMES, type Partner, type PartnershipConfig } from '../partnership.js';
import type { CostModel, CostShare } from './schemas.js';

/**
 * The apportionment rules, as a pure check that answers in words. Seed 000 (Tower Hamlets) 1.2.3:
 *
 * "Option 1: The outline costs of the commissioning of the review, independent author/s, legal
 * advice, media work will be estimated as part of the planning of the Local Review and apportioned
 * according to agency/sector involvement in the case."
 *
 * "Option 2: ... If one or more Statutory Partner or Relevant Agency should bear the total cost of
 * the review ...; If more than one Statutory Partner or Relevant Agency are deemed appropriate to
 * deliver the review then a proportional system is enacted were contributions are agreed ... with
 * this highest level of contributions raised to a maximum of 80% of the cost of the review to
 * ensure that all reviews have contributions from all three Statutory Partners; Where a relevant
 * agency is deemed the appropriate agency to deliver the review, they will bear the cost up to 80%
 * of the total review cost with the remaining reached through negotiation with the Statutory
 * Partners on a shared risk pooling basis."
 *
 * So under option 2 a single payer may bear the whole cost; where several contribute, no share is
 * above 80% and all three statutory partners are among them. An agency that answers for a partner
 * on the roster (AgencySchema.partner) counts as that partner.
 */

export const OPTION2_CAP_PERCENT = 80;

/** Shares are kept to whole pence of a percent (two decimals) so 33.33 + 33.33 + 33.34 adds up exactly. */
const hundredths = (percent: number) => Math.round(percent * 100);

export type Payer = { kind: 'partner'; partner: Partner; name: string } | { kind: 'agency'; agency: string; name: string };

export function payerOf(config: PartnershipConfig, id: string): Payer | undefined {
  if ((PARTNERS as readonly string[]).includes(id)) return { kind: 'partner', partner: id as Partner, name: PARTNER_NAMES[id as Partner] };
  const agency = config.agencies.find((a) => a.id === id);
  if (!agency) return undefined;
  return agency.partner ? { kind: 'partner', partner: agency.partner, name: PARTNER_NAMES[agency.partner] } : { kind: 'agency', agency: agency.id, name: agency.name };
}

/** The problem with an estimate and apportionment, in words, or undefined when it may be recorded. */
export function apportionmentProblem(config: PartnershipConfig, estimate: number, model: CostModel, shares: readonly CostShare[]): string | undefined {
  if (!Number.isFinite(estimate) || estimate <= 0) return 'Give the estimated cost of the review in pounds (more than £0).';
  if (hundredths(estimate) / 100 !== estimate) return 'Give the estimate in pounds and pence (at most two decimal places).';
  if (shares.length === 0) return 'Say who pays which share of the cost.';
  const payers: Payer[] = [];
  for (const share of shares) {
    const payer = payerOf(config, share.payer);
    if (!payer) return `"${share.payer}" is neither a statutory partner nor an agency on the partnership's roster.`;
    if (!Number.isFinite(share.percent) || share.percent <= 0) return `${payer.name}'s share must be more than 0%; leave out anyone who pays nothing.`;
    if (hundredths(share.percent) / 100 !== share.percent) return `${payer.name}'s share has more than two decimal places.`;
    const key = payer.kind === 'partner' ? payer.partner : payer.agency;
    if (payers.some((p) => (p.kind === 'partner' ? p.partner : p.agency) === key)) return `${payer.name} is listed twice; give each payer one share.`;
    payers.push(payer);
  }
  const total = shares.reduce((sum, s) => sum + hundredths(s.percent), 0);
  if (total !== 10_000) return `The shares add up to ${total / 100}%; they must add up to 100%.`;
  if (model === 'option1' || shares.length === 1) return undefined;
  const largest = shares.reduce((max, s, i) => (s.percent > shares[max]!.percent ? i : max), 0);
  if (hundredths(shares[largest]!.percent) > OPTION2_CAP_PERCENT * 100) {
    return `Under option 2, where several contribute no share may be above ${OPTION2_CAP_PERCENT}% (000 1.2.3): ${payers[largest]!.name} would pay ${shares[largest]!.percent}%. Make it one payer bearing the whole cost, or bring the largest share down to ${OPTION2_CAP_PERCENT}%.`;
  }
  const missing = PARTNERS.filter((p) => !payers.some((x) => x.kind === 'partner' && x.partner === p));
  if (missing.length > 0) {
    return `Under option 2, where several contribute all three statutory partners must contribute (000 1.2.3: "to ensure that all reviews have contributions from all three Statutory Partners"): ${missing.map((p) => PARTNER_NAMES[p]).join(' and ')} ${missing.length === 1 ? 'has' : 'have'} no share.`;
  }
  return undefined;
}
