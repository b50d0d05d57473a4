"""Reading existing notices, memos and minutes (text exported from PDF) into Kansli."""
