#!/usr/bin/env bash
# Renders every overlay (and its registry-setup Job) with `kubectl kustomize` and validates every
# object offline with validate/main.mjs: strictly against the Kubernetes API's schemas (unknown
# fields and wrong types fail), against GovChain's pod policy, and for references between objects
# and to the Secrets and ConfigMaps the README tells operators to create. Then it breaks the
# renderings on purpose (validate/negative-cases.yaml) and fails unless each break is rejected.
#
# Needs kubectl (only its built-in kustomize: no cluster, no network) and Node.js 20 with the pinned
# packages installed here: (cd infra/k8s && npm ci). Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "validate.sh: kubectl is needed for 'kubectl kustomize' (Debian: apt-get install kubernetes-client)" >&2
  exit 2
fi
if [ ! -d node_modules/@kubernetes/client-node ] || [ ! -d node_modules/yaml ]; then
  echo "validate.sh: the pinned npm packages are missing: run 'npm ci' in infra/k8s first" >&2
  exit 2
fi

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT

groups=()
for overlay in overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" > "$rendered/$name.yaml"
  files="$rendered/$name.yaml"
  if [ -f "$overlay/registry-setup/kustomization.yaml" ]; then
    kubectl kustomize "$overlay/registry-setup" > "$rendered/$name-registry-setup.yaml"
    files="$files,$rendered/$name-registry-setup.yaml"
  fi
  groups+=("$name=$files")
done

node validate/main.mjs --readme README.md --negative validate/negative-cases.yaml "${groups[@]}"
