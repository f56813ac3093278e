"""The DuckDB warehouse: schema (sql/), atomic batched loads, and the catalogue of what is loaded."""
from warehouse.catalog import catalogue
from warehouse.load import DocumentRecord, Load, finish_run, integrity_problems, load_documents, start_run
from warehouse.publish import WarehouseUnreadable, check_readable, writable_copy
from warehouse.schema import connect

__all__ = ["DocumentRecord", "Load", "WarehouseUnreadable", "catalogue", "check_readable", "connect", "finish_run",
           "integrity_problems", "load_documents", "start_run", "writable_copy"]
