// Validates rendered manifests offline: each object against the Kubernetes API's schema (strict:
// unknown fields and wrong types fail), the pods against GovChain's policy, and the references
// between objects. Then, with --negative, it breaks the valid renderings on purpose, case by case,
// and fails unless each broken one is rejected with the expected message.
//
//   node validate/main.mjs --readme README.md [--negative validate/negative-cases.yaml] \
//       production-like=rendered/a.yaml,rendered/b.yaml single-node=…
//
// Exit 0: everything valid and every broken case rejected; 1 otherwise; 2 bad arguments.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkPolicies, checkReferences } from './checks.mjs';
import { documentedObjects } from './documented.mjs';
import { KINDS, Schema } from './schema.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const readme = option('--readme');
const negative = option('--negative');
const groups = args.map((arg) => {
  const [name, files] = arg.split('=');
  return { name, files: (files ?? '').split(',').filter(Boolean) };
});
if (!readme || groups.length === 0 || groups.some((group) => group.files.length === 0)) {
  console.error('usage: main.mjs --readme README.md [--negative cases.yaml] NAME=FILE[,FILE…] …');
  process.exit(2);
}

const schema = new Schema();
const documented = documentedObjects(readme);
let failed = false;

for (const group of groups) {
  const { objects, problems } = parse(group.files);
  problems.push(...(await validate(objects)));
  group.objects = objects;
  if (problems.length > 0) {
    failed = true;
    console.log(`${group.name}: ${problems.length} problem(s) in ${objects.length} objects`);
    for (const problem of problems) console.log(`  ${problem}`);
  } else {
    console.log(`${group.name}: ${objects.length} objects valid (${kindsOf(objects)})`);
  }
}

if (negative && failed) {
  console.log('negative cases: not run, the renderings themselves are not valid');
} else if (negative) {
  const cases = parseAllDocuments(readFileSync(negative, 'utf8'))[0].toJS();
  let rejected = 0;
  for (const broken of cases) {
    const problems = await breakAndValidate(broken, dirname(resolve(negative)));
    const hit = problems.find((problem) => problem.includes(broken.expect));
    if (hit) {
      rejected += 1;
      console.log(`  rejected as expected: ${broken.name}\n      ${hit}`);
    } else {
      failed = true;
      console.log(`  NOT rejected: ${broken.name} (expected "${broken.expect}")`);
      for (const problem of problems) console.log(`      got: ${problem}`);
    }
  }
  console.log(`negative cases: ${rejected} of ${cases.length} broken manifests rejected`);
}

console.log(`schema: Kubernetes ${Schema.apiVersion()} (@kubernetes/client-node models)`);
process.exit(failed ? 1 : 0);

/** Objects of the files, each {id, doc}, and the YAML problems (as the API server's YAML 1.1). */
function parse(files, texts = new Map()) {
  const objects = [];
  const problems = [];
  for (const file of files) {
    const text = texts.get(file) ?? readFileSync(file, 'utf8');
    for (const document of parseAllDocuments(text, { version: '1.1', uniqueKeys: true })) {
      for (const issue of [...document.errors, ...document.warnings]) {
        problems.push(`${file}: YAML: ${issue.message.split('\n')[0]}`);
      }
      const doc = document.toJS({ maxAliasCount: 100 });
      if (doc === null || doc === undefined) continue;
      objects.push({ id: `${doc.kind}/${doc.metadata?.name}`, doc });
    }
  }
  return { objects, problems };
}

async function validate(objects) {
  const problems = [];
  for (const { id, doc } of objects) {
    const model = KINDS[`${doc.apiVersion}/${doc.kind}`];
    if (!model) {
      problems.push(
        `${id}: apiVersion ${doc.apiVersion}, kind ${doc.kind} is not a kind these manifests use (schema.mjs, KINDS)`,
      );
      continue;
    }
    await schema.load(model);
    const found = [];
    schema.check(doc, model, '', '', found);
    problems.push(...found.map((problem) => `${id}: ${problem}`));
  }
  // policy and references read the objects' structure: only once every object fits its schema
  if (problems.length === 0) {
    problems.push(...checkPolicies(objects));
    problems.push(...checkReferences(objects, documented));
  }
  return [...new Set(problems)];
}

/**
 * The problems of a group after one deliberate break: an object's field set or deleted
 * (`set`/`delete`: a dotted path, numbers index lists), or a raw file in place of the group.
 */
async function breakAndValidate(broken, base) {
  if (broken.file) {
    const { objects, problems } = parse([resolve(base, broken.file)]);
    return [...problems, ...(await validate(objects))];
  }
  const group = groups.find((candidate) => candidate.name === broken.group) ?? groups[0];
  const objects = structuredClone(group.objects);
  const target = objects.find(
    ({ doc }) => doc.kind === broken.kind && doc.metadata?.name === broken.object,
  );
  if (!target)
    return [`case "${broken.name}": no ${broken.kind} ${broken.object} in ${group.name}`];
  const path = (broken.set ?? broken.delete).split('.');
  const last = path.pop();
  const parent = path.reduce((node, key) => node[key], target.doc);
  if (broken.set !== undefined) parent[last] = broken.value;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return validate(objects);
}

function kindsOf(objects) {
  const counts = {};
  for (const { doc } of objects) counts[doc.kind] = (counts[doc.kind] ?? 0) + 1;
  return Object.entries(counts)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
}
