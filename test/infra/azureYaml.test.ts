import { access, constants, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { INFRA, params, parseBicep, ROOT, declarations } from './bicep.js';

/**
 * azure.yaml against the layout azd expects: infra/<module>.bicep with its
 * <module>.parameters.json, subscription scope with environmentName and location fed from azd's
 * AZURE_ENV_NAME and AZURE_LOCATION, each service's folder a Node project, its host a Function App
 * tagged `azd-service-name: <service>`, hook scripts present and executable, and the outputs
 * `npm run package` reads.
 */
const AzureYamlSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]+$/),
  infra: z.object({ provider: z.literal('bicep'), path: z.string(), module: z.string() }),
  services: z.record(z.string(), z.object({ project: z.string(), language: z.enum(['js', 'ts']), host: z.literal('function') })),
  hooks: z.record(z.string(), z.object({ posix: z.object({ shell: z.literal('sh'), run: z.string() }) })).optional(),
});

const azureYaml = async () => AzureYamlSchema.parse(parse(await readFile(join(ROOT, 'azure.yaml'), 'utf8')));
const exists = (path: string, mode = constants.F_OK) => access(path, mode).then(() => true, () => false);

describe('azure.yaml', () => {
  it('names an infra module and parameters file that exist, at subscription scope with azd\'s parameters', async () => {
    const yaml = await azureYaml();
    const main = join(ROOT, yaml.infra.path, `${yaml.infra.module}.bicep`);
    expect(await exists(main)).toBe(true);
    const parameters = JSON.parse(await readFile(join(ROOT, yaml.infra.path, `${yaml.infra.module}.parameters.json`), 'utf8')) as { parameters: Record<string, { value: string }> };
    expect(parameters.parameters.environmentName?.value).toBe('${AZURE_ENV_NAME}');
    expect(parameters.parameters.location?.value).toBe('${AZURE_LOCATION}');
    const file = await parseBicep(main);
    expect(declarations(file, 'target_scope_assignment').map((n) => n.text)).toEqual(["targetScope = 'subscription'"]);
    expect(params(file).filter((p) => p.required).map((p) => p.name)).toEqual(['environmentName', 'location']);
  });

  it('deploys each service from a Node project to a Function App tagged with its name', async () => {
    const yaml = await azureYaml();
    const bicepText = await readFile(join(INFRA, 'modules', 'functionApp.bicep'), 'utf8');
    for (const [name, service] of Object.entries(yaml.services)) {
      const packageJson = z.object({ main: z.string(), scripts: z.object({ build: z.string() }) }).parse(JSON.parse(await readFile(join(ROOT, service.project, 'package.json'), 'utf8')));
      expect(packageJson.main).toBe('dist/functions/index.js');
      expect(await exists(join(ROOT, service.project, 'host.json'))).toBe(true);
      expect(bicepText).toContain(`'azd-service-name': '${name}'`);
    }
  });

  it('runs hook scripts that exist and are executable', async () => {
    const yaml = await azureYaml();
    const hooks = Object.values(yaml.hooks ?? {});
    expect(hooks.length).toBeGreaterThan(0);
    for (const hook of hooks) expect(await exists(join(ROOT, hook.posix.run), constants.X_OK), hook.posix.run).toBe(true);
  });

  it('outputs what npm run package and the hook read: BOT_APP_ID, HOST_NAME, TAB_APP_ID', async () => {
    const outputs = declarations(await parseBicep(join(INFRA, 'main.bicep')), 'output_declaration').map((n) => n.namedChildren[0]?.text);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_APP_ID', 'HOST_NAME', 'TAB_APP_ID', 'FUNCTION_APP_NAME', 'AZURE_RESOURCE_GROUP']));
    const hook = await readFile(join(INFRA, 'scripts', 'registerTabApp.sh'), 'utf8');
    for (const name of ['HOST_NAME', 'FUNCTION_APP_NAME', 'AZURE_RESOURCE_GROUP']) expect(hook).toContain(`\${${name}:?`);
  });
});
