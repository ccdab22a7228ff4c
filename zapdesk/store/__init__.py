"""The local store: one SQLite file with conversations, messages and the raw event log."""
