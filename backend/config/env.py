"""Environment access: every setting comes from an environment variable with a default."""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parents[2]

env = environ.Env()
