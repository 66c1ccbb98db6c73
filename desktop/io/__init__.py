"""Shared file formats: xlsx (reading and writing workbooks), sheet_readers (a first worksheet's
values through python-calamine or openpyxl), imports (the steps every workbook
import shares), pdf/ (CJK typesetting for the documents the program writes)."""
