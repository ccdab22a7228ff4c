"""QObjects that own the services and tell the widgets what changed; they never block."""
