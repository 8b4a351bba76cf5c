"""Run sqlfluff on the project's SQL with dbt's own sqlparse limits.

    python -m tools.lint_sql lint models tests analyses

The same arguments as the `sqlfluff` command. dbt's command line lifts
sqlparse's limit of 10,000 tokens per statement (its `--sqlparse` option
defaults to no limit), but sqlfluff's dbt templater calls dbt from Python,
where the library's limit still holds, and skips, with a warning only, any
model whose compiled SQL is longer (stg_quarantine__rows, a union of every
source table). Lifting the limit here lints every model that dbt builds.
"""

from __future__ import annotations

import sqlparse.engine.grouping
from sqlfluff.cli.commands import cli

if __name__ == "__main__":
    sqlparse.engine.grouping.MAX_GROUPING_TOKENS = None
    sqlparse.engine.grouping.MAX_GROUPING_DEPTH = None
    cli(prog_name="sqlfluff")
