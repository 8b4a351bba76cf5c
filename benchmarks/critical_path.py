"""The longest chain of waits in a finished `dbt build`, from its artifacts:
what bounds the wall time however many threads run, beside the thread time
(every node's execution time added up) that bounds it on few cores.

    python -m benchmarks.critical_path --target T [--min-seconds 1]

In `dbt build` a node starts after its parents and after the data tests on
its parents (a failing test skips the children), and a model's unit tests
run before it. So a node's predecessors here are: its parents; the data
tests on one parent alone (a relationships test, on two models, holds back
neither child); and, for a model, its unit tests. A unit test waits on the
tested model's parents. Each node weighs its execution time in
run_results.json; the path is the heaviest chain of predecessors. Nothing
here asserts a time: it measures and writes down.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Chain:
    seconds: float
    nodes: list[tuple[str, float]]


@dataclass
class Report:
    elapsed_seconds: float
    thread_seconds: float
    critical: Chain


def predecessors(manifest: dict) -> dict[str, list[str]]:
    """Each node's predecessors in a dbt build (module docstring)."""
    parents: dict[str, list[str]] = manifest["parent_map"]
    single_parent_tests: dict[str, list[str]] = {}
    for node, node_parents in parents.items():
        if node.startswith("test.") and len(set(node_parents)) == 1:
            single_parent_tests.setdefault(node_parents[0], []).append(node)
    unit_tests = manifest.get("unit_tests", {})
    units_of: dict[str, list[str]] = {}
    for unit_id, unit in unit_tests.items():
        for tested in unit["depends_on"]["nodes"]:
            units_of.setdefault(tested, []).append(unit_id)

    def before(node: str) -> list[str]:
        if node in unit_tests:
            tested = unit_tests[node]["depends_on"]["nodes"]
            direct = [p for model in tested for p in parents.get(model, [])]
        else:
            direct = list(parents.get(node, [])) + units_of.get(node, [])
        waits = list(direct)
        if not node.startswith("test."):
            for parent in direct:
                waits += single_parent_tests.get(parent, [])
        return sorted(set(waits))

    return {node: before(node) for node in [*parents, *unit_tests]}


def critical_path(run_results: dict, manifest: dict) -> Report:
    seconds = {r["unique_id"]: float(r["execution_time"]) for r in run_results["results"]}
    before = predecessors(manifest)
    heaviest: dict[str, tuple[float, str | None]] = {}

    def weigh(node: str) -> tuple[float, str | None]:
        # Iterative depth-first, so a long chain does not hit the
        # recursion limit.
        stack = [node]
        while stack:
            current = stack[-1]
            if current in heaviest:
                stack.pop()
                continue
            pending = [p for p in before.get(current, []) if p not in heaviest]
            if pending:
                stack.extend(pending)
                continue
            best, via = 0.0, None
            for parent in before.get(current, []):
                if heaviest[parent][0] > best:
                    best, via = heaviest[parent][0], parent
            heaviest[current] = (best + seconds.get(current, 0.0), via)
            stack.pop()
        return heaviest[node]

    end = max(seconds, key=lambda node: weigh(node)[0])
    chain: list[tuple[str, float]] = []
    node: str | None = end
    while node is not None:
        chain.append((node, seconds.get(node, 0.0)))
        node = heaviest[node][1]
    chain.reverse()
    return Report(
        elapsed_seconds=float(run_results["elapsed_time"]),
        thread_seconds=sum(seconds.values()),
        critical=Chain(seconds=weigh(end)[0], nodes=chain),
    )


def from_target(target: Path) -> Report:
    return critical_path(
        json.loads((target / "run_results.json").read_text()),
        json.loads((target / "manifest.json").read_text()),
    )


def short_name(node: str) -> str:
    """model.project.name -> name; a data test keeps its (long) name."""
    kind, _, rest = node.partition(".")
    return f"{kind} {rest.split('.')[1] if kind == 'test' else rest.split('.')[-1]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.critical_path", description=__doc__)
    parser.add_argument("--target", type=Path, required=True, help="the build's target folder")
    parser.add_argument(
        "--min-seconds", type=float, default=1.0, help="list path nodes at least this long"
    )
    args = parser.parse_args(argv)
    report = from_target(args.target)
    print(
        f"elapsed {report.elapsed_seconds:.1f} s; critical path {report.critical.seconds:.1f} s "
        f"({len(report.critical.nodes)} nodes); thread time {report.thread_seconds:.1f} s"
    )
    for node, seconds in report.critical.nodes:
        if seconds >= args.min_seconds:
            print(f"{seconds:8.1f}  {short_name(node)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
