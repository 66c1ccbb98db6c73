"""音像证据: ``page`` (the evidence library: filters, link, verify, import), ``stations`` (the
docking stations and their last import), ``link_dialog`` (link a file to a case, with suggestions),
``work`` (the import and verify runs on the task runner, with bytes, rate and time left)."""
