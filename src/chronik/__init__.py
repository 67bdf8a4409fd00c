"""chronik: German news to structured, queryable data — entities, quotations and events, with evidence.

Nothing is loaded at import time; stages load their resources when they are built.
"""

__version__ = "0.1.0"
