"""PDF typesetting shared by every document the program writes: layout (line and page breaking,
tables), render (drawing the typeset pages with one embedded CJK font)."""
