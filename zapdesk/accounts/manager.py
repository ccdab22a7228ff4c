"""Signing in, reopening and removing accounts: profiles, secrets and clients together.

Keyring calls can block on D-Bus, so they run in a worker thread; the loop never waits
on them.
"""

from __future__ import annotations

import asyncio
import logging
from secrets import token_urlsafe
from typing import Any

from zapdesk.accounts.keychain import SecretKind, SecretStore
from zapdesk.accounts.profiles import AccountProfile, ProfileStore
from zapdesk.api.client import DEFAULT_BASE_URL, ZapFlareClient
from zapdesk.core import errors, validation

log = logging.getLogger(__name__)


class AccountManager:
    def __init__(self, profiles: ProfileStore, secrets: SecretStore,
                 **client_options: Any) -> None:
        self.profiles = profiles
        self.secrets = secrets
        self.client_options = client_options  # timeouts, retries: passed to every client
        self._session_only: set[str] = set()  # accounts whose secrets live in memory only

    def accounts(self) -> list[AccountProfile]:
        return self.profiles.load()

    async def add(self, *, display_name: str = "", base_url: str = DEFAULT_BASE_URL,
                  email: str | None = None, password: str | None = None,
                  api_key: str | None = None, remember: bool = True,
                  abandoned: asyncio.Event | None = None
                  ) -> tuple[AccountProfile, ZapFlareClient]:
        """Sign in to a new account, and keep it once the server has accepted the secret."""
        url = validation.http_url(base_url, field="server")
        if (api_key is None) == (password is None):
            raise ValueError("give either a password or an API key")
        if password is not None and not (email or "").strip():
            raise errors.InvalidInput("an email is needed with a password", field="email")
        if remember and not self.secrets.available:
            # Said before any network call, so the operator can choose "this session only".
            raise errors.KeyringUnavailable(self.secrets.unavailable_reason or "")
        profile = AccountProfile.new(display_name, url,
                                     "api_key" if api_key is not None else "password",
                                     email.strip() if email else None)
        client = await self.sign_in(profile, password=password, api_key=api_key,
                                    remember=remember, abandoned=abandoned)
        await asyncio.to_thread(self.profiles.add, profile)
        return profile, client

    async def sign_in(self, profile: AccountProfile, *, password: str | None = None,
                      api_key: str | None = None, remember: bool = True,
                      abandoned: asyncio.Event | None = None) -> ZapFlareClient:
        """Check a secret with the server, then store it (keyring, or memory if not
        ``remember``). When ``abandoned`` is set by the time the server answers, nothing is
        kept and ``Abandoned`` is raised: the operator stopped waiting."""
        if not remember:
            self._session_only.add(profile.id)
        else:
            self._session_only.discard(profile.id)
        if profile.auth_mode == "api_key":
            if not api_key:
                raise errors.ApiKeyMissing("an API key is needed", code="no_credentials")
            client = self._client(profile, api_key=api_key)
        else:
            if not password:
                raise errors.PasswordMissing("a password is needed", code="no_credentials")
            client = self._client(profile, password=password)
        try:
            if api_key is not None:
                await client.list_instances()  # the cheapest call that proves the key
                self._check(abandoned)
                await self._store(profile.id, SecretKind.API_KEY, api_key)
            else:
                assert password is not None
                await client.login()  # stores the session cookie through on_session
                if abandoned is not None and abandoned.is_set():
                    await asyncio.to_thread(self.secrets.delete, profile.id,
                                            SecretKind.SESSION)
                self._check(abandoned)
                await self._store(profile.id, SecretKind.PASSWORD, password)
        except BaseException:
            await client.aclose()
            raise
        return client

    async def open(self, profile: AccountProfile) -> ZapFlareClient:
        """A client for a stored account: reuse its session cookie when there is one,
        else log in with the stored password; NotAuthenticated when neither is stored."""
        if profile.auth_mode == "api_key":
            key = await self._get(profile.id, SecretKind.API_KEY)
            if key is None:
                raise self._missing(errors.ApiKeyNotSaved, errors.ApiKeyMissing,
                                    "no API key is stored")
            return self._client(profile, api_key=key)
        password = await self._get(profile.id, SecretKind.PASSWORD)
        cookie = await self._get(profile.id, SecretKind.SESSION)
        if cookie is None and password is None:
            raise self._missing(errors.PasswordNotSaved, errors.PasswordMissing,
                                "no password is stored")
        client = self._client(profile, password=password, cookie=cookie)
        if cookie is None:
            try:
                await client.login()
            except (errors.NetworkError, errors.ServerError, errors.RateLimited) as exc:
                # Not a refusal: the server cannot answer now. The account opens with its
                # last-known list; its refresh loop logs in (a 401 asks it to) once the
                # server is back, and meanwhile says why it waits.
                log.info("cannot log in to %s now (%s); will retry", profile.display_name, exc)
            except BaseException:
                await client.aclose()
                raise
        return client

    async def remove(self, profile: AccountProfile, client: ZapFlareClient | None = None
                     ) -> None:
        if client is not None:
            try:
                await client.logout()
            except errors.ZapdeskError as exc:  # signing out locally must work offline too
                log.info("server logout failed for %s: %s", profile.display_name, exc)
            await client.aclose()
        await asyncio.to_thread(self.secrets.delete_all, profile.id)
        await asyncio.to_thread(self.profiles.remove, profile.id)
        self._session_only.discard(profile.id)

    async def webhook_token(self, profile: AccountProfile) -> tuple[str, bool]:
        """The secret in this account's listener URL, made on first use; the flag is False
        when it could only be kept for this session (the URL will change next time)."""
        kept = profile.id not in self._session_only and self.secrets.available
        try:
            token = await self._get(profile.id, SecretKind.WEBHOOK)
        except errors.KeyringUnavailable:
            token, kept = None, False
        if token:
            return token, kept
        token = token_urlsafe(24)
        try:
            await self._store(profile.id, SecretKind.WEBHOOK, token)
        except errors.KeyringUnavailable:
            await asyncio.to_thread(self.secrets.set, profile.id, SecretKind.WEBHOOK, token,
                                    session_only=True)
            kept = False
        return token, kept

    # ---- helpers ------------------------------------------------------------------
    @staticmethod
    def _check(abandoned: asyncio.Event | None) -> None:
        if abandoned is not None and abandoned.is_set():
            raise errors.Abandoned("the sign-in was cancelled before the server answered")

    def _missing(self, unsaved: type[errors.NotAuthenticated],
                 missing: type[errors.NotAuthenticated], what: str) -> errors.NotAuthenticated:
        """No secret to open an account with: because nothing could keep one (no keyring),
        or because none was kept. The server is not asked either way."""
        if not self.secrets.available:
            return unsaved(f"{what}: {self.secrets.unavailable_reason}", code="no_credentials")
        return missing(what, code="no_credentials")

    def _client(self, profile: AccountProfile, *, password: str | None = None,
                api_key: str | None = None, cookie: str | None = None) -> ZapFlareClient:
        if api_key is not None:
            return ZapFlareClient(profile.base_url, api_key=api_key, **self.client_options)

        async def keep_cookie(value: str | None) -> None:
            if value is None:
                await asyncio.to_thread(self.secrets.delete, profile.id, SecretKind.SESSION)
            else:
                await self._store(profile.id, SecretKind.SESSION, value)

        return ZapFlareClient(profile.base_url, email=profile.email, password=password,
                              session_cookie=cookie, on_session=keep_cookie,
                              **self.client_options)

    async def _store(self, account_id: str, kind: SecretKind, value: str) -> None:
        await asyncio.to_thread(self.secrets.set, account_id, kind, value,
                                session_only=account_id in self._session_only)

    async def _get(self, account_id: str, kind: SecretKind) -> str | None:
        return await asyncio.to_thread(self.secrets.get, account_id, kind)
