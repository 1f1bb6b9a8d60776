import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/bank-holidays.json', import.meta.url));

type Outcome = { code: number; stdout: string; stderr: string };

async function due(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/due.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run due', { timeout: 30_000 }, () => {
  it('prints the due instant and its words for the Platinum Jubilee example', async () => {
    const outcome = await due('--from', '2022-06-01T16:00:00+01:00', '--working-days', '1');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('due: 2022-06-06T16:00:00+01:00\nin words: 16:00 on Monday 6 June 2022\n');
  });

  it('honours --nation, --hours and --holidays together', async () => {
    const outcome = await due(
      '--from', '2026-07-10T15:00', '--working-days', '1',
      '--nation', 'england-and-wales', '--hours', '08:30-16:00', '--holidays', FIXTURE,
    );
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('due: 2026-07-14T15:00:00+01:00\nin words: 15:00 on Tuesday 14 July 2026\n');
  });

  it('counts back: --working-days-before 7 --date 2026-05-20 prints the latest instant to send (002: "no later than seven working days before publication")', async () => {
    const outcome = await due('--working-days-before', '7', '--date', '2026-05-20');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe('due: 2026-05-11T17:00:00+01:00\nin words: 17:00 on Monday 11 May 2026\n');
    const mixed = await due('--working-days-before', '7', '--from', '2026-05-01T09:00');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('not both');
  });

  it.each([
    // Publication on Wednesday 2 December 2026; the seventh working day before it, counted back with the publication day not counted.
    // Scotland: St Andrew's Day (Monday 30 November, in the fixture) is not a working day, so the count reaches Friday 20 November.
    ['scotland', '16:00 on Friday 20 November 2026', 'due: 2026-11-20T16:00:00+00:00'],
    // England and Wales: 30 November is a working day, so the count stops on Monday 23 November.
    ['england-and-wales', '16:00 on Monday 23 November 2026', 'due: 2026-11-23T16:00:00+00:00'],
  ])('counts back with --nation %s, --hours and --holidays together', async (nation, words, dueLine) => {
    const outcome = await due('--working-days-before', '7', '--date', '2026-12-02', '--nation', nation, '--hours', '08:30-16:00', '--holidays', FIXTURE);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(`${dueLine}\nin words: ${words}\n`);
  });

  it('exits 2 naming each problem and showing the usage on bad input', async () => {
    const outcome = await due('--from', 'yesterday', '--working-days=-1', '--nation', 'wales');
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('--from "yesterday" is not an ISO 8601 date-time');
    expect(outcome.stderr).toContain('--working-days must be a number >= 0');
    expect(outcome.stderr).toContain('--nation must be one of england-and-wales, scotland, northern-ireland');
    expect(outcome.stderr).toContain('usage: npm run due -- --from <ISO instant> --working-days <n>');
  });
});
