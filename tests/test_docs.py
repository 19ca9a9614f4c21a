"""Docs cannot drift: every CLI command is in the README, the README opens with the two commands CI relies on."""

from __future__ import annotations

import re

import pytest

from eventscope.cli import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented(name: str) -> None:
    assert re.search(rf"eventscope {name}\b", README), f"`eventscope {name}` is not in README.md"


def test_readme_opens_with_install_run_and_test_commands() -> None:
    block = README.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == ["pip install . && eventscope demo", "pip install '.[test]' && pytest"]


def test_ci_runs_the_readme_test_command() -> None:
    assert "pip install '.[test]' && pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_changelog_and_architecture_exist() -> None:
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Stage contracts" in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
