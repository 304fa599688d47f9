#!/bin/sh
# Regenerates the small real-producer PDFs the font tests read (tests/fonts_real.rs).
# Needs python3 with reportlab, libreoffice (soffice), chromium, ghostscript (ps2pdf), qpdf.
# The tests use the committed PDFs and need none of these.
set -eu
cd "$(dirname "$0")"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# 1. reportlab, the standard Type 1 fonts (not embedded, WinAnsi), Danish text.
python3 - <<'PY'
from reportlab.pdfgen import canvas
c = canvas.Canvas("reportlab_std14.pdf", pageCompression=1, invariant=1)
y = 800
for font in ["Helvetica", "Helvetica-Bold", "Times-Roman", "Times-BoldItalic", "Courier", "Helvetica-Oblique"]:
    c.setFont(font, 12)
    c.drawString(72, y, f"{font}: Kære Søren Ærø, Åse og Øjvind – 120387-1234 “citat” €")
    y -= 20
c.setFont("Symbol", 12)
c.drawString(72, y, "abg")
c.save()
PY

# 2. LibreOffice: embedded TrueType subsets with ToUnicode (DejaVu Sans and Liberation Serif).
cat > "$TMP/lo.fodt" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
  <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name="DejaVu Sans" fo:font-size="11pt"/></style:style>
  <style:style style:name="P2" style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p text:style-name="P2">Dagsorden for Økonomiudvalget</text:p>
  <text:p text:style-name="P1">Punkt 4: Bevilling til Ærøskøbing – sagsbehandler Åse Kjærgård.</text:p>
  <text:p text:style-name="P1">Borgerens CPR-nr.: 120387-1234, tlf. 86 12 34 56.</text:p>
  <text:p text:style-name="P1">Græsk: αβγ, kyrillisk: Жж, pil → og ½.</text:p>
 </office:text></office:body>
</office:document>
XML
soffice --headless --convert-to pdf --outdir "$TMP" "$TMP/lo.fodt" >/dev/null 2>&1
cp "$TMP/lo.pdf" libreoffice_truetype.pdf

# 3. Chromium: Type0 Identity-H CID TrueType fonts with ToUnicode.
cat > "$TMP/c.html" <<'HTML'
<!doctype html><meta charset="utf-8"><style>body{font-family:'DejaVu Serif';font-size:14px}</style>
<h1>Referat: Børne- og Ungeudvalget</h1>
<p>Deltagere: Søren Ærø, Åse Øster. Afbud: Jørgen.</p>
<p>Den finansielle effekt af fleksjob – officielt.</p>
HTML
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$TMP/c.pdf" "file://$TMP/c.html" >/dev/null 2>&1
cp "$TMP/c.pdf" chromium_cid.pdf

# 4. Ghostscript ps2pdf: embedded Type 1C subsets with custom encodings.
cat > "$TMP/g.ps" <<'PS'
%!PS
/reenc { findfont dup length dict begin { 1 index /FID ne { def } { pop pop } ifelse } forall
  /Encoding ISOLatin1Encoding def currentdict end definefont pop } def
/TR /Times-Roman reenc /HB /Helvetica-Bold reenc
/TR findfont 14 scalefont setfont 72 720 moveto (Tilsyn med K\370ge og \306r\370: \345bent m\370de) show
/HB findfont 12 scalefont setfont 72 690 moveto (Fortroligt \(lukket punkt\)) show
showpage
PS
ps2pdf "$TMP/g.ps" ghostscript_type1c.pdf

for f in *.pdf; do qpdf --object-streams=generate --compress-streams=y "$f" "$TMP/o.pdf" && cp "$TMP/o.pdf" "$f"; done
ls -l *.pdf
