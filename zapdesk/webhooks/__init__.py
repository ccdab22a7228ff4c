"""Receiving ZapFlare's webhooks: the listener and the tolerant parser."""
