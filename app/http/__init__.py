"""HTTP caching, one concept per module: conditional GET, content negotiation, bounded caches, the response cache."""
