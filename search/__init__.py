"""Search for Innovasjonstorget: one backend interface, an Elasticsearch and an embedded backend.

Never imports Django or ``backend``: the backend passes plain :class:`search.types.IndexDocument`
objects in. See ``search/README.md`` for the analysis chain and the backends.
"""
