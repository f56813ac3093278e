"""The DuckDB warehouse: schema (sql/), atomic per-document loads, and the catalogue of what is loaded."""
from warehouse.catalog import catalogue
from warehouse.load import DocumentRecord, finish_run, load_document, start_run
from warehouse.schema import connect

__all__ = ["DocumentRecord", "catalogue", "connect", "finish_run", "load_document", "start_run"]
