#!/usr/bin/env python3
"""Regenerates the PDFs the CLI integration tests use (tests/cli.rs).

reportlab with the standard Type 1 fonts, invariant mode so the bytes are stable:
    pip install reportlab && python3 tests/data/cli/make.py
"""
import os
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4

HERE = os.path.dirname(os.path.abspath(__file__))


def page(c, lines, y=780):
    for size, text in lines:
        c.setFont("Helvetica-Bold" if size > 12 else "Helvetica", size)
        c.drawString(72, y, text)
        y -= size * 1.6
    c.showPage()


def make(name, pages):
    c = canvas.Canvas(os.path.join(HERE, name), pagesize=A4, invariant=1)
    c.setAuthor("Jura og Kommunikation")
    for lines in pages:
        page(c, lines)
    c.save()


make("letter-cpr.pdf", [
    [(16, "Afgørelse om hjælp til medicin"), (10, "Kære modtager"),
     (10, "Vi har behandlet din ansøgning om tilskud til medicin."),
     (10, "Sagsnr.: 27.12.08-G01-3-23")],
    [(16, "Oplysninger om ansøgeren"),
     (10, "CPR-nr.: 120387-1232 er registreret hos Borgerservice."),
     (10, "Med venlig hilsen"), (10, "Borgerservice, Rådhuset")],
])

make("clean-minutes.pdf", [
    [(16, "REFERAT Økonomiudvalget d. 12-03-2024"),
     (10, "Mødedato: 12. marts 2024, kl. 16.00. Mødested: Byrådssalen."),
     (10, "Punkt 1: Godkendelse af dagsorden"), (10, "Sagsnr.: 00.01.00-P35-200-22"),
     (10, "Beslutning: Godkendt. Budgettet udgør 1.234.567 kr. i 2024."),
     (10, "Faktura nr. 2024004512 betales inden 29-03-2016."),
     (10, "Kontakt: tlf. 43 21 12 34 (omstilling).")],
])
