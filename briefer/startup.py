"""Which store the app opens at start-up — Qt-free so it is tested headless.

``--db`` or ``BRIEFER_DB`` wins. Otherwise the user's own store opens if it exists; on the
very first run there is none, so the sample workspace opens in its own store (built on
demand), and File → New Store starts a real one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from briefer import paths
from briefer.store import Store, StoreTarget, resolve_target


@dataclass(frozen=True)
class Startup:
    target: StoreTarget
    is_sample: bool


def startup_target(db: str | None) -> Startup:
    if db or os.environ.get("BRIEFER_DB"):
        return Startup(resolve_target(db), False)
    default = paths.default_store_path()
    if default.exists():
        return Startup(resolve_target(str(default)), False)
    return Startup(resolve_target(str(paths.sample_store_path())), True)


def open_startup_store(db: str | None, passphrase: str | None = None) -> Store:
    startup = startup_target(db)
    store = Store.open(startup.target, passphrase=passphrase)
    if startup.is_sample:
        from briefer.sample.workspace import ensure_sample_store

        try:
            ensure_sample_store(store)
        except Exception:
            store.close()
            raise
    return store
