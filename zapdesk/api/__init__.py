"""The ZapFlare client: one async object per account, one method per documented call."""

from zapdesk.api.client import DEFAULT_BASE_URL, ZapFlareClient

__all__ = ["DEFAULT_BASE_URL", "ZapFlareClient"]
