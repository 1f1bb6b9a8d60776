import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { z } from 'zod';
import { ConfigurationError } from '../config/configurationError.js';
import { loadPartnershipConfig } from '../config/loadPartnershipConfig.js';

/**
 * Builds the Teams app package (manifest.json + two icons in a zip) from manifest.template.json.
 * Everything here either returns data or throws PackageError; only scripts/package.ts writes files,
 * so a failed build never leaves a partial package behind.
 */

/** Everything that stops a build, listed at once so one run shows every fix needed. */
export class PackageError extends Error {
  constructor(readonly problems: readonly string[]) {
    // Multi-line problems (e.g. the partnership file's own list) are indented under their line.
    super(`The Teams app package was not built:\n${problems.map((problem) => `  - ${problem.replace(/\n/g, '\n    ')}`).join('\n')}`);
  }
}

export const DEFAULT_PARTNERSHIP_CONFIG = 'config/sample-partnership.json';
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
// Teams reads the app version as MAJOR.MINOR.PATCH numbers (the schema's own semver definition).
const APP_VERSION = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)$/;

/** An unset and an empty variable mean the same thing: a blank must never reach the manifest. */
const nonBlank = (value: string | undefined): string | undefined => value?.trim() || undefined;
const blankToUndefined = (value: unknown): unknown => (typeof value === 'string' ? nonBlank(value) : value);

function guid(name: string, what: string) {
  return z.string({ error: `${name} is required: ${what} (a GUID)` }).superRefine((value, ctx) => {
    if (!GUID.test(value)) ctx.addIssue({ code: 'custom', message: `${name} "${value}" is not a GUID: expected 8-4-4-4-12 hex digits, e.g. 00000000-0000-0000-0000-000000000000` });
  });
}

