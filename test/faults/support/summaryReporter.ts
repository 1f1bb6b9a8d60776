import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reporter, Vitest } from 'vitest/node';
import { TALLY_DIR_VARIABLE, TALLY_KEYS, type Counts, type TallyKey } from './tally.js';

/**
 * Prints the fault and abuse suite's one summary line at the end of the run, added up from the
 * counts the test processes wrote as they injected faults and tried inputs (see tally.ts). The
 * Graph fault tests (test/graph) count theirs the same way (graphFaults in graphTestKit.ts), so
 * no figure depends on what a test is called.
 */

export default class FaultSummaryReporter implements Reporter {
  private dir = '';
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.dir = mkdtempSync(join(tmpdir(), 'fault-tally-'));
    // Test processes are started after this and inherit the variable.
    process.env[TALLY_DIR_VARIABLE] = this.dir;
  }

  onTestRunEnd(): void {
    const total: Record<TallyKey, number> = Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as Record<TallyKey, number>;
    for (const file of readdirSync(this.dir)) {
      for (const line of readFileSync(join(this.dir, file), 'utf8').split('\n')) {
        if (!line) continue;
        const counts = JSON.parse(line) as Counts;
        for (const key of TALLY_KEYS) total[key] += counts[key] ?? 0;
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    if (Object.values(total).every((n) => n === 0)) return;
    const t = total;
    const line =
      `faults: ${t.faultsInjected} injected, ${t.faultsSurvived} survived, ${t.faultsLost} lost` +
      (t.knownDuplicates > 0 ? ` (${t.knownDuplicates} known duplicate post(s): Teams took a new message but the bot never learned it had, after a crash or a 502/504/dropped answer)` : '') +
      `; bad inputs: ${t.badInputsTried} tried, ${t.badInputStateChanges} state changes, ${t.badInputCrashes} crashes` +
      `; typed text: ${t.injectionTried} hostile, ${t.injectionInert} inert` +
      `; auth: ${t.authForged} forged, ${t.authRefused} refused` +
      `; access: ${t.accessProbes} probes, ${t.accessLeaks} leaks` +
      `; production: ${t.productionProbes} probes, ${t.productionRefused} refused` +
      (t.crossTenantProbes > 0 ? ` (of which across tenants: ${t.crossTenantProbes} probes, ${t.crossTenantRefused} refused)` : '');
    (this.vitest?.logger ?? console).log(`\n${line}\n`);
  }
}
