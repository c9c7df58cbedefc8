"""Fixtures for the real Neo4j server (see graphbuild/neo4j)."""
