#!/usr/bin/env bash
# Writes topo.order: the methods `topo ph` runs, which the Native AOT build places side by side.
#
# Why: the kernel maps an executable's pages 64 KB at a time around each page that code touches. With the compiler's
# default layout the few hundred KiB of code that `topo ph` runs are spread over the whole 3.5 MiB of code, so all of it
# becomes resident and counts in peak RSS, which `topo bench ph` compares with ripser's. Placed together, they do not.
#
# Run it again when `topo ph`'s code path changes (NativeToolTests' memory test fails when the file has gone stale):
#   src/TopoDsl.Cli/NativeLayout/record-hot-methods.sh
# Needs valgrind, binutils and the .NET SDK with a C toolchain for Native AOT.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in valgrind nm strip; do command -v "$tool" >/dev/null || { echo "record-hot-methods: $tool is not installed" >&2; exit 2; }; done

echo "publishing topo with its symbol table..." >&2
dotnet publish "$repo/src/TopoDsl.Cli" -c Release -r linux-x64 --artifacts-path "$work/artifacts" \
  -p:StripSymbols=false -p:IlcOrderFile= >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
# valgrind cannot read the DWARF 5 debug information the build writes; the symbol table is all it needs for names.
strip --strip-debug -o "$work/topo" "$work/artifacts/publish/TopoDsl.Cli/release_linux-x64/topo"

# The inputs of `topo bench ph` in small: a point cloud with a threshold (the torus, sparse metric), a point cloud
# without one (dense metric, H2), a lower-triangular distance matrix, a higher dimension with a threshold.
awk 'BEGIN { srand(2000); pi = atan2(0, -1); for (i = 0; i < 2000; i++) { u = 2*pi*rand(); do v = 2*pi*rand(); while (3*rand() > 2+cos(v));
  printf "%.17g %.17g %.17g\n", (2+cos(v))*cos(u), (2+cos(v))*sin(u), sin(v) } }' >"$work/torus.txt"
awk 'BEGIN { srand(3); for (i = 0; i < 150; i++) { for (d = 0; d < 4; d++) printf "%s%.9g", (d ? " " : ""), rand(); print "" } }' >"$work/cloud4.txt"
awk 'BEGIN { srand(5); for (i = 0; i < 60; i++) for (d = 0; d < 3; d++) x[i, d] = rand();
  for (i = 1; i < 60; i++) { line = ""; for (j = 0; j < i; j++) { s = 0; for (d = 0; d < 3; d++) s += (x[i, d] - x[j, d])^2;
  line = line (j ? "," : "") sprintf("%.9g", sqrt(s)) } print line } }' >"$work/lower.txt"

runs=(
  "ph --format point-cloud --dim 1 --threshold 1 $work/torus.txt --threads 1"
  "ph --format point-cloud --dim 1 --threshold 1 $work/torus.txt --threads 2"
  "ph --format point-cloud --dim 2 $work/cloud4.txt --threads 2"
  "ph --format lower-distance --dim 2 $work/lower.txt --threads 1"
  "ph --format point-cloud --dim 3 --threshold 0.5 $work/cloud4.txt --threads 2"
)
for i in "${!runs[@]}"; do
  echo "recording: topo ${runs[$i]}" >&2
  # shellcheck disable=SC2086 # each run is a command line
  valgrind --tool=callgrind --callgrind-out-file="$work/calls.$i" "$work/topo" ${runs[$i]} >/dev/null 2>"$work/valgrind.$i.log" \
    || { cat "$work/valgrind.$i.log" >&2; exit 1; }
done

# Every function callgrind saw (its "'2" suffixes mark recursion), kept where the program's symbol table has the name.
sed -nE "s/^c?fn=\([0-9]+\) (.+)$/\1/p" "$work"/calls.* | sed -E "s/'[0-9]+$//" | LC_ALL=C sort -u >"$work/called.txt"
nm "$work/topo" | awk '$2 ~ /^[tT]$/ { print $3 }' | LC_ALL=C sort -u >"$work/symbols.txt"
LC_ALL=C comm -12 "$work/called.txt" "$work/symbols.txt" >"$here/topo.order.tmp"
mv "$here/topo.order.tmp" "$here/topo.order"
echo "wrote $here/topo.order: $(wc -l <"$here/topo.order") methods" >&2
