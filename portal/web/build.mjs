// Builds the portal page with esbuild (tsc only type-checks, see tsconfig.json).
//
//   node build.mjs --out DIR   bundles src/ui/main.ts to DIR/app.js (+ source map) and copies
//                              every file under static/ into DIR
//   node build.mjs --tests     bundles every test/**/*.test.ts for Node into
//                              ../target/web-tests/, where `node --test` runs them
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, 'src', 'ui', 'main.ts');
const staticDir = join(here, 'static');
const testDir = join(here, 'test');
const testOut = resolve(here, '..', 'target', 'web-tests');

const args = process.argv.slice(2);
if (args[0] === '--out' && args.length === 2) {
  await buildPage(resolve(args[1]));
} else if (args[0] === '--tests' && args.length === 1) {
  await buildTests();
} else {
  console.error('usage: node build.mjs --out DIR | node build.mjs --tests');
  process.exit(2);
}

/** The page: one ES module with its source map, and the static files beside it. */
async function buildPage(out) {
  ensurePlaceholders();
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: join(out, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(staticDir, out, { recursive: true, filter: (path) => !path.endsWith('.gitkeep') });
  console.log(`portal/web: page built into ${out}`);
}

/** The tests: one self-contained Node ES module per test file, in a fresh output folder. */
async function buildTests() {
  const entryPoints = testFiles(testDir);
  rmSync(testOut, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: testOut,
    outbase: testDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  console.log(`portal/web: ${entryPoints.length} test files built into ${relative(here, testOut)}`);
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((f) => f.isFile() && f.name.endsWith('.test.ts'))
    .map((f) => join(f.parentPath ?? f.path, f.name))
    .sort();
}

/**
 * Until the page's own sources exist, an empty entry point and static folder let the build run.
 * Existing files are never touched.
 */
function ensurePlaceholders() {
  if (!existsSync(entry)) {
    mkdirSync(dirname(entry), { recursive: true });
    writeFileSync(entry, 'export {};\n');
  }
  if (!existsSync(staticDir)) {
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, '.gitkeep'), '');
  }
}
