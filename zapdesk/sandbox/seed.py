"""The demo tenant that `zapdesk-sandbox` and `zapdesk --sandbox` start with."""

from __future__ import annotations

from zapdesk.sandbox.world import Tenant, World

DEMO_EMAIL = "demo@zapdesk.local"
DEMO_PASSWORD = "zapdesk-demo"  # noqa: S105 - the public demo login, shown in the README


def seed_demo(world: World) -> Tenant:
    """A Pro tenant with instances in every everyday state and room for one more."""
    tenant = world.create_tenant(DEMO_EMAIL, DEMO_PASSWORD, "pro")
    main = world.create_instance(tenant, {"name": "Atendimento Principal"})
    sales = world.create_instance(tenant, {"name": "Vendas"})
    night = world.create_instance(tenant, {"name": "Suporte Noturno"})
    world.create_instance(tenant, {"name": "Financeiro"})  # pairs through its QR series
    for inst in (main, sales, night):
        world.connect(inst)
    world.phone_disconnect(night.id)
    return tenant
