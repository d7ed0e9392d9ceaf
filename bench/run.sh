#!/usr/bin/env bash
# Side-by-side benchmark of kubectl-sharepid against the plain kubectl commands that do the same job,
# measured in one run on one cluster, runs alternating between the two sides so that drift (other
# builds, page cache, API server load) hits both alike. Prints medians, ratios (sharepid/kubectl) and
# peak RSS as a Markdown table. A benchmark, not a test: it exits 0 whatever the figures are, and
# non-zero only when a command itself fails (or peek-root's bytes differ from cat's).
#
# Needs: kubectl and kubectl-sharepid on PATH (after `mvn package -DskipTests`:
# export PATH=$PWD/target:$PATH), KUBECONFIG pointing at a cluster that can run busybox and nginx.
# Knobs: BENCH_RUNS (7), BENCH_DEBUG_RUNS (5), BENCH_PROCS (2000), BENCH_BLOB_MIB (100),
# BENCH_REPLICAS (20), BENCH_CMD_TIMEOUT (300 s per command). See README.md.
# Functions run through pair() are called indirectly; bash -c scripts take their own $1 $2.
# shellcheck disable=SC2317,SC2016
set -eEuo pipefail # -E: the ERR trap below also reports failures inside functions

RUNS=${BENCH_RUNS:-7}
DEBUG_RUNS=${BENCH_DEBUG_RUNS:-5}
PROCS=${BENCH_PROCS:-2000}
BLOB_MIB=${BENCH_BLOB_MIB:-100}
CMD_TIMEOUT=${BENCH_CMD_TIMEOUT:-300}
REPLICAS=${BENCH_REPLICAS:-20}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

say() { printf '%s\n' "$*" >&2; }
die() { say "bench: $*"; exit 1; }

for tool in kubectl kubectl-sharepid timeout sha256sum awk sort; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is not on PATH (kubectl-sharepid: mvn package -DskipTests && export PATH=\$PWD/target:\$PATH)"
done
[ -n "${KUBECONFIG:-}" ] || die "KUBECONFIG is not set"
for n in "$RUNS" "$DEBUG_RUNS" "$PROCS" "$BLOB_MIB" "$REPLICAS" "$CMD_TIMEOUT"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "BENCH_* values must be positive integers (got '$n')"
done

docs_pod=$repo/src/test/resources/e2e/share-process-namespace.yaml   # the e2e tier's copy of the docs pod
[ -f "$docs_pod" ] || die "$docs_pod is missing"

TIME=
if [ -x /usr/bin/time ]; then
  TIME=/usr/bin/time
else
  say "bench: /usr/bin/time is missing: peak RSS is not measured (nothing is installed for it)"
fi

