"""Index definitions: what a document looks like in the index (both backends share the source)."""
