"""A Celery broker that needs no server, for `make run` (and the tests of its worker): kombu's
``filesystem://`` transport keeps each message as a file in a folder that the web process
writes to and the worker reads from (no new dependency). One consumer per folder: a worker's
parent process takes the messages and hands them to its pool."""

from pathlib import Path
from typing import Any

from backend.config.env import BASE_DIR, env

FILESYSTEM_SCHEME = "filesystem://"
#: How often the worker looks for new messages, in seconds (kombu's default is 1).
POLLING_INTERVAL = 0.25


def filesystem_broker_options(root: Path) -> dict[str, Any]:
    """Transport options for ``filesystem://`` under ``root``, whose folders are created:
    ``queue`` holds the messages, ``control`` the exchange bindings (remote control)."""
    queue, control = root / "queue", root / "control"
    for folder in (queue, control):
        folder.mkdir(parents=True, exist_ok=True)
    return {
        "data_folder_in": str(queue),
        "data_folder_out": str(queue),
        "control_folder": str(control),
        "store_processed": False,
        "polling_interval": POLLING_INTERVAL,
    }


def broker_transport_options(broker_url: str, otherwise: dict[str, Any]) -> dict[str, Any]:
    """The transport options for ``broker_url``: for ``filesystem://``, its folders under
    CELERY_BROKER_DIR (default var/broker); for any other broker, ``otherwise``."""
    if not broker_url.startswith(FILESYSTEM_SCHEME):
        return otherwise
    root = env.str("CELERY_BROKER_DIR", default=str(BASE_DIR / "var" / "broker"))
    return filesystem_broker_options(Path(root))
