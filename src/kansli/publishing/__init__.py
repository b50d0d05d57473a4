"""The public side: the portal pages, the privacy step before publication, feeds."""
