"""The rule engine's limits, checked on a rule book before durable-rules ever sees it.

durable-rules 2.0.28 compiles every rule into one network of tests (its "alpha nodes", rete.c),
shared between rules where they test the same thing in the same order, and it has fixed limits
that a rule book can exceed, some of them with a crash or a silently wrong result rather than an
error. This module builds the same network, as rete.c does, from the rules' conditions (no durable
import), and refuses a rule book that would come near a limit; docs/how-it-works.md, "Content limits", gives the
figures measured against durable itself.

How rete.c builds it: a rule's conditions are tests in a chain, in the order of its `when`; a test
with several values (`setting = ["a", "b"]`, `interests = { includes = [...] }`) becomes one branch
per value joined by a new "forward" node of that rule's own, linked from each branch; a rule ends
on the last node of its chain (a "beta" entry there). A rule with no condition tests the fact's
kind. Its limits, per node: 256 rules ending there (BETA_LIST_LENGTH; at exactly 256 the result is
silently wrong, above it error 108), 128 forward links (NEXT_LIST_LENGTH, error 107). When a fact
is asserted, the engine walks the network with a stack of 64 nodes (MAX_STACK_SIZE, error 303 at
assert time, for some answers only): each node reached pushes its forward links and every child
whose test holds. The bound computed here assumes that the answers make every child of a node hold
that can hold together, so it is never below what durable meets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

MAX_SAME_END = 200  # rules ending on one node (durable: 255)
MAX_BRANCHES_THROUGH = 100  # several-valued conditions through one test (durable: 127)
MAX_STACK = 48  # the walk's stack for the worst answers (durable: 64)


class Condition(Protocol):
    """One line of a rule's `when` (content/rules.py; the summary's rules are checked models).
    Defined here, where durable is not imported; the engine takes the same shapes."""

    @property
    def key(self) -> str: ...

    @property
    def test(self) -> str: ...

    @property
    def values(self) -> tuple[str, ...]: ...


class Rule(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def when(self) -> Sequence[Condition]: ...


# A test as durable compiles it: (property, operator, value).
Test = tuple[str, str, Any]


def _steps(rule: Rule) -> list[list[Test]]:
    """The rule's chain: each step one test, or several joined by a forward node."""
    if not rule.when:
        return [[("kind", "==", "answers")]]
    steps: list[list[Test]] = []
    for condition in rule.when:
        if condition.test == "is":
            steps.append([(condition.key, "==", v) for v in condition.values])
        elif condition.test == "is_not":
            steps.extend([(condition.key, "!=", v)] for v in condition.values)
        elif condition.test == "includes":
            steps.append([(f"interests.{v}", "==", True) for v in condition.values])
        else:  # excludes
            steps.extend([(f"interests.{v}", "==", False)] for v in condition.values)
    return steps


class _Node:
    __slots__ = ("children", "forward", "ends")

    def __init__(self) -> None:
        self.children: dict[Test, _Node] = {}
        self.forward: list[_Node] = []
        self.ends = 0


def _possible_values(prop: str) -> tuple[Any, ...]:
    """The values the answers fact can hold at `prop` (the answer contract's)."""
    from explorer.content.answers import Answers  # checking only: pydantic is loaded there

    if prop.startswith("interests."):
        return (True, False)
    if prop == "kind":
        return ("answers",)
    return Answers.allowed_values(prop)


def _holding_together(tests: Sequence[Test]) -> int:
    """How many of a node's child tests one fact can make hold at once: for each property, the
    most that any one of its possible values makes hold (an upper bound over all facts)."""
    by_property: dict[str, list[Test]] = {}
    for test in tests:
        by_property.setdefault(test[0], []).append(test)
    total = 0
    for prop, same in by_property.items():
        equal = {value for _, op, value in same if op == "=="}
        unequal = [value for _, op, value in same if op == "!="]
        total += max((value in equal) + sum(other != value for other in unequal) for value in _possible_values(prop))
    return total


def _stack_bound(root: _Node) -> int:
    """The walk's largest stack, for the worst answers: along any path, each node leaves behind
    the pushes it made beyond the one the walk goes on with."""
    memo: dict[int, int] = {}
    order: list[_Node] = []
    seen: set[int] = set()
    pending: list[tuple[_Node, bool]] = [(root, False)]
    while pending:  # depth-first, children before parents, without recursion
        node, done = pending.pop()
        if done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        pending.append((node, True))
        pending.extend((child, False) for child in (*node.children.values(), *node.forward))
    for node in order:
        pushes = len(node.forward) + _holding_together(list(node.children))
        below = max((memo[id(c)] for c in (*node.children.values(), *node.forward)), default=0)
        memo[id(node)] = pushes - 1 + max(below, 0)
    return 1 + max(memo[id(root)], 0)


def _network(rules: Sequence[Rule]) -> tuple[_Node, tuple[str, str] | None]:
    """The network of `rules`, and the first problem met while adding them one by one: (the id of
    the rule that met it, why)."""
    root = _Node()
    for rule in rules:
        node = root
        for step in _steps(rule):
            if len(step) == 1:
                node = node.children.setdefault(step[0], _Node())
                continue
            joined = _Node()
            for test in step:
                branch = node.children.setdefault(test, _Node())
                branch.forward.append(joined)
                if len(branch.forward) > MAX_BRANCHES_THROUGH:
                    return root, (
                        rule.id,
                        (
                            f"more than {MAX_BRANCHES_THROUGH} rules test several values where this one tests "
                            f"{_said(test)}: the rule engine (durable-rules) takes at most {MAX_BRANCHES_THROUGH} there"
                        ),
                    )
            node = joined
        node.ends += 1
        if node.ends > MAX_SAME_END:
            return root, (
                rule.id,
                (
                    f"more than {MAX_SAME_END} rules test exactly what this one tests: the rule engine "
                    f"(durable-rules) takes at most {MAX_SAME_END} rules with the same conditions"
                ),
            )
    return root, None


def _said(test: Test) -> str:
    key, op, value = test
    if key.startswith("interests."):
        return f"interests {'includes' if value else 'excludes'} {key.removeprefix('interests.')}"
    return f"{key} {'is' if op == '==' else 'is not'} {value}"


def engine_limit_problem(rules: Sequence[Rule]) -> tuple[str, str] | None:
    """(the id of the first rule that takes the rule book past a limit, why) or None."""
    root, problem = _network(rules)
    if problem is not None:
        return problem
    if _stack_bound(root) <= MAX_STACK:
        return None
    low, high = 1, len(rules)  # the bound only grows as rules are added: the first to pass it
    while low < high:
        middle = (low + high) // 2
        if _stack_bound(_network(rules[:middle])[0]) > MAX_STACK:
            high = middle
        else:
            low = middle + 1
    return rules[low - 1].id, (
        f"with this rule, some answers would make the rule engine (durable-rules) follow more than "
        f"{MAX_STACK} tests at once: it takes at most {MAX_STACK} (split the rules that test the same "
        "answers, or give them fewer values)"
    )
