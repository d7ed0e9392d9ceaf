#!/usr/bin/env bash
# Writes the krew manifest of a release: krew/plugin.yaml.tmpl with the version and the sha256 of
# each platform's archive filled in. Reads only local files: the archives must already be built.
#
# usage: krew/generate-manifest.sh [--dry-run] VERSION ARCHIVE_DIR [OUTPUT]
#   VERSION      the release tag: semver with a leading v, as krew requires (v0.1.0)
#   ARCHIVE_DIR  holds kubectl-sharepid_VERSION_OS_ARCH.tar.gz for every platform (.zip on windows)
#   OUTPUT       the manifest to write (default: plugin.yaml at the repository root)
#   --dry-run    heads the manifest with a note that its checksums are of local stand-in archives
#                (krew/dry-run.sh), so nobody mistakes it for a release's manifest
# exit codes: 0 written; 1 an archive is missing or a placeholder is left; 2 usage
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
template="$here/plugin.yaml.tmpl"
# One entry per platform of the template; the archive of each is named after it.
platforms=(linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64)

usage() {
  echo "usage: $0 [--dry-run] VERSION ARCHIVE_DIR [OUTPUT]" >&2
  exit 2
}

dry_run=0
if [ "${1:-}" = --dry-run ]; then
  dry_run=1
  shift
fi
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
version=$1
dir=$2
output=${3:-"$here/../plugin.yaml"}

semver='^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$'
if ! [[ $version =~ $semver ]]; then
  echo "error: version '$version' is not semver with a leading v (like v0.1.0)" >&2
  exit 2
fi
if [ ! -d "$dir" ]; then
  echo "error: archive directory '$dir' does not exist" >&2
  exit 1
fi

archive() {
  case $1 in
    windows_*) echo "kubectl-sharepid_${version}_$1.zip" ;;
    *) echo "kubectl-sharepid_${version}_$1.tar.gz" ;;
  esac
}

sha256() {
  if command -v sha256sum >/dev/null; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

missing=()
for p in "${platforms[@]}"; do
  [ -f "$dir/$(archive "$p")" ] || missing+=("$(archive "$p")")
done
if ((${#missing[@]})); then
  echo "error: missing archive(s) in $dir: ${missing[*]}" >&2
  exit 1
fi

# The values substituted are checked first, so none can carry a sed metacharacter.
substitutions=(-e "s|\${VERSION}|$version|g")
for p in "${platforms[@]}"; do
  sum=$(sha256 "$dir/$(archive "$p")")
  if ! [[ $sum =~ ^[0-9a-f]{64}$ ]]; then
    echo "error: cannot checksum $dir/$(archive "$p")" >&2
    exit 1
  fi
  substitutions+=(-e "s|\${SHA256_$p}|$sum|g")
done

tmp=$(mktemp "$output.XXXXXX")
trap 'rm -f "$tmp"' EXIT
{
  if [ "$dry_run" = 1 ]; then
    echo "# DRY RUN: the sha256 values below are those of local stand-in archives made by"
    echo "# krew/dry-run.sh, not of release assets, which do not exist yet. The release"
    echo "# workflow regenerates this file from the native archives and attaches it to the"
    echo "# GitHub release: install from that copy."
  fi
  sed "${substitutions[@]}" "$template"
} >"$tmp"
# shellcheck disable=SC2016 # a literal ${, the start of an unfilled placeholder
if grep -n '\${' "$tmp" >&2; then
  echo "error: placeholders left in the manifest (above): $template and this script disagree" >&2
  exit 1
fi
mv "$tmp" "$output"
trap - EXIT
echo "wrote $output ($version, ${#platforms[@]} platforms)" >&2
