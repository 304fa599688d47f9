#!/usr/bin/env bash
# The hostile-input table (issue 7): every file in fixtures/hostile/ plus cases generated here
# (100k nested arrays/dictionaries, a million q, a cut-off xref), each through
# `leakscan scan --format json` and through `pdftotext`, under `/usr/bin/time -v`.
#
#   scripts/hostile-table.sh            # builds release first
#   LEAKSCAN=target/debug/leakscan scripts/hostile-table.sh   # use another binary, no build
#
# Prints a markdown table: input, wall time, peak RSS (MB), exit code and result or reason, for
# leakscan and then for pdftotext. Each run is capped at 300 s by `timeout`.
# Needs /usr/bin/time (Debian package `time`), pdftotext, jq and python3 (to generate the cases).
set -u
cd "$(dirname "$0")/.."
BIN=${LEAKSCAN:-}
if [ -z "$BIN" ]; then
  cargo build --quiet --release || exit 2
  BIN=target/release/leakscan
fi
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
GEN=$(mktemp -d /tmp/leakscan-hostile.XXXXXX)
trap 'rm -rf "$GEN"' EXIT

python3 - "$GEN" <<'EOF'
import sys
out_dir = sys.argv[1]
def pdf(page_extra, content, extra=()):
    stream = b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R "
            + page_extra + b" >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", stream, *extra]
    out, offs = b"%PDF-1.7\n", []
    for i, o in enumerate(objs):
        offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
hello = b"BT /F1 12 Tf 72 720 Td (Hello hostile world) Tj ET"
n = 100000
cases = {
    "gen-page-arrays-100k": pdf(b"/Deep " + b"[" * n + b"]" * n, hello),
    "gen-page-dicts-100k": pdf(b"/Deep " + b"<< /A " * n + b">>" * n, hello),
    "gen-unused-arrays-100k": pdf(b"/Foo 6 0 R", hello, [b"[" * n + b"]" * n]),
    "gen-content-arrays-100k": pdf(b"", b"BT /F1 12 Tf 72 720 Td " + b"[" * n + b"]" * n + b" TJ ET"),
    "gen-q-1m": pdf(b"", b"q " * 1000000 + hello + b" Q" * 1000000),
}
cases["gen-no-xref"] = cases["gen-q-1m"][: cases["gen-q-1m"].rfind(b"xref\n")]
for name, data in cases.items():
    open(f"{out_dir}/{name}.pdf", "wb").write(data)
EOF

# run NAME CMD... : prints "wall|rss_mb|exit" of CMD, its stdout in $GEN/out
run() {
  /usr/bin/time -v -o "$GEN/time" timeout 300 "$@" >"$GEN/out" 2>"$GEN/err"
  local rc=$?
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$GEN/time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$GEN/time")
  echo "$wall|$(( ${rss:-0} / 1024 ))|$rc"
}

files=(fixtures/hostile/*.pdf "$GEN"/*.pdf)

echo "### leakscan ($BIN)"
echo
echo "| input | wall | peak RSS MB | exit | result / reason |"
echo "|---|---|---|---|---|"
for f in "${files[@]}"; do
  IFS='|' read -r wall rss rc <<<"$(run "$BIN" scan --format json -q "$f")"
  result=$(jq -r '.files[0] | "\(.pages) pages; " + (.error // "read in full") + (if (.findings|length) > 0 then "; \(.findings|length) findings" else "" end)' "$GEN/out" 2>/dev/null)
  echo "| $(basename "$f") | $wall | $rss | $rc | ${result:-$(head -c 200 "$GEN/err" | tr '\n|' '  ')} |"
done

echo
echo "### pdftotext ($(pdftotext -v 2>&1 | head -1))"
echo
echo "| input | wall | peak RSS MB | exit | text chars / first message |"
echo "|---|---|---|---|---|"
for f in "${files[@]}"; do
  IFS='|' read -r wall rss rc <<<"$(run pdftotext "$f" -)"
  chars=$(wc -m <"$GEN/out")
  msg=$(grep -m1 -v '^$' "$GEN/err" | cut -c1-90 | tr '|' ' ')
  echo "| $(basename "$f") | $wall | $rss | $rc | $chars chars${msg:+; $msg} |"
done
