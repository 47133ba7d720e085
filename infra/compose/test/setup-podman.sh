#!/usr/bin/env bash
# Makes this machine able to run the compose test: podman (Debian's), Debian's docker-compose and
# debootstrap; podman's system-wide settings for a machine without systemd and with hybrid
# cgroups; and podman's Docker-compatible API socket, which docker-compose talks to.
#
# Prints the DOCKER_HOST to use. Needs root (rootful podman) and apt.
set -euo pipefail

SOCKET="${GOVCHAIN_PODMAN_SOCKET:-/run/govchain-podman.sock}"

if [ "$(id -u)" != 0 ]; then
  echo "setup-podman: needs root (rootful podman, apt)" >&2
  exit 2
fi
missing=()
for tool in podman docker-compose debootstrap; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman netavark aardvark-dns docker-compose debootstrap >/dev/null
fi

# 1. The runtime cannot set rlimits unless podman names them (known quirk here).
# 2. crun refuses this machine's hybrid cgroup layout ("cgroups in hybrid mode not supported");
#    runc runs containers on it.
mkdir -p /etc/containers
cat > /etc/containers/containers.conf <<'CONF'
# written by GovChain's infra/compose/test/setup-podman.sh
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]

[engine]
runtime = "runc"
CONF

# podman's Docker-compatible API for docker-compose
# A service left by an earlier run whose working directory is gone (a CI clone, deleted) still
# answers the socket, but every conmon it starts inherits that directory and fails ("Failed to
# get working directory"; runc: "write child: broken pipe"): such a service is stopped first.
for pid in $(pgrep -f "podman system service --time=0 unix://$SOCKET" || true); do
  if [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == *"(deleted)" ]]; then
    echo "setup-podman: podman's API service (pid $pid) runs in a deleted directory; restarting it" >&2
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    rm -f "$SOCKET"
  fi
done

if ! [ -S "$SOCKET" ] || ! curl -s --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1; then
  rm -f "$SOCKET"
  # from /, never from the caller's directory, which may be deleted while the service lives on;
  # every descriptor redirected for the whole background subshell, which exec makes the service:
  # callers read this script's output through a pipe ($(… | tail -1)), which must not stay open
  (cd / && exec nohup podman system service --time=0 "unix://$SOCKET") \
    > /var/log/govchain-podman-service.log 2>&1 < /dev/null &
  for _ in $(seq 1 50); do
    curl -s --unix-socket "$SOCKET" http://d/_ping >/dev/null 2>&1 && break
    sleep 0.2
  done
fi
curl -s --unix-socket "$SOCKET" http://d/_ping >/dev/null \
  || { echo "setup-podman: podman's API socket $SOCKET does not answer" >&2; exit 1; }
echo "unix://$SOCKET"
