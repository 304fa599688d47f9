#!/usr/bin/env bash
# Word recall of `leakscan text` against `pdftotext` (poppler) over a folder of PDFs.
#
#   scripts/compare-pdftotext.sh [DIR=/work/corpus] [OUT=a new temp dir]
#
# Per file: recall = |multiset(our words) ∩ multiset(pdftotext words)| / |pdftotext words|
# (whitespace-separated tokens, punctuation kept; our hyphenated line ends are joined first, as
# pdftotext joins them). Prints the median, the 10th percentile, the worst files, and counts of
# crashes (panic exit 101 or a signal) and timeouts (60 s). Files where pdftotext finds no words
# (scans) are counted but left out of the figures. Needs target/release/leakscan (LEAKSCAN=... to
# use another) and builds the word_recall example.
set -u
cd "$(dirname "$0")/.."
DIR=${1:-/work/corpus}
OUT=${2:-$(mktemp -d /tmp/leakscan-recall.XXXXXX)}
BIN=${LEAKSCAN:-target/release/leakscan}
mkdir -p "$OUT"
cargo build --quiet --release --example word_recall || exit 2
RECALL=target/release/examples/word_recall
[ -x "$BIN" ] || { echo "no $BIN: run cargo build --release" >&2; exit 2; }

: >"$OUT/results.tsv"
crashes=0 timeouts=0 empty=0 total=0
for f in "$DIR"/*.pdf; do
  [ -e "$f" ] || continue
  total=$((total + 1))
  name=$(basename "$f" .pdf)
  if ! timeout 60 pdftotext "$f" "$OUT/$name.ref.txt" 2>/dev/null; then
    echo "pdftotext failed: $f" >&2
    continue
  fi
  timeout 60 "$BIN" text "$f" >"$OUT/$name.our.txt" 2>"$OUT/$name.err"
  rc=$?
  if [ $rc -eq 124 ]; then
    timeouts=$((timeouts + 1)); echo "TIMEOUT $f" >&2
  elif [ $rc -eq 101 ] || [ $rc -ge 128 ]; then
    crashes=$((crashes + 1)); echo "CRASH($rc) $f" >&2
  fi
  read -r recall ref ours < <("$RECALL" "$OUT/$name.ref.txt" "$OUT/$name.our.txt")
  if [ "$ref" -eq 0 ]; then
    empty=$((empty + 1))
    continue
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$recall" "$ref" "$ours" "$rc" "$f" >>"$OUT/results.tsv"
done

n=$(wc -l <"$OUT/results.tsv")
sort -n "$OUT/results.tsv" >"$OUT/sorted.tsv"
pick() { # the value at quantile $1 (nearest rank, 1-based)
  local k; k=$(awk -v n="$n" -v q="$1" 'BEGIN { k = int(q * n + 0.999999); if (k < 1) k = 1; print k }')
  sed -n "${k}p" "$OUT/sorted.tsv" | cut -f1
}
echo "files: $total, with text per pdftotext: $n, without: $empty, crashes: $crashes, timeouts: $timeouts"
if [ "$n" -gt 0 ]; then
  echo "word recall: median $(pick 0.5), p10 $(pick 0.1), mean $(awk -F'\t' '{ s += $1 } END { printf "%.4f", s / NR }' "$OUT/sorted.tsv")"
  echo "worst files (recall, pdftotext words, our words, exit code, file):"
  head -15 "$OUT/sorted.tsv" | sed 's/^/  /'
fi
echo "texts and results in $OUT (word_recall REF OUR --missing 20 shows what is missing)"
