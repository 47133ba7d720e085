#!/usr/bin/env bash
# The compose test: brings the whole compose stack up for real here, with the dev chain, and uses
# it as a client would. Run by `./govchain test` after the Maven build (it needs the jars).
#
#  1. podman, Debian's docker-compose and debootstrap (setup-podman.sh), the base images from
#     Debian's packages (build-base-images.sh), GovChain's images (../../docker/build-images.sh);
#  2. a fresh installation: secrets from `govchain-operator secrets`, `docker-compose up -d`;
#  3. through the gateway without a token: the auditor's portal (its page with its CSP, its settings
#     naming the registry the job recorded and the logs' verifier keys from the secrets, the chain
#     allowing its origin) and a log's checkpoint; the portal reads its client secret, and that
#     client gets a seal clerk's token;
#  4. through the gateway: a token from the auth server, a seal created, a PDF stamped and verified,
#     the sealing's proof bundle VALID with govchain-verify against the chain container;
#  5. the seal service's JVM killed (SIGKILL) in the middle of a write load: every seal
#     acknowledged with 201 is readable and anchored after it comes back;
#  6. `down` + `up`: every record and proof is still there, the registry job deploys nothing, and
#     the portal names the same registry.
#
# Needs root (rootful podman, apt). GOVCHAIN_COMPOSE_TEST=skip skips it, saying so; nothing else
# does. GOVCHAIN_COMPOSE_KEEP=1 leaves the stack and its volumes up afterwards for a look.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
T0=$SECONDS
PROJECT=govchain-compose-test
WORK=${GOVCHAIN_COMPOSE_TEST_WORK:-/var/tmp/govchain-compose-test}

say() { printf '[compose-test %4ds] %s\n' $((SECONDS - T0)) "$*"; }
fail() {
  say "FAILED: $*"
  exit 1
}

if [ "${GOVCHAIN_COMPOSE_TEST:-run}" = skip ]; then
  say "SKIPPED because GOVCHAIN_COMPOSE_TEST=skip: the compose stack was not tested"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  fail "needs root (rootful podman and apt); run as root, or set GOVCHAIN_COMPOSE_TEST=skip to skip it knowingly"
fi
for jar in operator-cli/target/govchain-operator.jar launcher/target/govchain-launcher.jar \
  verifier-cli/target/govchain-verify.jar; do
  [ -f "$jar" ] || fail "$jar is missing: run ./mvnw -B package -DskipTests (or ./govchain test) first"
done

# --- 1. tools and images ---------------------------------------------------------------------
say "podman, docker-compose and debootstrap"
DOCKER_HOST=$(bash infra/compose/test/setup-podman.sh | tail -1)
export DOCKER_HOST
say "base images (debootstrap, once per machine)"
bash infra/compose/test/build-base-images.sh
say "GovChain's images"
images_started=$SECONDS
CONTAINER_CLI=podman BASE_IMAGE=localhost/govchain-base/jre17:bookworm \
  NODE_BASE_IMAGE=localhost/govchain-base/node:bookworm bash infra/docker/build-images.sh
podman build --format docker -q -f infra/compose/test/postgres/Dockerfile \
  --build-arg BASE_IMAGE=localhost/govchain-base/postgres:bookworm \
  -t localhost/govchain-test/postgres:15 infra/compose/test/postgres > /dev/null
say "images built in $((SECONDS - images_started)) s"

# --- 2. a fresh installation -------------------------------------------------------------------
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
export GOVCHAIN_SECRETS="$WORK/secrets"
export GOVCHAIN_POSTGRES_IMAGE=localhost/govchain-test/postgres:15
# Debian's redis-server: the compose file gives it its command (the public image's contract unused)
export GOVCHAIN_REDIS_IMAGE=localhost/govchain-base/redis:bookworm
export GOVCHAIN_ANCHOR_INTERVAL=2s
GOVCHAIN_GATEWAY_PORT=$(free_port)
GOVCHAIN_AUTH_PORT=$(free_port)
GOVCHAIN_CHAIN_PORT=$(free_port)
export GOVCHAIN_GATEWAY_PORT GOVCHAIN_AUTH_PORT GOVCHAIN_CHAIN_PORT
GW="http://127.0.0.1:$GOVCHAIN_GATEWAY_PORT"
AUTH="http://127.0.0.1:$GOVCHAIN_AUTH_PORT"
RPC="http://127.0.0.1:$GOVCHAIN_CHAIN_PORT"
# what the portal tells browsers: the gateway and the chain on this test's ports
export GOVCHAIN_PUBLIC_URL="$GW" GOVCHAIN_PUBLIC_CHAIN_RPC_URL="$RPC"

