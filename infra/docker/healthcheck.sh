#!/usr/bin/env bash
# The container's health: GET /actuator/health/readiness on the application's own port answers
# UP. Plain bash (/dev/tcp), so the image needs no curl or wget.
set -euo pipefail
port="${GOVCHAIN_HEALTH_PORT:?GOVCHAIN_HEALTH_PORT is not set}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
response=$(timeout 4 cat <&3)
case "${response%%$'\r'*}" in
  *" 200"*) grep -q '"status":"UP"' <<<"$response" ;;
  *) exit 1 ;;
esac
