"""The command line (CLI.md): main (the entry: assembles the parser, runs a subcommand) · parser
(global options, argument types, list and import shapes) · output (exit codes, JSON, tables, totals)
· runner (Run, login, passwords, dispatch) · accounts (init, users, audit) · organisation
(agencies, officers) · cases · review (rubric, review) · demo."""