dc() {
  docker-compose --project-name "$PROJECT" --project-directory infra/compose \
    -f infra/compose/docker-compose.yml --profile devchain "$@"
}

# Without systemd podman schedules no healthchecks: run them here, every 2 s, for this project
HEALTH_PID=
drive_healthchecks() {
  while true; do
    for c in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null); do
      podman healthcheck run "$c" > /dev/null 2>&1 || true
    done
    sleep 2
  done
}

finish() {
  local code=$?
  [ -n "$HEALTH_PID" ] && kill "$HEALTH_PID" 2> /dev/null || true
  if [ "$code" != 0 ]; then
    say "the stack's last log lines:"
    dc ps || true
    dc logs --no-color --tail 60 2>&1 | tail -400 || true
  fi
  if [ "${GOVCHAIN_COMPOSE_KEEP:-0}" = 1 ]; then
    say "GOVCHAIN_COMPOSE_KEEP=1: the stack stays up (project $PROJECT, gateway $GW)"
  else
    dc down --volumes --remove-orphans > /dev/null 2>&1 || true
  fi
  exit "$code"
}
trap finish EXIT

say "a fresh installation in $WORK"
dc down --volumes --remove-orphans > /dev/null 2>&1 || true
rm -rf "$WORK"
mkdir -p "$WORK"
# the organisation's code: the samples' (made up, with a valid check character), so the seals
# this test makes are the organisation's own
ORGANISATION_CODE=91110108MA01GCH013
java -jar operator-cli/target/govchain-operator.jar secrets --out "$WORK/secrets" \
  --domain compose-test.example --organisation "GovChain compose test" \
  --organisation-code "$ORGANISATION_CODE" > "$WORK/secrets.out"
java -jar launcher/target/govchain-launcher.jar samples --out "$WORK/samples" > /dev/null
S="$WORK/samples"

drive_healthchecks &
HEALTH_PID=$!

wait_gateway() {
  local deadline=$((SECONDS + ${1:-600}))
  until curl -sf -o /dev/null "$GW/actuator/health/readiness"; do
    [ $SECONDS -lt $deadline ] || fail "the gateway was not ready at $GW in time"
    sleep 2
  done
}

# docker-compose up -d (it waits for the depends_on conditions), then the gateway's readiness
up_stack() { # <attempt>
  # timeout runs programs, not shell functions: dc's command written out
  timeout 900 docker-compose --project-name "$PROJECT" --project-directory infra/compose \
    -f infra/compose/docker-compose.yml --profile devchain up -d > "$WORK/up-$1.log" 2>&1 || {
    cat "$WORK/up-$1.log"
    fail "docker-compose up (attempt $1)"
  }
  wait_gateway
}

up_started=$SECONDS
say "docker-compose up -d (dev chain profile)"
up_stack 1
FIRST_UP=$((SECONDS - up_started))
say "the stack answers through the gateway: up in $FIRST_UP s"
dc logs --no-color registry-setup > "$WORK/registry-1.log" 2>&1
grep -q "deployed on chain 31337" "$WORK/registry-1.log" \
  || { cat "$WORK/registry-1.log"; fail "registry-setup did not deploy the registry"; }
REGISTRY=$(sed -n 's/.*GOVCHAIN_ANCHOR_REGISTRY_ADDRESS=\(0x[0-9a-f]*\).*/\1/p' "$WORK/registry-1.log" | tail -1)
say "registry $REGISTRY deployed by registry-setup"

