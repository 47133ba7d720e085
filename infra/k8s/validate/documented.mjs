// What the README tells an operator to create by hand: every `kubectl create secret generic NAME`
// and `kubectl create configmap NAME` in its shell blocks, with the keys each command gives
// (--from-literal=KEY=…, --from-file=KEY=…). The manifests may refer to a Secret or an outside
// ConfigMap only if the README creates it with the keys they read.
import { readFileSync } from 'node:fs';

const CREATE = /\bkubectl\b.*?\bcreate\s+(secret\s+generic|configmap)\s+(\S+)(.*)$/;
const KEY = /--from-(?:literal|file)=([^=\s]+)=/g;

/**
 * The documented objects: a list of {kind: 'Secret' | 'ConfigMap', name, pattern, keys}, where
 * `pattern` matches the object names the command makes (a shell variable in a loop stands for a
 * number, as in besu-validator-$i-key).
 */
export function documentedObjects(readmePath) {
  const objects = [];
  for (const command of shellCommands(readFileSync(readmePath, 'utf8'))) {
    const match = CREATE.exec(command);
    if (!match) continue;
    const name = match[2];
    const pattern = new RegExp(
      `^${name
        .split(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[0-9]+')}$`,
    );
    objects.push({
      kind: match[1].startsWith('secret') ? 'Secret' : 'ConfigMap',
      name,
      pattern,
      keys: new Set([...match[3].matchAll(KEY)].map((key) => key[1])),
    });
  }
  return objects;
}

/** Each command of the README's fenced shell blocks, continuation lines joined. */
function shellCommands(markdown) {
  const commands = [];
  let inBlock = false;
  let current = '';
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inBlock = !inBlock;
      current = '';
      continue;
    }
    if (!inBlock) continue;
    const text = line.replace(/^\s*#.*$/, '');
    if (text.trimEnd().endsWith('\\')) {
      current += `${text.trimEnd().slice(0, -1)} `;
    } else {
      commands.push(current + text);
      current = '';
    }
  }
  return commands;
}
