"""Views of the personnel area: agencies/ (执法主体), officers/ (执法人员)."""
