"""The open API: Kansli's public data as JSON, shaped after OParl 1.1 (kansli.api.api)."""
