#!/usr/bin/env bash
# Smoke test of one kubectl-sharepid executable, as the release workflow runs it on each platform
# before packaging, and as .ci/run runs it on the JVM launcher (target/kubectl-sharepid). No cluster:
# krew/fake-apiserver.py answers with canned but realistic data. Each check looks at the content of
# what the executable printed, not only its exit code; a failed check prints the executable's own
# stdout and stderr under it. What is covered, because that is where a native image's missing
# metadata shows up (reflection, charsets, URL protocols, websockets):
#   --version and --help; a real kubeconfig file (a comment, UTF-8 without a BOM, a minikube-style
#   extension, two contexts);
#   list and list -o json (HTTP, JSON decoding of a pod list, list options);
#   ps as a table, -o json and -o yaml (exec over the websocket channel protocol, /proc parsing, our
#   own JSON/YAML documents);
#   peek-root of a file (-c: one exec that lists the processes, is sent the container's main PID on stdin,
#   and reads its root) and of a
#   directory, and of a missing file (a Failure status on the exec status channel);
#   debug --attach=false: create with a dry run first, a watch until the copy runs, its name on stdout;
#   and a copy whose image cannot be pulled: the events in the error, the copy deleted;
#   the one-line errors: unreachable API server, missing pod, usage error, kubeconfig of the wrong
#   shape (and with -v, Jackson's path in the stack).
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
# one_error_line PATTERN: exit 1 (or $2), nothing on stdout, and exactly one line on stderr matching PATTERN.
one_error_line() {
  [ "$code" = "${2:-1}" ] && [ ! -s "$work/out.txt" ] && [ "$(wc -l <"$work/err.txt" | tr -d ' ')" = 1 ] &&
    grep -qE "$1" "$work/err.txt"
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

"$python" "$here/fake-apiserver.py" "$work/port" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  sleep 0.1
done
[ -s "$work/port" ] || { echo "FAIL the fake API server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

# The kubeconfig as kubectl and minikube write them: comments, non-ASCII UTF-8 without a byte-order
# mark (snakeyaml-engine looks up the UTF-32 charsets to rule one out), a cluster extension (fabric8
# reads it as a RawExtension), two contexts.
cat >"$work/kubeconfig" <<EOF
# kubectl-sharepid smoke test — a kubeconfig file, UTF-8 without a byte-order mark (ü, é)
apiVersion: v1
kind: Config
preferences: {}
clusters:
- name: fake
  cluster:
    server: http://127.0.0.1:$(cat "$work/port")
    extensions:
    - name: cluster_info
      extension:
        last-update: Thu, 01 Jan 2026 00:00:00 UTC
        provider: minikube.sigs.k8s.io
        version: v1.36.0
- name: unreachable
  cluster:
    server: https://127.0.0.1:1
    insecure-skip-tls-verify: true
users:
- name: smoke
  user:
    token: smoke-test-token   # not a real credential
contexts:
- name: fake
  context:
    cluster: fake
    user: smoke
    namespace: default
- name: unreachable
  context:
    cluster: unreachable
    user: smoke
current-context: fake
EOF
export KUBECONFIG="$work/kubeconfig"

run "list against an unreachable API server (second context)" list --context unreachable
if one_error_line '^error: cannot connect to the API server at https://127\.0\.0\.1:1'; then
  pass "$current: $(cat "$work/err.txt")"
else
  fail "$current: exit $code, want 1, nothing on stdout and one line 'error: cannot connect to the API server ...'"
fi

run "list" list
if [ "$code" = 0 ] && grep -qE '^NAME +SOURCE +CONTAINER +AGE +PHASE$' "$work/out.txt" &&
  grep -qE '^web-sharepid-smoke +web +debugger +[0-9]+[smhd]+ +Running$' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and a table with web-sharepid-smoke, source web, container debugger"
fi

run "list -o json" list -o json
if [ "$code" = 0 ] && grep -q '"name": "web-sharepid-smoke"' "$work/out.txt" &&
  grep -q '"source": "web"' "$work/out.txt" && grep -q '"phase": "Running"' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and JSON naming web-sharepid-smoke, its source and phase"
fi

# The pod of src/test/resources/proc/docs-pod.json (containers nginx and shell), whose /proc the fake's
# exec returns; the tools run in its shell container.
pod=(nginx -n fixtures-proc --exec-container shell)

run "ps (exec over the websocket)" ps "${pod[@]}"
if [ "$code" = 0 ] && grep -qE '^PID +CONTAINER +USER +STAT +TIME +COMMAND$' "$work/out.txt" &&
  grep -qE '^8 +nginx +root +Ss +[0-9:]+ +nginx: master process nginx -g daemon off;$' "$work/out.txt" &&
  grep -qE '^1 +\(sandbox\) +65535 ' "$work/out.txt"; then
  pass "$current: $(($(wc -l <"$work/out.txt") - 1)) processes"
else
  fail "$current: exit $code, want 0 and a table with the sandbox and nginx's master process (PID 8)"
fi

run "ps -o json" ps "${pod[@]}" -o json
if [ "$code" = 0 ] && grep -q '"pod": "nginx"' "$work/out.txt" && grep -q '"pid": 8,' "$work/out.txt" &&
  grep -q '"container": "nginx",' "$work/out.txt" &&
  grep -q '"command": "nginx: master process nginx -g daemon off;"' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and a document with pod nginx and its process 8 (not '{}')"
fi

run "ps -o yaml" ps "${pod[@]}" -o yaml
if [ "$code" = 0 ] && grep -q '^pod: nginx$' "$work/out.txt" && grep -q '^- pid: 8$' "$work/out.txt" &&
  grep -q '^  container: nginx$' "$work/out.txt" && grep -q '^namespace: fixtures-proc$' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and YAML with pod nginx and its process 8 (not '{}')"
fi

run "peek-root of a file (-c: the listing, the PID on stdin, the read)" peek-root "${pod[@]}" -c nginx /etc/hostname
if [ "$code" = 0 ] && [ "$(cat "$work/out.txt")" = nginx ]; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and the file's content 'nginx' exactly"
fi

run "peek-root of a directory -o json" peek-root "${pod[@]}" 8 /etc/nginx -o json
if [ "$code" = 0 ] && grep -q '"path": "/etc/nginx"' "$work/out.txt" &&
  grep -q '"name": "nginx.conf"' "$work/out.txt" && grep -q '"type": "directory"' "$work/out.txt"; then
  pass "$current"
else
  fail "$current: exit $code, want 0 and a JSON listing with nginx.conf and the directory conf.d"
fi

run "peek-root of a missing file (exit status over the status channel)" peek-root "${pod[@]}" 8 /missing
if one_error_line '^error: no such file or directory: /missing \(PID 8 in pod nginx\)$'; then
  pass "$current: $(cat "$work/err.txt")"
else
  fail "$current: exit $code, want 1 and one line 'error: no such file or directory: /missing ...'"
fi

run "debug --attach=false (create, watch until Running)" debug web --attach=false
copy=$(cat "$work/out.txt")
if [ "$code" = 0 ] && [[ $copy =~ ^web-sharepid-[a-z0-9]{5}$ ]] &&
  grep -q '^container sharepid started$' "$work/err.txt" &&
  grep -q "POST /api/v1/namespaces/default/pods?dryRun=All" "$work/server.log"; then
  pass "$current: $copy"
else
  fail "$current: exit $code, want 0, the copy's name alone on stdout and 'container sharepid started'"
fi

run "debug with an image that cannot be pulled" debug web --attach=false --image registry.invalid/missing:1
failed_copy=$(sed -n 's/^creating \(web-sharepid-[a-z0-9]*\) .*/\1/p' "$work/err.txt")
if [ "$code" = 1 ] && [ ! -s "$work/out.txt" ] && [ -n "$failed_copy" ] &&
  tail -n 1 "$work/err.txt" | grep -qE '^error: .*ErrImagePull.*Failed to pull image' &&
  grep -q "DELETE /api/v1/namespaces/default/pods/$failed_copy " "$work/server.log"; then
  pass "$current: $(tail -n 1 "$work/err.txt")"
else
  fail "$current: exit $code, want 1, an error line with the reason and the events, and the copy deleted"
fi

run "ps of a missing pod" ps ghost
if one_error_line '^error: pod "ghost" not found in namespace "default"$'; then
  pass "$current: $(cat "$work/err.txt")"
else
  fail "$current: exit $code, want 1 and one line 'error: pod \"ghost\" not found ...'"
fi

run "usage error" ps
if one_error_line '^error: name a POD, a TYPE/NAME' 2; then
  pass "$current: $(cat "$work/err.txt")"
else
  fail "$current: exit $code, want 2 and one line 'error: name a POD, a TYPE/NAME ...'"
fi

printf 'apiVersion: v1\nclusters: 5\n' >"$work/wrong.kubeconfig"
run "kubeconfig of the wrong shape" --kubeconfig "$work/wrong.kubeconfig" list
if one_error_line '^error: cannot read kubeconfig .*: not a valid kubeconfig \(field clusters has the wrong type\)$'; then
  pass "$current: $(cat "$work/err.txt")"
else
  fail "$current: exit $code, want 1 and one line naming the field"
fi

run "kubeconfig of the wrong shape, -v" -v --kubeconfig "$work/wrong.kubeconfig" list
if [ "$code" = 1 ] && grep -qF 'io.fabric8.kubernetes.api.model.Config["clusters"]' "$work/err.txt" &&
  tail -n 1 "$work/err.txt" | grep -q '^error: cannot read kubeconfig'; then
  pass "$current: Jackson's path is in the stack"
else
  fail "$current: exit $code, want 1 with Jackson's path (Config[\"clusters\"]) in the stack"
fi

if [ "$failed" != 0 ]; then
  echo "--- the fake API server's log" >&2
  sed 's/^/     | /' "$work/server.log" >&2
fi
exit "$failed"
