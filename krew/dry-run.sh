#!/usr/bin/env bash
# Local dry run of the release packaging, for trying the krew install path without a release:
# builds one stand-in archive per platform (a script that says it is a stand-in, and LICENSE) in
# target/krew-dry-run/, then writes plugin.yaml at the repository root from them, marked DRY RUN.
#
# usage: krew/dry-run.sh [VERSION]     (default: the pom's version without -SNAPSHOT, with a v)
# then:  kubectl krew install --manifest=plugin.yaml \
#          --archive=target/krew-dry-run/kubectl-sharepid_v0.1.0_linux_amd64.tar.gz
#
# The archives are byte-for-byte reproducible with GNU tar, gzip and Info-ZIP zip (fixed times,
# owners and order), so the committed plugin.yaml matches what this script makes on another machine.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

if [ $# -ge 1 ]; then
  version=$1
else
  pom_version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p;T;q' pom.xml)
  version="v${pom_version%-SNAPSHOT}"
fi
tar --version 2>/dev/null | grep -q 'GNU tar' || { echo "error: needs GNU tar" >&2; exit 1; }
command -v zip >/dev/null || { echo "error: needs zip (apt-get install zip)" >&2; exit 1; }

out=target/krew-dry-run
rm -rf "$out"
mkdir -p "$out/stage"

write_stand_in() { # FILE OS/ARCH
  cat >"$1" <<EOF
#!/bin/sh
echo "kubectl-sharepid: this is a krew dry-run stand-in for $2, not a release build." >&2
echo "Install a release: https://github.com/sharepid/kubectl-sharepid/releases" >&2
exit 1
EOF
  chmod 0755 "$1"
}

stamp() {
  chmod 0644 "$1/LICENSE"
  TZ=UTC touch -t 200001010000 "$1"/*
}

for p in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64; do
  stage="$out/stage/$p"
  mkdir -p "$stage"
  write_stand_in "$stage/kubectl-sharepid" "${p/_//}"
  cp LICENSE "$stage/LICENSE"
  stamp "$stage"
  tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' \
    -cf - kubectl-sharepid LICENSE | gzip -9 -n >"$out/kubectl-sharepid_${version}_$p.tar.gz"
done

stage="$out/stage/windows_amd64"
mkdir -p "$stage"
write_stand_in "$stage/kubectl-sharepid.exe" windows/amd64
cp LICENSE "$stage/LICENSE"
stamp "$stage"
(cd "$stage" && TZ=UTC zip -q -X -D "../../kubectl-sharepid_${version}_windows_amd64.zip" kubectl-sharepid.exe LICENSE)

rm -rf "$out/stage"
krew/generate-manifest.sh --dry-run "$version" "$out" "$repo/plugin.yaml"
(cd "$out" && sha256sum kubectl-sharepid_* >checksums.txt)
echo "stand-in archives in $out; try: kubectl krew install --manifest=plugin.yaml --archive=$out/kubectl-sharepid_${version}_linux_amd64.tar.gz" >&2
