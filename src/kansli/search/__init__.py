"""Full-text search over what the public may read: one index, two database backends."""
