"""Finsam: the samordningsförbund a body is member of, their funding and their follow-up.

Lag (2003:1210) om finansiell samordning av rehabiliteringsinsatser; DOMAIN.md, "Finsam".
"""
