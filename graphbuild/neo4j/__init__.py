"""Neo4j backend: a local server for tests (``server``), the loader (``load``),
the analyst queries (``query``), with all Cypher in ``cypher``."""
