import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ASSETS } from '../../functions/staticAssets.js';
import { HOST_PACKAGES } from '../../scripts/functionsBundle.js';
import { ROOT } from './bicep.js';

/**
 * What `azd deploy` zips for the Function App: the project folder less what .funcignore leaves out
 * (gitignore syntax; azure.yaml turns Flex Consumption's remote build off, so the zip is what runs).
 * The folder is laid out in a scratch git repository as it stands after `npm ci` and `npm run
 * build` (every tracked file, every installed package, the build's outputs and a developer's
 * leftovers) and git itself applies .funcignore: what is left must be exactly the bundle, the files
 * it reads at run time and the one package outside it (with its dependencies), and no dev dependency.
 */

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout.split('\n').filter(Boolean);

const PackageJsonSchema = z.object({ main: z.string(), dependencies: z.record(z.string(), z.string()).default({}), devDependencies: z.record(z.string(), z.string()).default({}) });
const packageJson = async (path: string) => PackageJsonSchema.parse(JSON.parse(await readFile(path, 'utf8')));

/** What `npm run build` writes (scripts/build.ts), and what a developer's machine may hold besides. */
const BUILT = ['dist/functions/index.js', 'dist/functions/index.js.map', 'dist/functions/chunk-5XQ2ZP3K.js', 'dist/functions/chunk-5XQ2ZP3K.js.map', 'dist/tab/app.js', 'dist/tab/config.js', 'dist/tab/act.js'];
const LEFTOVERS = ['local.settings.json', '.azure/dev/.env', '.azurite/__azurite_db_table__.json', 'dist/.bundle-test-1a2b3c4d/index.js', 'node_modules/.bin/tsc', 'node_modules/.package-lock.json', 'test-results/report.json', 'npm-debug.log'];

/** Installed packages by name (scoped ones as @scope/name). */
async function installed(): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(join(ROOT, 'node_modules'))) {
    if (entry.startsWith('.')) continue;
    if (entry.startsWith('@')) for (const inner of await readdir(join(ROOT, 'node_modules', entry))) names.push(`${entry}/${inner}`);
    else names.push(entry);
  }
  return names;
}

/** A package and everything it depends on, as installed. */
async function closure(names: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const visit = async (name: string): Promise<void> => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dependency of Object.keys((await packageJson(join(ROOT, 'node_modules', name, 'package.json'))).dependencies)) await visit(dependency);
  };
  for (const name of names) await visit(name);
  return seen;
}

let scratch: string;
let shipped: string[];
let tracked: string[];
let packages: string[];
// @azure/functions-core is the Functions worker's own: it is never installed, in Azure or here.
const outsideTheBundle = HOST_PACKAGES.filter((name) => name !== '@azure/functions-core');

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'funcignore-'));
  tracked = await git(ROOT, 'ls-files');
  packages = await installed();
  const files = [...tracked, ...packages.flatMap((name) => [`node_modules/${name}/package.json`, `node_modules/${name}/lib/index.js`]), ...BUILT, ...LEFTOVERS];
  for (const file of files) {
    await mkdir(dirname(join(scratch, file)), { recursive: true });
    await writeFile(join(scratch, file), '');
  }
  await writeFile(join(scratch, '.funcignore'), await readFile(join(ROOT, '.funcignore')));
  await git(scratch, 'init', '-q');
  shipped = (await git(scratch, 'ls-files', '--others', '--exclude-from=.funcignore')).sort();
}, 60_000);
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the package azd deploys to the Function App', () => {
  it('is built here and shipped as built (no remote build in Azure)', async () => {
    const yaml = z.object({ services: z.object({ api: z.object({ remoteBuild: z.literal(false) }) }) }).parse(parse(await readFile(join(ROOT, 'azure.yaml'), 'utf8')));
    expect(yaml.services.api.remoteBuild).toBe(false);
  });

  it('holds exactly the bundle, its runtime files and the package outside the bundle with its dependencies', async () => {
    const runtimePackages = [...(await closure(outsideTheBundle))].sort();
    expect(runtimePackages).toEqual(['@azure/functions', '@azure/functions-extensions-base', 'cookie']);
    const expected = [
      'package.json',
      'host.json',
      ...BUILT,
      ...tracked.filter((file) => /^config\/[^/]+\.json$/.test(file) || file.startsWith('tab/public/')),
      ...runtimePackages.flatMap((name) => [`node_modules/${name}/lib/index.js`, `node_modules/${name}/package.json`]),
    ].sort();
    expect(shipped).toEqual(expected);
  });

  it('has every file the app reads at run time: the entry, the tab\'s assets and the default partnership configuration', async () => {
    expect(shipped).toContain((await packageJson(join(ROOT, 'package.json'))).main);
    for (const file of Object.values(ASSETS)) expect(shipped, file).toContain(file);
    const parameters = JSON.parse(await readFile(join(ROOT, 'infra', 'main.parameters.json'), 'utf8')) as { parameters: { partnershipConfig: { value: string } } };
    const defaultConfig = /^\$\{PARTNERSHIP_CONFIG=(.+)\}$/.exec(parameters.parameters.partnershipConfig.value)?.[1];
    expect(defaultConfig).toBeDefined();
    expect(shipped).toContain(defaultConfig);
  });

  it('leaves out every dev dependency, every source file, the tests, the infrastructure and local settings', async () => {
    const { devDependencies } = await packageJson(join(ROOT, 'package.json'));
    expect(Object.keys(devDependencies).length).toBeGreaterThan(0);
    for (const name of Object.keys(devDependencies)) expect(shipped.filter((file) => file.startsWith(`node_modules/${name}/`)), name).toEqual([]);
    expect(shipped.filter((file) => file.endsWith('.ts'))).toEqual([]);
    expect(shipped.filter((file) => /^(test|infra|bench|local|scripts|\.azure|\.azurite)\//.test(file) || file === 'local.settings.json')).toEqual([]);
    // The check can fail: without the allow-list, all of node_modules would go.
    expect(packages.length).toBeGreaterThan(100);
  });
});
