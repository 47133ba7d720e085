// Runs `npm ci` when node_modules is missing or older than package-lock.json, so the Maven build
// installs the page's pinned packages once and later builds (also offline ones) reuse them.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';

const fresh = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (fresh) {
  console.log('portal/web: node_modules is up to date with package-lock.json');
} else {
  console.log('portal/web: npm ci (packages pinned by package-lock.json)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}
