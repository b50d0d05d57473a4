"""The start page per role: what waits for the viewer and their deadlines, gathered from the
workflows' own selectors (each keeps its rules; this only collects)."""
