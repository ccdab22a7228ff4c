"""A local ZapFlare-compatible server with a simulated WhatsApp side.

It is the product's demo mode and the test suite's stand-in for the hosted service. It
imports nothing from zapdesk's client layers (a test enforces it), so it stays an honest
second implementation of the contract rather than a mirror of the client.
"""

from zapdesk.sandbox.clock import SandboxClock
from zapdesk.sandbox.server import SandboxServer
from zapdesk.sandbox.world import SandboxConfig

__all__ = ["SandboxClock", "SandboxConfig", "SandboxServer"]