json() {
  node -e '
    let s = "";
    process.stdin.on("data", d => (s += d)).on("end", () => {
      let v = JSON.parse(s);
      for (const k of process.argv[1].split(".")) v = v == null ? undefined : v[k];
      if (v === undefined) { console.error("no " + process.argv[1] + " in " + s.slice(0, 300)); process.exit(1); }
      console.log(typeof v === "object" ? JSON.stringify(v) : v);
    });' "$1"
}
client_secret() { awk -v id="$1" '$1 == id { print $2 }' "$WORK/secrets/auth/clients.txt"; }
token() {
  curl -sf -u "$1:$(client_secret "$1")" -d grant_type=client_credentials "$AUTH/oauth2/token" \
    | json access_token
}
VERIFIER_KEY=$(grep '^seal\.compose-test\.example+' "$WORK/secrets/public/log-verifier-keys.txt")

# --- 3. the auditor's portal and a public checkpoint, without a token ---------------------------
# the gateway does not wait for the portal: its settings answer once it is up
wait_portal() {
  local deadline=$((SECONDS + 300))
  until curl -sf -o "$WORK/portal-settings.json" "$GW/portal/settings.json"; do
    [ $SECONDS -lt $deadline ] || fail "the portal did not answer through the gateway within 300 s"
    sleep 2
  done
}
# the registry the portal names is the one the job recorded
portal_registry() {
  [ "$(json chain.registryAddress < "$WORK/portal-settings.json")" = "${REGISTRY,,}" ] \
    || fail "the portal names registry $(json chain.registryAddress < "$WORK/portal-settings.json"), not $REGISTRY"
}
wait_portal
code=$(curl -s -D "$WORK/portal.headers" -o "$WORK/portal.html" -w '%{http_code}' "$GW/portal/")
[ "$code" = 200 ] || fail "GET /portal/ answered $code"
grep -q 'app\.js' "$WORK/portal.html" || fail "GET /portal/ is not the portal's page: $(head -c 300 "$WORK/portal.html")"
CSP=$(grep -i '^content-security-policy:' "$WORK/portal.headers" | tr -d '\r')
case "$CSP" in
  *"connect-src 'self' http: https:"*) ;;
  *) fail "the portal's page came without its Content-Security-Policy through the gateway: '$CSP'" ;;
esac
portal_registry
[ "$(json publicUrl < "$WORK/portal-settings.json")" = "$GW/portal/" ] \
  || fail "the portal's public URL is $(json publicUrl < "$WORK/portal-settings.json")"
[ "$(json chain.rpcUrl < "$WORK/portal-settings.json")" = "$RPC" ] \
  || fail "the portal's RPC URL for browsers is $(json chain.rpcUrl < "$WORK/portal-settings.json")"
i=0
for log in seal ssc accounting; do
  prefix="$WORK/secrets/portal/GOVCHAIN_${log^^}_LOG"
  [ "$(json "logs.$i.name" < "$WORK/portal-settings.json")" = "$log" ] || fail "the portal's log $i is not $log"
  [ "$(json "logs.$i.origin" < "$WORK/portal-settings.json")" = "$(cat "${prefix}_ORIGIN")" ] \
    || fail "the portal's $log log has origin $(json "logs.$i.origin" < "$WORK/portal-settings.json")"
  [ "$(json "logs.$i.verifierKey" < "$WORK/portal-settings.json")" = "$(cat "${prefix}_VERIFIER_KEY")" ] \
    || fail "the portal publishes another verifier key for the $log log than secrets/portal/"
  i=$((i + 1))
done
# the page asks the chain from the browser: the RPC it names must allow the page's origin
ALLOWED=$(curl -s -o /dev/null -D - -X OPTIONS -H "Origin: $GW" -H 'Access-Control-Request-Method: POST' \
  -H 'Access-Control-Request-Headers: content-type' "$RPC" | tr -d '\r' \
  | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Oo]rigin: //p')
[ "$ALLOWED" = "$GW" ] || [ "$ALLOWED" = '*' ] \
  || fail "the chain's RPC does not allow the portal's origin $GW (Access-Control-Allow-Origin: '$ALLOWED')"
say "the portal through the gateway: its page with its CSP, registry $REGISTRY, the three logs' verifier keys; the chain allows its origin"
# what the portal will read for evidence certificates, readable by its user
PORTAL_CONTAINER=$(dc ps -q portal)
[ "$(podman exec "$PORTAL_CONTAINER" cat /run/secrets/env/GOVCHAIN_PORTAL_SEAL_CREDIT_CODE)" = "$ORGANISATION_CODE" ] \
  || fail "the portal cannot read its credit code"
