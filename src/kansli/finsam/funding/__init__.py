"""Funding: the state's amounts, the members' contributions split by population, and the
yearly contribution case with its memo."""
