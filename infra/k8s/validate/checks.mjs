// Checks beyond each object's schema. Policy: every pod meets the "restricted" Pod Security
// Standard and what GovChain's pods promise (read-only root with a writable /tmp, requests and
// limits, probes, no service links). References: what one object names in another exists in the
// same rendering, or is created by the operator as the README says, with the keys read from it.

const WORKLOADS = ['Deployment', 'StatefulSet', 'Job', 'CronJob'];
const CLUSTER_SCOPED = ['Namespace', 'ClusterRole', 'ClusterRoleBinding'];

/** The pod template of a workload, or undefined. */
export function podTemplate(doc) {
  if (doc.kind === 'CronJob') return doc.spec?.jobTemplate?.spec?.template;
  return WORKLOADS.includes(doc.kind) ? doc.spec?.template : undefined;
}

function containersOf(pod) {
  return [...(pod.initContainers ?? []), ...(pod.containers ?? [])];
}

/** The policy problems of each workload's pods. */
export function checkPolicies(objects) {
  const problems = [];
  for (const { id, doc } of objects) {
    const pod = podTemplate(doc)?.spec;
    if (!pod) continue;
    const say = (what) => problems.push(`${id}: ${what}`);
    checkPod(pod, say);
    const volumes = new Set((pod.volumes ?? []).map((volume) => volume.name));
    for (const claim of doc.kind === 'StatefulSet' ? (doc.spec.volumeClaimTemplates ?? []) : []) {
      volumes.add(claim.metadata?.name);
    }
    const probed = ['Deployment', 'StatefulSet'].includes(doc.kind);
    for (const container of pod.initContainers ?? []) {
      checkContainer(container, { volumes, seccomp: seccompOk(pod.securityContext) }, say);
    }
    for (const container of pod.containers ?? []) {
      checkContainer(container, { volumes, seccomp: seccompOk(pod.securityContext), probed }, say);
    }
  }
  return problems;
}

function checkPod(pod, say) {
  if (pod.enableServiceLinks !== false) {
    say('enableServiceLinks must be false (service links put *_PORT variables in the environment)');
  }
  if (pod.automountServiceAccountToken !== false && !(pod.serviceAccountName ?? '').trim()) {
    say('automountServiceAccountToken must be false unless a ServiceAccount of its own is named');
  }
  if (pod.securityContext?.runAsNonRoot !== true) say('securityContext.runAsNonRoot must be true');
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) say('must not use the host namespaces');
  const names = (pod.volumes ?? []).map((volume) => volume.name);
  if (new Set(names).size !== names.length) say('volume names must be unique');
  for (const volume of pod.volumes ?? []) {
    if (volume.hostPath) say(`volume ${volume.name}: hostPath is not allowed`);
  }
}

/** `pod`: the pod's volume names, whether its seccomp profile covers it, whether it is probed. */
function checkContainer(container, pod, say) {
  const where = `container ${container.name}`;
  const sc = container.securityContext ?? {};
  if (!pod.seccomp && !seccompOk(sc)) {
    say(`${where}: seccompProfile must be RuntimeDefault or Localhost`);
  }
  if (sc.allowPrivilegeEscalation !== false)
    say(`${where}: allowPrivilegeEscalation must be false`);
  if (sc.privileged) say(`${where}: must not be privileged`);
  if (!(sc.capabilities?.drop ?? []).includes('ALL')) {
    say(`${where}: capabilities.drop must include ALL`);
  }
  if (sc.readOnlyRootFilesystem !== true) say(`${where}: readOnlyRootFilesystem must be true`);
  for (const part of ['requests', 'limits']) {
    for (const resource of ['cpu', 'memory']) {
      if (container.resources?.[part]?.[resource] === undefined) {
        say(`${where}: resources.${part}.${resource} must be set`);
      }
    }
  }
  const image = container.image ?? '';
  if (!/(:[^/:]+|@sha256:[0-9a-f]{64})$/.test(image) || image.endsWith(':latest')) {
    say(`${where}: image "${image}" must name a version, not latest`);
  }
  const mounts = container.volumeMounts ?? [];
  for (const mount of mounts) {
    if (!pod.volumes.has(mount.name)) say(`${where}: volumeMount ${mount.name} names no volume`);
  }
  if (new Set(mounts.map((mount) => mount.mountPath)).size !== mounts.length) {
    say(`${where}: two volumeMounts share a mountPath`);
  }
  if (!mounts.some((mount) => mount.mountPath === '/tmp' && !mount.readOnly)) {
    say(`${where}: a read-only root needs a writable /tmp mount (the JVM writes there)`);
  }
  const env = (container.env ?? []).map((variable) => variable.name);
  const twice = env.find((name, i) => env.indexOf(name) !== i);
  if (twice) say(`${where}: environment variable ${twice} is set twice`);
  const portNames = new Set((container.ports ?? []).map((port) => port.name).filter(Boolean));
  for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    if (pod.probed && !container[probe]) say(`${where}: ${probe} is missing`);
    const port = container[probe]?.httpGet?.port ?? container[probe]?.tcpSocket?.port;
    if (typeof port === 'string' && !portNames.has(port)) {
      say(`${where}: ${probe} uses port "${port}", which the container does not name`);
    }
  }
}

