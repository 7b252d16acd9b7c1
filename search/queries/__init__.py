"""Query planning shared by both backends, and the Elasticsearch query builder."""
