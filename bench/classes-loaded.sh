#!/usr/bin/env bash
# usage: bench/classes-loaded.sh CHECKOUT [ext|noext]
# The classes (and fabric8 model classes) a JVM loads for one `ps` of krew/fake-apiserver.py's nginx pod, with
# a minikube-style kubeconfig (ext: a cluster extension) or without the extension (noext). Extra JVM options in
# JOPTS (e.g. "-Xlog:gc:file=gc.txt"). Needs python3 and a packaged CHECKOUT (target/classes, target/lib).
# Prints the first lines of ps's table and one line of counts; the class-load log is kept in CL_LOG if set.
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: $0 CHECKOUT [ext|noext]" >&2; exit 2; }
co=$1
mode=${2:-ext}
work=$(mktemp -d)
python3 "$co/krew/fake-apiserver.py" "$work/port" 2>"$work/server.log" &
server=$!
trap 'kill "$server"; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  sleep 0.1
done
extension=""
if [ "$mode" = ext ]; then
  extension="    extensions:
    - name: cluster_info
      extension: {provider: minikube.sigs.k8s.io, version: v1.36.0}"
fi
cat >"$work/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster:
    server: http://127.0.0.1:$(cat "$work/port")
$extension
users:
- name: u
  user: {token: not-a-credential}
contexts:
- name: fake
  context: {cluster: fake, user: u, namespace: default}
current-context: fake
KUBECONFIG
# shellcheck disable=SC2086 # JOPTS is a list of JVM options
KUBECONFIG="$work/kubeconfig" java ${JOPTS:-} -Xshare:off -Xlog:class+load:file="$work/classes.txt" \
  -cp "$co/target/classes:$co/target/lib/*" io.github.sharepid.Main \
  ps nginx -n fixtures-proc --exec-container shell >"$work/out" 2>"$work/err" || cat "$work/err" >&2
head -n 3 "$work/out"
echo "classes $(wc -l <"$work/classes.txt") model $(grep -c 'io.fabric8.kubernetes.api.model' "$work/classes.txt")" \
  "jline $(grep -c 'org.jline' "$work/classes.txt" || true)"
if [ -n "${CL_LOG:-}" ]; then cp "$work/classes.txt" "$CL_LOG"; fi
