"""PDF typesetting shared by every document the program writes (the demo dossiers, the review's
score sheets and 整改通知书; next the exam papers and certificate cards): layout (line and page
breaking, running heads and repeated table headers, tables, the Chinese written date; plain
Python), render (the one embedded CJK font and a typesetter measured with it, drawing the typeset
pages, a new document, saving that replaces a file only when complete)."""
