/** Shared by the tests: where the repository's test data is, and small helpers. */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The repository root: GOVCHAIN_ROOT if set, else two folders up from the working directory
 * (npm runs the tests in portal/web).
 */
export const REPO_ROOT = process.env.GOVCHAIN_ROOT ?? resolve(process.cwd(), '..', '..');

/** anchor-core's test vectors, shared with the Java tests. */
export const VECTORS = join(REPO_ROOT, 'anchor-core', 'src', 'test', 'resources', 'vectors');

if (!existsSync(VECTORS)) {
  throw new Error(`test vectors not found at ${VECTORS}: run from portal/web or set GOVCHAIN_ROOT`);
}

/** The bytes of a file under the repository root. */
export function repoFile(...path: string[]): Uint8Array {
  return new Uint8Array(readFileSync(join(REPO_ROOT, ...path)));
}

/** Every file under `dir` (recursively) whose name ends with `suffix`, sorted. */
export function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name))
    .sort();
}

/** UTF-8 bytes of `text`. */
export function bytes(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** UTF-8 text of `data`. */
export function text(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}

/** 32 bytes of `value`, like the Java tests' filled(). */
export function filled(value: number): Uint8Array {
  return new Uint8Array(32).fill(value);
}
