import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleFunctions } from './functionsBundle.js';
import { buildTab } from './buildTab.js';

/** npm run build: after the type check, the bundle the Functions host loads (package.json "main") and the tab's browser bundle. */
const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/functions', import.meta.url));
// Files of an older build (one per module) must not sit beside the bundle.
await rm(outdir, { recursive: true, force: true });
await Promise.all([bundleFunctions({ outdir, root }), buildTab(root)]);
