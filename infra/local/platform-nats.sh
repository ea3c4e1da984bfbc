#!/usr/bin/env bash
# `npm start`: a nats-server of the platform's own (port TIC_NATS_PORT, 4223 by default) that runs
# infra/nats/users.conf, so that locally too every service and the gateway connect as their own NATS
# user with only their own subjects. Passwords are the development ones (`tic-dev-<user>`), which the
# services also use when NATS_PASSWORD is unset outside production. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT="${TIC_NATS_PORT:-4223}"
HOME_DIR=".local/nats"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if port_open "$PORT"; then
  echo "NATS with the platform's users is up on port $PORT"
  exit 0
fi

mkdir -p "$HOME_DIR/store"
[ -f .local/.gitignore ] || printf '*\n' > .local/.gitignore
# nats-server resolves an include next to the including file: the users sit beside the configuration.
cp infra/nats/users.conf "$HOME_DIR/users.conf"
cat > "$HOME_DIR/nats.conf" <<CONF
listen: "127.0.0.1:$PORT"
max_payload: 8MB
jetstream { store_dir: "$PWD/$HOME_DIR/store" }
include ./users.conf
CONF

for user in gateway applications personnel evaluations funding notifications agency_demo; do
  export "NATS_${user^^}_PASSWORD=tic-dev-$user"
done
echo "starting NATS with the platform's users on port $PORT (infra/nats/users.conf)"
nohup nats-server -c "$HOME_DIR/nats.conf" -P "$HOME_DIR/nats.pid" -l "$HOME_DIR/nats.log" >/dev/null 2>&1 &
for _ in $(seq 1 60); do
  if port_open "$PORT"; then echo "NATS with users is up on port $PORT"; exit 0; fi
  sleep 0.5
done
echo "NATS with users did not come up within 30 s (see $HOME_DIR/nats.log)" >&2
exit 1
