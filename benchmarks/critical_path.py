"""The longest chain of waits in a finished `dbt build`, from its artifacts:
what bounds the wall time however many threads run, beside the thread time
(every node's execution time added up) that bounds it on few threads.

    python -m benchmarks.critical_path --target T [--min-seconds 1]

The waits are dbt build's (dbt-core's add_test_edges): a model or seed
starts after its parents and after every data test whose tested nodes
are all among its ancestors (a test on one parent, or a relationships
test between two of its ancestors). A model's unit tests run one after
another in the model's own turn, before it, so their time is added to the
model's. Each node weighs its execution time in run_results.json; the path
is the heaviest chain of waits. It also reports, from the nodes' start
and end times, how long only one node was running (the other threads idle
or between nodes) and which nodes those were, and the thread time by kind
of node (models, unit tests, each generic data test). Nothing here asserts
a time: it measures and writes down.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
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
    threads: int = 0
    one_running_seconds: float = 0.0
    running_alone: dict[str, float] = field(default_factory=dict)
    by_kind: dict[str, float] = field(default_factory=dict)


def running_alone(run_results: dict) -> tuple[float, dict[str, float]]:
    """Seconds during which exactly one node's timing span was open (the
    other threads idle or between nodes), in all and per node, from each
    node's first start and last end in its timing entries."""

    def moment(text: str) -> dt.datetime:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))

    events: list[tuple[dt.datetime, int, str]] = []
    for result in run_results["results"]:
        spans = [
            t for t in result.get("timing", []) if t.get("started_at") and t.get("completed_at")
        ]
        if not spans:
            continue
        began = min(moment(t["started_at"]) for t in spans)
        ended = max(moment(t["completed_at"]) for t in spans)
        events += [(began, 1, result["unique_id"]), (ended, -1, result["unique_id"])]
    # Starts before ends at one instant, so a node that starts and ends at
    # the same moment is added before it is removed.
    events.sort(key=lambda event: (event[0], -event[1]))
    running: set[str] = set()
    alone: dict[str, float] = {}
    previous = events[0][0] if events else None
    for at, change, node in events:
        if len(running) == 1:
            (only,) = running
            alone[only] = alone.get(only, 0.0) + (at - previous).total_seconds()
        previous = at
        if change > 0:
            running.add(node)
        else:
            running.discard(node)
    return sum(alone.values()), alone


def thread_time_by_kind(run_results: dict, manifest: dict) -> dict[str, float]:
    """Execution time added up per kind of node: model, seed, unit_test,
    snapshot, operation, and each data test under its generic test's name
    (unique, not_null, a project test such as reconciles_with_source),
    singular for a test written as its own SQL file, or unknown for a test
    the manifest does not hold (a stale manifest). Largest first."""
    nodes = manifest.get("nodes", {})
    totals: dict[str, float] = {}
    for result in run_results["results"]:
        node = result["unique_id"]
        kind = node.partition(".")[0]
        if kind == "test" and node not in nodes:
            kind = "test unknown"
        elif kind == "test":
            metadata = nodes[node].get("test_metadata") or {}
            kind = f"test {metadata.get('name', 'singular')}"
        totals[kind] = totals.get(kind, 0.0) + float(result["execution_time"])
    return dict(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def predecessors(manifest: dict) -> dict[str, list[str]]:
    """Each node's waits in a dbt build (module docstring)."""
    parents: dict[str, list[str]] = manifest["parent_map"]
    ancestors: dict[str, frozenset[str]] = {}

    def ancestors_of(node: str) -> frozenset[str]:
        # Iterative, so a long chain does not hit the recursion limit.
        stack = [node]
        while stack:
            current = stack[-1]
            pending = [p for p in parents.get(current, []) if p not in ancestors]
            if pending:
                stack.extend(pending)
                continue
            found: set[str] = set()
            for parent in parents.get(current, []):
                found |= {parent} | ancestors[parent]
            ancestors[current] = frozenset(found)
            stack.pop()
        return ancestors[node]

    tests = {node: set(ps) for node, ps in parents.items() if node.startswith("test.")}
    waits: dict[str, list[str]] = {}
    for node, node_parents in parents.items():
        if node.startswith(("test.", "source.", "exposure.", "metric.")):
            waits[node] = list(node_parents)
            continue
        upstream = ancestors_of(node)
        waits[node] = sorted(
            set(node_parents)
            | {test for test, tested in tests.items() if tested and tested <= upstream}
        )
    return waits


def critical_path(run_results: dict, manifest: dict) -> Report:
    seconds = {r["unique_id"]: float(r["execution_time"]) for r in run_results["results"]}
    # A model's unit tests run in its own turn, before it.
    for unit_id, unit in manifest.get("unit_tests", {}).items():
        for tested in unit["depends_on"]["nodes"]:
            if unit_id in seconds:
                seconds[tested] = seconds.get(tested, 0.0) + seconds.pop(unit_id)
    timed = [node for node in seconds if not node.startswith("unit_test.")]
    if not timed:
        return Report(
            float(run_results["elapsed_time"]),
            0.0,
            Chain(0.0, []),
            by_kind=thread_time_by_kind(run_results, manifest),
        )
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

    end = max(timed, key=lambda node: weigh(node)[0])
    chain: list[tuple[str, float]] = []
    node: str | None = end
    while node is not None:
        chain.append((node, seconds.get(node, 0.0)))
        node = heaviest[node][1]
    chain.reverse()
    one_running, alone = running_alone(run_results)
    return Report(
        elapsed_seconds=float(run_results["elapsed_time"]),
        thread_seconds=sum(seconds.values()),
        critical=Chain(seconds=weigh(end)[0], nodes=chain),
        threads=len(
            {r.get("thread_id") for r in run_results["results"] if r.get("thread_id") != "main"}
        ),
        one_running_seconds=one_running,
        running_alone=alone,
        by_kind=thread_time_by_kind(run_results, manifest),
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
        "--min-seconds",
        type=float,
        default=1.0,
        help="list path nodes at least this long (a model's time includes its unit tests)",
    )
    args = parser.parse_args(argv)
    report = from_target(args.target)
    print(
        f"elapsed {report.elapsed_seconds:.1f} s; critical path {report.critical.seconds:.1f} s "
        f"({len(report.critical.nodes)} nodes); thread time {report.thread_seconds:.1f} s "
        f"on {report.threads} threads"
    )
    for node, seconds in report.critical.nodes:
        if seconds >= args.min_seconds:
            print(f"{seconds:8.1f}  {short_name(node)}")
    print("thread time by kind of node:")
    for kind, seconds in report.by_kind.items():
        if seconds >= args.min_seconds:
            print(f"{seconds:8.1f}  {kind}")
    print(f"one node running for {report.one_running_seconds:.1f} s:")
    for node, seconds in sorted(report.running_alone.items(), key=lambda item: -item[1]):
        if seconds >= args.min_seconds:
            print(f"{seconds:8.1f}  {short_name(node)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