function seccompOk(securityContext) {
  return ['RuntimeDefault', 'Localhost'].includes(securityContext?.seccompProfile?.type);
}

/** The reference problems of one rendering (an overlay and its registry-setup Job together). */
export function checkReferences(objects, documented) {
  const byKind = (kind) => objects.filter(({ doc }) => doc.kind === kind);
  const templates = objects
    .map((object) => ({ ...object, template: podTemplate(object.doc) }))
    .filter((object) => object.template);
  const rendering = {
    objects,
    documented,
    byKind,
    templates,
    find: (kind, name) => byKind(kind).find(({ doc }) => doc.metadata?.name === name),
    matching: (selector) =>
      templates.filter(({ template }) => labelsMatch(selector, template.metadata?.labels)),
    problems: [],
  };
  checkObjects(rendering);
  checkPodReferences(rendering);
  checkTargets(rendering);
  const validators = rendering.find('StatefulSet', 'besu-validator');
  if (validators) rendering.problems.push(...checkValidatorKeys(validators));
  return rendering.problems;
}

/** Names, duplicates, one namespace, and no Secret values. */
function checkObjects({ objects, byKind, problems }) {
  const seen = new Set();
  const namespace =
    byKind('Namespace')[0]?.doc.metadata?.name ??
    objects.find(({ doc }) => doc.metadata?.namespace)?.doc.metadata.namespace;
  for (const { id, doc } of objects) {
    if (!doc.metadata?.name) problems.push(`${id}: metadata.name is missing`);
    const key = `${doc.kind}/${doc.metadata?.namespace ?? ''}/${doc.metadata?.name}`;
    if (seen.has(key)) problems.push(`${id}: defined twice`);
    seen.add(key);
    if (doc.kind === 'Secret') {
      problems.push(`${id}: a Secret in the manifests; secret values come from the operator`);
    }
    if (!CLUSTER_SCOPED.includes(doc.kind) && doc.metadata?.namespace !== namespace) {
      problems.push(`${id}: namespace "${doc.metadata?.namespace}", expected "${namespace}"`);
    }
  }
}

/** What pod templates name: their selectors, Secrets, ConfigMaps, accounts, governing Services. */
function checkPodReferences({ templates, find, documented, problems }) {
  for (const { id, doc, template } of templates) {
    const selector = doc.kind === 'Job' || doc.kind === 'CronJob' ? undefined : doc.spec.selector;
    if (selector && !labelsMatch(selector, template.metadata?.labels)) {
      problems.push(`${id}: spec.selector does not match the pod template's labels`);
    }
    const pod = template.spec ?? {};
    for (const ref of configReferences(pod)) {
      const rendered = ref.kind === 'ConfigMap' ? find('ConfigMap', ref.name) : undefined;
      if (rendered) {
        if (ref.key && !(ref.key in (rendered.doc.data ?? {}))) {
          problems.push(`${id}: ConfigMap ${ref.name} has no key ${ref.key}`);
        }
        continue;
      }
      if (ref.optional) continue;
      const outside = documented.find((o) => o.kind === ref.kind && o.pattern.test(ref.name));
      if (!outside) {
        problems.push(
          `${id}: ${ref.kind} ${ref.name} is neither rendered nor created in the README`,
        );
      } else if (ref.key && !outside.keys.has(ref.key)) {
        problems.push(
          `${id}: ${ref.kind} ${ref.name}: the README's command gives no key ${ref.key}`,
        );
      }
    }
    const account = pod.serviceAccountName;
    if (account && account !== 'default' && !find('ServiceAccount', account)) {
      problems.push(`${id}: ServiceAccount ${account} is not rendered`);
    }
    if (doc.kind === 'StatefulSet') {
      const governing = find('Service', doc.spec.serviceName);
      if (!governing || governing.doc.spec?.clusterIP !== 'None') {
        problems.push(`${id}: serviceName ${doc.spec.serviceName} must name a headless Service`);
      }
    }
  }
}

