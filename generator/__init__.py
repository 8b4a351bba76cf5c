"""Deterministic demo-data generator for the precision-marketing dbt project.

The generator simulates a consumer brand's customers across every channel in
DESIGN.md section 4 and writes one raw export per source table, dirty in known
ways, plus the truth (who is behind every record, each planted defect's count)
for the tests. Nothing in the dbt project reads the truth.
"""

__all__ = ["__version__"]

__version__ = "1.0.0"
