"""The suite (suite.py) run by great-expectations over the prepared pandas frames (one batch per rule),
and GX's Data Docs over its results.

GX runs in an ephemeral context on a pandas datasource: GX over DuckDB/SQLAlchemy closes the
connection before fetching, so the run's frames are validated in memory instead.
"""
from __future__ import annotations

import os

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")  # before GX is imported: no telemetry calls

from pathlib import Path  # noqa: E402

import great_expectations as gx  # noqa: E402
import pandas as pd  # noqa: E402
from great_expectations.core.run_identifier import RunIdentifier  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.execution_engine import PandasExecutionEngine  # noqa: E402
from great_expectations.expectations.expectation import MulticolumnMapExpectation  # noqa: E402
from great_expectations.expectations.registry import get_expectation_impl  # noqa: E402
from great_expectations.expectations.metrics.map_metric_provider import (  # noqa: E402
    MulticolumnMapMetricProvider,
    multicolumn_condition_partial,
)

from expectations.suite import expectations_for  # noqa: E402


class MulticolumnValuesWithinTolerance(MulticolumnMapMetricProvider):
    condition_metric_name = "multicolumn_values.within_tolerance"
    condition_domain_keys = ("batch_id", "table", "column_list", "row_condition", "condition_parser",
                             "ignore_row_if")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list: pd.DataFrame, **kwargs) -> pd.Series:
        observed, expected, tolerance = (column_list.iloc[:, k].astype(float) for k in range(3))
        return (observed - expected).abs() <= tolerance


class ExpectValuesWithinTolerance(MulticolumnMapExpectation):
    """suite.WITHIN: column_list = [observed, expected, tolerance], |observed - expected| ≤ tolerance."""

    map_metric = "multicolumn_values.within_tolerance"
    ignore_row_if: str = "any_value_is_missing"


def gx_expectations(rule: str) -> list[gx.expectations.Expectation]:
    """The rule's expectations (suite.py) as GX expectation objects, found by type in GX's registry."""
    return [get_expectation_impl(e.type)(**e.kwargs, meta={"rule": rule}) for e in expectations_for(rule)]


class Validator:
    """One ephemeral GX context for a run. Each rule's suite and validation definition is registered
    once. Each slice of the run's facts is then validated under its own run name, so the Data Docs
    built at the end show every slice."""

    def __init__(self) -> None:
        self.context = gx.get_context(mode="ephemeral")
        # An ephemeral context serialises its whole configuration to YAML, to be kept nowhere, each time
        # an asset, suite, validation or site is added (~28 times a run, ~1.7 CPU-s); nothing reads it.
        self.context._save_project_config = lambda: None
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self._source = self.context.data_sources.add_pandas("facts")
        self._checks: dict[str, gx.ValidationDefinition] = {}

    def _check(self, rule: str) -> gx.ValidationDefinition:
        if rule not in self._checks:
            batches = self._source.add_dataframe_asset(rule).add_batch_definition_whole_dataframe(rule)
            suite = self.context.suites.add(gx.ExpectationSuite(name=rule, expectations=gx_expectations(rule)))
            # A ValidationDefinition (not batch.validate) so the results land in the store Data Docs read.
            self._checks[rule] = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=rule, data=batches, suite=suite))
        return self._checks[rule]

    def run(self, frames: dict[str, pd.DataFrame], run_name: str) -> dict[str, set[int]]:
        """Validate each rule's frame; return the `_row`s each rule found unexpected."""
        run_id = RunIdentifier(run_name=run_name)
        unexpected: dict[str, set[int]] = {}
        for rule, frame in frames.items():
            unexpected[rule] = set()
            if frame.empty:
                continue
            # The stored results keep the failing rows' ids and values (Data Docs show them), not
            # the pandas query GX would spell out with every id again.
            result = self._check(rule).run(batch_parameters={"dataframe": frame}, run_id=run_id, result_format={
                "result_format": "COMPLETE", "unexpected_index_column_names": ["_row"],
                "return_unexpected_index_query": False})
            for r in result.results:
                unexpected[rule].update(int(i["_row"]) for i in r.result.get("unexpected_index_list") or [])
        return unexpected

    def build_data_docs(self, out_dir: Path) -> Path:
        """GX's static Data Docs site for every slice validated so far, written under out_dir."""
        site = "jixiao"
        self.context.add_data_docs_site(site_name=site, site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(out_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            # The validation pages show each expectation with its result; a page per suite on top of
            # them (a third of the build's time) would repeat the same expectations without results.
            "site_section_builders": {"expectations": "0", "profiling": "0"},
        })
        self.context.build_data_docs(site_names=[site])
        return out_dir / "index.html"
