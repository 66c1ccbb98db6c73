"""The command line (CLI.md): main (parser and runner), cases, review."""