NS=sharepid-bench-$(printf '%04x%04x' "$RANDOM" "$RANDOM")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharepid-bench.XXXXXX")
ns_created=
cleanup() {
  if [ -n "$ns_created" ]; then
    timeout 60 kubectl delete namespace "$NS" --wait=false --ignore-not-found >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'rc=$?; say "bench: failed (exit $rc$( [ "$rc" -eq 124 ] && echo ", timed out")) at line $LINENO: $BASH_COMMAND"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

k() { timeout "$CMD_TIMEOUT" kubectl -n "$NS" "$@" </dev/null; }

# ---------------------------------------------------------------------------------------------
# Measuring. run_timed OUT CMD...: run CMD once, stdout to OUT, stderr kept; set MS (wall time, ms)
# and KB (peak RSS of the largest process in CMD's tree, KiB; "" without /usr/bin/time).
MS=0 KB=
run_timed() {
  local out=$1 start end rc=0
  shift
  start=$(date +%s%N)
  if [ -n "$TIME" ]; then
    "$TIME" -f %M -o "$tmp/rss" timeout "$CMD_TIMEOUT" "$@" <"/dev/null" >"$out" 2>"$tmp/err" || rc=$?
  else
    timeout "$CMD_TIMEOUT" "$@" </dev/null >"$out" 2>"$tmp/err" || rc=$?
  fi
  end=$(date +%s%N)
  if [ "$rc" -ne 0 ]; then
    if [ "$rc" -eq 124 ]; then say "bench: timed out after ${CMD_TIMEOUT}s: $*"; else say "bench: command failed (exit $rc): $*"; fi
    sed 's/^/  | /' "$tmp/err" >&2
    exit 1
  fi
  MS=$(((end - start) / 1000000))
  KB=
  if [ -n "$TIME" ]; then KB=$(awk 'END { print $1 }' "$tmp/rss"); fi
}

# record KEY SIDE: append the last MS/KB to the samples of benchmark KEY, side s (sharepid) or k.
record() {
  printf '%s\n' "$MS" >>"$tmp/$1.$2.ms"
  if [ -n "$KB" ]; then printf '%s\n' "$KB" >>"$tmp/$1.$2.kb"; fi
}

median() { # median of the numbers in file $1 ("" if none)
  [ -s "$1" ] || { echo ""; return; }
  sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# pair KEY RUNS FN_S FN_K: RUNS rounds of both sides, sharepid first in even rounds, kubectl first
# in odd ones. FN_x runs one timed command (run_timed) and whatever untimed set-up/tear-down it needs.
pair() {
  local key=$1 runs=$2 fs=$3 fk=$4 i s k
  for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then
      "$fs"; record "$key" s; s=$MS
      "$fk"; record "$key" k; k=$MS
    else
      "$fk"; record "$key" k; k=$MS
      "$fs"; record "$key" s; s=$MS
    fi
    say "  [$key] run $((i + 1))/$runs: sharepid ${s} ms, kubectl ${k} ms"
  done
}

# ---------------------------------------------------------------------------------------------
# The machine, kubectl, and what the launcher picks (JDK, class-data archive). The launcher is a sh
# script whose rules change (e.g. the archive's name): rather than copying them, read its own `sh -x`
# trace of `--version`, whose last line is `exec JAVA ... [-XX:AOTCache=F | -XX:SharedArchiveFile=F]`.
launcher=$(command -v kubectl-sharepid)
trace_launcher() { # trace_launcher: runs the launcher once (--version); stdout to $tmp/version, trace to $tmp/trace
  if ! timeout 60 sh -x "$launcher" --version </dev/null >"$tmp/version" 2>"$tmp/trace"; then
    sed 's/^/  | /' "$tmp/trace" | tail -n 20 >&2
    die "kubectl-sharepid --version failed"
  fi
}
exec_line() { grep '^+ exec ' "$tmp/trace" | tail -n 1; }
trace_launcher
java_bin=$(exec_line | awk '{ print $3 }')
java_home=
if [ -x "$java_bin" ]; then java_home=$(dirname "$(dirname "$(readlink -f "$java_bin")")"); fi
runtime=$(sed -n 's/^runtime: //p' "$tmp/version")
jdk_line="${runtime:-?}"
if [ -n "$java_home" ]; then
  vendor=$(sed -n 's/^IMPLEMENTOR="\(.*\)"/\1/p' "$java_home/release" 2>/dev/null | sed -n 1p)
  jdk_line="$jdk_line, ${vendor:+$vendor }$java_home"
fi
kc_client=$(timeout 60 kubectl version --client </dev/null 2>/dev/null | sed -n 's/^Client Version: //p')
kc_server=$(timeout 60 kubectl version </dev/null 2>/dev/null | sed -n 's/^Server Version: //p')
mem_mib=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 }' /proc/meminfo)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
say "bench: $started, $(nproc) CPUs ($cpu), $mem_mib MiB, load $load_start"
say "bench: JDK $jdk_line; kubectl client $kc_client, server $kc_server; namespace $NS"

# ---------------------------------------------------------------------------------------------
# Warm-up: the first run with this jar and JDK trains the class-data archive in the background.
# The run above was that first run; wait (60 s at most) until the archive its trace names exists and
# a second run passes it to java, so that no sample is a cold start.
archive=$({ grep -oE "[^ =']+[.](aot|jsa)( |$)" "$tmp/trace" || true; } | sed -n '1{s/ $//;p;}')
archive_note="class-data archive: none (SHAREPID_CDS=0, or the launcher named no .aot/.jsa file)"
if [ -n "$archive" ]; then
  deadline=$(($(date +%s) + 60))
  while [ ! -s "$archive" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 1; done
  trace_launcher
  used=$(exec_line | grep -oE -- "-XX:(AOTCache|SharedArchiveFile)=[^ ]+" || true)
  if [ -n "$used" ]; then
    archive_note="class-data archive: $(basename "${used#*=}") (in use)"
  else
    archive_note="class-data archive: NOT in use after 60 s ($archive): start-up figures may be cold"
    say "bench: warning: $archive_note"
  fi
fi
say "bench: $archive_note"
timeout 60 kubectl sharepid --version </dev/null >/dev/null
timeout 60 kubectl version --client </dev/null >/dev/null

# ---------------------------------------------------------------------------------------------
# The cluster side: a namespace of our own, the docs pod, one sharepid copy of it.
say "bench: creating namespace $NS and the docs pod"
timeout 60 kubectl create namespace "$NS" </dev/null >/dev/null
ns_created=1
k apply -f "$docs_pod" >/dev/null
k wait --for=condition=Ready pod/nginx --timeout=180s >/dev/null
COPY=$(timeout "$CMD_TIMEOUT" kubectl sharepid debug nginx --attach=false -q -n "$NS" </dev/null)
[ -n "$COPY" ] || die "kubectl sharepid debug printed no copy name"
say "bench: copy $COPY is running"

# 1. Start-up.
s_version() { run_timed /dev/null kubectl sharepid --version; }
k_version() { run_timed /dev/null kubectl version --client; }
s_version_direct() { run_timed /dev/null kubectl-sharepid --version; }
say "bench: 1. start-up"
pair startup "$RUNS" s_version k_version
pair startup_direct "$RUNS" s_version_direct k_version

# 2. ps of the copy (4 containers' worth of processes: pause, nginx + workers, shell, sharepid).
s_ps() { run_timed "$tmp/ps.s.out" kubectl sharepid ps "$COPY" -n "$NS"; }
k_ps() { run_timed "$tmp/ps.k.out" kubectl exec "$COPY" -n "$NS" -c sharepid -- ps ax; }
say "bench: 2. ps"
pair ps "$RUNS" s_ps k_ps

# 2b. top --once (interval 1 s, read in the pod) and ports, against busybox's top and netstat in the debug container.
# netstat -p (the owning process) exists only in busybox builds with it (Debian's static busybox 1.35 has none):
# where it is missing, kubectl's side lists the sockets without their owners, and less work is compared.
s_top() { run_timed "$tmp/top.s.out" kubectl sharepid top "$COPY" --once -n "$NS"; }
k_top() { run_timed "$tmp/top.k.out" kubectl exec "$COPY" -n "$NS" -c sharepid -- top -b -n 1; }
s_ports() { run_timed "$tmp/ports.s.out" kubectl sharepid ports "$COPY" -n "$NS"; }
k_ports() { run_timed "$tmp/ports.k.out" kubectl exec "$COPY" -n "$NS" -c sharepid -- sh -c 'netstat -tlnp 2>/dev/null || netstat -tln'; }
say "bench: 2b. top and ports"
pair top "$RUNS" s_top k_top
pair ports "$RUNS" s_ports k_ports

# 3. A debug copy, from nothing to running.
debug_i=0
s_debug() {
  run_timed "$tmp/debug.out" kubectl sharepid debug nginx --attach=false -q -n "$NS"
  local name
  name=$(sed -n 1p "$tmp/debug.out")
  [ -n "$name" ] || die "kubectl sharepid debug printed no copy name"
  k delete pod "$name" --grace-period=1 --wait=false >/dev/null
}
k_debug() {
  local name=nginx-kdebug-$debug_i
  debug_i=$((debug_i + 1))
  run_timed /dev/null bash -c 'kubectl debug nginx -n "$1" --copy-to="$2" --share-processes --image=busybox -- sleep 1d \
    && kubectl wait -n "$1" --for=condition=Ready "pod/$2" --timeout=180s' _ "$NS" "$name"
  k delete pod "$name" --grace-period=1 --wait=false >/dev/null
}
say "bench: 3. debug copy until running"
pair debug "$DEBUG_RUNS" s_debug k_debug

# 4. peek-root of a big file vs exec cat.
say "bench: 4. peek-root of $BLOB_MIB MiB"
k exec "$COPY" -c nginx -- sh -c "head -c $((BLOB_MIB * 1048576)) /dev/urandom > /tmp/blob"
sum_in=$(k exec "$COPY" -c nginx -- sha256sum /tmp/blob | awk '{ print $1 }')
sum_peek=$(timeout "$CMD_TIMEOUT" kubectl sharepid peek-root "$COPY" -c nginx /tmp/blob -n "$NS" </dev/null | sha256sum | awk '{ print $1 }')
sum_cat=$(k exec "$COPY" -c nginx -- cat /tmp/blob | sha256sum | awk '{ print $1 }')
if [ "$sum_peek" != "$sum_in" ] || [ "$sum_cat" != "$sum_in" ]; then
  die "sha256 differ: in the container $sum_in, peek-root $sum_peek, exec cat $sum_cat"
fi
say "bench: sha256 of /tmp/blob agrees (container, peek-root, exec cat): $sum_in"
s_peek() { run_timed /dev/null kubectl sharepid peek-root "$COPY" -c nginx /tmp/blob -n "$NS"; }
k_peek() { run_timed /dev/null kubectl exec "$COPY" -n "$NS" -c nginx -- cat /tmp/blob; }
pair peek "$RUNS" s_peek k_peek

# 5. ps over a pod of ~PROCS processes.
say "bench: 5. ps over $PROCS processes"
sed "s/seq 2000/seq $PROCS/" "$repo/src/test/resources/e2e/many-processes.yaml" >"$tmp/many.yaml"   # the e2e tier's pod
k apply -f "$tmp/many.yaml" >/dev/null
k wait --for=condition=Ready pod/many --timeout=180s >/dev/null
deadline=$(($(date +%s) + 180)) nproc_many=0
while :; do
  nproc_many=$(k exec many -c tools -- sh -c 'ls -d /proc/[0-9]* | wc -l' | tr -d '[:space:]')
  [ "${nproc_many:-0}" -ge "$PROCS" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || die "pod many has only $nproc_many processes after 180 s (wanted >= $PROCS)"
  sleep 2
done
say "bench: pod many has $nproc_many processes"
s_many() {
  run_timed "$tmp/many.s.out" kubectl sharepid ps many --exec-container tools --no-headers -n "$NS"
  local rows
  rows=$(wc -l <"$tmp/many.s.out")
  [ "$rows" -ge "$PROCS" ] || die "kubectl sharepid ps many listed $rows rows (wanted >= $PROCS)"
}
k_many() { run_timed "$tmp/many.k.out" kubectl exec many -n "$NS" -c tools -- ps ax; }
pair many "$RUNS" s_many k_many
rows_s=$(wc -l <"$tmp/many.s.out")
rows_k=$(($(wc -l <"$tmp/many.k.out") - 1))

# 6. ps over the pods of a REPLICAS-replica Deployment of the docs pod, against the loop a user would write;
#    the single-pod ps of 2. (same build, same run) is the other reference.
say "bench: 6. ps over a $REPLICAS-replica Deployment"
cat >"$tmp/fleet.yaml" <<EOF_FLEET
apiVersion: apps/v1
kind: Deployment
metadata: {name: fleet}
spec:
  replicas: $REPLICAS
  selector: {matchLabels: {app: fleet}}
  template:
    metadata: {labels: {app: fleet}}
    spec:
      shareProcessNamespace: true
      terminationGracePeriodSeconds: 1
      containers:
      - {name: nginx, image: nginx}
      - {name: shell, image: busybox, stdin: true, tty: true}
EOF_FLEET
k apply -f "$tmp/fleet.yaml" >/dev/null
k rollout status deployment/fleet --timeout=600s >/dev/null
s_fleet() {
  run_timed "$tmp/fleet.s.out" kubectl sharepid ps deploy/fleet --exec-container shell --no-headers -n "$NS"
  local pods
  pods=$(awk '{ print $1 }' "$tmp/fleet.s.out" | sort -u | wc -l)
  [ "$pods" -eq "$REPLICAS" ] || die "kubectl sharepid ps deploy/fleet listed $pods pods (wanted $REPLICAS)"
}
k_fleet() {
  run_timed "$tmp/fleet.k.out" bash -c 'kubectl get pods -n "$1" -l app=fleet -o name \
    | xargs -P 10 -I{} kubectl exec -n "$1" {} -c shell -- ps ax' _ "$NS"
}
pair fleet "$RUNS" s_fleet k_fleet

# ---------------------------------------------------------------------------------------------
# Results.
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
fmt_ms() { if [ -n "$1" ]; then awk -v v="$1" 'BEGIN { printf "%.0f ms", v }'; else echo "n/a"; fi; }
fmt_mib() { if [ -n "$1" ]; then awk -v v="$1" 'BEGIN { printf "%.0f MiB", v / 1024 }'; else echo "n/a"; fi; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
row() { # row KEY LABEL NOTE
  local ms_s ms_k
  ms_s=$(median "$tmp/$1.s.ms") ms_k=$(median "$tmp/$1.k.ms")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$2" "$(fmt_ms "$ms_s")" "$(fmt_ms "$ms_k")" \
    "$(ratio "$ms_s" "$ms_k")" "$(fmt_mib "$(median "$tmp/$1.s.kb")")" "$(fmt_mib "$(median "$tmp/$1.k.kb")")" "$3"
}
mibps() { awk -v m="$BLOB_MIB" -v ms="$(median "$tmp/peek.$1.ms")" 'BEGIN { printf "%.0f", m * 1000 / ms }'; }

machine="$started; $(nproc) CPUs ($cpu), $mem_mib MiB RAM, load $load_start at start / $load_end at end; JDK $jdk_line; kubectl $kc_client, server $kc_server; $archive_note"
{
  echo
  echo "Machine: $machine"
  echo
  echo "Medians of $RUNS runs ($DEBUG_RUNS for the debug copy), the two sides alternating; ratio = sharepid / kubectl (lower is better for sharepid); RSS = median peak RSS of the largest process."
  echo
  echo "| benchmark | sharepid | kubectl | ratio | sharepid RSS | kubectl RSS | notes |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  row startup "1. start-up: \`kubectl sharepid --version\` vs \`kubectl version --client\`" "JVM start, class-data archive in use"
  row startup_direct "1b. start-up without kubectl's plugin dispatch: \`kubectl-sharepid --version\` vs \`kubectl version --client\`" "the launcher called directly"
  row ps "2. \`kubectl sharepid ps COPY\` vs \`kubectl exec COPY -c sharepid -- ps ax\`" "docs pod copy, $(($(wc -l <"$tmp/ps.s.out") - 1)) processes"
  row top "2b. \`kubectl sharepid top COPY --once\` vs \`kubectl exec COPY -c sharepid -- top -b -n 1\`" "sharepid's figure includes its 1 s interval"
  row ports "2c. \`kubectl sharepid ports COPY\` vs \`kubectl exec COPY -c sharepid -- netstat -tlnp\` (\`-tln\` where busybox has no -p)" "listening sockets; owners on kubectl's side only with -p"
  row debug "3. \`kubectl sharepid debug nginx --attach=false\` vs \`kubectl debug --copy-to --share-processes\` + \`kubectl wait\`" "until Running / Ready"
  row peek "4. \`peek-root COPY -c nginx /tmp/blob\` vs \`kubectl exec COPY -c nginx -- cat /tmp/blob\` ($BLOB_MIB MiB)" "$(mibps s) vs $(mibps k) MiB/s; sha256 equal"
  row many "5. \`kubectl sharepid ps many --exec-container tools\` vs \`kubectl exec many -c tools -- ps ax\`" "$rows_s vs $rows_k rows"
  row fleet "6. \`kubectl sharepid ps deploy/fleet\` ($REPLICAS pods) vs \`kubectl get pods -l app=fleet -o name | xargs -P 10 -I{} kubectl exec {} -c shell -- ps ax\`" \
    "against one pod's ps (2.): time $(ratio "$(median "$tmp/fleet.s.ms")" "$(median "$tmp/ps.s.ms")")x, peak RSS $(ratio "$(median "$tmp/fleet.s.kb")" "$(median "$tmp/ps.s.kb")")x"
  echo
  echo "Samples (ms, in run order):"
  for key in startup startup_direct ps top ports debug peek many fleet; do
    printf -- '- %s: sharepid %s; kubectl %s\n' "$key" "$(paste -sd' ' "$tmp/$key.s.ms")" "$(paste -sd' ' "$tmp/$key.k.ms")"
  done
}
exit 0
