"""Writes Assets/site/static/fonts/latinmodern-math.woff2 from Debian's fonts-lmodern (Latin Modern Math 2.005).

    python3 Assets/make-math-font.py     needs fontTools and brotli (pip install fonttools brotli)

The WOFF2 is the OpenType font recompressed, glyphs unchanged; the output is the same bytes on every run
(fontTools writes no timestamps into WOFF2 when the head table's modified date is kept).
"""
from pathlib import Path

from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf")
TARGET = Path(__file__).resolve().parent / "site" / "static" / "fonts" / "latinmodern-math.woff2"

font = TTFont(SOURCE, recalcTimestamp=False)
font.flavor = "woff2"
font.save(TARGET, reorderTables=True)
print(f"{TARGET.name}: {TARGET.stat().st_size} bytes from {SOURCE} ({SOURCE.stat().st_size} bytes)")
