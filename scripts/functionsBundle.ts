import { build } from 'esbuild';

/**
 * The Azure Functions entry as the host loads it: functions/index.ts and everything it imports,
 * botbuilder and the Azure SDKs included, bundled into one ES module (plus a chunk for each
 * dynamic import, such as the Graph client). A cold start then reads and compiles one file instead
 * of resolving and loading some two thousand modules from node_modules: it took 2.1 times as long
 * as importing botbuilder alone before, about as long after (npm run bench -- --only=coldStart).
 *
 * @azure/functions stays outside: it is the host's own integration, and it loads
 * @azure/functions-core, which only the host's worker provides.
 */
export const HOST_PACKAGES = ['@azure/functions', '@azure/functions-core'];

// The bundled CommonJS packages (botbuilder and its dependencies) expect these.
const COMMONJS_GLOBALS = [
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bundleFileURLToPath } from 'node:url';",
  "import { dirname as __bundleDirname } from 'node:path';",
  'const require = __bundleCreateRequire(import.meta.url);',
  'const __filename = __bundleFileURLToPath(import.meta.url);',
  'const __dirname = __bundleDirname(__filename);',
].join(' ');

export async function bundleFunctions(options: { outdir: string; root: string }): Promise<void> {
  await build({
    absWorkingDir: options.root,
    entryPoints: ['functions/index.ts'],
    outdir: options.outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: HOST_PACKAGES,
    // Names are kept (no identifier minification), and the source map is linked, so stack traces
    // in the logs still name the functions and files they came from.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    banner: { js: COMMONJS_GLOBALS },
    logLevel: 'warning',
  });
}
