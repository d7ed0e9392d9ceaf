#!/usr/bin/env bash
# Smoke test of one kubectl-sharepid executable, as the release workflow runs it on each platform
# before packaging (it works on the JVM launcher in target/ too):
#   --version and --help succeed; the version is the one expected;
#   against an unreachable API server, exit code 1 and exactly one line on stderr: error: cannot connect ...
#   against a fake API server (krew/fake-apiserver.py), `list` and `list -o json` show its debug copy,
#   which goes through the HTTP client, TLS-free URL handling and the JSON decoding of fabric8's
#   models: the places a native image missing reachability metadata breaks.
#
# usage: krew/smoke-test.sh EXECUTABLE [EXPECTED_VERSION]    (needs python3 or python for the fake)
# exit codes: 0 all checks passed; 1 a check failed (each is reported); 2 usage
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 EXECUTABLE [EXPECTED_VERSION]" >&2
  exit 2
fi
bin=$1
expected_version=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
python=$(command -v python3 || command -v python || true)
[ -n "$python" ] || { echo "error: python3 (or python) is needed for the fake API server" >&2; exit 2; }

# A relative work directory: its paths reach a Windows executable unchanged.
work=$(mktemp -d .sharepid-smoke.XXXXXX)
server_pid=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

failed=0
pass() { echo "ok   $1"; }
fail() {
  echo "FAIL $1" >&2
  sed 's/^/     | /' "$work/out" "$work/err" >&2
  failed=1
}
# run NAME ARGS...: runs the executable with stdout, stderr and exit code kept for the checks.
run() {
  local name=$1
  shift
  set +e
  "$bin" "$@" >"$work/out" 2>"$work/err" </dev/null
  code=$?
  set -e
  tr -d '\r' <"$work/out" >"$work/out.txt"
  tr -d '\r' <"$work/err" >"$work/err.txt"
  current=$name
}

kubeconfig() { # FILE SERVER
  cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: smoke
  cluster:
    server: $2
    insecure-skip-tls-verify: true
users:
- name: smoke
  user:
    token: smoke-test-token
contexts:
- name: smoke
  context:
    cluster: smoke
    user: smoke
    namespace: default
current-context: smoke
EOF
}

run "--version" --version
first=$(head -n 1 "$work/out.txt")
if [ "$code" = 0 ] && [[ $first == "kubectl-sharepid "* ]] &&
  { [ -z "$expected_version" ] || [ "$first" = "kubectl-sharepid $expected_version" ]; }; then
  pass "$current: $first; $(sed -n 2p "$work/out.txt")"
else
  fail "$current: exit $code, want 0 and 'kubectl-sharepid ${expected_version:-VERSION}'"
fi

run "--help" --help
if [ "$code" = 0 ] && grep -q '^Usage: kubectl sharepid' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and a usage text on stdout"
fi

kubeconfig "$work/unreachable.kubeconfig" https://127.0.0.1:1
KUBECONFIG="$work/unreachable.kubeconfig" run "list against an unreachable API server" list
if [ "$code" = 1 ] && [ ! -s "$work/out.txt" ] && [ "$(wc -l <"$work/err.txt" | tr -d ' ')" = 1 ] &&
  grep -q '^error: cannot connect to the API server' "$work/err.txt"; then
  pass "$current: $(cat "$work/err.txt")"
else
  fail "$current: exit $code, want 1, nothing on stdout and one line 'error: cannot connect to the API server ...'"
fi

"$python" "$here/fake-apiserver.py" "$work/port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  sleep 0.1
done
[ -s "$work/port" ] || { echo "FAIL the fake API server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
kubeconfig "$work/fake.kubeconfig" "http://127.0.0.1:$(cat "$work/port")"

KUBECONFIG="$work/fake.kubeconfig" run "list against the fake API server" list
if [ "$code" = 0 ] && grep -q '^NAME' "$work/out.txt" && grep -q 'web-sharepid-smoke' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and a table with web-sharepid-smoke"
fi

KUBECONFIG="$work/fake.kubeconfig" run "list -o json against the fake API server" list -o json
if [ "$code" = 0 ] && grep -q '"web-sharepid-smoke"' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and JSON naming web-sharepid-smoke"
fi

exit "$failed"
