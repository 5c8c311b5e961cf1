#!/usr/bin/env bash
# `docker compose up` end to end, on a machine with Debian's package mirror but no image registry.
#
#   sudo deploy/check-compose.sh        (as root; deploy/check-image.sh runs it too, with the image it built)
#
# 1. Docker Compose: the `docker compose` plugin if there is one, else Debian's docker-compose package;
#    dockerd and the python:3.11-slim stand-in as deploy/check-image.sh makes them (deploy/lib.sh);
# 2. the image (IMAGE=estatedesk:TAG to use one already built) and local stand-ins for the official
#    postgres and redis images (deploy/standin/: Debian's PostgreSQL and Redis, same interface), which
#    compose.yaml is pointed at through POSTGRES_IMAGE and REDIS_IMAGE in .env;
# 3. the quick start of the README in a scratch directory: compose.yaml as it is, a .env, estate.toml,
#    imports/, plus a fake Telegram (also from the image) as one more service; `up -d`, wait for the
#    estatedesk container's health; migrations ran once (by `migrate`), the volumes, Redis's append-only
#    file; residents imported and a report chart written with `compose run`;
# 4. `down` and `up` again: residents, the chart in the data volume and a Redis key are still there, no
#    migration ran again; then `down -v`, and no volume is left.
#
# Environment: IMAGE (an estatedesk:TAG image; built here when unset), HOST_PORT (default 18099),
# KEEP_BASE=1 keeps the stand-in images.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)
WORK=$(mktemp -d)
# shellcheck source=deploy/lib.sh
. deploy/lib.sh

PROJECT=edcheck$$
HOST_PORT=${HOST_PORT:-18099}
TOKEN=424242:CHECK-compose-token
PG_IMAGE=estatedesk-standin/postgres:local
REDIS_IMAGE=estatedesk-standin/redis:local
built_image=""
dc=()

cleanup() {
  set +e
  say "cleaning up (compose)"
  if [ ${#dc[@]} -gt 0 ] && [ -d "$WORK/desk" ]; then (cd "$WORK/desk" && "${dc[@]}" down -v --remove-orphans >/dev/null 2>&1); fi
  [ -n "$built_image" ] && docker rmi -f "$IMAGE" >/dev/null 2>&1
  if [ -z "${KEEP_BASE:-}" ]; then docker rmi -f "$PG_IMAGE" "$REDIS_IMAGE" >/dev/null 2>&1; fi
  rm -rf "$WORK"
  cleanup_engine
}
trap cleanup EXIT

# -- 1. tools --------------------------------------------------------------------------------------
ensure_engine
if docker compose version >/dev/null 2>&1; then
  dc=(docker compose)
else
  need_tools docker-compose=docker-compose
  dc=(docker-compose)
fi
say "compose: ${dc[*]} ($("${dc[@]}" version --short 2>/dev/null || "${dc[@]}" version | head -n1))"
dc+=(-p "$PROJECT" -f compose.yaml -f compose.check.yaml)

# -- 2. images -------------------------------------------------------------------------------------
ensure_base
if [ -z "${IMAGE:-}" ]; then
  IMAGE=estatedesk:check-compose-$$
  say "docker build -t $IMAGE ."
  docker build --pull=false --network host -t "$IMAGE" . >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 1; }
  built_image=1
fi
case "$IMAGE" in estatedesk:*) ;; *) echo "IMAGE must be estatedesk:TAG (compose.yaml names it so)"; exit 2 ;; esac
say "stand-ins for postgres:16 and redis:7: $PG_IMAGE, $REDIS_IMAGE (Debian bookworm's packages)"
for pair in "$PG_IMAGE=deploy/standin/postgres" "$REDIS_IMAGE=deploy/standin/redis"; do
  docker build -q --pull=false --network host --build-arg BASE="$BASE" -t "${pair%%=*}" "${pair#*=}" \
    >"$WORK/standin.log" 2>&1 || { tail -20 "$WORK/standin.log"; exit 1; }