/** What Services, PDBs, autoscalers and role bindings point at exists. */
function checkTargets({ byKind, find, matching, problems }) {
  for (const { id, doc } of byKind('Service')) {
    if (!doc.spec?.selector) continue;
    const pods = matching({ matchLabels: doc.spec.selector });
    if (pods.length === 0) {
      problems.push(`${id}: its selector matches no pod template`);
      continue;
    }
    for (const { targetPort } of doc.spec.ports ?? []) {
      if (typeof targetPort !== 'string') continue;
      const named = pods.every(({ template }) =>
        containersOf(template.spec).some((c) => (c.ports ?? []).some((p) => p.name === targetPort)),
      );
      if (!named)
        problems.push(`${id}: targetPort "${targetPort}" is not a named port of its pods`);
    }
  }
  for (const { id, doc } of byKind('PodDisruptionBudget')) {
    if (matching(doc.spec?.selector).length === 0) {
      problems.push(`${id}: its selector matches no pod template`);
    }
  }
  for (const { id, doc } of byKind('HorizontalPodAutoscaler')) {
    const { kind, name } = doc.spec.scaleTargetRef;
    const target = find(kind, name);
    if (!target) {
      problems.push(`${id}: scales ${kind} ${name}, which is not rendered`);
    } else if (target.doc.spec?.replicas !== undefined) {
      problems.push(
        `${id}: ${target.id} sets spec.replicas, which every apply would reset under the autoscaler`,
      );
    }
  }
  for (const { id, doc } of byKind('RoleBinding')) {
    if (doc.roleRef.kind === 'Role' && !find('Role', doc.roleRef.name)) {
      problems.push(`${id}: Role ${doc.roleRef.name} is not rendered`);
    }
    for (const subject of doc.subjects ?? []) {
      if (subject.kind === 'ServiceAccount' && !find('ServiceAccount', subject.name)) {
        problems.push(`${id}: ServiceAccount ${subject.name} is not rendered`);
      }
    }
  }
}

/** One key Secret per validator, besu-validator-<ordinal>-key, for ordinals 0 … replicas-1. */
function checkValidatorKeys({ id, doc }) {
  const replicas = doc.spec.replicas ?? 1;
  const keys = (doc.spec.template.spec.volumes ?? []).find((volume) => volume.name === 'keys');
  const names = (keys?.projected?.sources ?? []).map((source) => source.secret?.name);
  const expected = Array.from({ length: replicas }, (_, i) => `besu-validator-${i}-key`);
  if (JSON.stringify(names) !== JSON.stringify(expected)) {
    const mounted = names.join(', ') || 'none';
    return [
      `${id}: ${replicas} validators need the key Secrets ${expected.join(', ')}; mounted: ${mounted}`,
    ];
  }
  return [];
}

/** Every Secret and ConfigMap a pod reads: {kind, name, key?, optional}. */
function configReferences(pod) {
  const refs = [];
  const add = (kind, name, key, optional) =>
    refs.push({ kind, name, key, optional: optional === true });
  for (const container of containersOf(pod)) {
    for (const variable of container.env ?? []) {
      const secret = variable.valueFrom?.secretKeyRef;
      if (secret) add('Secret', secret.name, secret.key, secret.optional);
      const map = variable.valueFrom?.configMapKeyRef;
      if (map) add('ConfigMap', map.name, map.key, map.optional);
    }
    for (const source of container.envFrom ?? []) {
      if (source.secretRef)
        add('Secret', source.secretRef.name, undefined, source.secretRef.optional);
      if (source.configMapRef)
        add('ConfigMap', source.configMapRef.name, undefined, source.configMapRef.optional);
    }
  }
  for (const volume of pod.volumes ?? []) {
    const sources = [
      volume.secret && { secret: { ...volume.secret, name: volume.secret.secretName } },
      volume.configMap && { configMap: volume.configMap },
      ...(volume.projected?.sources ?? []),
    ].filter(Boolean);
    for (const source of sources) {
      for (const kind of ['secret', 'configMap']) {
        const item = source[kind];
        if (!item) continue;
        const type = kind === 'secret' ? 'Secret' : 'ConfigMap';
        if (!item.items) add(type, item.name, undefined, item.optional);
        for (const entry of item.items ?? []) add(type, item.name, entry.key, item.optional);
      }
    }
  }
  for (const pull of pod.imagePullSecrets ?? []) add('Secret', pull.name);
  return refs;
}

function labelsMatch(selector, labels = {}) {
  if (!selector) return false;
  const wanted = Object.entries(selector.matchLabels ?? {});
  if (wanted.length === 0 && !(selector.matchExpressions ?? []).length) return false;
  if (selector.matchExpressions?.length) return false; // none used here: refuse rather than guess
  return wanted.every(([key, value]) => labels[key] === value);
}
