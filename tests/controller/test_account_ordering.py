"""A late answer for an instance whose state has moved on is dropped, not shown."""

from __future__ import annotations

from zapdesk.accounts.profiles import AccountProfile
from zapdesk.controller.account import AccountController
from zapdesk.core.models import Instance


def controller() -> AccountController:
    return AccountController(AccountProfile.new("Loja", "http://127.0.0.1:1", "api_key"), None)


def test_an_older_answer_never_overwrites_a_newer_one(qapp: object) -> None:
    account = controller()
    fresh = Instance("i1", "Vendas", "connected")
    stale = Instance("i1", "Vendas", "qr")
    assert account.apply(fresh, started=5)
    assert not account.apply(stale, started=3)  # asked for before the fresh one
    assert account.instance("i1") == fresh
    account._apply_list([stale, Instance("i2", "Suporte", "created")], started=4)
    assert account.instance("i1") == fresh  # the list was older for i1
    assert account.instance("i2") is not None and account.instance("i2").status == "created"
    account._apply_list([Instance("i1", "Vendas", "disconnected")], started=6)
    assert account.instance("i1").status == "disconnected"  # a newer list wins
    assert account.instance("i2") is None  # and what it no longer lists is gone


def test_a_deleted_instance_is_not_brought_back_by_a_late_list(qapp: object) -> None:
    account = controller()
    account.apply(Instance("i1", "Vendas", "connected"), started=1)
    account.forget("i1")
    account._apply_list([Instance("i1", "Vendas", "connected")], started=2)
    assert account.instance("i1") is None
