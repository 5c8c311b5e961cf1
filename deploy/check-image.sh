#!/usr/bin/env bash
# Build the image and try it, on a machine with Debian's package mirror but no image registry.
#
#   sudo deploy/check-image.sh          (as root: it installs packages and starts dockerd if needed)
#
# 1. installs docker.io and debootstrap (apt-get) and starts dockerd unless one answers;
# 2. unless an image python:3.11-slim exists, makes a stand-in: a Debian bookworm minbase with python3
#    3.11 (debootstrap), the host's locally added CA certificates, python/pip links, no EXTERNALLY-MANAGED;
# 3. docker build --pull=false; prints the image's size, estatedesk's own layers (the image less its
#    base) and what each installed distribution costs (deploy/dist-sizes.py), then tries each feature the
#    build's trimming could break (deploy/image-features.py: charts, Babel, phone numbers, Twilio, rasa-sdk, NLU);
# 4. runs the demo (docker run -p …:8080 … estatedesk demo) and checks its health;
# 5. production mode against this machine's PostgreSQL and Redis and a fake Telegram (also in the image):
#    a missing database and a wrong token each end with one line and exit code != 0; started before
#    Telegram is reachable it retries, then becomes healthy;
# 6. `docker compose up` end to end with this image: deploy/check-compose.sh (SKIP_COMPOSE=1 skips it);
# 7. cleans up: containers, the image built, the scratch database and Redis keys, the work directory,
#    the stand-in base image and dockerd if this script made them.
#
# Environment: PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres, a superuser to create the
# scratch database), REDIS_URL (default redis://127.0.0.1:6379/0), KEEP_BASE=1 keeps the stand-in images.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL=${PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
TAG=estatedesk:check-$$
RUN_ID=check$$
DB=estatedesk_$RUN_ID
WORK=$(mktemp -d)
DEMO_PORT_HOST=${DEMO_PORT_HOST:-18080}
APP_PORT=${APP_PORT:-18097}      # not 8080: the health check must follow ESTATEDESK_PORT
FAKE_PORT=${FAKE_PORT:-18098}
TOKEN=424242:CHECK-image-token
# shellcheck source=deploy/lib.sh
. deploy/lib.sh

cleanup() {
  set +e
  say "cleaning up"
  for c in ed-demo-$RUN_ID ed-fake-$RUN_ID ed-app-$RUN_ID; do docker rm -f "$c" >/dev/null 2>&1; done
  docker rmi -f "$TAG" >/dev/null 2>&1
  docker image prune -f --filter label=org.estatedesk.stage=build >/dev/null 2>&1
  [ -n "${KEEP_BASE:-}" ] || docker builder prune -f >/dev/null 2>&1
  psql "$PG_URL" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
  redis-cli -u "$REDIS_URL" --scan --pattern "$RUN_ID:*" 2>/dev/null | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null 2>&1
  rm -rf "$WORK"
  cleanup_engine
}
trap cleanup EXIT

# -- 1. tools and the engine ---------------------------------------------------------------------
need_tools psql=postgresql-client redis-cli=redis-tools
ensure_engine

# -- 2. the stand-in for python:3.11-slim -----------------------------------------------------------
ensure_base
docker run --rm "$BASE" python --version

# -- 3. the image ----------------------------------------------------------------------------------
say "docker build --pull=false -t $TAG ."
start=$(date +%s)
# Host networking for the build: the package index is reached as this machine reaches it.
docker build --pull=false --force-rm --network host -t "$TAG" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
size=$(docker image inspect "$TAG" --format '{{.Size}}')
base_size=$(docker image inspect "$BASE" --format '{{.Size}}')
say "built in $(( $(date +%s) - start )) s: image $((size / 1000000)) MB = base $((base_size / 1000000)) MB" \
  "+ estatedesk's layers $(((size - base_size) / 1000000)) MB"
[ "$size" -lt 450000000 ] && ok "image under 450 MB" || bad "image is $((size / 1000000)) MB, over 450 MB"
say "what each installed distribution costs in the image (files of its RECORD; bytecode not counted):"
docker run --rm -i "$TAG" python - 25 <deploy/dist-sizes.py | sed 's/^/   /'
docker run --rm "$TAG" sh -c 'cd /opt/estatedesk && printf "   %s MB bytecode (.pyc), %s MB the whole virtualenv\n" \
  "$(find . -name "*.pyc" -printf "%s\n" | awk "{s+=\$1} END {print int(s/1e6)}")" "$(du -sm . | cut -f1)"'
say "the features the build's trimming could break:"
docker run --rm -i "$TAG" python -W ignore - <deploy/image-features.py >"$WORK/features.log" 2>&1 \
  && ok "every feature works in the image" || bad "a feature is broken in the image"
sed 's/^/   /' "$WORK/features.log"
for tool in pytest mypy ruff playwright hypothesis uv pip; do
  if docker run --rm "$TAG" python -c "import importlib.util,sys; sys.exit(importlib.util.find_spec('$tool') is None)" 2>/dev/null; then
    bad "$tool is in the image"
  fi
done
ok "no test, lint or install tool importable in the image (pytest mypy ruff playwright hypothesis uv pip)"
docker run --rm "$TAG" sh -c 'touch "$HOME/x" /data/x && python -c "import matplotlib" 2>&1' >"$WORK/mpl.log" \
  && ! grep -qi "not writable\|warning" "$WORK/mpl.log" && ok "HOME and /data writable; matplotlib quiet" \
  || { cat "$WORK/mpl.log"; bad "HOME, /data or matplotlib's cache"; }

# -- 4. the demo -----------------------------------------------------------------------------------
say "demo: docker run -p 127.0.0.1:$DEMO_PORT_HOST:8080 $TAG estatedesk demo"
docker run -d --name ed-demo-$RUN_ID -p "127.0.0.1:$DEMO_PORT_HOST:8080" --health-interval 2s \
  "$TAG" estatedesk demo >/dev/null
