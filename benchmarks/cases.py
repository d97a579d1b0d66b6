"""Deterministic calculator requests generated from the policy data, for the throughput test.

Nothing is hard-coded but the mix and the seed: levels, titles, editions, targets, schooling
and the year thresholds come from policy/*.yaml, so the cases follow the rules as they change.

- Equivalence: every level (hired and not) and every title (hired and not), cycled.
- Eligibility: for each edition in turn, a target that edition has routes for; a certificate
  below it (or none); years around every threshold the edition's conditions name (t − 1, t,
  t + 1); schooling, a title tier, the yes/no facts; sometimes the occupation-specific
  extension routes; a fixed `as_of` date so answers do not change with the day it runs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hgpolicy.policy import load_policy
from tests.support.builds import ROOT

SEED = 20204  # 黄改委发〔2020〕4号
AS_OF = "2025-06-30"
EQUIVALENCE_SHARE = 0.5


@dataclass(frozen=True)
class PolicyFacts:
    """What the generator needs from policy/: ids in order and the thresholds per edition."""

    levels: list[dict[str, Any]]  # sorted by order
    titles: list[str]
    tiers: list[str]
    education: list[str]
    editions: list[str]
    targets: dict[str, list[str]]  # edition → levels it has routes for, lowest first
    years: dict[str, list[int]]  # edition → candidate year figures
    ages: dict[str, list[int]]  # edition → candidate ages
    with_extensions: set[str]  # editions that have occupation-specific extension routes


def read_policy(policy_dir: Path = ROOT / "policy") -> PolicyFacts:
    """The parts of policy/*.yaml the cases are made from, loaded and validated as the build
    and the tests load them."""
    load = load_policy(policy_dir).__getitem__
    levels = sorted(load("levels")["levels"], key=lambda lv: lv["order"])
    titles = load("titles")
    routes = load("application-routes")
    order = {lv["id"]: lv["order"] for lv in levels}
    editions = [e["id"] for e in routes["editions"]]
    extensions = routes.get("extensions", [])
    by_edition = {
        e: [r for r in [*routes["routes"], *extensions] if r["edition"] == e] for e in editions
    }
    return PolicyFacts(
        levels=levels,
        titles=[t["id"] for t in titles["titles"]],
        tiers=[t["id"] for t in sorted(titles["tiers"], key=lambda t: t["order"])],
        education=[e["id"] for e in load("education")["education"]],
        editions=editions,
        targets={
            e: sorted({r["target"] for r in rs}, key=order.__getitem__)
            for e, rs in by_edition.items()
        },
        years={e: _around(_condition_values(rs, "years"), floor=0) for e, rs in by_edition.items()},
        ages={e: _around(_condition_values(rs, "min"), floor=14) for e, rs in by_edition.items()},
        with_extensions={r["edition"] for r in extensions},
    )


def _condition_values(routes: list[dict[str, Any]], key: str) -> set[int]:
    return {c[key] for r in routes for c in r["conditions"] if isinstance(c.get(key), int)}


def _around(values: set[int], *, floor: int) -> list[int]:
    """Each threshold and its neighbours: the values where answers change."""
    return sorted({v + d for v in values for d in (-1, 0, 1) if v + d >= floor}) or [floor]


def equivalence_cases(policy: PolicyFacts, count: int) -> list[dict[str, Any]]:
    """`count` equivalence requests cycling through every level and title, hired or not."""
    grid = [{"level": lv["id"], "hired": hired} for lv in policy.levels for hired in (True, False)]
    grid += [{"title": title, "hired": hired} for title in policy.titles for hired in (True, False)]
    return [dict(grid[i % len(grid)]) for i in range(count)]


def eligibility_case(policy: PolicyFacts, edition: str, rng: random.Random) -> dict[str, Any]:
    """One eligibility request for `edition`, drawn from the policy's own values."""
    order = {lv["id"]: lv["order"] for lv in policy.levels}
    target = rng.choice(policy.targets[edition])
    below = [lv["id"] for lv in policy.levels if lv["order"] < order[target]]
    certificate = rng.choice([None, *below]) if below else None
    years = policy.years[edition]
    case: dict[str, Any] = {"edition": edition, "target": target, "as_of": AS_OF}
    total = rng.choice(years)
    if certificate is not None:
        since = rng.choice(years)
        case |= {"certificate": certificate, "years_since_certificate": since}
        total = max(total, since)
    case["total_years"] = total
    if rng.random() < 0.6:
        case["education"] = rng.choice(policy.education)
    if rng.random() < 0.3:
        case |= {"title": rng.choice(policy.tiers), "years_since_title": rng.choice(years)}
    for flag in ("apprenticeship_completed", "preparatory_technician", "technician_class"):
        if rng.random() < 0.2:
            case[flag] = True
    if rng.random() < 0.5:
        case["age"] = rng.choice(policy.ages[edition])
    if edition in policy.with_extensions and rng.random() < 0.25:
        case["extensions"] = True
    return case


def eligibility_cases(policy: PolicyFacts, count: int, seed: int = SEED) -> list[dict[str, Any]]:
    """`count` eligibility requests, the editions taking turns."""
    rng = random.Random(seed)
    editions = policy.editions
    return [eligibility_case(policy, editions[i % len(editions)], rng) for i in range(count)]


def mixed_cases(total: int, policy: PolicyFacts | None = None) -> dict[str, list[dict[str, Any]]]:
    """`total` requests by kind: EQUIVALENCE_SHARE equivalence, the rest eligibility."""
    policy = policy or read_policy()
    n_eq = round(total * EQUIVALENCE_SHARE)
    return {
        "equivalence": equivalence_cases(policy, n_eq),
        "eligibility": eligibility_cases(policy, total - n_eq),
    }
