"""The writing half of the importer: what was read, written through the services."""
