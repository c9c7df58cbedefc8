"""A knowledge base of political people: ids, name variants, party and offices over time.

Shipped as data in this package (``people.jsonl.gz``, ``words.json.gz``; licences in
``LICENSES.md``), built by ``python -m graphbuild.kb.build`` from the
congress-legislators data (US Congress, presidents, vice presidents), the
FiveThirtyEight cabinet-turnover table and the PETRARCH Phoenix dictionaries.

>>> from datetime import date
>>> kb = load_kb()
>>> [e.name for e in kb.holders("president", date(2012, 6, 1))]
['Barack Obama']
>>> kb.by_name("Joseph R. Biden") == kb.by_name("Joe Biden")
True
>>> kb.role_of("Sen.")
'senator'
>>> kb.is_place("Manchester"), kb.is_group("Latinos")
(True, True)
"""

from .entries import KBEntry, Office, entry_from_dict, entry_to_dict, read_entries
from .lookup import KnowledgeBase, load_kb

__all__ = ["KBEntry", "KnowledgeBase", "Office", "entry_from_dict", "entry_to_dict", "load_kb",
           "read_entries"]
