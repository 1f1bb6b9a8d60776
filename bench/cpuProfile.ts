import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and sums the time per function: self time (samples in
 * the function itself) and total time (samples with the function anywhere on the stack). Used as
 * evidence when a target is missed; `npx tsx bench/cpuProfile.ts <file> [top]` prints a summary.
 */

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type FunctionTime = { name: string; where: string; selfMs: number; totalMs: number; selfShare: number };
export type ProfileSummary = { wallMs: number; sampledMs: number; idleMs: number; gcMs: number; functions: FunctionTime[]; byPackage: { name: string; selfMs: number; selfShare: number }[] };

function whereOf(frame: CallFrame): string {
  if (!frame.url) return '(native)';
  const path = frame.url.replace(/^file:\/\//, '');
  return `${relative(process.cwd(), path)}:${frame.lineNumber + 1}`;
}

function packageOf(frame: CallFrame): string {
  const url = frame.url.replace(/^file:\/\//, '');
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node (core)';
  const rel = relative(process.cwd(), url);
  return rel.startsWith('..') ? url : `project: ${rel.split('/')[0]}`;
}

export async function summariseProfile(file: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const fnKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}@${whereOf(n.callFrame)}`;
  const fnSelf = new Map<string, number>();
  const fnTotal = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  let sampled = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    sampled += ms;
    if (node.callFrame.functionName === '(idle)') idle += ms;
    if (node.callFrame.functionName === '(garbage collector)') gc += ms;
    fnSelf.set(fnKey(node), (fnSelf.get(fnKey(node)) ?? 0) + ms);
    pkgSelf.set(packageOf(node.callFrame), (pkgSelf.get(packageOf(node.callFrame)) ?? 0) + ms);
    // Total: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      if (!n) break;
      const key = fnKey(n);
      if (seen.has(key)) continue;
      seen.add(key);
      fnTotal.set(key, (fnTotal.get(key) ?? 0) + ms);
    }
  }
  const busy = Math.max(1, sampled - idle);
  const functions = [...fnSelf.entries()]
    .filter(([key]) => !key.startsWith('(idle)') && !key.startsWith('(program)') && !key.startsWith('(root)'))
    .map(([key, selfMs]) => {
      const at = key.lastIndexOf('@');
      return { name: key.slice(0, at), where: key.slice(at + 1), selfMs, totalMs: fnTotal.get(key) ?? selfMs, selfShare: selfMs / busy };
    })
    .sort((a, b) => b.selfMs - a.selfMs);
  const byPackage = [...pkgSelf.entries()]
    .filter(([name]) => name !== '(idle)')
    .map(([name, selfMs]) => ({ name, selfMs, selfShare: selfMs / busy }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { wallMs: (profile.endTime - profile.startTime) / 1000, sampledMs: sampled, idleMs: idle, gcMs: gc, functions, byPackage };
}

/** Inclusive time of functions whose name or location matches, e.g. the product's own entry points. */
export function inclusive(summary: ProfileSummary, match: (f: FunctionTime) => boolean): FunctionTime[] {
  return summary.functions.filter(match).sort((a, b) => b.totalMs - a.totalMs);
}

export function formatSummary(summary: ProfileSummary, top = 25): string {
  const busy = summary.sampledMs - summary.idleMs;
  const lines = [
    `profile: ${summary.wallMs.toFixed(0)} ms wall, ${busy.toFixed(0)} ms busy (${summary.idleMs.toFixed(0)} ms idle), GC ${summary.gcMs.toFixed(0)} ms`,
    'self time by package:',
    ...summary.byPackage.slice(0, 12).map((p) => `  ${(p.selfShare * 100).toFixed(1).padStart(5)}%  ${p.selfMs.toFixed(0).padStart(7)} ms  ${p.name}`),
    'self time by function:',
    ...summary.functions.slice(0, top).map((f) => `  ${(f.selfShare * 100).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(7)} ms  (total ${f.totalMs.toFixed(0)} ms)  ${f.name}  ${f.where}`),
  ];
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx bench/cpuProfile.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(formatSummary(await summariseProfile(file), Number(process.argv[3] ?? 25)));
}
