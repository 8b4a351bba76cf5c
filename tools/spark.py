"""A Spark session configured exactly like the `spark` target in profiles.yml.

The loader and the tests open Spark outside dbt; reading the settings from
profiles.yml keeps one definition of warehouse, metastore and time zone.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
_ENV_VAR = re.compile(r"\{\{\s*env_var\('([^']+)'(?:,\s*'([^']*)')?\)\s*\}\}")


def _render(text: str) -> str:
    """Substitute the `env_var()` calls profiles.yml uses (nothing else)."""
    return _ENV_VAR.sub(lambda m: os.environ.get(m.group(1), m.group(2) or ""), text)


def spark_settings() -> dict[str, str]:
    profile = yaml.safe_load((ROOT / "profiles.yml").read_text())
    target = profile["precision_marketing"]["outputs"]["spark"]
    return {key: _render(str(value)) for key, value in target["server_side_parameters"].items()}


def session(app_name: str) -> Any:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name).enableHiveSupport()
    for key, value in spark_settings().items():
        builder = builder.config(key, value)
    return builder.getOrCreate()
