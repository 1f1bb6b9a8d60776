import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { buildTeamsAppPackage, PACKAGE_FILES, PackageError, placeholderValues, readPackageInputs } from '../manifest/buildPackage.js';

const USAGE = `usage: npm run package -- [--out <file>]          (default dist/teams-app.zip)
environment: BOT_APP_ID (GUID, required)   HOST_NAME (e.g. sin-bot.example.org, required)
             APP_ID (GUID, default BOT_APP_ID)   TAB_APP_ID (GUID, the tab's SSO app, default BOT_APP_ID)   APP_VERSION (default package.json's version)
             PARTNERSHIP_CONFIG (default config/sample-partnership.json)`;

const ArgsSchema = z.object({ out: z.string().trim().min(1, '--out needs a file name').default('dist/teams-app.zip') });
const PackageJsonSchema = z.object({ version: z.string().min(1) });

async function main(): Promise<void> {
  let args: z.infer<typeof ArgsSchema>;
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true, allowPositionals: false });
    args = ArgsSchema.parse(values);
  } catch (error) {
    throw new PackageError([error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join('; ') : error instanceof Error ? error.message : String(error)]);
  }

  const packageJson = PackageJsonSchema.parse(JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')));
  const inputs = await readPackageInputs(process.env, packageJson.version);
  const { zip } = await buildTeamsAppPackage(placeholderValues(inputs));

  // Write beside the target and rename, so an interrupted run never leaves a half-written zip.
  const out = resolve(args.out);
  await mkdir(dirname(out), { recursive: true });
  const partial = `${out}.${process.pid}.partial`;
  try {
    await writeFile(partial, zip);
    await rename(partial, out);
  } finally {
    await rm(partial, { force: true });
  }

  console.log(`Wrote ${out} (${zip.byteLength} bytes): ${PACKAGE_FILES.join(', ')}`);
  console.log(`  app ${inputs.appId} v${inputs.appVersion}, bot ${inputs.botAppId}, tab SSO ${inputs.tabAppId}, host ${inputs.hostName}`);
  console.log(`  ${inputs.partnership.shortName} (${inputs.partnership.name}) from ${inputs.partnershipConfigPath}`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  // Exit 2: something the user fixes in the environment, the arguments or the partnership file.
  console.error(`${error.message}\n\n${USAGE}`);
  process.exitCode = 2;
}
