import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, describe, expect, test } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'teams-app-package-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Runs `npx tsx scripts/package.ts --out <file>` as npm run package would, with only the given variables set. */
function runPackager(out: string, env: Record<string, string>) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['BOT_APP_ID', 'HOST_NAME', 'APP_ID', 'APP_VERSION', 'PARTNERSHIP_CONFIG'].includes(name)),
  );
  return spawnSync('npx', ['tsx', 'scripts/package.ts', '--out', out], { cwd: REPO_ROOT, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run package', () => {
  test('exit 0: writes the zip and says what it wrote', { timeout: 60_000 }, async () => {
    const out = join(workDir, 'ok', 'app.zip');
    const run = runPackager(out, { BOT_APP_ID: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', HOST_NAME: 'sin-bot.example.org' });
    expect(run.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect(run.stdout).toContain('manifest.json, color.png, outline.png');
    const archive = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    // No temporary file is left beside the zip.
    expect(readdirSync(join(workDir, 'ok'))).toEqual(['app.zip']);
  });

  test('exit 2: every environment problem is listed and nothing is written', { timeout: 60_000 }, () => {
    const out = join(workDir, 'bad', 'app.zip');
    const run = runPackager(out, { BOT_APP_ID: 'not-a-guid' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The Teams app package was not built');
    expect(run.stderr).toContain('BOT_APP_ID "not-a-guid" is not a GUID');
    expect(run.stderr).toContain('HOST_NAME is required');
    expect(run.stdout).toBe('');
    expect(existsSync(join(workDir, 'bad'))).toBe(false);
  });

  test('exit 2 for an unknown option', { timeout: 60_000 }, () => {
    const run = spawnSync('npx', ['tsx', 'scripts/package.ts', '--output', 'x.zip'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--output'");
  });
});