PORTAL_SECRET=$(podman exec "$PORTAL_CONTAINER" cat /run/secrets/env/GOVCHAIN_PORTAL_CLIENT_SECRET) \
  || fail "the portal cannot read its client secret"
[ "$PORTAL_SECRET" = "$(client_secret portal)" ] || fail "the portal's client secret is not the one in clients.txt"
PORTAL_TOKEN=$(curl -sf -u "portal:$PORTAL_SECRET" -d grant_type=client_credentials \
  "$AUTH/oauth2/token" | json access_token) || fail "no token for the portal's client"
node -e 'console.log(Buffer.from(process.argv[1].split(".")[1], "base64url").toString())' \
  "$PORTAL_TOKEN" > "$WORK/portal-token.json"
roles=$(json roles < "$WORK/portal-token.json")
case "$roles" in *'"seal-clerk"'*'"auditor"'* | *'"auditor"'*'"seal-clerk"'*) true ;; *) false ;; esac \
  || fail "the portal's token does not carry seal-clerk and auditor: $(cat "$WORK/portal-token.json")"
say "the portal reads its client secret and credit code; its client gets a seal-clerk and auditor token"

code=$(curl -s -o "$WORK/checkpoint.json" -w '%{http_code}' "$GW/api/seal/log/checkpoint")
[ "$code" = 200 ] || fail "GET /api/seal/log/checkpoint without a token answered $code"
[ "$(json origin < "$WORK/checkpoint.json")" = seal.compose-test.example ] \
  || fail "the public checkpoint is not the seal log's: $(head -c 300 "$WORK/checkpoint.json")"
say "the seal log's checkpoint answers without a token (size $(json size < "$WORK/checkpoint.json"))"
# that request was counted in the shared rate limit store (its keys live for a 1 s window: the
# script's calls are what remains to see), and the gateway never fell back to memory
rl_calls=$(dc exec -T redis sh -c \
  'REDISCLI_AUTH="$(cat /run/secrets/redis-password)" redis-cli info commandstats' | tr -d '\r' \
  | sed -n 's/^cmdstat_evalsha:calls=\([0-9]*\).*/\1/p')
gateway_log=$(dc logs --no-color gateway 2>&1 || true)
[ "${rl_calls:-0}" -gt 0 ] \
  || fail "the gateway counted nothing in Redis: $(grep -i redis <<< "$gateway_log" | tail -5)"
if grep -q 'rate limits: Redis at .* failed' <<< "$gateway_log"; then
  fail "the gateway could not count in Redis: $(grep -i redis <<< "$gateway_log" | tail -5)"
fi
say "the gateway counts its clients in Redis, shared by its replicas ($rl_calls counts)"

# --- 4. a client's walkthrough -------------------------------------------------------------------

TOKEN=$(token seal-clerk) || fail "no token for the seal-clerk client from the auth server"
say "a token from the auth server (client credentials, secret from secrets/auth/clients.txt)"

code=$(curl -s -o "$WORK/seal.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -H 'Content-Type: application/json' --data @"$S/create-seal.json" "$GW/api/seal/seals")
[ "$code" = 201 ] || fail "creating a seal answered $code: $(head -c 400 "$WORK/seal.json")"
SEAL=$(json id < "$WORK/seal.json")
say "seal $SEAL created"

code=$(curl -s -o "$WORK/sealed.pdf" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -F document=@"$S/document.pdf" -F page=1 -F x=120 -F y=30 -F width=40 \
  "$GW/api/seal/seals/$SEAL/sealings")
[ "$code" = 201 ] || [ "$code" = 200 ] || fail "stamping answered $code: $(head -c 400 "$WORK/sealed.pdf")"
[ "$(head -c 5 "$WORK/sealed.pdf")" = "%PDF-" ] || fail "stamping did not answer a PDF"
say "the sample PDF stamped ($(wc -c < "$WORK/sealed.pdf") bytes)"

curl -sf -F document=@"$WORK/sealed.pdf" "$GW/api/seal/verifications" > "$WORK/verification.json" \
  || fail "the public verification failed"
[ "$(json verdict < "$WORK/verification.json")" = SIGNATURE_VALID ] \
  || fail "the stamped PDF does not verify: $(head -c 600 "$WORK/verification.json")"
SEALING=$(json signatures.0.logRecord.sealingId < "$WORK/verification.json")
LOG_STATUS=$(json signatures.0.logRecord.status < "$WORK/verification.json")
case "$LOG_STATUS" in
  ANCHORED | NOT_ANCHORED_YET) ;;
  *) fail "the stamped PDF's sealing record is $LOG_STATUS" ;;
