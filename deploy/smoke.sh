#!/usr/bin/env bash
# Smoke test of deploy/compose.yaml against this machine's Docker (Compose v2). It builds the image,
# starts a throw-away copy of the stack (project "stockvis-smoke": its own containers, network and
# volumes, so a running "stockvis" stack is left alone) with two web replicas, waits until
# /healthz/ready answers 200 on both, registers and logs in over the API, adds a holding and sees
# its collection run on worker-default, receives a feed price over a WebSocket on each replica,
# stops the stack (timed) and removes it with its volumes. Not part of `make test`: CI has no Docker.
#
#   cp .env.example .env    # SECRET_KEY at least (the file compose.yaml reads)
#   deploy/smoke.sh
#
# The copy runs the .env with three changes, so the check spends no provider quota and needs no TLS
# proxy: DEFAULT_PROVIDER=synthetic, SECURE_SSL_REDIRECT=false, ALLOWED_HOSTS of its own.
# SMOKE_PROJECT    project name (stockvis-smoke)
# SMOKE_WEB_PORTS  where web publishes, e.g. 127.0.0.1:8601-8609:8000 (default: as compose.yaml)
# SMOKE_TIMEOUT    seconds from `up` to ready on both replicas (240)
# SMOKE_KEEP=1     leave the stack running (remove it with: docker compose -p stockvis-smoke down -v)
set -euo pipefail
cd "$(dirname "$0")/.."
project=${SMOKE_PROJECT:-stockvis-smoke}
ready_timeout=${SMOKE_TIMEOUT:-240}
[ -f .env ] || { echo "smoke: no .env here (cp .env.example .env; set SECRET_KEY)" >&2; exit 2; }

work=$(mktemp -d)
{
    echo "services:"
    for service in migrate web worker-high worker-default worker-low beat feed; do
        echo "  $service:"
        echo "    environment:"
        echo "      DEFAULT_PROVIDER: synthetic"
        echo "      SECURE_SSL_REDIRECT: \"false\""
        echo "      ALLOWED_HOSTS: \"localhost,127.0.0.1,$project-web-1,$project-web-2\""
        if [ "$service" = web ] && [ -n "${SMOKE_WEB_PORTS:-}" ]; then
            echo "    ports: !override [\"$SMOKE_WEB_PORTS\"]"
        fi
    done
} >"$work/smoke.yaml"

dc() { docker compose -p "$project" -f deploy/compose.yaml -f "$work/smoke.yaml" "$@"; }
say() { echo "smoke: $*"; }
finish() {
    local status=$?
    if [ "$status" != 0 ]; then
        say "FAILED; the last log lines of each service:" >&2
        dc logs --no-color --tail 15 >&2 2>&1 || true
    fi
    if [ "${SMOKE_KEEP:-}" != 1 ]; then dc down -v --remove-orphans >/dev/null 2>&1 || true; fi
    rm -rf "$work"
    exit "$status"
}
trap finish EXIT

SECONDS=0
dc build >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
say "image built in ${SECONDS}s"

SECONDS=0
dc up -d --scale web=2 >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 1; }
ready_probe='import sys, urllib.request
try:
    print(urllib.request.urlopen("http://127.0.0.1:8000/healthz/ready", timeout=5).status)
except Exception as error:
    print(getattr(error, "code", "no answer"))'
for index in 1 2; do
    until [ "$(dc exec -T --index "$index" web python -c "$ready_probe" 2>/dev/null)" = 200 ]; do
        [ "$SECONDS" -lt "$ready_timeout" ] || { say "web-$index not ready after ${SECONDS}s" >&2; exit 1; }
        sleep 2
    done
done
say "both web replicas ready ${SECONDS}s after up (migrate included)"
# And Docker's own healthcheck of web (what an orchestrator or `docker ps` goes by) turns healthy.
for container in $(dc ps -q web); do
    until [ "$(docker inspect -f '{{.State.Health.Status}}' "$container")" = healthy ]; do
        [ "$SECONDS" -lt "$ready_timeout" ] || { say "web container $container not healthy" >&2; exit 1; }
        sleep 2
    done
done
say "both web containers healthy ${SECONDS}s after up"

for index in 1 2; do
    address=$(dc port --index "$index" web 8000)
    if command -v curl >/dev/null; then
        curl -fsS -o /dev/null "http://${address/0.0.0.0/127.0.0.1}/healthz"
        say "web-$index answers on its published address $address"
    fi
done

# The client runs inside web-1 (the image has Python and websockets) and talks to both replicas
# over the compose network: register on one, log in on the other, and so on.
dc exec -T --index 1 web python - "$project" <<'PYTHON'
import asyncio, json, secrets, sys, time, urllib.request

import websockets

web = [f"http://{sys.argv[1]}-web-{i}:8000" for i in (1, 2)]


def call(method, url, body=None, token=None):
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.status, json.load(response)


user = {"username": f"smoke-{secrets.token_hex(4)}", "password": secrets.token_urlsafe(16)}
status, _ = call("POST", f"{web[0]}/api/v1/users/register/", {**user, "base_currency": "USD"})
assert status == 201, status
_, tokens = call("POST", f"{web[1]}/api/v1/users/login/", user)
holding = {"symbol": "BTC-KRW", "quantity": "0.1", "average_price": "90000000", "acquired_on": "2025-01-02"}
status, _ = call("POST", f"{web[0]}/api/v1/users/portfolio/", holding, tokens["access"])
assert status == 201, status
print("smoke: registered, logged in on the other replica, added a BTC-KRW holding")
deadline = time.monotonic() + 90
while True:
    _, progress = call("GET", f"{web[1]}/api/v1/users/portfolio/symbol/BTC-KRW/status/", token=tokens["access"])
    if progress["has_prices"]:
        break
    assert time.monotonic() < deadline, f"BTC-KRW never collected: {progress}"
    time.sleep(1)
assert progress["synthetic"] is True, progress
print(f"smoke: BTC-KRW collected ({progress['details']['daily_prices']} daily bars, synthetic)")


async def first_price(base):
    async with websockets.connect(base.replace("http", "ws", 1) + "/ws/stocks/BTC-KRW/") as socket:
        async with asyncio.timeout(30):
            while True:
                message = json.loads(await socket.recv())
                if message["type"] == "price_update":
                    return message


async def both():
    return await asyncio.gather(*(first_price(base) for base in web))


for base, message in zip(web, asyncio.run(both())):
    print(f"smoke: {base.split('//')[1]} pushed a feed price over its WebSocket: {message['price']}")
PYTHON

# The holding's collection ran on worker-default, not on another worker.
collector_host=$(dc exec -T postgres psql -U stockvis -tAc \
    "SELECT host || ' ' || status FROM collector_jobrun WHERE job_name = 'collect_symbol' ORDER BY id DESC LIMIT 1")
worker_host=$(docker inspect -f '{{.Config.Hostname}}' "$(dc ps -q worker-default | head -n 1)")
[ "$collector_host" = "$worker_host success" ] || { say "collect_symbol: '$collector_host', worker-default is $worker_host" >&2; exit 1; }
say "the collection job ran on worker-default ($worker_host) and succeeded"

SECONDS=0
dc stop >"$work/stop.log" 2>&1
killed=$(dc ps -a --format '{{.Name}} {{.ExitCode}}' | awk '$2 == 137 {print $1}')
say "stopped in ${SECONDS}s${killed:+; killed at the grace period: $killed}"
[ -z "$killed" ] || exit 1
say "passed"
