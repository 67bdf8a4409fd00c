"""Stage 9, store: DuckDB schema and migrations (`migrations`), reading and writing (`duck`), queries."""

from chronik.store.duck import Store

__all__ = ["Store"]
