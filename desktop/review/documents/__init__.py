"""What the review prints (no Qt, no database): model (the dataclasses the documents are made from)
· feedback_pdf (the annotated dossier copy, the score sheet alone, the 整改通知书) · feedback_sheet
(the 案卷评查评分表 as pages) · rectification_notice (the 整改通知书 as pages). Typesetting and
drawing are ``desktop.io.pdf``'s."""
