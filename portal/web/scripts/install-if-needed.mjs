// Runs `npm ci` when node_modules is missing or older than package-lock.json, so the Maven build
// installs the page's pinned packages once and later builds (also offline ones) reuse them.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const lock = 'package-lock.json';
// the npm project in the working directory: portal/web (the page) or portal/fonts
const project = `${basename(dirname(process.cwd()))}/${basename(process.cwd())}`;
const installed = 'node_modules/.package-lock.json';

const fresh = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (fresh) {
  console.log(`${project}: node_modules is up to date with package-lock.json`);
} else {
  console.log(`${project}: npm ci (packages pinned by package-lock.json)`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}
