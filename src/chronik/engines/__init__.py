"""How documents get through the pipeline: `local` (this process; more cores and Dask to come)."""

from chronik.engines.local import RunStats, run_local

__all__ = ["RunStats", "run_local"]
