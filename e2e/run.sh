#!/usr/bin/env bash
# Runs the page's real-browser tests against a fresh ser4j server on a free port, and stops it on every exit path.
# Builds nothing: expects ser4j-cli/target/ser4j.jar (./mvnw -q -B package -DskipTests) and Chromium.
# Environment: SER4J_URL to test a server that is already running instead; SER4J_JAR for another jar;
# CHROMIUM for another browser binary (default /usr/bin/chromium).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "installing the pinned playwright-core (npm ci; downloads no browser)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

server_pid=""
tests_pid=""
log=""
# Stops what this script started, by process id: TERM, then KILL after 5 s.
stop() {
  local pid
  for pid in "$tests_pid" "$server_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [[ -n "$log" ]]; then rm -f "$log"; fi
}
trap 'status=$?; stop; exit $status' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${SER4J_URL:-}" ]]; then
  jar="${SER4J_JAR:-$root/ser4j-cli/target/ser4j.jar}"
  if [[ ! -f "$jar" ]]; then
    echo "no $jar: build it first (./mvnw -q -B package -DskipTests)" >&2
    exit 2
  fi
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
  log="$(mktemp -t ser4j-e2e-server.XXXXXX.log)"
  java -cp "$jar" org.ser4j.cli.Main serve --port "$port" >"$log" 2>&1 &
  server_pid=$!
  export SER4J_URL="http://127.0.0.1:$port"
  for i in $(seq 120); do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "the server exited before answering /health:" >&2
      cat "$log" >&2
      exit 1
    fi
    if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$SER4J_URL/health"; then
      break
    fi
    if [[ $i -eq 120 ]]; then
      echo "the server did not answer $SER4J_URL/health within 60 s:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "server up at $SER4J_URL (pid $server_pid)" >&2
fi

# In the background and waited for, so that a signal to this script stops the tests and the server at once.
(cd "$here" && exec node --test --test-concurrency=1 --test-reporter=spec page.test.mjs) &
tests_pid=$!
status=0
wait "$tests_pid" || status=$?
tests_pid=""
if [[ $status -ne 0 && -n "$log" ]]; then
  echo "--- server log (tail) ---" >&2
  tail -n 40 "$log" >&2
fi
echo "screenshots: $here/screenshots/" >&2
exit "$status"
