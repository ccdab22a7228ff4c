"""Plain data and rules shared by every layer: no Qt, no I/O (a test enforces it)."""
