#!/bin/sh
# The same LibreOffice agenda with its objects packed into object streams (as Word, Acrobat and
# pdfTeX write them). Needs Debian qpdf. Run from this folder.
set -eu
qpdf --object-streams=generate --deterministic-id ../../../fixtures/producers/libreoffice-docx-dagsorden-ssu.pdf objstm-dagsorden-ssu.pdf
