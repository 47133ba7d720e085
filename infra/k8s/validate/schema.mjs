// The Kubernetes API's object schemas, as @kubernetes/client-node generates them from Kubernetes'
// OpenAPI document (1.4.0: Kubernetes v1.34.0). Each model class lists its fields with their JSON
// names and types (attributeTypeMap); its declaration file marks the optional ones ('name'?: …),
// so the rest are required. Checking is strict: a field the model does not have is an error (the
// API server would drop it, or refuse it with kubectl's --validate=strict), and so is a value of
// the wrong type.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const MODELS = join(
  dirname(require.resolve('@kubernetes/client-node/package.json')),
  'dist',
  'gen',
  'models',
);

/**
 * The kinds these manifests may use, by apiVersion and kind. A model's name does not say its API
 * group (V1Job is batch/v1's), so the pairs are listed rather than derived: any other pair, a
 * misspelt kind or a retired apiVersion included, is refused.
 */
export const KINDS = {
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Namespace': 'V1Namespace',
  'v1/PersistentVolumeClaim': 'V1PersistentVolumeClaim',
  'v1/Secret': 'V1Secret',
  'v1/Service': 'V1Service',
  'v1/ServiceAccount': 'V1ServiceAccount',
  'apps/v1/Deployment': 'V1Deployment',
  'apps/v1/StatefulSet': 'V1StatefulSet',
  'autoscaling/v2/HorizontalPodAutoscaler': 'V2HorizontalPodAutoscaler',
  'batch/v1/CronJob': 'V1CronJob',
  'batch/v1/Job': 'V1Job',
  'networking.k8s.io/v1/Ingress': 'V1Ingress',
  'networking.k8s.io/v1/NetworkPolicy': 'V1NetworkPolicy',
  'policy/v1/PodDisruptionBudget': 'V1PodDisruptionBudget',
  'rbac.authorization.k8s.io/v1/Role': 'V1Role',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'V1RoleBinding',
};

const INT32 = [-(2 ** 31), 2 ** 31 - 1];
const at = (path, key) => (path ? `${path}.${key}` : key);
const where = (path) => path || '(object)';
const ARRAY = /^Array<(.+)>$/;
const MAP = /^\{ \[key: string\]: (.+); \}$/;

/** The model classes, loaded on first use with every model they refer to. */
export class Schema {
  #models = new Map();

  /** The version of Kubernetes whose OpenAPI document the models were generated from. */
  static apiVersion() {
    const head = readFileSync(join(MODELS, 'V1Pod.js'), 'utf8');
    return /OpenAPI spec version: (\S+)/.exec(head)?.[1] ?? 'unknown';
  }

  /** Loads model `name` and, transitively, the models of its fields. */
  async load(name) {
    const pending = [name];
    while (pending.length > 0) {
      const next = pending.pop();
      if (this.#models.has(next)) continue;
      const module = await import(pathToFileURL(join(MODELS, `${next}.js`)).href);
      const declaration = readFileSync(join(MODELS, `${next}.d.ts`), 'utf8');
      const optional = new Set(
        [...declaration.matchAll(/^ {4}'([^']+)'\?:/gm)].map((match) => match[1]),
      );
      const fields = new Map();
      for (const attribute of module[next].attributeTypeMap) {
        fields.set(attribute.baseName, {
          type: attribute.type,
          format: attribute.format,
          required: !optional.has(attribute.name),
        });
        pending.push(...modelsIn(attribute.type).filter((model) => !this.#models.has(model)));
      }
      this.#models.set(next, fields);
    }
  }

  /**
   * Adds to `problems` what is wrong with `value` as an instance of `type` (a model name or a
   * generated type expression), each as `path: what`; `path` is '' for a whole object. The models
   * must have been loaded.
   */
  check(value, type, format, path, problems) {
    if (value === null || value === undefined) {
      problems.push(`${where(path)}: null where ${describe(type)} belongs`);
      return;
    }
    const array = ARRAY.exec(type);
    if (array) {
      if (!Array.isArray(value)) {
        problems.push(`${path}: expected a list (${type}), got ${typeOf(value)}`);
        return;
      }
      value.forEach((item, i) => this.check(item, array[1], '', `${path}[${i}]`, problems));
      return;
    }
    const map = MAP.exec(type);
    if (map) {
      if (!isObject(value)) {
        problems.push(`${path}: expected a map (${type}), got ${typeOf(value)}`);
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        this.check(item, map[1], '', at(path, key), problems);
      }
      return;
    }
    switch (type) {
      case 'string':
      case 'Date':
        if (typeof value !== 'string' && !(value instanceof Date)) {
          problems.push(`${path}: expected string, got ${typeOf(value)} ${JSON.stringify(value)}`);
        }
        return;
      case 'boolean':
        if (typeof value !== 'boolean') {
          problems.push(`${path}: expected boolean, got ${typeOf(value)} ${JSON.stringify(value)}`);
        }
        return;
      case 'number':
        checkNumber(value, format, path, problems);
        return;
      case 'IntOrString':
        if (typeof value !== 'string' && !Number.isInteger(value)) {
          problems.push(
            `${path}: expected integer or string, got ${typeOf(value)} ${JSON.stringify(value)}`,
          );
        }
        return;
      case 'any':
      case 'object':
        return;
      default:
        this.#checkModel(value, type, path, problems);
    }
  }

  #checkModel(value, model, path, problems) {
    const fields = this.#models.get(model);
    if (!fields) throw new Error(`model ${model} was not loaded`);
    if (!isObject(value)) {
      problems.push(`${where(path)}: expected an object (${model}), got ${typeOf(value)}`);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const field = fields.get(key);
      if (!field) {
        problems.push(`${where(path)}: unknown field "${key}" (${model} has no such field)`);
      } else {
        this.check(item, field.type, field.format, at(path, key), problems);
      }
    }
    for (const [key, field] of fields) {
      if (field.required && !(key in value)) {
        problems.push(`${where(path)}: missing required field "${key}" (${model})`);
      }
    }
  }
}

function checkNumber(value, format, path, problems) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push(`${path}: expected number, got ${typeOf(value)} ${JSON.stringify(value)}`);
  } else if ((format === 'int32' || format === 'int64') && !Number.isInteger(value)) {
    problems.push(`${path}: expected integer (${format}), got ${value}`);
  } else if (format === 'int32' && (value < INT32[0] || value > INT32[1])) {
    problems.push(`${path}: ${value} is out of the int32 range`);
  }
}

function modelsIn(type) {
  const inner = ARRAY.exec(type)?.[1] ?? MAP.exec(type)?.[1];
  if (inner) return modelsIn(inner);
  return /^[A-Z][A-Za-z0-9]*$/.test(type) && !['Date', 'IntOrString'].includes(type) ? [type] : [];
}

function describe(type) {
  return ARRAY.test(type) ? 'a list' : MAP.test(type) ? 'a map' : type;
}

function isObject(value) {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

function typeOf(value) {
  if (Array.isArray(value)) return 'list';
  if (value === null) return 'null';
  return Number.isInteger(value) ? 'integer' : typeof value;
}
