#!/usr/bin/env bash
# Times govchain-verify's tree commands on a file of N random 32-byte leaves (default 10 million).
# usage: bench/cli/tree-millions.sh [N]     (build first: ./mvnw -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000000}
JAR=verifier-cli/target/govchain-verify.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LEAVES="$WORK/leaves.txt"
echo "generating $N leaves..."
node -e '
  const fs = require("fs"), crypto = require("crypto");
  const n = Number(process.argv[1]), fd = fs.openSync(process.argv[2], "w");
  for (let done = 0; done < n; ) {
    const k = Math.min(100000, n - done), lines = [];
    for (let i = 0; i < k; i++) lines.push(crypto.randomBytes(32).toString("hex"));
    fs.writeSync(fd, lines.join("\n") + "\n"); done += k;
  }
  fs.closeSync(fd);' "$N" "$LEAVES"
ls -l "$LEAVES" | awk '{print "leaves file:", $5, "bytes"}'
INDEX=$((N * 9 / 10))
t() { /usr/bin/time -f "%e s wall, %M KB max RSS" "$@"; }
echo "--- tree root";        t java -jar "$JAR" tree root --leaves "$LEAVES" > "$WORK/root"
echo "--- tree inclusion";   t java -jar "$JAR" tree inclusion --leaves "$LEAVES" --index "$INDEX" > "$WORK/proof"
echo "--- tree consistency"; t java -jar "$JAR" tree consistency --leaves "$LEAVES" --from $((N / 2 + 1)) --to "$N" > "$WORK/cproof"
LEAF=$(node -e 'process.stdout.write(Buffer.from(process.argv[1], "hex"))' "$(sed -n "$((INDEX + 1))p" "$LEAVES")" \
  | java -jar "$JAR" leaf-hash)
echo "--- verify-inclusion"
t java -jar "$JAR" verify-inclusion --leaf-hash "$LEAF" --index "$INDEX" --size "$N" --root "$(cat "$WORK/root")" --proof "$WORK/proof"
echo "proof lengths: inclusion $(wc -l < "$WORK/proof"), consistency $(wc -l < "$WORK/cproof")"
