"""Orchestration: the Prefect flow that takes a folder of PDFs into the warehouse.

Telemetry of Prefect and great-expectations is off unless the user turns it on: these must be set before
either library is imported, and every path into them (CLI, flows, tests) imports this package first.
The one-off run's ephemeral Prefect server gets more time to start on a loaded machine (seen failing at
the default 20 s) and no automation triggers (nothing uses them; their service raced at shutdown).
"""
import os

for _name, _value in {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
                      "GX_ANALYTICS_ENABLED": "false",
                      "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
                      "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false"}.items():
    os.environ.setdefault(_name, _value)
