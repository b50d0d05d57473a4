"""The meeting book (kallelse med handlingar): its data, its PDF, its build."""
