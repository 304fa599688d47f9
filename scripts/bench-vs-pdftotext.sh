#!/usr/bin/env bash
# Pages per second of pdftotext, `leakscan text` and `leakscan scan`, measured in one run on one
# core (taskset -c 0), plus `leakscan scan` on two cores (rayon, RAYON_NUM_THREADS=2) and peak
# memory.
#
#   scripts/bench-vs-pdftotext.sh [DIR=/work/corpus] [RUNS=3]
#   scripts/bench-vs-pdftotext.sh fixtures 5      # the bundled fixtures, but the hostile ones
#
# pdftotext and `leakscan text` run once per file (a process each, in a loop); `leakscan scan`
# runs once over the whole folder, as a batch audit would. Needs target/release/leakscan
# (LEAKSCAN=... to use another), hyperfine, pdfinfo and GNU time. Exit codes are ignored (scan
# exits 1 when it finds something). The 2-core figure only means
# something when both cores are otherwise idle.
set -u
cd "$(dirname "$0")/.."
DIR=$(realpath "${1:-/work/corpus}")
RUNS=${2:-3}
BIN=$(realpath "${LEAKSCAN:-target/release/leakscan}")
[ -x "$BIN" ] || { echo "no $BIN: run cargo build --release" >&2; exit 2; }
OUT=$(mktemp -d /tmp/leakscan-bench.XXXXXX)
# A folder with subfolders (fixtures/) is measured through a flat folder of links to its PDFs;
# the hostile inputs are left out (they measure limits, not speed: see scripts/hostile-table.sh).
if [ -n "$(find "$DIR" -mindepth 2 -name '*.pdf' -print -quit)" ]; then
  mkdir "$OUT/pdfs"
  find "$DIR" -name '*.pdf' -not -path '*/hostile/*' | sort | while read -r f; do
    ln -s "$f" "$OUT/pdfs/$(realpath --relative-to="$DIR" "$f" | tr / _)"
  done
  DIR="$OUT/pdfs"
fi

pages=0 files=0
for f in "$DIR"/*.pdf; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  pages=$((pages + ${n:-0}))
  files=$((files + 1))
done
bytes=$(cat "$DIR"/*.pdf | wc -c)
echo "corpus: $DIR, $files files, $pages pages (pdfinfo), $((bytes / 1048576)) MiB; $RUNS runs each"

loop() { # a command line that runs $1 (with {} for the file) over every PDF, bounded per file
  printf 'for f in %q/*.pdf; do timeout 60 %s >/dev/null 2>&1; done' "$DIR" "${1//\{\}/\"\$f\"}"
}
hyperfine --shell=bash --ignore-failure --runs "$RUNS" --warmup 1 --export-csv "$OUT/times.csv" \
  -n pdftotext "taskset -c 0 bash -c '$(loop "pdftotext -q {} -")'" \
  -n "leakscan text" "taskset -c 0 bash -c '$(loop "$BIN text {}")'" \
  -n "leakscan scan 1 core" "RAYON_NUM_THREADS=1 taskset -c 0 $BIN scan --format json $DIR >/dev/null 2>&1" \
  -n "leakscan scan 2 cores" "RAYON_NUM_THREADS=2 taskset -c 0,1 $BIN scan --format json $DIR >/dev/null 2>&1" \
  >"$OUT/hyperfine.txt" 2>&1 || { cat "$OUT/hyperfine.txt"; exit 2; }

echo
# Wall time is what a user waits for; CPU time (user + system) is steadier on a shared machine.
printf '%-24s %8s %9s %9s %8s %9s %9s\n' command "wall s" "pages/s" "vs pdftt" "cpu s" "pages/s" "vs pdftt"
awk -F, -v pages="$pages" 'NR > 1 {
    gsub(/"/, "", $1); t[NR] = $2; c[NR] = $5 + $6; name[NR] = $1
    if ($1 == "pdftotext") { base = $2; cbase = $5 + $6 }
  } END {
    for (i = 2; i <= NR; i++)
      printf "%-24s %8.2f %9.1f %8.2fx %8.2f %9.1f %8.2fx\n", name[i], t[i], pages / t[i], base / t[i], c[i], pages / c[i], cbase / c[i]
  }' "$OUT/times.csv"
awk -F, 'NR > 1 { gsub(/"/, "", $1); t[$1] = $2 } END {
    if (t["leakscan scan 2 cores"] > 0) printf "2 cores vs 1 core (scan): %.2fx\n", t["leakscan scan 1 core"] / t["leakscan scan 2 cores"] }' "$OUT/times.csv"

largest=$(ls -SL "$DIR"/*.pdf | head -1)
/usr/bin/time -f "%M" -o "$OUT/rss" env RAYON_NUM_THREADS=1 "$BIN" scan --format json "$DIR" >/dev/null 2>&1
size=$(stat -L -c %s "$largest")
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
echo "peak memory, scan over the folder on 1 core: $(mib $(( $(tail -1 "$OUT/rss") * 1024 ))) MiB; largest file $(mib "$size") MiB ($(basename "$largest"))"
/usr/bin/time -f "%M" -o "$OUT/rss1" "$BIN" text "$largest" >/dev/null 2>&1
/usr/bin/time -f "%M" -o "$OUT/rss3" env RAYON_NUM_THREADS=1 "$BIN" scan --format json "$largest" >/dev/null 2>&1
/usr/bin/time -f "%M" -o "$OUT/rss2" pdftotext -q "$largest" - >/dev/null 2>&1
r1=$(( $(tail -1 "$OUT/rss1") * 1024 )) r3=$(( $(tail -1 "$OUT/rss3") * 1024 )) r2=$(( $(tail -1 "$OUT/rss2") * 1024 ))
echo "peak memory on the largest file: leakscan text $(mib $r1) MiB, leakscan scan $(mib $r3) MiB ($(awk -v a=$r3 -v b=$size 'BEGIN { printf "%.1f", a / b }')x the file), pdftotext $(mib $r2) MiB"
echo "details in $OUT"
