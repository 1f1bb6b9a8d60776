import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The procedure is a pure core (ARCHITECTURE.md): it knows nothing of Teams, Azure, files, the
 * network or the clock, so every rule can be table-tested with fixed instants. This reads the
 * source of workflow/ and fails on any import or call that would let I/O in.
 */

const ROOT = join(import.meta.dirname, '..', '..', 'workflow');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []))));
  return nested.flat();
}

const FORBIDDEN: readonly [RegExp, string][] = [
  [/from ['"]node:/, 'a Node.js built-in module'],
  [/from ['"](fs|http|https|net|child_process)['"]/, 'a Node.js built-in module'],
  [/from ['"]@azure\//, 'an Azure SDK'],
  [/from ['"]botbuilder/, 'botbuilder'],
  [/from ['"]@microsoft\//, 'a Microsoft 365 SDK'],
  [/from ['"](?:\.\.\/)+(app|bot|functions|store|graph|cards|config|local|tab)\//, 'the shell'],
  [/\bfetch\(/, 'a network call'],
  [/\bnew Date\(\)|\bDate\.now\(/, 'the clock (time is passed in)'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'a timer held in memory'],
  [/\bprocess\.env\b/, 'the environment'],
];

describe('workflow/ is a pure core', () => {
  it('imports no SDK, shell folder or Node.js module, and calls no network, clock or timer', async () => {
    const files = await sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(10);
    const offences: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) offences.push(`${relative(ROOT, file)} uses ${what} (${pattern})`);
    }
    expect(offences).toEqual([]);
  });
});
