"""The JSON shapes of the API (OParl 1.1 field names, hence camelCase)."""
