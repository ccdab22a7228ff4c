"""The schema, as numbered migrations recorded in ``PRAGMA user_version``.

A migration is appended, never edited: a database at version N runs N+1… in order, each
inside the transaction that also bumps the version, so a crash never leaves half of one.
"""

from __future__ import annotations

import sqlite3

from zapdesk.core.errors import StoreTooNew

# Messages are keyed by what WhatsApp keys them by: (account, instance, message id). Facts
# about a message (statuses, edits, revocations, reactions) are keyed the same way, so they
# can arrive before the message itself and still apply.
_V1 = """
CREATE TABLE instances (
    account_id TEXT NOT NULL, instance_id TEXT NOT NULL, name TEXT,
    PRIMARY KEY (account_id, instance_id)) WITHOUT ROWID;
CREATE TABLE raw_events (
    id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, received_at REAL NOT NULL,
    event TEXT NOT NULL, instance TEXT, digest TEXT NOT NULL, outcome TEXT NOT NULL,
    body TEXT NOT NULL);
CREATE UNIQUE INDEX raw_events_digest ON raw_events (account_id, digest);
CREATE INDEX raw_events_received ON raw_events (received_at);
CREATE TABLE conversations (
    id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, instance TEXT NOT NULL,
    jid TEXT NOT NULL, last_at INTEGER NOT NULL DEFAULT 0, last_message INTEGER,
    read_upto INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, instance, jid));
CREATE TABLE contacts (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, jid TEXT NOT NULL, name TEXT,
    phone TEXT, updated_at REAL NOT NULL,
    PRIMARY KEY (account_id, instance, jid)) WITHOUT ROWID;
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    account_id TEXT NOT NULL, instance TEXT NOT NULL, message_id TEXT NOT NULL,
    from_me INTEGER NOT NULL, sender_jid TEXT, sender_phone TEXT, sender_name TEXT,
    at INTEGER NOT NULL, kind TEXT NOT NULL, body TEXT, media TEXT, extra TEXT,
    quote_id TEXT, quote_sender TEXT, quote_text TEXT, status INTEGER,
    forwarded INTEGER NOT NULL DEFAULT 0, view_once INTEGER NOT NULL DEFAULT 0,
    edited_at INTEGER, deleted_at INTEGER, received_at REAL NOT NULL);
CREATE UNIQUE INDEX messages_key ON messages (account_id, instance, message_id);
CREATE INDEX messages_by_conversation ON messages (conversation_id, at, id);
CREATE TABLE statuses (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, message_id TEXT NOT NULL,
    status INTEGER NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (account_id, instance, message_id, status)) WITHOUT ROWID;
CREATE TABLE edits (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, message_id TEXT NOT NULL,
    body TEXT NOT NULL, at INTEGER NOT NULL, received_at REAL NOT NULL);
CREATE INDEX edits_key ON edits (account_id, instance, message_id);
CREATE TABLE revocations (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, message_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (account_id, instance, message_id)) WITHOUT ROWID;
CREATE TABLE reactions (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, message_id TEXT NOT NULL,
    sender_jid TEXT NOT NULL, emoji TEXT NOT NULL, at INTEGER NOT NULL,
    PRIMARY KEY (account_id, instance, message_id, sender_jid)) WITHOUT ROWID;
CREATE TABLE presence (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, chat_jid TEXT NOT NULL,
    participant_jid TEXT NOT NULL, presence TEXT NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (account_id, instance, chat_jid, participant_jid)) WITHOUT ROWID;
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    body, content = 'messages', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
END;
"""

# The outbox: what the operator sent, stored before it is sent. ``state`` is queued →
# sending → sent, or failed; ``uncertain`` marks a failure where the request may have
# reached the API (a timeout after sending, or a crash mid-request): retrying those could
# send twice, so the operator decides.
_V2 = """
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, instance TEXT NOT NULL,
    chat_jid TEXT NOT NULL, recipient TEXT NOT NULL, kind TEXT NOT NULL, body TEXT,
    media_url TEXT, state TEXT NOT NULL DEFAULT 'queued', uncertain INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0, error TEXT, message_id TEXT,
    local_id TEXT NOT NULL UNIQUE, created_at REAL NOT NULL, sent_at REAL);
CREATE INDEX outbox_waiting ON outbox (state, account_id, instance, id);
"""

# Unread counts are "messages from the contact after read_upto": with this partial index
# they are a range scan per conversation, not a walk over all of its messages (13x faster
# over 200,000 messages).
_V3 = """
CREATE INDEX messages_incoming ON messages (conversation_id, id) WHERE from_me = 0;
"""

