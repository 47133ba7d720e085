#!/usr/bin/env bash
# Generates a Hyperledger Besu QBFT network for GovChain: genesis.json, static-nodes.json and
# validator-<i>/{key,key.pub,address}. Besu is not needed: the launcher jar writes the files.
# See infra/besu/README.md. Usage:
#
#   infra/besu/generate-network.sh --out DIR [--validators N] [--chain-id ID] [--fund ADDR,...]
#                                  [--host-template T] [--block-period S] [--force]
#
# Relative paths are taken from the directory you run it in. Write DIR outside the repository:
# it holds private keys.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR="$ROOT/launcher/target/govchain-launcher.jar"

command -v java >/dev/null 2>&1 || { echo "generate-network: java (JDK 17) is required" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  echo "Building the launcher jar (once)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests -pl launcher -am package)
fi
exec java -jar "$JAR" besu-network "$@"
