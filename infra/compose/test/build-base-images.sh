#!/usr/bin/env bash
# Builds, from Debian's packages, the base images the compose test uses instead of public images
# (this machine reaches no container registry): debootstrap a minimal Debian with the packages an
# image needs, then import the tree into podman.
#
#   localhost/govchain-base/jre17:bookworm   Java 17 runtime (the applications)
#   localhost/govchain-base/node:bookworm    Node.js 18, Debian's (the dev chain's ganache)
#   localhost/govchain-base/postgres:bookworm PostgreSQL 15 (test/postgres/Dockerfile builds on it)
#   localhost/govchain-base/redis:bookworm   Redis, Debian's (the gateways' rate limit store)
#
# An image that already exists is kept (say so); GOVCHAIN_REBUILD_BASE=1 builds it again.
set -euo pipefail

MIRROR="${GOVCHAIN_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WORK="${GOVCHAIN_BASE_WORK:-/var/tmp/govchain-base}"

build() {
  local image="$1" packages="$2"
  if podman image exists "$image" && [ "${GOVCHAIN_REBUILD_BASE:-0}" != 1 ]; then
    echo "base image $image exists: kept (GOVCHAIN_REBUILD_BASE=1 rebuilds it)"
    return
  fi
  local root="$WORK/$(echo "$image" | tr '/:' '__')"
  rm -rf "$root"
  mkdir -p "$root"
  echo "debootstrap $image ($packages) from $MIRROR"
  local started=$SECONDS
  debootstrap --variant=minbase --include="$packages" bookworm "$root" "$MIRROR" \
    > "$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
  # no package caches or lists in the image
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | podman import --quiet - "$image" > /dev/null
  rm -rf "$root"
  echo "built $image in $((SECONDS - started)) s"
}

build localhost/govchain-base/jre17:bookworm openjdk-17-jre-headless,ca-certificates
build localhost/govchain-base/node:bookworm nodejs,ca-certificates
build localhost/govchain-base/postgres:bookworm postgresql-15
build localhost/govchain-base/redis:bookworm redis-server
