"""Every instance of every account, as a two-level tree: accounts, then their instances.

Changes are applied as row insertions, removals and data changes rather than resets, so
the selection and the scroll position survive every refresh.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from zapdesk.controller.account import AccountController
from zapdesk.controller.app import AppController
from zapdesk.core.models import Instance
from zapdesk.ui.status import status_word

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # an invalid index: the tree's root


class Role(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 1  # "account" or "instance"
    ACCOUNT = Qt.ItemDataRole.UserRole + 2  # the AccountController (both kinds)
    INSTANCE = Qt.ItemDataRole.UserRole + 3  # the Instance (instance rows)
    FILTER = Qt.ItemDataRole.UserRole + 4  # what the filter box matches
    UNREAD = Qt.ItemDataRole.UserRole + 5  # unread messages (filled by the chat issue)


def _sorted(instances: list[Instance]) -> list[Instance]:
    return sorted(instances, key=lambda i: (i.name.casefold(), i.id))


class InstanceTreeModel(QAbstractItemModel):
    def __init__(self, app: AppController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._accounts: list[AccountController] = []
        self._rows: list[list[Instance]] = []
        self._unread: dict[tuple[str, str], int] = {}  # (account id, instance id)
        app.accounts_changed.connect(self._sync_accounts)
        self._sync_accounts()

    # ---- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: Index = ROOT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._accounts) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        account_row = parent.row()
        if row >= len(self._rows[account_row]):
            return QModelIndex()
        return self.createIndex(row, 0, account_row + 1)

    def parent(self, index: Index = ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = ROOT) -> int:
        if not parent.isValid():
            return len(self._accounts)
        if parent.internalId() == 0:
            return len(self._rows[parent.row()])
        return 0

    def columnCount(self, parent: Index = ROOT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            account = self._accounts[index.row()]
            values: dict[int, Any] = {
                Qt.ItemDataRole.DisplayRole: account.name,
                Role.KIND: "account",
                Role.ACCOUNT: account,
                Role.FILTER: "",
            }
            return values.get(role)
        account_row = index.internalId() - 1
        inst = self._rows[account_row][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return inst.name
        if role == Role.KIND:
            return "instance"
        if role == Role.ACCOUNT:
            return self._accounts[account_row]
        if role == Role.INSTANCE:
            return inst
        if role == Role.FILTER:
            return " ".join([inst.name, inst.phone or "", inst.status, status_word(inst.status)])
        if role == Role.UNREAD:
            return self._unread_of(account_row, inst)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            unread = self._unread_of(account_row, inst)
            said = f"{inst.name}, {status_word(inst.status)}"
            translate = QCoreApplication.translate
            if self._accounts[account_row].stale:
                said = translate("list", "{instance}, last known, not current").format(
                    instance=said)
            return said if not unread else QCoreApplication.translate(
                "list", "{instance}, {unread} unread").format(instance=said, unread=unread)
        return None

    def _unread_of(self, account_row: int, inst: Instance) -> int:
        return self._unread.get((self._accounts[account_row].profile.id, inst.id), 0)

    def set_unread(self, counts: dict[tuple[str, str], int]) -> None:
        """New unread counts: repaint the instances whose count moved."""
        before, self._unread = self._unread, dict(counts)
        for account_row, account in enumerate(self._accounts):
            for row, inst in enumerate(self._rows[account_row]):
                key = (account.profile.id, inst.id)
                if before.get(key, 0) != self._unread.get(key, 0):
                    index = self.index(row, 0, self.index(account_row))
                    self.dataChanged.emit(index, index, [Role.UNREAD])

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- lookups -------------------------------------------------------------------------
    def account_index(self, account: AccountController) -> QModelIndex:
        if account in self._accounts:
            return self.index(self._accounts.index(account))
        return QModelIndex()

    def instance_index(self, account: AccountController, instance_id: str) -> QModelIndex:
        parent = self.account_index(account)
        if not parent.isValid():
            return QModelIndex()
        for row, inst in enumerate(self._rows[parent.row()]):
            if inst.id == instance_id:
                return self.index(row, 0, parent)
        return QModelIndex()

    # ---- following the controllers ----------------------------------------------------------
    def _sync_accounts(self) -> None:
        wanted = list(self._app.accounts)
        for row in reversed(range(len(self._accounts))):
            if self._accounts[row] not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._accounts[row].changed.disconnect(self._account_changed)
                del self._accounts[row], self._rows[row]
                self.endRemoveRows()
        for account in wanted:
            if account not in self._accounts:
                row = len(self._accounts)
                self.beginInsertRows(QModelIndex(), row, row)
                self._accounts.append(account)
                self._rows.append([])
                self.endInsertRows()
                account.changed.connect(self._account_changed)
                self._sync_instances(row)

    def _account_changed(self) -> None:
        sender = self.sender()
        for row, account in enumerate(self._accounts):
            if account is sender:
                self._sync_instances(row)
                top = self.index(row)
                self.dataChanged.emit(top, top)

    def _sync_instances(self, account_row: int) -> None:
        parent = self.index(account_row)
        current = self._rows[account_row]
        fresh = _sorted(self._accounts[account_row].instances)
        fresh_ids = [i.id for i in fresh]
        for row in reversed(range(len(current))):
            if current[row].id not in fresh_ids:
                self.beginRemoveRows(parent, row, row)
                del current[row]
                self.endRemoveRows()
        kept_ids = [i.id for i in current]
        if kept_ids != [i for i in fresh_ids if i in kept_ids]:  # a rename reordered them
            self.layoutAboutToBeChanged.emit([QPersistentModelIndex(parent)])
            old = {inst.id: row for row, inst in enumerate(current)}
            by_id = {i.id: i for i in fresh}
            current[:] = [by_id[i] for i in fresh_ids if i in old]
            for row, inst in enumerate(current):
                self.changePersistentIndex(self.index(old[inst.id], 0, parent),
                                           self.index(row, 0, parent))
            self.layoutChanged.emit([QPersistentModelIndex(parent)])
        for row, inst in enumerate(fresh):
            if row >= len(current) or current[row].id != inst.id:
                self.beginInsertRows(parent, row, row)
                current.insert(row, inst)
                self.endInsertRows()
            else:
                current[row] = inst
        if current:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(current) - 1, 0,
                                                                       parent))


class InstanceFilter(QSortFilterProxyModel):
    """The filter box: matches name, phone and status; an account stays while any of its
    instances matches (and always when the box is empty)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(Role.FILTER)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
