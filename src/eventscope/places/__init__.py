"""The places stage: gazetteer, toponyms and their disambiguation, and the location of an event.

gaz = Gazetteer.open()                      # compiled on first use into the user data dir
places = geoparse(text, passages, gaz)      # every toponym, resolved with the document as context
where = event_location(sentences, trigger, places, gaz)
"""

from __future__ import annotations

from .gazetteer import Candidate, Gazetteer, default_path
from .geoparse import geoparse
from .location import event_location, event_locations
from .normalize import name_key

__all__ = ["Candidate", "Gazetteer", "default_path", "event_location", "event_locations", "geoparse", "name_key"]
