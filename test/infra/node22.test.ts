import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INFRA, ROOT } from './bicep.js';

/**
 * Node 22 LTS everywhere. The `node` devDependency installs a Node 22 binary at
 * node_modules/.bin/node, which npm puts first on PATH for its scripts: `npm test` (tsc, vitest)
 * runs under it even on a machine whose own Node is older, with `.ci/run` unchanged. This file is
 * the proof: run through npm, the test process is Node 22.
 */
const PackageJsonSchema = z.object({ engines: z.object({ node: z.string() }), devDependencies: z.record(z.string(), z.string()) });

describe('Node 22', () => {
  it('runs this test suite when it is run through npm', () => {
    expect(process.versions.node.split('.')[0]).toBe('22');
  });

  it('is what package.json, the Bicep runtime, the bundle target and the README all say', async () => {
    const pkg = PackageJsonSchema.parse(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')));
    expect(pkg.engines.node).toBe('22.x');
    expect(pkg.devDependencies.node).toMatch(/^22\./);
    expect(await readFile(join(INFRA, 'modules', 'functionApp.bicep'), 'utf8')).toContain("runtime: { name: 'node', version: '22' }");
    expect(await readFile(join(ROOT, 'scripts', 'functionsBundle.ts'), 'utf8')).toContain("target: 'node22'");
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('Node.js 22');
    expect(readme).not.toMatch(/Node(\.js)? 20/);
  });
});