# What the operator typed and has not sent, per conversation ('' for a new one by number),
# so that quitting or a crash does not lose a half-written answer.
_V4 = """
CREATE TABLE drafts (
    account_id TEXT NOT NULL, instance TEXT NOT NULL, chat_jid TEXT NOT NULL,
    body TEXT NOT NULL, updated_at REAL NOT NULL,
    PRIMARY KEY (account_id, instance, chat_jid)) WITHOUT ROWID;
"""

# Why a message failed, as a kind the window words in the operator's language (``error``
# keeps the English detail for the log). Before, only the sentence of the moment was kept,
# in the language of the moment: old failures get the kind their English text tells.
_V5 = """
ALTER TABLE outbox ADD COLUMN reason TEXT;
ALTER TABLE outbox ADD COLUMN retry_at REAL;
ALTER TABLE outbox ADD COLUMN http_status INTEGER;
UPDATE outbox SET reason = CASE
    WHEN error = 'zapdesk stopped while sending' THEN 'stopped'
    WHEN error LIKE 'The server failed (HTTP %' THEN 'server_error'
    WHEN error LIKE 'The server did not answer in time%' THEN 'timeout'
    WHEN error LIKE 'Cannot reach the server%' OR error LIKE 'The server refused the connection%'
         THEN 'network'
    WHEN error LIKE 'Too many requests%' THEN 'rate_limited'
    WHEN error LIKE 'Sign in again%' THEN 'signed_out'
    WHEN error LIKE 'Not found%' THEN 'not_found'
    WHEN error LIKE 'Not allowed%' THEN 'forbidden'
    WHEN error LIKE 'Conflict:%connected%' THEN 'disconnected'
    WHEN error LIKE 'The server refused to:%' THEN 'invalid_number'
    WHEN error LIKE 'The server refused %' THEN 'invalid_message'
    ELSE 'unknown' END
WHERE state = 'failed';
UPDATE outbox SET http_status = CAST(substr(error, 25, 3) AS INTEGER)
WHERE reason = 'server_error';
"""

# Reactions are ordered by the reacting phone's clock in milliseconds (two changes within
# one second must not tie), and a removal stays as a row with emoji '' so that an older
# reaction arriving after it cannot come back. Rows written in seconds move to milliseconds.
_V6 = """
UPDATE reactions SET at = at * 1000 WHERE at BETWEEN 1 AND 99999999999;
"""

# Identities: which phone number a ``@lid`` is (per account: a LID names a person, not a
# conversation). Gaps: spans when events may have been missed (zapdesk closed, or the
# account quiet past its warning), with ``account_id`` NULL when it concerns every account;
# ``alive`` is the last moment this computer was known to be receiving.
_V7 = """
CREATE TABLE lids (
    account_id TEXT NOT NULL, lid TEXT NOT NULL, phone TEXT NOT NULL,
    PRIMARY KEY (account_id, lid)) WITHOUT ROWID;
CREATE TABLE gaps (
    id INTEGER PRIMARY KEY, account_id TEXT, started_at REAL NOT NULL, ended_at REAL,
    reason TEXT NOT NULL);
CREATE INDEX gaps_by_time ON gaps (started_at);
CREATE TABLE alive (id INTEGER PRIMARY KEY CHECK (id = 1), at REAL NOT NULL);
"""

# Who sent each outgoing message from this workstation (the operator's display name), kept
# on the outbox row and on the conversation's copy, whether or not it was signed. Messages
# from before, or sent from the phone, have none.
_V8 = """
ALTER TABLE outbox ADD COLUMN operator TEXT;
ALTER TABLE messages ADD COLUMN operator TEXT;
"""

# Quick replies ("respostas rápidas"), per account, in the operator's order; and each
# conversation's protocol counter (``{{protocolo}}``), which only ever goes up.
_V9 = """
CREATE TABLE quick_replies (
    id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, shortcut TEXT NOT NULL,
    body TEXT NOT NULL, position INTEGER NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX quick_replies_order ON quick_replies (account_id, position, id);
CREATE TABLE protocols (
    conversation_id INTEGER PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    counter INTEGER NOT NULL) WITHOUT ROWID;
"""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9)
VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema to ``VERSION``; returns the version found before."""
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > VERSION:
        raise StoreTooNew(f"database version {found} > {VERSION}", found=found, known=VERSION)
    for number in range(found, VERSION):
        # executescript commits first, so each migration runs in its own explicit transaction.
        conn.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[number]}\n"
                           f"PRAGMA user_version = {number + 1};\nCOMMIT;")
    return found
