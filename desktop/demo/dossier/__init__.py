"""The demo's dossier PDFs: document (write_dossier) · writer · details · forms · inquiry ·
evidence · letters."""
