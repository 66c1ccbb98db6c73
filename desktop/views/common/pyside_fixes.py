"""Work around PySide6 defects that would crash the program; each fix checks that it is needed.

**Borrowed ``True`` from ``SignalInstance.emit`` and ``.disconnect``** (seen in PySide6 6.12.0 on
CPython 3.11): both return ``Py_True`` without taking a reference, so every ``signal.emit(...)``
from Python drops one reference to ``True``. After a few thousand emits the count reaches zero
and CPython aborts with "Fatal Python error: bool_dealloc" (often only at exit). The fix wraps
both methods to take the missing reference. It is applied only when a probe shows the leak, so
a fixed PySide6 (or CPython ≥ 3.12, where ``True`` is immortal) runs untouched.

``apply()`` runs when ``desktop.views.common`` is imported; ``app.py`` may call it again first
thing (it is idempotent).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBES = 16
_applied: list[str] = []

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    probed = Signal()


def _drops_true(call: Callable[[], Any]) -> bool:
    """Whether ``call`` loses one reference to ``True`` each time it runs."""
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        call()
    lost = before - sys.getrefcount(True)
    if lost >= _PROBES // 2:
        for _ in range(lost):  # give back what the probe itself took
            _incref(True)
    return lost >= _PROBES // 2


def _take_reference(method: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(self: SignalInstance, *args: Any) -> Any:
        result = method(self, *args)
        _incref(result)  # the binding returned a borrowed reference
        return result

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    wrapper.__wrapped__ = method  # type: ignore[attr-defined]
    return wrapper


def _emit_probe(probe: _Probe) -> None:
    probe.probed.emit()


def _disconnect_probe(probe: _Probe) -> None:
    probe.probed.connect(_noop)
    probe.probed.disconnect(_noop)


def _noop() -> None:
    """A slot for the probe."""


def apply() -> list[str]:
    """Apply every fix this PySide6 needs (once); return the names of the fixes in force."""
    if _applied or getattr(SignalInstance.emit, "__wrapped__", None) is not None:
        return list(_applied)
    probe = _Probe()
    if _drops_true(lambda: _emit_probe(probe)):
        SignalInstance.emit = _take_reference(SignalInstance.emit)
        _applied.append("SignalInstance.emit")
    if _drops_true(lambda: _disconnect_probe(probe)):
        SignalInstance.disconnect = _take_reference(SignalInstance.disconnect)
        _applied.append("SignalInstance.disconnect")
    return list(_applied)


def applied() -> list[str]:
    """The names of the fixes in force."""
    return list(_applied)
