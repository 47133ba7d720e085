#!/usr/bin/env bash
# Builds GovChain's images, tagged govchain/<name>:0.1.0: one per application from its jar (run
# `./mvnw -B package -DskipTests` first), the operator tool (registry-setup) and the dev chain
# (ganache; needs npm here).
#
#   infra/docker/build-images.sh            # on the public Eclipse Temurin JRE 17 and Node.js 20
#   BASE_IMAGE=localhost/govchain-base/jre17:bookworm \
#   NODE_BASE_IMAGE=localhost/govchain-base/node:bookworm infra/docker/build-images.sh
#
# CONTAINER_CLI picks the builder: docker (default when present) or podman.
set -euo pipefail
cd "$(dirname "$0")/../.."

CLI="${CONTAINER_CLI:-$(command -v docker >/dev/null 2>&1 && echo docker || echo podman)}"
BASE_IMAGE="${BASE_IMAGE:-docker.io/library/eclipse-temurin:17-jre}"
TAG="${GOVCHAIN_IMAGE_TAG:-0.1.0}"

# application:port
APPS=(auth-server:9000 gateway:8080 seal-service:8081 social-security-card-service:8082
      accounting-audit-service:8083 portal:8084)

format=()
if [ "$(basename "$CLI")" = podman ]; then
  format=(--format docker) # keeps HEALTHCHECK (the OCI format has none)
fi

# the dev chain image: ganache installed here by its lock file, then copied in
NODE_BASE_IMAGE="${NODE_BASE_IMAGE:-docker.io/library/node:20-bookworm-slim}"
(cd infra/docker/devchain && npm ci --no-audit --no-fund --loglevel=error)
echo "building govchain/devchain:$TAG on $NODE_BASE_IMAGE"
"$CLI" build "${format[@]}" -q -f infra/docker/devchain.Dockerfile \
  --build-arg "BASE_IMAGE=$NODE_BASE_IMAGE" -t "govchain/devchain:$TAG" . >/dev/null

if [ ! -f operator-cli/target/govchain-operator.jar ]; then
  echo "build-images: operator-cli/target/govchain-operator.jar is missing: run ./mvnw -B package -DskipTests first" >&2
  exit 2
fi
echo "building govchain/operator:$TAG on $BASE_IMAGE"
"$CLI" build "${format[@]}" -q -f infra/docker/operator.Dockerfile \
  --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "govchain/operator:$TAG" . >/dev/null

for entry in "${APPS[@]}"; do
  app="${entry%%:*}"
  port="${entry##*:}"
  jar="$app/target/$app-0.1.0-SNAPSHOT.jar"
  if [ ! -f "$jar" ]; then
    echo "build-images: $jar is missing: run ./mvnw -B package -DskipTests first" >&2
    exit 2
  fi
  echo "building govchain/$app:$TAG on $BASE_IMAGE"
  "$CLI" build "${format[@]}" -q -f infra/docker/app.Dockerfile \
    --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "APP=$app" --build-arg "PORT=$port" \
    -t "govchain/$app:$TAG" . >/dev/null
done
