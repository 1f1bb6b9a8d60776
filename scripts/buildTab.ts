import { build } from 'esbuild';
import { join } from 'node:path';
import { packageRoot } from '../functions/staticAssets.js';

/**
 * Bundles the monitoring tab's browser code (with @microsoft/teams-js and zod) and the page an
 * email links to (with @azure/msal-browser and adaptivecards) into dist/tab/.
 * Run by `npm run build`, and before `npm start` and `npm test`, so the tab is never stale.
 */
export async function buildTab(root = packageRoot()): Promise<void> {
  await build({
    entryPoints: { app: join(root, 'tab/src/main.ts'), config: join(root, 'tab/src/config.ts'), act: join(root, 'tab/src/act/main.ts') },
    outdir: join(root, 'dist/tab'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  await buildTab();
  console.log('built dist/tab/app.js, dist/tab/config.js and dist/tab/act.js');
}
