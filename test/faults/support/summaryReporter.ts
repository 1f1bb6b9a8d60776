import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { TALLY_DIR_VARIABLE, TALLY_KEYS, type Counts, type TallyKey } from './tally.js';

/**
 * Prints the fault and abuse suite's one summary line at the end of the run, from the counts the
 * test processes wrote (see tally.ts) and from the Graph fault tests' own results (test/graph:
 * every test that injects a Graph failure counts as a fault, survived if it passed).
 */

const GRAPH_FAULT_FILES = /\/test\/graph\/(meetings|graphClient)\.test\.ts$/;
const GRAPH_FAULT = /429|503|504|retr|fail|error|network|hung|abort|crash|malformed|rejected|no longer|not found|permission|refus/i;

export default class FaultSummaryReporter implements Reporter {
  private dir = '';
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
    this.dir = mkdtempSync(join(tmpdir(), 'fault-tally-'));
    // Test processes are started after this and inherit the variable.
    process.env[TALLY_DIR_VARIABLE] = this.dir;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const total: Record<TallyKey, number> = Object.fromEntries(TALLY_KEYS.map((k) => [k, 0])) as Record<TallyKey, number>;
    for (const file of readdirSync(this.dir)) {
      for (const line of readFileSync(join(this.dir, file), 'utf8').split('\n')) {
        if (!line) continue;
        const counts = JSON.parse(line) as Counts;
        for (const key of TALLY_KEYS) total[key] += counts[key] ?? 0;
      }
    }
    for (const module of testModules) {
      if (!GRAPH_FAULT_FILES.test(module.moduleId)) continue;
      for (const test of module.children.allTests()) {
        if (!GRAPH_FAULT.test(test.fullName)) continue;
        const state = test.result().state;
        if (state === 'pending') continue;
        total.faultsInjected++;
        if (state === 'passed') total.faultsSurvived++;
        else total.faultsLost++;
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
    if (Object.values(total).every((n) => n === 0)) return;
    const t = total;
    const line =
      `faults: ${t.faultsInjected} injected, ${t.faultsSurvived} survived, ${t.faultsLost} lost` +
      (t.knownDuplicates > 0 ? ` (${t.knownDuplicates} known duplicate post(s): crash between Teams accepting a new message and its sent marker)` : '') +
      `; bad inputs: ${t.badInputsTried} tried, ${t.badInputStateChanges} state changes, ${t.badInputCrashes} crashes` +
      `; typed text: ${t.injectionTried} hostile, ${t.injectionInert} inert` +
      `; auth: ${t.authForged} forged, ${t.authRefused} refused`;
    (this.vitest?.logger ?? console).log(`\n${line}\n`);
  }
}
