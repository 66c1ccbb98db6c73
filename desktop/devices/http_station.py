"""A docking station that serves its files over HTTP (FORMATS.md §6): the file list page by page,
the bytes from an offset (``Range: bytes=N-``), the acknowledgement; its token from the keyring
entry for the station or env ``DESK_STATION_TOKEN``."""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from desktop import APP_ID
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.devices.evidence import CHUNK
from desktop.devices.names import KINDS
from desktop.devices.stations import StationFile, Unmatched

TOKEN_ENV = "DESK_STATION_TOKEN"
TIMEOUT_S = 30.0
CHINA = timezone(timedelta(hours=8))
MSG_BAD_ENTRY = QT_TRANSLATE_NOOP("footage", "The station listed a file the import cannot read: {reason}")


class StationError(Exception):
    """A station's answer the import cannot go past: ``kind`` is ``auth`` (a bad token, 401),
    ``missing`` (the station lost the file, 404) or ``transient`` (5xx, a broken connection)."""

    def __init__(self, kind: str, message: str) -> None:
        self.kind = kind
        super().__init__(message)


def keyring_account(base: str) -> str:
    """The keyring entry of a station: its base URL."""
    return "station:" + base.rstrip("/")


def station_token(base: str) -> str | None:
    """The token for ``base``: the keyring's entry for the station, else env DESK_STATION_TOKEN."""
    import keyring
    from keyring.errors import KeyringError

    try:
        token = keyring.get_password(APP_ID, keyring_account(base))
    except KeyringError:
        token = None
    return token or os.environ.get(TOKEN_ENV) or None


def save_station_token(base: str, token: str) -> None:
    """Keep a station's token in the keyring."""
    import keyring

    keyring.set_password(APP_ID, keyring_account(base), token)


def is_http(source: str) -> bool:
    """Whether a source names an HTTP station."""
    return source.lower().startswith(("http://", "https://"))


class HttpStation:
    """A station of §6 at ``base``."""

    resumable = True

    def __init__(self, base: str, token: str | None, *, since: str | None = None) -> None:
        self.base = base.rstrip("/")
        self.source = self.base
        self.token = token
        self.since = since
        self.acks = 0

    def _request(self, path: str, *, method: str = "GET", headers: dict[str, str] | None = None) -> Any:
        request = urllib.request.Request(self.base + path, method=method)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        for k, v in (headers or {}).items():
            request.add_header(k, v)
        try:
            return urllib.request.urlopen(request, timeout=TIMEOUT_S)  # noqa: S310 - http(s) only
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code == 401:
                raise StationError("auth", f"{self.base}: the station refused the token (401)") from None
            if exc.code == 404:
                raise StationError("missing", f"{self.base}{path}: not found (404)") from None
            raise StationError("transient", f"{self.base}{path}: HTTP {exc.code}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            raise StationError("transient", f"{self.base}{path}: {exc}") from None

    def _json(self, path: str) -> Any:
        with self._request(path) as response:
            try:
                return json.loads(response.read().decode("utf-8"))
            except (ValueError, OSError, http.client.HTTPException) as exc:
                raise StationError("transient", f"{self.base}{path}: {exc}") from None

    def check(self) -> str:
        """Test the connection: how many files the first page lists."""
        page = self._json("/api/v1/files" + self._query(None))
        return str(len(page.get("files") or []))

    def _query(self, cursor: str | None) -> str:
        params = {k: v for k, v in (("since", self.since), ("cursor", cursor)) if v}
        return ("?" + urllib.parse.urlencode(params)) if params else ""

    def files(self) -> Iterator[StationFile | Unmatched]:
        cursor: str | None = None
        while True:
            page = self._json("/api/v1/files" + self._query(cursor))
            for entry in page.get("files") or []:
                yield _station_file(entry)
            cursor = page.get("next")
            if not cursor:
                return

    def read(self, item: StationFile, offset: int) -> Iterator[bytes]:
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        path = f"/api/v1/files/{urllib.parse.quote(item.key, safe='')}/content"
        with self._request(path, headers=headers) as response:
            try:
                if offset and response.status != 206:  # the whole file again: pass over what we have
                    left = offset
                    while left > 0 and (skipped := response.read(min(CHUNK, left))):
                        left -= len(skipped)
                while chunk := response.read(CHUNK):
                    yield chunk
                if response.length:  # the connection closed before the promised length
                    raise StationError("transient", f"{self.base}{path}: the connection dropped")
            except (OSError, http.client.HTTPException) as exc:
                raise StationError("transient", f"{self.base}{path}: {exc}") from None

    def ack(self, item: StationFile) -> None:
        path = f"/api/v1/files/{urllib.parse.quote(item.key, safe='')}/ack"
        with self._request(path, method="POST") as response:
            response.read()
        self.acks += 1


def _station_file(entry: dict) -> StationFile | Unmatched:
    name = str(entry.get("name") or entry.get("id") or "")
    try:
        start = datetime.fromisoformat(str(entry["start"]))
        if start.tzinfo is not None:
            start = start.astimezone(CHINA).replace(tzinfo=None)  # the recorder's wall clock
        ext = name.rsplit(".", 1)[1].lower() if "." in name else "mp4"
        return StationFile(
            key=str(entry["id"]),
            name=name,
            size=int(entry["size"]) if entry.get("size") is not None else None,
            officer=str(entry["officer"]),
            device=str(entry["device"]),
            start=start,
            kind=KINDS.get(ext, "video"),
            ext=ext,
            important=bool(entry.get("important")),
            duration_s=int(entry["duration_s"]) if entry.get("duration_s") is not None else None,
            sha256=str(entry["sha256"]).lower() if entry.get("sha256") else None,
        )
    except (KeyError, ValueError, TypeError) as exc:
        return Unmatched(name or "?", MSG_BAD_ENTRY, (("reason", str(exc)),))