status=$(health ed-demo-$RUN_ID 120)
[ "$status" = healthy ] && ok "demo container healthy" || bad "demo container: $status"
if curl -fsS "http://127.0.0.1:$DEMO_PORT_HOST/healthz" >"$WORK/h" 2>&1; then
  ok "demo /healthz through the published port: $(cat "$WORK/h")"
else
  bad "demo /healthz through the published port"
fi
# Into a file first: `grep -q` stops reading at the first match, and curl's failed write would fail the pipe.
curl -fsS -o "$WORK/page" "http://127.0.0.1:$DEMO_PORT_HOST/" && grep -qi "<html" "$WORK/page" \
  && ok "demo page served" || bad "demo page"
docker logs ed-demo-$RUN_ID 2>&1 | tail -3 | sed 's/^/   /'
start=$(date +%s%N)
docker stop ed-demo-$RUN_ID >/dev/null
say "demo stopped in $(( ($(date +%s%N) - start) / 1000000 )) ms"

# -- 5. production mode ----------------------------------------------------------------------------
redis_host_url=$REDIS_URL
app_db_url="${PG_URL%/*}/$DB"
common=(--network host -e ESTATEDESK_TELEGRAM_TOKEN=$TOKEN -e ESTATEDESK_TELEGRAM_API_URL=http://127.0.0.1:$FAKE_PORT
        -e ESTATEDESK_DATABASE_URL=$app_db_url -e ESTATEDESK_REDIS_URL=$redis_host_url -e ESTATEDESK_REDIS_PREFIX=$RUN_ID
        -e ESTATEDESK_PORT=$APP_PORT -e ESTATEDESK_LISTEN_HOST=127.0.0.1)

say "production: the database $DB does not exist yet"
set +e
out=$(docker run --rm "${common[@]}" "$TAG" estatedesk run 2>&1); code=$?
set -e
printf '%s\n' "$out" | sed 's/^/   /'
if [ "$code" -ne 0 ] && ! grep -q Traceback <<<"$out" && [ "$(grep -c . <<<"$out")" -le 3 ]; then
  ok "missing database: exit $code, no traceback"
else
  bad "missing database: exit $code"
fi

psql "$PG_URL" -qc "CREATE DATABASE $DB" >/dev/null
say "production: estatedesk migrate (the compose file's one-shot service)"
docker run --rm "${common[@]}" "$TAG" estatedesk --log-level WARNING migrate 2>&1 | sed 's/^/   /'

say "production: started before Telegram is reachable"
docker run -d --name ed-app-$RUN_ID "${common[@]}" --health-interval 2s "$TAG" estatedesk run >/dev/null
for _ in $(seq 1 120); do
  [ "$(docker logs ed-app-$RUN_ID 2>&1 | grep -c 'waiting for Telegram')" -ge 2 ] && break
  sleep 1
done
docker logs ed-app-$RUN_ID 2>&1 | sed 's/^/   /'
[ "$(docker inspect --format '{{.State.Health.Status}}' ed-app-$RUN_ID)" != healthy ] \
  && ok "not healthy while Telegram is unreachable" || bad "healthy without Telegram"
[ "$(docker logs ed-app-$RUN_ID 2>&1 | grep -c 'waiting for Telegram')" -ge 2 ] \
  && ok "one line per attempt while Telegram is unreachable" || bad "no retry line"
say "production: the fake Telegram comes up"
docker run -d --name ed-fake-$RUN_ID --network host "$TAG" python -c "
import asyncio
from integrations.telegram_fake import FakeTelegram
async def main():
    async with FakeTelegram(token='$TOKEN').serve('127.0.0.1', $FAKE_PORT):
        await asyncio.Event().wait()
asyncio.run(main())" >/dev/null
status=$(health ed-app-$RUN_ID 90)
[ "$status" = healthy ] && ok "production container healthy on ESTATEDESK_PORT=$APP_PORT" || bad "production: $status"
curl -fsS "http://127.0.0.1:$APP_PORT/healthz" >"$WORK/h" 2>&1 && ok "production /healthz: $(cat "$WORK/h")" \
  || bad "production /healthz"
docker logs ed-app-$RUN_ID 2>&1 | tail -4 | sed 's/^/   /'
start=$(date +%s%N)
docker stop ed-app-$RUN_ID >/dev/null
say "production stopped in $(( ($(date +%s%N) - start) / 1000000 )) ms, exit $(docker inspect --format '{{.State.ExitCode}}' ed-app-$RUN_ID)"

say "production: a wrong token"
set +e
out=$(docker run --rm "${common[@]}" -e ESTATEDESK_TELEGRAM_TOKEN=424242:wrong "$TAG" estatedesk run 2>&1); code=$?
set -e
printf '%s\n' "$out" | sed 's/^/   /'
if [ "$code" -ne 0 ] && ! grep -q Traceback <<<"$out"; then ok "wrong token: exit $code, no traceback"; else bad "wrong token: exit $code"; fi

# -- 6. docker compose up ---------------------------------------------------------------------------
if [ -z "${SKIP_COMPOSE:-}" ]; then
  # Its own engine and base checks find both ready; KEEP_BASE there, as they are this script's to remove.
  IMAGE=$TAG KEEP_BASE=1 deploy/check-compose.sh || failures=$((failures + $?))
  [ -n "${KEEP_BASE:-}" ] || docker rmi -f estatedesk-standin/postgres:local estatedesk-standin/redis:local >/dev/null 2>&1
fi

if [ "$failures" -eq 0 ]; then say "all checks passed"; else say "$failures check(s) failed"; fi
exit "$failures"
