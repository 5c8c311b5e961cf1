# Shared by deploy/check-image.sh and deploy/check-compose.sh (sourced, not run): output, the tools, the
# Docker engine and the python:3.11-slim stand-in, on a machine with Debian's mirror but no image registry.
# The caller sets WORK (a scratch directory) and calls cleanup_engine last.

BASE=python:3.11-slim
started_dockerd=""
made_base=""
failures=0

say() { printf '== %s\n' "$*"; }
ok() { printf 'ok   %s\n' "$*"; }
bad() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }

# need_tools COMMAND=PACKAGE ...: installs the Debian packages of the commands that are missing.
need_tools() {
  local missing=() pair
  for pair in "$@"; do command -v "${pair%%=*}" >/dev/null || missing+=("${pair#*=}"); done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Starts dockerd unless an engine answers; cleanup_engine stops it again.
ensure_engine() {
  need_tools dockerd=docker.io
  if ! docker info >/dev/null 2>&1; then
    say "starting dockerd"
    dockerd >"$WORK/dockerd.log" 2>&1 &
    started_dockerd=$!
    for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || { tail -20 "$WORK/dockerd.log"; exit 1; }
  fi
}

# Unless an image python:3.11-slim exists, makes a stand-in: a Debian bookworm minbase with python3 3.11
# (debootstrap), the host's locally added CA certificates, python/pip links, no EXTERNALLY-MANAGED.
ensure_base() {
  docker image inspect "$BASE" >/dev/null 2>&1 && return 0
  need_tools debootstrap=debootstrap
  say "making a stand-in for $BASE with debootstrap (Debian bookworm, python3 3.11)"
  local mirror
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | grep -E '^(URIs:|deb )' | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -n1 | tr -d ' ' || true)
  debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
    bookworm "$WORK/rootfs" "${mirror:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; exit 1; }
  # pip inside the build reaches the package index through this machine's TLS, so it needs its CAs.
  if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$WORK/rootfs/usr/local/share/ca-certificates/"
  fi
  chroot "$WORK/rootfs" update-ca-certificates >/dev/null 2>&1
  ln -sf /usr/bin/python3 "$WORK/rootfs/usr/bin/python"
  ln -sf /usr/bin/pip3 "$WORK/rootfs/usr/bin/pip"
  rm -f "$WORK"/rootfs/usr/lib/python3*/EXTERNALLY-MANAGED
  rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/*
  tar -C "$WORK/rootfs" -c . | docker import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["python3"]' - "$BASE" >/dev/null
  rm -rf "$WORK/rootfs"
  made_base=1
}

# health CONTAINER SECONDS: waits for Docker's own health status; prints the last one seen.
health() {
  local status=""
  for _ in $(seq 1 "$2"); do
    status=$(docker inspect --format '{{.State.Health.Status}}' "$1" 2>/dev/null || echo gone)
    [ "$status" = healthy ] && break
    [ "$status" = gone ] && break
    sleep 1
  done
  echo "$status"
}

# The stand-in base (unless KEEP_BASE is set) and dockerd, if this run made them.
cleanup_engine() {
  if [ -n "$made_base" ] && [ -z "${KEEP_BASE:-}" ]; then docker rmi -f "$BASE" >/dev/null 2>&1; fi
  if [ -n "$started_dockerd" ]; then kill "$started_dockerd" 2>/dev/null; wait "$started_dockerd" 2>/dev/null; fi
}
