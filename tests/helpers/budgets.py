"""Hypothesis budgets: one profile for every property test, chosen once (tests/conftest.py).

"ci" is the profile CI runs (CI=true) and the reference: each module states its number of examples
as it is under "ci", sized so that `make test` stays within about five minutes on two cores.
Without CI=true the profile is "dev", the same budgets (a laptop runs what CI runs, and the same
cases: derandomized). HYPOTHESIS_PROFILE=quick divides every budget by 10 while editing;
HYPOTHESIS_PROFILE=thorough multiplies it by 10 to search longer.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

CI_EXAMPLES = 100  # hypothesis's own default: a module's budget is a multiple of it

settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
    deadline=None,  # sessions and subprocesses under parallel load: no per-example time limit
    database=None,  # nothing written to the tree
    derandomize=True,  # the same cases on every run: a failure in CI reproduces on a laptop
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.register_profile("dev", parent=settings.get_profile("ci"), print_blob=False)
settings.register_profile("quick", parent=settings.get_profile("ci"), max_examples=CI_EXAMPLES // 10)
settings.register_profile("thorough", parent=settings.get_profile("ci"), max_examples=CI_EXAMPLES * 10)


def load_profile() -> str:
    name = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev")
    settings.load_profile(name)
    return name


def examples(under_ci: int) -> int:
    """A test's number of examples: `under_ci` under the "ci" profile, scaled with the loaded one."""
    return max(1, round(under_ci * settings.default.max_examples / CI_EXAMPLES))
