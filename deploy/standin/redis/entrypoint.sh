#!/bin/sh
# As the official image: redis-server runs as redis in /data, reachable from the other containers
# (protected mode off when no configuration file is given: the compose network is the boundary).
set -eu
if [ "$1" = redis-server ]; then
  shift
  chown redis:redis /data
  case "${1:-}" in
    *.conf) ;;
    *) set -- --protected-mode no "$@" ;;
  esac
  exec setpriv --reuid=redis --regid=redis --init-groups redis-server "$@"
fi
exec "$@"
