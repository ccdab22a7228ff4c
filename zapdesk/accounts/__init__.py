"""Account profiles (a plain file) and their secrets (the OS keyring, never the file)."""
