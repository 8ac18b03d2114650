"""The layers point one way: factcheck/ at the bottom, sources/ above it, claims/ on top.

The contracts are in pyproject.toml ([tool.importlinter]); import-linter (grimp) reads
the imports of this repository's packages, imports inside functions included, with no
cache. A reference by name dodges an import, so sources/ may not name claims in a string
either (apps.get_model("claims", ...), a task or model label).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from importlinter import configuration
from importlinter.application.use_cases import lint_imports

import claims
import factcheck
import sources

ROOT = Path(__file__).resolve().parents[2]
CLAIMS_LABEL = re.compile(r"^claims(\.\w+)*$")


def test_the_packages_checked_are_this_repositorys():
    for package in (factcheck, sources, claims):
        assert Path(package.__file__).resolve().is_relative_to(ROOT)


def test_the_import_contracts_are_kept():
    configuration.configure()  # what the lint-imports command does first
    assert lint_imports(
        config_filename=str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True
    ), "an import contract is broken: see the report above"


def test_sources_names_no_claims_module_or_model_in_a_string():
    named = [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}"
        for path in sorted((ROOT / "sources").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(), str(path)))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and CLAIMS_LABEL.match(node.value)
    ]
    assert named == []
