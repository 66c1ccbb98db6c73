"""Shared file formats: xlsx (reading and writing workbooks), imports (the steps every workbook
import shares), pdf/ (CJK typesetting for the documents the program writes)."""