done
docker run --rm --entrypoint postgres "$PG_IMAGE" --version | sed 's/^/   /'
docker run --rm --entrypoint redis-server "$REDIS_IMAGE" --version | sed 's/^/   /'

# -- 3. the quick start ----------------------------------------------------------------------------
mkdir -p "$WORK/desk/imports"
cp compose.yaml "$WORK/desk/"
cp bot/config.example.toml "$WORK/desk/estate.toml"
cp bot/demo/data/residents.csv "$WORK/desk/imports/"
{
  cat deploy/estatedesk.env.example
  echo "ESTATEDESK_TELEGRAM_TOKEN=$TOKEN"
  echo "POSTGRES_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  echo "ESTATEDESK_IMAGE_TAG=${IMAGE#estatedesk:}"
  echo "ESTATEDESK_HOST_PORT=$HOST_PORT"
  echo "POSTGRES_IMAGE=$PG_IMAGE"
  echo "REDIS_IMAGE=$REDIS_IMAGE"
  echo "ESTATEDESK_TELEGRAM_API_URL=http://telegram:8081"
} >"$WORK/desk/.env"
chmod 600 "$WORK/desk/.env"
# The one service added for the check: Telegram, faked by the image's own emulator.
cat >"$WORK/desk/compose.check.yaml" <<EOF
services:
  telegram:
    image: $IMAGE
    command:
      - python
      - -c
      - |
        import asyncio
        from integrations.telegram_fake import FakeTelegram
        async def main():
            async with FakeTelegram(token="$TOKEN").serve("0.0.0.0", 8081):
                await asyncio.Event().wait()
        asyncio.run(main())
    stop_signal: SIGINT
    healthcheck:
      disable: true
EOF
cd "$WORK/desk"
q() { "${dc[@]}" exec -T db psql -U estatedesk -d estatedesk -tAc "$1"; }
app_health() { health "$("${dc[@]}" ps -q estatedesk)" "$1"; }
# Seconds from $start until /healthz answers on the host (Docker's own check only asks every 30 s).
ready_after() {
  for _ in $(seq 1 240); do curl -fsS "http://127.0.0.1:$HOST_PORT/healthz" >/dev/null 2>&1 && break; sleep 1; done
  echo $(($(date +%s) - start))
}
heads=$(ls "$REPO"/integrations/sql/migrations/versions/0*.py | wc -l)

say "${dc[*]} up -d"
start=$(date +%s)
"${dc[@]}" up -d --no-build 2>&1 | sed 's/^/   /'
ready=$(ready_after)
status=$(app_health 240)
[ "$status" = healthy ] && ok "estatedesk ready $ready s after up, healthy for Docker after $(($(date +%s) - start)) s" \
  || bad "estatedesk: $status"
"${dc[@]}" ps | sed 's/^/   /'
curl -fsS "http://127.0.0.1:$HOST_PORT/healthz" >"$WORK/h" 2>&1 && ok "/healthz on the host's 127.0.0.1:$HOST_PORT: $(cat "$WORK/h")" \
  || bad "/healthz on 127.0.0.1:$HOST_PORT"
"${dc[@]}" logs --no-color migrate >"$WORK/migrate.log" 2>&1
"${dc[@]}" logs --no-color estatedesk >"$WORK/app.log" 2>&1
migrate_exit=$(docker inspect --format '{{.State.ExitCode}}' "$("${dc[@]}" ps -q migrate)")
ran=$(grep -c 'Running upgrade' "$WORK/migrate.log" || true)
again=$(grep -c 'Running upgrade' "$WORK/app.log" || true)
version=$(q "SELECT version_num FROM alembic_version")
[ "$migrate_exit" = 0 ] && [ "$ran" -eq "$heads" ] && [ "$again" -eq 0 ] && [ "$(q 'SELECT count(*) FROM alembic_version')" = 1 ] \
  && ok "migrations ran once, by migrate (exit $migrate_exit): $ran upgrades to $version; none by estatedesk" \
  || bad "migrations: migrate exit $migrate_exit, $ran upgrades there (of $heads), $again by estatedesk, head $version"
tail -n 2 "$WORK/migrate.log" | sed 's/^/   /'
grep -E 'waiting for|ready|polling|started' "$WORK/app.log" | tail -n 4 | sed 's/^/   /'

"${dc[@]}" run --rm estatedesk estatedesk residents import /imports/residents.csv 2>&1 | tail -n 2 | sed 's/^/   /'
residents=$(q "SELECT count(*) FROM residents")
[ "$residents" -gt 0 ] && ok "residents imported with compose run: $residents" || bad "no residents after the import"
"${dc[@]}" run --rm estatedesk estatedesk report --from 2026-01-01 --to 2026-12-31 --format png --out /data/report.png \
  >"$WORK/report.log" 2>&1 || { cat "$WORK/report.log"; bad "estatedesk report --format png"; }
signature=$("${dc[@]}" exec -T estatedesk python -c "print(open('/data/report.png','rb').read(8).hex())" 2>/dev/null || true)
[ "$signature" = 89504e470d0a1a0a ] && ok "report chart written by compose run into the data volume, read by the service" \
  || bad "report chart in /data: $signature"

aof=$("${dc[@]}" exec -T redis redis-cli config get appendonly | tail -n1)
fsync=$("${dc[@]}" exec -T redis redis-cli config get appendfsync | tail -n1)
"${dc[@]}" exec -T redis redis-cli set check:survives "$PROJECT" >/dev/null
[ "$aof" = yes ] && [ "$fsync" = everysec ] && ok "Redis: appendonly $aof, appendfsync $fsync" || bad "Redis persistence: $aof $fsync"
volumes=$(docker volume ls -q --filter "name=${PROJECT}_" | sort | tr '\n' ' ')
[ "$(wc -w <<<"$volumes")" -eq 3 ] && ok "volumes: $volumes" || bad "volumes: $volumes"

# -- 4. restart --------------------------------------------------------------------------------------
say "${dc[*]} down, then up -d again (the volumes stay)"
sleep 1  # one appendfsync period
start=$(date +%s)
"${dc[@]}" down >/dev/null 2>&1
say "down in $(($(date +%s) - start)) s"
start=$(date +%s)
"${dc[@]}" up -d --no-build >/dev/null 2>&1
ready=$(ready_after)
status=$(app_health 240)
[ "$status" = healthy ] && ok "ready again $ready s after up, healthy for Docker after $(($(date +%s) - start)) s" \
  || bad "after the restart: $status"
"${dc[@]}" logs --no-color migrate >"$WORK/migrate2.log" 2>&1
after=$(q "SELECT count(*) FROM residents")
key=$("${dc[@]}" exec -T redis redis-cli get check:survives)
signature=$("${dc[@]}" exec -T estatedesk python -c "print(open('/data/report.png','rb').read(8).hex())" 2>/dev/null || true)
[ "$after" = "$residents" ] && ok "residents after the restart: $after" || bad "residents: $residents before, $after after"
[ "$key" = "$PROJECT" ] && ok "the Redis key survived (append-only file in the redis-data volume)" || bad "Redis key: '$key'"
[ "$signature" = 89504e470d0a1a0a ] && ok "the chart is still in the data volume" || bad "data volume after restart"
[ "$(grep -c 'Running upgrade' "$WORK/migrate2.log" || true)" -eq 0 ] \
  && ok "no migration ran again ($(tail -n 1 "$WORK/migrate2.log" | sed 's/.*| //'))" || bad "migrations ran again"

say "${dc[*]} down -v"
"${dc[@]}" down -v 2>&1 | tail -n 1 | sed 's/^/   /'
left=$(docker volume ls -q --filter "name=${PROJECT}_" | wc -l)
[ "$left" -eq 0 ] && ok "no volume left" || bad "$left volume(s) left"
dc=()

if [ "$failures" -eq 0 ]; then say "compose: all checks passed"; else say "compose: $failures check(s) failed"; fi
exit "$failures"
