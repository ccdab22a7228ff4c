"""Start-up, the welcome screen, the demo, signing in, several accounts, offline."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Env, console_env, shot, until
from zapdesk.controller.account import AccountState
from zapdesk.ui.dialogs import SignInDialog
from zapdesk.ui.instance_model import Role

pytestmark = pytest.mark.asyncio


def listed(env: Env) -> list[tuple[str, list[str]]]:
    """What the list shows: each account's name with its instances' names, in order."""
    model = env.console.tree.model()
    rows = []
    for r in range(model.rowCount()):
        top = model.index(r, 0)
        names = [model.index(c, 0, top).data() for c in range(model.rowCount(top))]
        rows.append((top.data(), names))
    return rows


async def test_welcome_then_the_demo(qtbot: QtBot, tmp_path: Path, theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.app.load()
        assert env.window.pages.currentWidget() is env.console.welcome
        shot(env.window, f"welcome-{theme}")
        env.console.welcome.demo.click()
        await until(lambda: env.console.loaded() and env.app.accounts and
                    env.app.accounts[0].instances, what="the demo's instances")
        assert env.window.pages.currentWidget() is env.console.page
        [(account, names)] = listed(env)
        assert account == "Demo (sandbox)"
        assert names == ["Atendimento Principal", "Financeiro", "Suporte Noturno", "Vendas"]
        shot(env.window, f"demo-list-{theme}")


def sign_in_dialog(env: Env) -> SignInDialog:
    env.console.open_sign_in()
    dialog = env.window.findChildren(SignInDialog)[-1]
    assert dialog.isVisible()
    return dialog


def fill_and_submit(dialog: SignInDialog, server: str, email: str, password: str) -> None:
    dialog.server.edit.setText(server)
    dialog.email.edit.setText(email)
    dialog.password.edit.setText(password)
    assert dialog.ok.isEnabled()
    dialog.ok.click()


async def test_sign_in_with_a_wrong_then_the_right_password(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.tenant("ana@example.test")
        await env.app.load()
        dialog = sign_in_dialog(env)
        fill_and_submit(dialog, env.sandbox.url, "ana@example.test", "wrong")
        await until(lambda: dialog.error.isVisible(), what="the refusal")
        assert dialog.error.text() == "Wrong email or password."
        shot(dialog, "sign-in-refused")
        assert dialog.isVisible() and dialog.email.text() == "ana@example.test"  # nothing lost
        assert env.app.accounts == []
        dialog.password.edit.setText("pw-123456")
        dialog.ok.click()
        await until(lambda: not env.window.findChildren(SignInDialog), what="the dialog to close")
        await until(lambda: env.console.loaded(), what="the account to load")
        assert env.window.pages.currentWidget() is env.console.page
        assert [p.email for p in env.app.manager.accounts()] == ["ana@example.test"]


async def test_sign_in_refuses_an_unreachable_server(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        await env.app.load()
        dialog = sign_in_dialog(env)
        dialog.server.edit.setText("not a url")
        assert not dialog.ok.isEnabled() and dialog.server.problem.isVisible()
        fill_and_submit(dialog, "http://127.0.0.1:9", "ana@example.test", "pw")
        await until(lambda: dialog.error.isVisible(), what="the error")
        assert "refused the connection" in dialog.error.text()


async def test_two_accounts_side_by_side_and_one_failing(qtbot: QtBot, tmp_path: Path,
                                                         theme: str) -> None:
    async with console_env(qtbot, tmp_path) as env:
        for n in (1, 2):
            await env.signed_in(f"loja{n}@example.test", name=f"Loja {n}")
        one, two = env.app.accounts
        await one.create("Vendas Loja 1", None)
        await two.create("Vendas Loja 2", None)
        await until(lambda: listed(env) == [("Loja 1", ["Vendas Loja 1"]),
                                            ("Loja 2", ["Vendas Loja 2"])], what="both lists")
        # Loja 2's server calls start failing: it says so and keeps its list; Loja 1 goes on.
        await env.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "method": "GET", "count": 1000,
                                                         "status": 503})
        await until(lambda: two.state == AccountState.RETRYING and one.state ==
                    AccountState.RETRYING, what="both to notice")
        await env.control.delete("/_sandbox/faults")
        # Break only Loja 2 now: its session ends and it cannot log in again (password gone).
        two.client._password = None  # type: ignore[union-attr]  # as if the keyring lost it
        await env.control.post("/_sandbox/sessions/expire")
        await one.client.login()  # type: ignore[union-attr]
        one.refresh_now()  # F5: both left their backoff at once
        two.refresh_now()
        await until(lambda: one.state == AccountState.READY and two.state == AccountState.SIGN_IN,
                    what="one ready, one asking to sign in")
        assert [names for _, names in listed(env)] == [["Vendas Loja 1"], ["Vendas Loja 2"]]
        env.console.select(two)
        assert env.console.account_pane.sign_in.isVisible()
        assert "Sign in again" in env.console.account_pane.state.text()
        assert not env.window.findChildren(QMessageBox)  # errors are shown in place, not popped
        shot(env.window, f"two-accounts-{theme}")
        # Each account has its own sign-out.
        env.console.account_pane.sign_out.click()
        await until(lambda: env.app.accounts == [one], what="the sign-out")
        assert [name for name, _ in listed(env)] == ["Loja 1"]
        # The profile goes once the server has been told (the list above changes at once).
        await until(lambda: [p.display_name for p in env.app.manager.accounts()] == ["Loja 1"],
                    what="the stored profile removed")


async def test_offline_shows_retrying_and_recovers(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in(name="Loja")
        await account.create("Vendas", None)
        await env.control.post("/_sandbox/faults", json={"path": "/whatsapp/instances",
                                                         "method": "GET", "count": 3,
                                                         "status": 502})
        await until(lambda: account.state == AccountState.RETRYING, what="retrying")
        model = env.console.tree.model()
        delegate = env.console.tree.itemDelegate()
        from zapdesk.ui.instance_delegate import account_state_text

        assert account_state_text(account).startswith("Offline — retrying in")
        env.console.select(account)
        shot(env.window, "offline-retrying")
        assert model.index(0, 0).data(Role.ACCOUNT) is account
        assert [i.name for i in account.instances] == ["Vendas"]  # the last list stays visible
        assert delegate is not None
        account.refresh_now()  # F5 does not wait for the backoff
        await until(lambda: account.state == AccountState.READY, seconds=30, what="recovery")


async def test_keyboard_and_filter(qtbot: QtBot, tmp_path: Path) -> None:
    async with console_env(qtbot, tmp_path) as env:
        account = await env.signed_in(name="Loja")
        for name in ("Vendas", "Suporte", "Atendimento"):
            await account.create(name, None)
        await until(lambda: listed(env) and len(listed(env)[0][1]) == 3, what="three")
        tree = env.console.tree
        tree.setFocus()
        env.console.select(account)
        from pytestqt.qtbot import QtBot

        QtBot.keyClick(tree, Qt.Key.Key_Down)
        assert tree.currentIndex().data() == "Atendimento"
        QtBot.keyClick(tree, Qt.Key.Key_Down)
        assert tree.currentIndex().data() == "Suporte"
        await until(lambda: env.console.instance_pane.instance is not None
                    and env.console.instance_pane.instance.name == "Suporte", what="the pane")
        env.console.filter.setText("VEND")
        assert listed(env) == [("Loja", ["Vendas"])]
        env.console.filter.setText("waiting for qr")  # the status word matches too
        await env.advance(2)
        account.refresh_now()
        await until(lambda: listed(env) and len(listed(env)[0][1]) == 3, what="all in qr")
        env.console.filter.setText("nada disso")
        assert listed(env) == []


async def test_known_errors_become_messages_and_bugs_a_dialog(qtbot: QtBot,
                                                              tmp_path: Path) -> None:
    from zapdesk.core import errors

    async with console_env(qtbot, tmp_path) as env:
        await env.app.load()
        env.window.setProperty("log_path", "/var/log/zapdesk-test.log")

        async def offline() -> None:
            raise errors.ConnectionRefused("[Errno 111] Connection refused")

        env.app.tasks.spawn(offline())
        await until(lambda: "refused the connection" in env.window.statusBar().currentMessage(),
                    what="the message")
        assert env.console.welcome.problem.isVisible()  # and in place, on the welcome page
        assert not env.window.findChildren(QMessageBox)  # a known error is no dialog

        async def broken() -> None:
            raise KeyError("a bug")

        env.app.tasks.spawn(broken())
        await until(lambda: env.window.findChildren(QMessageBox), what="the bug dialog")
        box = env.window.findChildren(QMessageBox)[0]
        assert "KeyError" in box.text() and "/var/log/zapdesk-test.log" in box.text()
        assert len(env.app.bugs) == 1
        box.close()
        env.app.bugs.clear()  # provoked on purpose


async def test_without_a_keyring_the_dialog_says_so_and_keeps_it_for_the_session(
        qtbot: QtBot, tmp_path: Path) -> None:
    import keyring.backends.fail

    from zapdesk.accounts.keychain import SecretStore

    async with console_env(qtbot, tmp_path) as env:
        env.app.secrets = SecretStore(keyring.backends.fail.Keyring())
        env.app.manager.secrets = env.app.secrets
        await env.tenant("ana@example.test")
        await env.app.load()
        dialog = sign_in_dialog(env)
        assert not dialog.remember.isChecked() and not dialog.remember.isEnabled()
        assert "only until zapdesk closes" in dialog.keyring_note.text()
        assert dialog.keyring_note.isVisible()
        shot(dialog, "sign-in-no-keyring")
        fill_and_submit(dialog, env.sandbox.url, "ana@example.test", "pw-123456")
        await until(lambda: not env.window.findChildren(SignInDialog), what="signed in")
        await until(lambda: env.console.loaded(), what="the account")
        [account] = env.app.accounts
        assert account.state == AccountState.READY
        assert "pw-123456" not in (tmp_path / "accounts.json").read_text()
