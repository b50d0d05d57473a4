"""The pure part of the importer: bytes in, a parsed document and a problem list out.

Nothing here touches the database: `read_file` is what a dry run runs, and what the writer
(`kansli.importer.services`) starts from.
"""
