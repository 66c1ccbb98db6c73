"""The demo county (示范县). One entry: ``load_demo`` (``from desktop.demo import load_demo``; it
lives in ``county``, which also has ``DemoSummary``). One module per area: personnel (agencies,
officers, accounts) · cases (the register; drafts, officers, profiles and registers/ draw it,
dossiers writes its PDFs with dossier/) · review (standards and campaigns). seed: the seed, the
county code and the names every area draws from."""

from desktop.demo.county import DemoSummary, load_demo

__all__ = ["DemoSummary", "load_demo"]
