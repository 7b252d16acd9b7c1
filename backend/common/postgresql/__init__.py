"""PostgreSQL with a health check only for connections that sat idle (settings ``ENGINE``)."""
