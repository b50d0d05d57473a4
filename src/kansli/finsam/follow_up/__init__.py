"""Follow-up: the federations' yearly figures, their data checks and indicators, and the
comparison report across federations and years with its charts, CSV and PDF."""
