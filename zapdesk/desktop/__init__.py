"""zapdesk as a desktop app: one instance per data folder, start on login."""
