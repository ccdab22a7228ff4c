"""zapdesk: a desktop operator console for WhatsApp instances hosted on ZapFlare."""

__version__ = "0.1.0"
