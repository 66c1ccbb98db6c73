"""The demo's dossier PDFs: document (write_dossier) · facts (DossierFacts, what the register hands
in) · writer · details · forms · inquiry · evidence · letters."""
