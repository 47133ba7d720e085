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

command -v java >/dev/null 2>&1 || { echo "generate-network: java (JDK 17) is required" >&2; exit 2; }
# ./govchain builds the launcher jar when it is missing or older than its sources
exec "$ROOT/govchain" besu-network "$@"