esac
say "the stamped PDF verifies: SIGNATURE_VALID, sealing $SEALING in the log ($LOG_STATUS)"

# the sealing's proof bundle, once anchored (the anchoring interval is 2 s here)
proof() { # <path> <file>
  local deadline=$((SECONDS + 180))
  until curl -sf -H "Authorization: Bearer $TOKEN" -o "$2" "$GW/api/seal/$1/proof"; do
    [ $SECONDS -lt $deadline ] || fail "no anchored proof for $1 within 180 s"
    sleep 2
  done
}
verify_bundle() { # <file>
  java -jar verifier-cli/target/govchain-verify.jar verify "$1" --rpc "$RPC" \
    --log-key "$VERIFIER_KEY" > "$1.verify" 2>&1 || { cat "$1.verify"; fail "govchain-verify $1"; }
  grep -q VALID "$1.verify" || { cat "$1.verify"; fail "govchain-verify did not say VALID"; }
}
proof "sealings/$SEALING" "$WORK/sealing-proof.json"
verify_bundle "$WORK/sealing-proof.json"
say "the sealing's proof bundle is VALID with govchain-verify against the chain container ($RPC)"
# a bundle is public: it names the clerk (the client seal-clerk) only by a keyed reference made with
# the operator's GOVCHAIN_LOG_REFERENCE_KEY (docs/proof-bundle.md, What a bundle discloses)
LEAF=$(json leafData < "$WORK/sealing-proof.json" | base64 -d)
case "$LEAF" in
  *seal-clerk*) fail "the sealing's bundle names its operator in clear: $LEAF" ;;
  *'"operator":"staff:'*) ;;
  *) fail "the sealing's bundle has no keyed reference to its operator: $LEAF" ;;
esac
say "the sealing's bundle names its operator only by a keyed reference"

