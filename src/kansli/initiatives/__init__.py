"""Council motions and citizen proposals: registered on arrival, announced to fullmäktige,
referred for preparation (or, for a citizen proposal, left to a nämnd), decided; the one-year
limit kept (KL 5 kap. 35 §, 8 kap.)."""
