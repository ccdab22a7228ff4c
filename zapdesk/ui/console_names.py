"""What a screen reader says for the console's lists, views, fields and buttons whose text
alone does not say it (tests/ui/test_accessible.py walks every page for gaps)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from zapdesk.ui.accessible import describe

if TYPE_CHECKING:
    from zapdesk.ui.console import Console


def name_console(console: Console) -> None:
    translate = QCoreApplication.translate
    describe(console.filter, translate("names", "Filter the instances"),
             translate("names", "Shows only the instances whose name, number or status "
                                "contains what you type"))
    console.tree.setAccessibleDescription(translate(
        "names", "Every account with its instances and their status. Del deletes the "
                 "selected instance, F2 edits it."))
    console.instance_tabs.setAccessibleName(translate("names", "Instance views"))
    describe(console.instance_pane, translate("names", "Instance details"))
    console.instance_pane.copy_id.setAccessibleName(
        translate("names", "Copy the instance ID"))
    page = console.chat_page
    describe(page.search, translate("names", "Search all messages"),
             translate("names", "Finds words in every stored message, of every account and "
                                "instance"))
    describe(page.list, translate("names", "Conversations"),
             translate("names", "This instance's conversations, newest first, with unread "
                                "counts. Enter opens the selected one."))
    describe(page.results, translate("names", "Search results"),
             translate("names", "Messages that match the search. Enter opens the "
                                "conversation at that message."))
    describe(page.view, translate("names", "Messages"),
             translate("names", "The open conversation, oldest at the top. The context "
                                "menu opens, copies or sends a message again."))
    composer = page.composer
    describe(composer.edit, translate("names", "Message"),
             translate("names", "Enter sends, Shift+Enter starts a new line, Tab moves on"))
    describe(composer.recipient.edit, translate("names", "Number to write to"),
             translate("names", "A phone number with its area code, e.g. (11) 99999-9999"))
    composer.recipient.description = composer.recipient.edit.accessibleDescription()
    composer.media_button.setAccessibleName(translate("names", "Send media"))
