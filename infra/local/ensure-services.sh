#!/usr/bin/env bash
# Starts whichever of PostgreSQL 15, Redis 7 and NATS (JetStream) is not running on this machine,
# with the commands DEVELOPERS.md gives, and waits until each answers. Safe to run repeatedly.
set -euo pipefail

PG_HOST=127.0.0.1 PG_PORT=5432
REDIS_HOST=127.0.0.1 REDIS_PORT=6379
NATS_HOST=127.0.0.1 NATS_PORT=4222

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for() {
  local name=$1 check=$2
  for _ in $(seq 1 60); do
    if eval "$check"; then echo "$name is up"; return 0; fi
    sleep 0.5
  done
  echo "$name did not come up within 30 s" >&2
  return 1
}

if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
fi
wait_for PostgreSQL "pg_isready -q -h $PG_HOST -p $PG_PORT"

if ! redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
wait_for Redis "redis-cli -h $REDIS_HOST -p $REDIS_PORT ping >/dev/null 2>&1"

if ! port_open "$NATS_HOST" "$NATS_PORT"; then
  echo "starting NATS with JetStream"
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
    -a "$NATS_HOST" -p "$NATS_PORT" -js -sd /var/lib/nats-server -l /var/log/nats-server.log
fi
wait_for NATS "port_open $NATS_HOST $NATS_PORT"
