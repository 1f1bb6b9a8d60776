import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the fault and abuse suite tried and what survived, counted where it happened. Each test
 * process appends its counts to a file in the directory the summary reporter created; the
 * reporter adds them up into the one summary line, so the figures are tallies, never constants.
 */
export const TALLY_KEYS = [
  'faultsInjected',
  'faultsSurvived',
  'faultsLost',
  'knownDuplicates',
  'badInputsTried',
  'badInputStateChanges',
  'badInputCrashes',
  'authForged',
  'authRefused',
  'injectionTried',
  'injectionInert',
  'accessProbes',
  'accessLeaks',
  'productionProbes',
  'productionRefused',
  'crossTenantProbes',
  'crossTenantRefused',
] as const;
export type TallyKey = (typeof TALLY_KEYS)[number];
export type Counts = Partial<Record<TallyKey, number>>;

export const TALLY_DIR_VARIABLE = 'FAULT_TALLY_DIR';

export function count(counts: Counts): void {
  const dir = process.env[TALLY_DIR_VARIABLE];
  // Run with another reporter (e.g. `--reporter=verbose` alone) nobody adds the counts up.
  if (!dir) return;
  appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify(counts)}\n`);
}

/** One fault injected: survived when `ok`, lost otherwise. */
export function fault(ok: boolean): void {
  count({ faultsInjected: 1, ...(ok ? { faultsSurvived: 1 } : { faultsLost: 1 }) });
}

/**
 * One probe of the production-mode suite (authentication on): refused when it got the answer it
 * must (its status, no rationale leaked) and nothing stored changed.
 */
export function probe(refused: boolean): void {
  count({ productionProbes: 1, ...(refused ? { productionRefused: 1 } : {}) });
}

/**
 * One activity from someone of another organisation (a guest, a shared channel's external member,
 * NHSmail) that must be refused: refused when it was, with nothing stored. Also a production probe.
 */
export function crossTenantProbe(refused: boolean): void {
  count({ crossTenantProbes: 1, productionProbes: 1, ...(refused ? { crossTenantRefused: 1, productionRefused: 1 } : {}) });
}

/** One forged or disallowed credential: refused when `refused`. */
export function forged(refused: boolean): void {
  count({ authForged: 1, ...(refused ? { authRefused: 1 } : {}) });
}
