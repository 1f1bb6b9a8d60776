import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bicepFiles, INFRA, modules, params, parseBicep, shortPath, syntaxProblems } from './bicep.js';

/**
 * What can be checked of the Bicep without the Bicep compiler: every file parses (no ERROR or
 * MISSING node from tree-sitter-bicep), every module a file calls exists and is passed exactly
 * params it declares, all of its required ones, and azd's parameters file names only params of
 * main.bicep.
 */
describe('the Bicep in infra/', () => {
  it('parses without errors, every file', async () => {
    const files = await bicepFiles();
    expect(files.map(shortPath)).toEqual(expect.arrayContaining(['infra/main.bicep', 'infra/modules/functionApp.bicep', 'infra/modules/bot.bicep', 'infra/modules/storage.bicep']));
    const problems = (await Promise.all(files.map(async (f) => syntaxProblems(await parseBicep(f))))).flat();
    expect(problems).toEqual([]);
  });

  it('finds a syntax error when there is one', async () => {
    // The check above must be able to fail: a missing closing brace is reported.
    const broken = join(INFRA, 'modules', 'bot.bicep');
    const text = (await readFile(broken, 'utf8')).replace("channelName: 'MsTeamsChannel'\n", "channelName: 'MsTeamsChannel\n");
    const dir = await mkdtemp(join(tmpdir(), 'bicep-'));
    try {
      await writeFile(join(dir, 'broken.bicep'), text);
      expect(syntaxProblems(await parseBicep(join(dir, 'broken.bicep'))).length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('calls only modules that exist, with the params they declare', async () => {
    const problems: string[] = [];
    for (const path of await bicepFiles()) {
      for (const mod of modules(await parseBicep(path))) {
        const target = join(dirname(path), mod.target);
        const exists = await access(target).then(() => true, () => false);
        if (!exists) {
          problems.push(`${shortPath(path)}: module ${mod.name} names ${mod.target}, which does not exist`);
          continue;
        }
        const declared = params(await parseBicep(target));
        for (const p of mod.passed) if (!declared.some((d) => d.name === p)) problems.push(`${shortPath(path)}: module ${mod.name} passes ${p}, which ${mod.target} does not declare`);
        for (const d of declared) if (d.required && !mod.passed.includes(d.name)) problems.push(`${shortPath(path)}: module ${mod.name} does not pass ${d.name}, required by ${mod.target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("azd's parameters file names only params of main.bicep, and every required one", async () => {
    const file = z.object({ parameters: z.record(z.string(), z.object({ value: z.unknown() })) }).parse(JSON.parse(await readFile(join(INFRA, 'main.parameters.json'), 'utf8')));
    const declared = params(await parseBicep(join(INFRA, 'main.bicep')));
    expect(Object.keys(file.parameters).filter((name) => !declared.some((d) => d.name === name))).toEqual([]);
    expect(declared.filter((d) => d.required && !(d.name in file.parameters)).map((d) => d.name)).toEqual([]);
  });
});
