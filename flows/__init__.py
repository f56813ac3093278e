"""Orchestration: the Prefect flow that takes a folder of PDFs into the warehouse.

Telemetry of Prefect and great-expectations is off unless the user turns it on: these must be set before
either library is imported, and every path into them (CLI, flows, tests) imports this package first.
"""
import os

for _name, _value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                      "GX_ANALYTICS_ENABLED": "false"}.items():
    os.environ.setdefault(_name, _value)
