import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendKey } from '../../workflow/kernel.js';

/**
 * A send's key is its identity in the outbox and, for a tracked card, the card later refreshed:
 * two sends that built the same key would overwrite each other. Every key is built by one of the
 * kernel's named builders, and no two builders can produce the same key.
 */

const ROOT = join(import.meta.dirname, '..', '..', 'workflow');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []))));
  return nested.flat();
}

type Builder = (...args: unknown[]) => string;
const builders = Object.entries(sendKey) as [string, Builder][];

describe('send keys', () => {
  // Not 'monitoring': `decisionRecorded:monitoring:<version>` predates the builders and is stored
  // with sent cards, so a roster object id spelled "monitoring" would meet it (object ids are GUIDs).
  it.each([['x'], ['1'], ['aad-1']])('no two builders give the same key, every argument being %s', (value) => {
    const keys = builders.map(([name, build]) => [name, build(...Array<unknown>(build.length).fill(value))] as const);
    const byKey = new Map<string, string[]>();
    for (const [name, key] of keys) byKey.set(key, [...(byKey.get(key) ?? []), name]);
    expect([...byKey.values()].filter((names) => names.length > 1)).toEqual([]);
  });

  it('keys already stored with sent cards are unchanged', () => {
    expect(sendKey.decisionRecorded(7)).toBe('decisionRecorded:monitoring:7');
    expect(sendKey.decisionRecordedTo('aad-1', 7)).toBe('decisionRecorded:aad-1:7');
    expect(sendKey.lcsprDisputeMonitoring()).toBe('lcsprDispute:monitoring');
    expect(sendKey.scopingChaser('education', 'overdue', undefined, 'aad-2', 3)).toBe('scopingChaser:education:overdue::aad-2:3');
    expect(sendKey.meetingBooked(2, 'decision')).toBe('meetingBooked:2:decision');
  });

  it('no step spells out a send key: each names its builder', async () => {
    const spelled: string[] = [];
    for (const file of await sourceFiles(ROOT)) {
      if (file.endsWith('kernel.ts') || file.endsWith('timers.ts')) continue;
      const source = await readFile(file, 'utf8');
      // whenAway.ts sends with the key its caller built: every call to it must name a builder.
      if (!file.endsWith('whenAway.ts') && /type: 'send', key: (?!sendKey\.)/.test(source)) spelled.push(relative(ROOT, file));
      for (const call of source.match(/sendAsked\([^;]*;/g) ?? []) if (!call.startsWith('sendAsked(r: ') && !call.includes('sendKey.')) spelled.push(`${relative(ROOT, file)}: ${call}`);
    }
    expect(spelled).toEqual([]);
  });
});
