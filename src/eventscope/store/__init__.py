"""The SQLite store: idempotent ingest of documents and their events, and filtered queries over them.

``Store(path).ingest(document, events)`` writes a document once per distinct text (see :mod:`eventscope.store.db`
for the identity rule); ``Store.events(type=..., country=..., since=..., near=..., within_km=..., text=...)`` reads
the event dicts back.
"""

from eventscope.store.db import IngestResult, Store
from eventscope.store.queries import EventQuery, QueryError, haversine_km, resolve_country

__all__ = ["EventQuery", "IngestResult", "QueryError", "Store", "haversine_km", "resolve_country"]
