"""Everything the sandbox knows and every operation on it, without HTTP.

Time-dependent state (the QR series, session expiry) is derived from the sandbox clock
whenever an instance is touched and on every tick, so a request, a frozen test clock and
the demo's real-time clock all see the same transitions, and each transition emits its
webhook exactly once.
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import itertools
import math
import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from zapdesk.sandbox import events, phone, qr, validation
from zapdesk.sandbox.delivery import WebhookDispatcher
from zapdesk.sandbox.errors import ApiError, conflict, invalid, not_found
from zapdesk.sandbox.media import thumbnail_jpeg_b64
from zapdesk.sandbox.ratelimit import SlidingWindow

JsonObject = dict[str, Any]


@dataclass
class SandboxConfig:
    session_lifetime: float = 8 * 3600.0  # sandbox seconds
    qr_lifetime: float = 20.0
    qr_attempts: int = 6
    qr_startup_delay: float = 2.0  # `created` before the first code appears
    auto_reply: bool = True  # simulated contacts answer what they are sent
    activity_interval: float | None = None  # demo: a contact writes every N seconds
    read_limit: int = 600  # per tenant per minute (all calls but sends)
    message_limit: int = 300  # per tenant per minute
    instance_send_limit: int = 5  # per instance per second
    webhook_retry_base: float = 1.0  # real seconds, doubled per failure
    webhook_max_attempts: int = 8
    allow_remote_webhooks: bool = False


@dataclass
class Tenant:
    id: str
    email: str
    password_hash: bytes
    salt: bytes
    plan: str
    api_key: str
    limits: dict[str, SlidingWindow]


@dataclass
class Session:
    token: str
    tenant_id: str
    expires_at: float


@dataclass
class Group:
    jid: str
    subject: str
    members: list[str]


@dataclass
class Instance:
    id: str
    tenant_id: str
    name: str
    webhook_url: str | None
    created_at: float
    updated_at: float
    status: str = "created"
    phone: str | None = None
    profile_name: str | None = None
    active: bool = True
    qr_start: float | None = None  # when attempt 1 of the current series became valid
    qr_codes: dict[int, str] = field(default_factory=dict)
    qr_pngs: dict[int, str] = field(default_factory=dict)
    announced_attempt: int = 0
    contacts: dict[str, str] = field(default_factory=dict)  # number -> push name
    groups: dict[str, Group] = field(default_factory=dict)
    messages: OrderedDict[str, JsonObject] = field(default_factory=OrderedDict)  # id -> key
    send_limit: SlidingWindow | None = None


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _hash(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 10_000)


class World:
    def __init__(self, clock: Any, dispatcher: WebhookDispatcher, config: SandboxConfig) -> None:
        self.clock = clock
        self.dispatcher = dispatcher
        self.config = config
        self.base_url = ""  # set by the server once it listens; used for avatar URLs
        self.tenants: dict[str, Tenant] = {}
        self.tenants_by_email: dict[str, Tenant] = {}
        self.tenants_by_key: dict[str, Tenant] = {}
        self.sessions: dict[str, Session] = {}
        self.instances: dict[str, Instance] = {}
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._timer_seq = itertools.count()
        self._phone_seq = itertools.count(1)
        self._next_activity: float | None = None

    # ---- time --------------------------------------------------------------------
    def now(self) -> float:
        return float(self.clock.now())

    def schedule(self, delay: float, action: Callable[[], None]) -> None:
        heapq.heappush(self._timers, (self.now() + delay, next(self._timer_seq), action))

    def tick(self) -> None:
        """Fire what is due: QR transitions, scheduled phone actions, demo activity."""
        for inst in list(self.instances.values()):
            if inst.status in ("created", "qr"):
                self.sync(inst)
        now = self.now()
        while self._timers and self._timers[0][0] <= now:
            _, _, action = heapq.heappop(self._timers)
            action()
        self._demo_activity(now)

    # ---- tenants, sessions, keys -------------------------------------------------
    def create_tenant(self, email: object, password: object, plan: object) -> Tenant:
        mail = validation.required_string("email", email).strip().lower()
        if "@" not in mail:
            raise invalid("email", "email must be an email address")
        secret = validation.required_string("password", password)
        plan_name = validation.plan(plan)
        if mail in self.tenants_by_email:
            raise conflict(f"a tenant with email {mail} already exists")
        salt = secrets.token_bytes(16)
        tenant = Tenant(
            id="ten_" + secrets.token_hex(6),
            email=mail,
            password_hash=_hash(secret, salt),
            salt=salt,
            plan=plan_name,
            api_key="zpk_test_" + secrets.token_hex(16),
            limits={
                "reads": SlidingWindow(self.config.read_limit, 60),
                "messages": SlidingWindow(self.config.message_limit, 60),
            },
        )
        self.tenants[tenant.id] = tenant
        self.tenants_by_email[mail] = tenant
        self.tenants_by_key[tenant.api_key] = tenant
        return tenant

    def login(self, email: object, password: object) -> Session:
        mail = validation.required_string("email", email).strip().lower()
        secret = validation.required_string("password", password)
        tenant = self.tenants_by_email.get(mail)
        # Same answer for an unknown email and a wrong password: no account probing.
        if tenant is None or not hmac.compare_digest(
            tenant.password_hash, _hash(secret, tenant.salt)
        ):
            raise ApiError(401, "unauthorized", "invalid email or password")
        session = Session(
            token=secrets.token_urlsafe(32),
            tenant_id=tenant.id,
            expires_at=self.now() + self.config.session_lifetime,
        )
        self.sessions[session.token] = session
        return session

    def session_tenant(self, token: str | None) -> Tenant:
        session = self.sessions.get(token or "")
        if session is None:
            raise ApiError(401, "unauthorized", "authentication required: log in first")
        if session.expires_at <= self.now():
            raise ApiError(401, "unauthorized", "session expired: log in again")
        return self.tenants[session.tenant_id]

    def key_tenant(self, key: str) -> Tenant:
        for candidate, tenant in self.tenants_by_key.items():
            if hmac.compare_digest(candidate.encode(), key.encode()):
                return tenant
        raise ApiError(401, "invalid_api_key", "the API key is not valid")

    def logout(self, token: str | None) -> None:
        self.session_tenant(token)
        self.sessions.pop(token or "", None)

    def expire_sessions(self) -> int:
        now = self.now()
        for session in self.sessions.values():
            session.expires_at = min(session.expires_at, now)
        return len(self.sessions)

    # ---- instances ---------------------------------------------------------------
    def owned(self, tenant: Tenant, instance_id: str) -> Instance:
        inst = self.instances.get(instance_id)
        if inst is None or inst.tenant_id != tenant.id:  # another tenant's is simply unknown
            raise not_found()
        self.sync(inst)
        return inst

    def existing(self, instance_id: str) -> Instance:
        inst = self.instances.get(instance_id)
        if inst is None:
            raise not_found()
        self.sync(inst)
        return inst

    def list_instances(self, tenant: Tenant) -> list[Instance]:
        found = [i for i in self.instances.values() if i.tenant_id == tenant.id]
        for inst in found:
            self.sync(inst)
        return found

    def _check_unique(self, tenant: Tenant, name: str, exclude: str | None = None) -> None:
        folded = name.casefold()
        for inst in self.instances.values():
            same_tenant = inst.tenant_id == tenant.id and inst.id != exclude
            if same_tenant and inst.name.casefold() == folded:
                raise conflict(f"an instance named {inst.name!r} already exists")

    def create_instance(self, tenant: Tenant, body: JsonObject) -> Instance:
        name = validation.instance_name(body.get("name"))
        webhook = validation.http_url("webhookUrl", body.get("webhookUrl"), optional=True)
        self._check_unique(tenant, name)
        limit = validation.PLANS[tenant.plan]
        if sum(1 for i in self.instances.values() if i.tenant_id == tenant.id) >= limit:
            raise ApiError(
                403,
                "forbidden",
                f"instance limit reached: the {tenant.plan.capitalize()} plan allows "
                f"{limit} instance{'s' if limit != 1 else ''}",
            )
        now = self.now()
        inst = Instance(
            id="inst_" + secrets.token_hex(6),
            tenant_id=tenant.id,
            name=name,
            webhook_url=webhook,
            created_at=now,
            updated_at=now,
            qr_start=now + self.config.qr_startup_delay,
        )
        self.instances[inst.id] = inst
        self._emit_status(inst, 200)
        return inst

    def update_instance(self, tenant: Tenant, instance_id: str, body: JsonObject) -> Instance:
        inst = self.owned(tenant, instance_id)
        if "name" not in body and "webhookUrl" not in body:
            raise invalid("name", "nothing to update: send name and/or webhookUrl")
        name = inst.name
        if "name" in body:
            name = validation.instance_name(body["name"])
            self._check_unique(tenant, name, exclude=inst.id)
        webhook = inst.webhook_url
        if "webhookUrl" in body:
            webhook = validation.http_url("webhookUrl", body["webhookUrl"], optional=True)
        inst.name, inst.webhook_url, inst.updated_at = name, webhook, self.now()
        return inst

    def delete_instance(self, tenant: Tenant, instance_id: str) -> None:
        inst = self.owned(tenant, instance_id)
        del self.instances[inst.id]

    def regenerate_qr(self, tenant: Tenant, instance_id: str) -> Instance:
        inst = self.owned(tenant, instance_id)
        if inst.status == "connected":
            raise conflict("the instance is connected; disconnect it before pairing again")
        if inst.status == "banned":
            raise conflict("the number is banned by WhatsApp and cannot be paired")
        self._start_series(inst, self.now())
        self.sync(inst)
        return inst

    def disconnect(self, tenant: Tenant, instance_id: str) -> Instance:
        inst = self.owned(tenant, instance_id)
        if inst.status == "banned":
            raise conflict("the number is banned by WhatsApp")
        if inst.status != "disconnected":
            self._set_status(inst, "disconnected", 401)
        return inst

    # ---- QR series ---------------------------------------------------------------
    def _start_series(self, inst: Instance, start: float) -> None:
        inst.qr_start = start
        inst.qr_codes.clear()
        inst.qr_pngs.clear()
        inst.announced_attempt = 0
        if inst.status != "qr":
            self._set_status(inst, "qr", 200)

    def current_attempt(self, inst: Instance, now: float | None = None) -> int | None:
        if inst.status != "qr" or inst.qr_start is None:
            return None
        elapsed = (self.now() if now is None else now) - inst.qr_start
        attempt = math.floor(max(0.0, elapsed) / self.config.qr_lifetime) + 1
        return attempt if attempt <= self.config.qr_attempts else None

    def qr_text(self, inst: Instance, attempt: int) -> str:
        if attempt not in inst.qr_codes:
            inst.qr_codes[attempt] = qr.new_pairing_text()
        return inst.qr_codes[attempt]

    def qr_png(self, inst: Instance, attempt: int) -> str:
        if attempt not in inst.qr_pngs:
            inst.qr_pngs[attempt] = qr.png_data_url(self.qr_text(inst, attempt))
        return inst.qr_pngs[attempt]

    def qr_expiry(self, inst: Instance, attempt: int) -> float:
        assert inst.qr_start is not None
        return inst.qr_start + attempt * self.config.qr_lifetime

    def sync(self, inst: Instance) -> None:
        now = self.now()
        if inst.status == "created" and inst.qr_start is not None and now >= inst.qr_start:
            self._set_status(inst, "qr", 200)
        if inst.status != "qr":
            return
        attempt = self.current_attempt(inst, now)
        if attempt is None:
            inst.qr_start = None
            self._set_status(inst, "disconnected", 408)  # Baileys: QR refs ended
        elif attempt != inst.announced_attempt:
            inst.announced_attempt = attempt
            remaining = math.ceil(self.qr_expiry(inst, attempt) - now)
            self._emit(inst, "qrcode.updated", events.qrcode_updated(
                f"qr_attempt_{attempt}", self.qr_png(inst, attempt), remaining))

    # ---- views -------------------------------------------------------------------
    def instance_json(self, inst: Instance, *, detail: bool) -> JsonObject:
        data: JsonObject = {
            "id": inst.id,
            "name": inst.name,
            "phone": inst.phone,
            "status": inst.status,
            "webhookUrl": inst.webhook_url,
            "createdAt": iso(inst.created_at),
            "active": inst.active,
        }
        if not detail:
            return data
        data["integration"] = "WHATSAPP-BAILEYS"
        data["profilePicUrl"] = (
            f"{self.base_url}/media/avatars/{inst.id}.png" if inst.phone else None
        )
        data["updatedAt"] = iso(inst.updated_at)
        attempt = self.current_attempt(inst)
        if attempt is not None:
            expires = self.qr_expiry(inst, attempt)
            data["qrCode"] = {
                "base64": self.qr_png(inst, attempt),
                # Seconds this code stays valid from now; 20 when it is fresh.
                "expiry": max(0, math.ceil(expires - self.now())),
                "attemptId": f"qr_attempt_{attempt}",
                "expiresAt": iso(expires),
            }
        return data

    def created_json(self, inst: Instance) -> JsonObject:
        # The create call answers with its own key names (the spec's published variant).
        return {
            "instanceId": inst.id,
            "instanceName": inst.name,
            "status": "created",
            "integration": "WHATSAPP-BAILEYS",
            "webhookUrl": inst.webhook_url,
        }

    def control_json(self, inst: Instance) -> JsonObject:
        attempt = self.current_attempt(inst)
        return {
            "id": inst.id,
            "tenantId": inst.tenant_id,
            "name": inst.name,
            "status": inst.status,
            "phone": inst.phone,
            "webhookUrl": inst.webhook_url,
            "qr": None if attempt is None else {
                "attemptId": f"qr_attempt_{attempt}",
                "code": self.qr_text(inst, attempt),
                "expiresAt": iso(self.qr_expiry(inst, attempt)),
            },
            "groups": [g.jid for g in inst.groups.values()],
        }

    # ---- events ------------------------------------------------------------------
    def _emit(self, inst: Instance, event: str, data: object) -> None:
        self.dispatcher.submit(inst.id, inst.webhook_url,
                               events.envelope(event, inst.id, inst.name, data))

    def _emit_status(self, inst: Instance, reason: int) -> None:
        self._emit(inst, "connection.update", events.connection_update(
            inst.name, inst.status, phone=inst.phone, reason=reason,
            profile_name=inst.profile_name))

    def _set_status(self, inst: Instance, status: str, reason: int) -> None:
        inst.status = status
        inst.updated_at = self.now()
        if status != "qr":
            inst.qr_start = None
            inst.announced_attempt = 0
        self._emit_status(inst, reason)

    # ---- the phone side ----------------------------------------------------------
    def connect(self, inst: Instance, phone_number: str | None = None) -> None:
        inst.phone = phone_number or f"+55119{87650000 + next(self._phone_seq):08d}"
        inst.profile_name = inst.name
        self._set_status(inst, "connected", 200)

    def scan(self, instance_id: str, code: object, phone_number: object = None) -> Instance:
        inst = self.existing(instance_id)
        text = validation.required_string("code", code)
        number = None
        if phone_number is not None:
            number = "+" + validation.recipient(str(phone_number).lstrip("+"))
        attempt = self.current_attempt(inst)
        if attempt is None:
            raise ApiError(409, "qr_not_available",
                           f"the instance shows no QR code (status {inst.status})")
        if not hmac.compare_digest(text.encode(), self.qr_text(inst, attempt).encode()):
            stale = text in inst.qr_codes.values()
            why = "this QR code has expired" if stale else "this is not the current QR code"
            raise ApiError(400, "qr_code_invalid", why)
        self.connect(inst, number)
        return inst

    def phone_disconnect(self, instance_id: str) -> Instance:
        inst = self.existing(instance_id)
        if inst.status != "connected":
            raise conflict(f"the instance is {inst.status}, not connected")
        self._set_status(inst, "disconnected", 428)
        return inst

    def ban(self, instance_id: str) -> Instance:
        inst = self.existing(instance_id)
        if inst.status != "banned":
            self._set_status(inst, "banned", 403)
        return inst

    def _require_connected(self, inst: Instance) -> None:
        if inst.status != "connected":
            raise ApiError(409, "instance_not_connected",
                           f"the instance is {inst.status}; it must be connected")

    def _remember(self, inst: Instance, key: JsonObject) -> None:
        inst.messages[key["id"]] = key
        while len(inst.messages) > 5000:
            inst.messages.popitem(last=False)

    def _contact(self, inst: Instance, number: str, push_name: str | None) -> str:
        name = push_name or inst.contacts.get(number) or phone.contact_name(number)
        if inst.contacts.get(number) != name:
            inst.contacts[number] = name
            self._emit(inst, "contacts.update",
                       events.contacts_update(events.user_jid(number), name))
        return name

    def send(self, tenant: Tenant, instance_id: str, body: JsonObject, *, media: bool
             ) -> JsonObject:
        inst = self.owned(tenant, instance_id)
        to = validation.recipient(body.get("to"))
        if media:
            kind = validation.media_type(body.get("mediaType"))
            url = validation.http_url("mediaUrl", body.get("mediaUrl"), optional=False)
            assert url is not None
            message_type, content = events.media_content(
                kind, url, validation.caption(body.get("caption")),
                thumbnail_b64=thumbnail_jpeg_b64(url) if kind == "image" else None)
            summary = validation.caption(body.get("caption")) or kind
        else:
            text = validation.message_text(body.get("message"))
            message_type, content = events.text_content(text, extended=True)
            summary = text
        self._require_connected(inst)
        if inst.send_limit is None:
            inst.send_limit = SlidingWindow(self.config.instance_send_limit, 1.0)
        allowed, quota = inst.send_limit.hit()
        if not allowed:
            raise ApiError(429, "rate_limit_exceeded",
                           f"more than {self.config.instance_send_limit} messages per second "
                           "for this instance", quota=quota)
        message_id = phone.new_message_id(from_me=True)
        key = events.message_key(events.user_jid(to), message_id, from_me=True, participant=None)
        now = int(self.now())
        self._remember(inst, key)
        self._emit(inst, "messages.upsert", events.message_upsert(
            key, push_name=inst.profile_name, message_type=message_type, content=content,
            timestamp=now, status="SERVER_ACK"))
        self._simulate_recipient(inst, key, to, summary)
        return {"id": message_id, "messageId": message_id, "status": "queued", "to": to,
                "timestamp": now}

    def _simulate_recipient(self, inst: Instance, key: JsonObject, to: str, summary: str) -> None:
        def alive() -> bool:
            return self.instances.get(inst.id) is inst and inst.status == "connected"

        def receipt(status: str) -> Callable[[], None]:
            def fire() -> None:
                if alive():
                    self._emit(inst, "messages.update",
                               events.message_update(key, status, int(self.now())))
            return fire

        def presence(state: str) -> Callable[[], None]:
            def fire() -> None:
                if alive():
                    jid = events.user_jid(to)
                    self._emit(inst, "presence.update", events.presence_update(jid, state))
            return fire

        def answer() -> None:
            if alive():
                self._incoming(inst, to, None, text=phone.reply_to(summary))

        self.schedule(1.0, receipt("DELIVERY_ACK"))
        self.schedule(2.5, receipt("READ"))
        if self.config.auto_reply:
            self.schedule(3.0, presence("composing"))
            self.schedule(5.0, presence("paused"))
            self.schedule(5.0, answer)

    def _incoming(
        self,
        inst: Instance,
        sender: str,
        push_name: str | None,
        *,
        text: str | None = None,
        media: tuple[str, str, str | None, str | None] | None = None,
        group: Group | None = None,
    ) -> JsonObject:
        name = self._contact(inst, sender, push_name)
        if media is not None:
            kind, url, cap, file_name = media
            message_type, content = events.media_content(
                kind, url, cap, file_name=file_name,
                thumbnail_b64=thumbnail_jpeg_b64(url) if kind in ("image", "video") else None)
        else:
            assert text is not None
            message_type, content = events.text_content(text, extended=False)
        remote = group.jid if group else events.user_jid(sender)
        participant = events.user_jid(sender) if group else None
        key = events.message_key(remote, phone.new_message_id(from_me=False), from_me=False,
                                 participant=participant)
        self._remember(inst, key)
        self._emit(inst, "messages.upsert", events.message_upsert(
            key, push_name=name, message_type=message_type, content=content,
            timestamp=int(self.now()), status="DELIVERY_ACK"))
        return key

    def incoming(self, instance_id: str, body: JsonObject) -> JsonObject:
        inst = self.existing(instance_id)
        sender = validation.recipient(body.get("from"))
        push_name = body.get("pushName")
        if push_name is not None and not isinstance(push_name, str):
            raise invalid("pushName", "pushName must be a string")
        group = None
        if body.get("group") is not None:
            group = inst.groups.get(str(body["group"]))
            if group is None:
                raise invalid("group", "unknown group for this instance")
        if body.get("mediaType") is not None or body.get("mediaUrl") is not None:
            kind = validation.media_type(body.get("mediaType"))
            url = validation.http_url("mediaUrl", body.get("mediaUrl"), optional=False)
            assert url is not None
            file_name = body.get("fileName")
            media = (kind, url, validation.caption(body.get("caption")),
                     file_name if isinstance(file_name, str) else None)
            self._require_connected(inst)
            return self._incoming(inst, sender, push_name, media=media, group=group)
        text = validation.message_text(body.get("text"))
        self._require_connected(inst)
        return self._incoming(inst, sender, push_name, text=text, group=group)

    def typing(self, instance_id: str, body: JsonObject) -> None:
        inst = self.existing(instance_id)
        sender = validation.recipient(body.get("from"))
        state = body.get("state", "composing")
        if state not in ("composing", "recording", "paused", "available", "unavailable"):
            raise invalid("state", "state must be composing, recording, paused, available "
                                   "or unavailable")
        self._require_connected(inst)
        jid = events.user_jid(sender)
        self._emit(inst, "presence.update", events.presence_update(jid, str(state)))

    def create_group(self, instance_id: str, body: JsonObject) -> Group:
        inst = self.existing(instance_id)
        subject = validation.required_string("subject", body.get("subject")).strip()
        members = body.get("members")
        if not isinstance(members, list) or not members:
            raise invalid("members", "members must be a non-empty list of numbers")
        numbers = [validation.recipient(m) for m in members]
        self._require_connected(inst)
        assert inst.phone is not None
        group = Group(phone.new_group_jid(), subject, numbers)
        inst.groups[group.jid] = group
        owner = events.user_jid(inst.phone.lstrip("+"))
        self._emit(inst, "groups.upsert", [events.group_metadata(
            group.jid, subject, owner, numbers, int(self.now()))])
        return group

    def update_group(self, instance_id: str, group_jid: str, body: JsonObject) -> Group:
        inst = self.existing(instance_id)
        group = inst.groups.get(group_jid)
        if group is None:
            raise not_found("group")
        group.subject = validation.required_string("subject", body.get("subject")).strip()
        self._emit(inst, "groups.update", [{"id": group.jid, "subject": group.subject}])
        return group

    def revoke(self, instance_id: str, body: JsonObject) -> JsonObject:
        inst = self.existing(instance_id)
        message_id = validation.required_string("messageId", body.get("messageId"))
        key = inst.messages.get(message_id)
        if key is None:
            raise not_found("message")
        # Evolution v2 posts the revoked message's key as the event's data.
        self._emit(inst, "messages.delete", dict(key))
        return key

    # ---- demo --------------------------------------------------------------------
    def demo_messages(self, count: int) -> None:
        """Contacts write now (the demo's first conversations, once webhooks are set)."""
        for _ in range(count):
            self._demo_message()

    def _demo_message(self) -> None:
        connected = [i for i in self.instances.values() if i.status == "connected"]
        if not connected:
            return
        seed = next(self._timer_seq)
        inst = connected[seed % len(connected)]
        sender = f"55119{91230000 + seed % 6:08d}"
        self._incoming(inst, sender, None, text=phone.opener(seed))

    def _demo_activity(self, now: float) -> None:
        interval = self.config.activity_interval
        if not interval:
            return
        if self._next_activity is None:
            self._next_activity = now + interval
        if now < self._next_activity:
            return
        self._next_activity = now + interval
        self._demo_message()