# --- 5. the seal service killed under load ---------------------------------------------------------
# three clients create seals through the gateway, each remembering every 201 it got
load() { # <client number> <count>
  local i code id
  for i in $(seq 1 "$2"); do
    code=$(curl -s -m 20 -o "$WORK/load-$1-$i.json" -w '%{http_code}' \
      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: compose-test-$1-$i" \
      --data @"$S/create-seal.json" "$GW/api/seal/seals") || true
    if [ "$code" = 201 ]; then
      id=$(json id < "$WORK/load-$1-$i.json")
      echo "$id" >> "$WORK/acknowledged-$1.txt"
    else
      echo "$code" >> "$WORK/refused-$1.txt"
    fi
    sleep 0.2
  done
}
rm -f "$WORK"/acknowledged-*.txt "$WORK"/refused-*.txt
LOADERS=()
for client in 1 2 3; do
  load "$client" 25 &
  LOADERS+=($!)
done
sleep 3
SEAL_CONTAINER=$(dc ps -q seal-service)
# the JVM itself killed, as a crash would (podman kill counts as stopped by the user, and a
# restart policy does not bring back what the user stopped)
SEAL_PID=$(podman inspect --format '{{.State.Pid}}' "$SEAL_CONTAINER")
say "kill -9 of the seal service's JVM (pid $SEAL_PID) in the middle of the load"
kill -KILL "$SEAL_PID"
# Back means the gateway routes to it again: its circuit breaker, opened by the outage, lets three
# trial calls through and closes only if at most one failed; trials made while the JVM was still
# starting count as failures and open it again for 10 s, so one 200 is not enough (a run saw a 200,
# then 503s from the re-opened breaker). Three 200s in a row are.
wait_restarted() {
  local deadline=$((SECONDS + 300)) ok=0
  until [ "$ok" -ge 3 ]; do
    [ $SECONDS -lt $deadline ] || fail "the seal service did not come back within 300 s"
    if [ "$(podman inspect --format '{{.State.Running}}' "$SEAL_CONTAINER" 2>/dev/null)" = true ] \
      && curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$GW/api/seal/seals/$SEAL"; then
      ok=$((ok + 1))
      sleep 0.5
    else
      ok=0
      sleep 2
    fi
  done
}
kill_at=$SECONDS
wait_restarted
RESTARTS=$(podman inspect --format '{{.RestartCount}}' "$SEAL_CONTAINER")
say "the seal service is back (restart policy; restarts: $RESTARTS) after $((SECONDS - kill_at)) s"
wait "${LOADERS[@]}"
ACKED=$(cat "$WORK"/acknowledged-*.txt 2>/dev/null | wc -l)
REFUSED=$(cat "$WORK"/refused-*.txt 2>/dev/null | wc -l)
say "load done: $ACKED seals acknowledged with 201, $REFUSED answers other than 201"
[ "$ACKED" -gt 0 ] || fail "no seal was acknowledged during the load"
# while the service is down the gateway answers 503 problems; nothing else is acceptable
OTHER=$(cat "$WORK"/refused-*.txt 2>/dev/null | grep -vx 503 | sort | uniq -c | tr '\n' ' ' || true)
[ -z "$OTHER" ] || fail "answers other than 201 and 503 during the outage: $OTHER"
[ "$RESTARTS" -ge 1 ] || fail "the killed container was not restarted by its restart policy"
# a 503 is the service (or the breaker in front of it) saying "not now", not a lost seal: asked
# again for up to 60 s; lost is any other answer, or a 503 that lasts
read_deadline=0
seal_status() { # <seal id>: the HTTP status of its read, 503s asked again until $read_deadline
  local code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$GW/api/seal/seals/$1")
    [ "$code" = 503 ] && [ $SECONDS -lt $read_deadline ] || break
    sleep 1
  done
  echo "$code"
}
lost=0
read_deadline=$((SECONDS + 60))
for id in $(cat "$WORK"/acknowledged-*.txt) "$SEAL"; do
  code=$(seal_status "$id")
  [ "$code" = 200 ] || { say "acknowledged seal $id answers $code"; lost=$((lost + 1)); }
done
[ "$lost" = 0 ] || fail "$lost acknowledged seals are lost"
# every acknowledged seal gets anchored: its proof bundle appears
for id in $(cat "$WORK"/acknowledged-*.txt); do
  proof "seals/$id" "$WORK/proof-$id.json"
done
LAST=$(tail -1 "$WORK/acknowledged-3.txt" 2>/dev/null || tail -1 "$WORK/acknowledged-1.txt")
verify_bundle "$WORK/proof-$LAST.json"
say "all $ACKED acknowledged seals are readable and anchored; the last one's bundle is VALID"

# --- 6. down and up: nothing lost ------------------------------------------------------------------
say "docker-compose down (volumes kept), then up again"
dc down > "$WORK/down.log" 2>&1 || { cat "$WORK/down.log"; fail "docker-compose down"; }
up_started=$SECONDS
up_stack 2
SECOND_UP=$((SECONDS - up_started))
say "up again in $SECOND_UP s"
dc logs --no-color registry-setup > "$WORK/registry-2.log" 2>&1
grep -q "registry $REGISTRY on chain 31337 .*checked, nothing deployed" "$WORK/registry-2.log" \
  || { cat "$WORK/registry-2.log"; fail "the second registry-setup did not keep registry $REGISTRY"; }
TOKEN=$(token seal-clerk)
read_deadline=$((SECONDS + 60))
for id in $(cat "$WORK"/acknowledged-*.txt) "$SEAL"; do
  code=$(seal_status "$id")
  [ "$code" = 200 ] || fail "after down + up, seal $id answers $code"
done
proof "sealings/$SEALING" "$WORK/sealing-proof-2.json"
cmp -s "$WORK/sealing-proof.json" "$WORK/sealing-proof-2.json" \
  || say "(the sealing's bundle now names a later checkpoint; verifying it)"
verify_bundle "$WORK/sealing-proof-2.json"
verify_bundle "$WORK/sealing-proof.json"
wait_portal
portal_registry
say "after down + up: the registry kept ($REGISTRY, the portal's too), $((ACKED + 1)) seals readable, the sealing's proofs VALID"

TOTAL=$((SECONDS - T0))
say "PASSED in $TOTAL s (first up $FIRST_UP s, second up $SECOND_UP s)"
