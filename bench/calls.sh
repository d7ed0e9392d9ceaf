#!/usr/bin/env bash
# API calls per command, as `-v` logs them, on the docs page's pod (it shares its process namespace; its busybox
# `shell` container has the tools) and on a copy of it, for one or more builds side by side: the figure behind
# "a live pod costs what a copy costs". A measurement, not a test: exits 0 whatever the counts are, non-zero
# only when a command fails.
#
# Usage: bench/calls.sh BIN [BIN...]   each BIN a kubectl-sharepid executable (target/kubectl-sharepid, a
#                                      native binary, a build of another commit); KUBECONFIG must be set.
# Prints one Markdown table per BIN: command, pod, exit code, number of API calls, and the calls in order
# (method, `exec` for an exec upgrade, status: 101 is an upgrade, 400 an exec into a missing container).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
docs_pod=$(dirname "$here")/src/test/resources/e2e/share-process-namespace.yaml

say() { printf '%s\n' "$*" >&2; }
die() { say "calls: $*"; exit 1; }

[ $# -ge 1 ] || die "usage: bench/calls.sh BIN [BIN...]"
[ -n "${KUBECONFIG:-}" ] || die "KUBECONFIG is not set"
for bin in "$@"; do [ -x "$bin" ] || die "$bin is not an executable"; done
command -v kubectl >/dev/null || die "kubectl is not on PATH"

NS=sharepid-calls-$(printf '%04x%04x' "$RANDOM" "$RANDOM")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharepid-calls.XXXXXX")
cleanup() {
  timeout 60 kubectl delete namespace "$NS" --wait=false --ignore-not-found >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

say "calls: namespace $NS, the docs pod and one copy of it"
timeout 60 kubectl create namespace "$NS" >/dev/null
timeout 60 kubectl apply -n "$NS" -f "$docs_pod" >/dev/null
timeout 200 kubectl wait -n "$NS" --for=condition=Ready pod/nginx --timeout=180s >/dev/null
copy=$(timeout 120 "$1" debug nginx --attach=false -q -n "$NS" </dev/null)
[ -n "$copy" ] || die "debug printed no copy name"
master_of() { # the PID of nginx's master process in pod $1 (each pod has its own PID namespace)
  local pid
  pid=$(timeout 60 "$first" ps "$1" -n "$NS" -c nginx --no-headers </dev/null | awk '/master process/ { print $1; exit }')
  [ -n "$pid" ] || die "no nginx master process in pod $1"
  printf '%s' "$pid"
}
first=$1

# One line per request that -v logs ("GET https://…/pods/nginx/exec?… 101 in 12 ms"), shortened to
# "GET exec 101"; the calls in the order they were answered.
calls() {
  grep -oE '(GET|POST|PUT|PATCH|DELETE) [^ ]+ [0-9]{3} in [0-9]+ ms' "$1" \
    | awk '{ kind = ($2 ~ /\/exec([?]|$)/) ? "exec" : (($2 ~ /\/attach([?]|$)/) ? "attach" : "") ;
             printf "%s%s %s %s", (NR > 1 ? ", " : ""), $1, kind, $3 } END { print "" }' \
    | sed 's/  / /g'
}

for bin in "$@"; do
  printf '\n%s\n\n| command | pod | exit | API calls | calls (method, exec, status) |\n| --- | --- | --- | --- | --- |\n' "$bin"
  for pod in nginx "$copy"; do
    master=$(master_of "$pod")
    for cmd in "ps POD" "peek-root POD -c nginx /etc/nginx/nginx.conf" \
               "signal POD -c nginx --match master --dry-run" "signal POD $master --dry-run"; do
      read -r -a argv <<<"${cmd/POD/$pod}"
      rc=0
      timeout 120 "$bin" -v "${argv[@]}" -n "$NS" </dev/null >"$tmp/out" 2>"$tmp/err" || rc=$?
      [ "$rc" = 0 ] || { sed 's/^/  | /' "$tmp/err" | tail -n 5 >&2; die "$bin ${argv[*]} exited $rc"; }
      line=$(calls "$tmp/err")
      n=$(grep -cE '(GET|POST|PUT|PATCH|DELETE) [^ ]+ [0-9]{3} in [0-9]+ ms' "$tmp/err" || true)
      # shellcheck disable=SC2016 # the backticks are Markdown's
      printf '| `%s` | %s | %s | %s | %s |\n' "${cmd/$master/PID}" "$pod" "$rc" "$n" "$line"
    done
  done
done