function hostNameProblem(value: string): string | undefined {
  const withoutScheme = value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const hostOnly = withoutScheme.split(/[/:?#]/)[0] ?? '';
  if (withoutScheme !== value) return `HOST_NAME "${value}" includes a scheme: give the host name only, e.g. ${hostOnly}`;
  if (/[/?#]/.test(value)) return `HOST_NAME "${value}" includes a path: give the host name only, e.g. ${hostOnly}`;
  if (value.includes(':')) return `HOST_NAME "${value}" includes a port: Teams needs the HTTPS host name only, e.g. ${hostOnly}`;
  if (!HOST_NAME.test(value)) return `HOST_NAME "${value}" is not a public host name: dot-separated letters, digits and hyphens, e.g. sin-bot.example.org`;
  return undefined;
}

function environmentSchema(defaultAppVersion: string) {
  return z.object({
    BOT_APP_ID: z.preprocess(blankToUndefined, guid('BOT_APP_ID', "the bot's Microsoft Entra app (client) ID")),
    HOST_NAME: z.preprocess(
      blankToUndefined,
      z.string({ error: 'HOST_NAME is required: the public host name serving the bot and its tab, e.g. sin-bot.example.org (no https://, no path)' }).superRefine((value, ctx) => {
        const problem = hostNameProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    APP_ID: z.preprocess(blankToUndefined, guid('APP_ID', 'the Teams app ID').optional()),
    // A managed-identity bot (UserAssignedMSI) cannot expose an API, so the tab's SSO has its own registration (infra/scripts/registerTabApp.sh).
    TAB_APP_ID: z.preprocess(blankToUndefined, guid('TAB_APP_ID', "the monitoring tab's Entra app (client) ID for Teams SSO").optional()),
    APP_VERSION: z.preprocess(
      blankToUndefined,
      z
        .string()
        .default(defaultAppVersion)
        .superRefine((value, ctx) => {
          if (!APP_VERSION.test(value)) ctx.addIssue({ code: 'custom', message: `APP_VERSION "${value}" is not a version Teams accepts: use MAJOR.MINOR.PATCH numbers, e.g. 1.4.0` });
        }),
    ),
  });
}

export interface PackageInputs {
  botAppId: string;
  appId: string;
  /** The Entra app Teams SSO asks tokens for (webApplicationInfo); the bot's app id unless TAB_APP_ID is set. */
  tabAppId: string;
  hostName: string;
  appVersion: string;
  partnershipConfigPath: string;
  partnership: { name: string; shortName: string };
}

/**
 * Reads the environment and the partnership file. Every problem in either is reported together.
 * `defaultAppVersion` is package.json's version, used when APP_VERSION is not set.
 */
export async function readPackageInputs(env: Readonly<Record<string, string | undefined>>, defaultAppVersion: string): Promise<PackageInputs> {
  const problems: string[] = [];
  const parsed = environmentSchema(defaultAppVersion).safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      problems.push(issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`);
    }
  }
  // The partnership file is read even when the environment is wrong, so its problems show up in the same run.
  const partnershipConfigPath = nonBlank(env.PARTNERSHIP_CONFIG) ?? DEFAULT_PARTNERSHIP_CONFIG;
  let partnership: PackageInputs['partnership'] | undefined;
  try {
    const config = await loadPartnershipConfig(partnershipConfigPath);
    partnership = { name: config.partnership.name, shortName: config.partnership.shortName };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    problems.push(`PARTNERSHIP_CONFIG: ${error.message}`);
  }
  if (!parsed.success || !partnership || problems.length) throw new PackageError(problems);
  const { BOT_APP_ID, HOST_NAME, APP_ID, TAB_APP_ID, APP_VERSION } = parsed.data;
  return { botAppId: BOT_APP_ID, appId: APP_ID ?? BOT_APP_ID, tabAppId: TAB_APP_ID ?? BOT_APP_ID, hostName: HOST_NAME.toLowerCase(), appVersion: APP_VERSION, partnershipConfigPath, partnership };
}

/** The values for the template's {{PLACEHOLDERS}}. */
export function placeholderValues(inputs: PackageInputs): Record<string, string> {
  return {
    BOT_APP_ID: inputs.botAppId,
    APP_ID: inputs.appId,
    TAB_APP_ID: inputs.tabAppId,
    HOST_NAME: inputs.hostName,
    APP_VERSION: inputs.appVersion,
    PARTNERSHIP_NAME: inputs.partnership.name,
    PARTNERSHIP_SHORT_NAME: inputs.partnership.shortName,
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Replaces placeholders inside the parsed template's string values (never in the JSON text, so a
 * quote in a partnership name cannot break the JSON). A placeholder with no value is an error,
 * never an empty string; afterwards no "{{" may remain anywhere.
 */
export function fillTemplate(template: unknown, values: Readonly<Record<string, string | undefined>>): unknown {
  const missing = new Map<string, string[]>();
  const fill = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const value = values[name];
        if (value === undefined || value.trim() === '') {
          missing.set(name, [...(missing.get(name) ?? []), path || '/']);
          return whole;
        }
        return value;
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => fill(item, `${path}/${index}`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, fill(item, `${path}/${key}`)]));
    }
    return node;
  };
  const filled = fill(template, '');
  const problems = [...missing].map(([name, paths]) => `{{${name}}} has no value (used at ${paths.join(', ')})`);
  // A value may itself contain "{{" (e.g. a partnership name): that is still an unfinished manifest.
  if (!problems.length) problems.push(...unfilledPaths(filled).map((path) => `the manifest still contains "{{" at ${path}`));
  if (problems.length) throw new PackageError(problems);
  return filled;
}

function unfilledPaths(node: unknown, path = ''): string[] {
  if (typeof node === 'string') return node.includes('{{') ? [path || '/'] : [];
  if (Array.isArray(node)) return node.flatMap((item, index) => unfilledPaths(item, `${path}/${index}`));
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, item]) => [...(key.includes('{{') ? [`${path}/${key}`] : []), ...unfilledPaths(item, `${path}/${key}`)]);
  }
  return [];
}

const requireFromHere = createRequire(import.meta.url);

/** The schema file @microsoft/app-manifest ships for a manifest version: validation never goes online. */
export function shippedSchemaPath(manifestVersion: string): string {
  const packageDir = dirname(requireFromHere.resolve('@microsoft/app-manifest/package.json'));
  return join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

const ManifestHeaderSchema = z.object({
  $schema: z.string().optional(),
  manifestVersion: z.string().regex(/^(?:\d+\.\d+|devPreview)$/, 'manifestVersion must look like 1.30'),
});
const AjvParamsSchema = z.object({ additionalProperty: z.string().optional(), allowedValues: z.array(z.unknown()).optional() });

/**
 * Validates a manifest offline against the schema for its manifestVersion, as shipped with
 * @microsoft/app-manifest. Returns "path: message" lines; an empty list means it is valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const header = ManifestHeaderSchema.safeParse(manifest);
  if (!header.success) return header.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`);
  const { manifestVersion, $schema } = header.data;
  const problems: string[] = [];
  if ($schema !== undefined && !$schema.endsWith(`/v${manifestVersion}/MicrosoftTeams.schema.json`)) {
    problems.push(`/$schema: ${$schema} does not match manifestVersion ${manifestVersion}`);
  }
  let schemaText: string;
  try {
    schemaText = await readFile(shippedSchemaPath(manifestVersion), 'utf8');
  } catch {
    return [...problems, `/manifestVersion: @microsoft/app-manifest ships no schema for ${manifestVersion}, and the packager does not fetch schemas online`];
  }
  // The library types the schema by manifest shape; what it is given is its own shipped JSON schema file.
  const schema = JSON.parse(schemaText) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  // The cast only satisfies the library's parameter type: the schema check is what establishes the shape.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
  return [...problems, ...errors.map(describeSchemaError)];
}

/** The library's errors read "<instancePath> <message>. Details: <params JSON>"; make them "path: message". */
function describeSchemaError(error: string): string {
  const match = /^(\S*) (.*?)(?:\. Details: (.*))?$/s.exec(error);
  if (!match) return error;
  const [, path = '', message = '', details] = match;
  let extra = '';
  if (details) {
    let params: unknown;
    try {
      params = JSON.parse(details);
    } catch {
      params = undefined;
    }
    const parsed = AjvParamsSchema.safeParse(params);
    if (parsed.success && parsed.data.additionalProperty) extra = ` ("${parsed.data.additionalProperty}")`;
    if (parsed.success && parsed.data.allowedValues) extra = `: ${parsed.data.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return `${path || '/'}: ${message}${extra}`;
}

export interface Icons {
  color: Uint8Array;
  outline: Uint8Array;
}

const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Reads manifest/color.png and manifest/outline.png and checks the sizes Teams insists on. */
export async function readIcons(): Promise<Icons> {
  const problems: string[] = [];
  const icons: Partial<Icons> = {};
  for (const kind of ['color', 'outline'] as const) {
    const url = new URL(`./${kind}.png`, import.meta.url);
    try {
      const bytes = await readFile(url);
      const { width, height } = PNG.sync.read(bytes);
      const size = ICON_SIZES[kind];
      if (width !== size || height !== size) problems.push(`manifest/${kind}.png is ${width}x${height}; Teams needs ${size}x${size}`);
      icons[kind] = bytes;
    } catch (error) {
      problems.push(`manifest/${kind}.png could not be read as a PNG (run npx tsx scripts/icons.ts): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length || !icons.color || !icons.outline) throw new PackageError(problems);
  return { color: icons.color, outline: icons.outline };
}

// A fixed timestamp makes the same inputs give byte-identical zips.
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

/** The zip Teams accepts: exactly manifest.json and the two icons, at the root. */
export async function buildZip(manifest: unknown, icons: Icons): Promise<Uint8Array> {
  const zip = new JSZip();
  const options = { date: ZIP_DATE, createFolders: false };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, options);
  zip.file('color.png', icons.color, options);
  zip.file('outline.png', icons.outline, options);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export async function readTemplate(): Promise<unknown> {
  return JSON.parse(await readFile(new URL('./manifest.template.json', import.meta.url), 'utf8'));
}

/** Fills, validates and zips; throws PackageError with every problem, or returns the finished package. */
export async function buildTeamsAppPackage(values: Readonly<Record<string, string | undefined>>): Promise<{ manifest: unknown; zip: Uint8Array }> {
  const manifest = fillTemplate(await readTemplate(), values);
  const schemaProblems = await validateManifest(manifest);
  let icons: Icons | undefined;
  const problems = schemaProblems.map((problem) => `manifest.json ${problem}`);
  try {
    icons = await readIcons();
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length || !icons) throw new PackageError(problems);
  return { manifest, zip: await buildZip(manifest, icons) };
}
