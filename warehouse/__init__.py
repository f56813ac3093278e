"""The DuckDB warehouse: schema (sql/), atomic batched loads, and the catalogue of what is loaded."""
from warehouse.catalog import catalogue
from warehouse.load import DocumentRecord, Load, finish_run, load_documents, start_run
from warehouse.schema import connect

__all__ = ["DocumentRecord", "Load", "catalogue", "connect", "finish_run", "load_documents", "start_run"]
