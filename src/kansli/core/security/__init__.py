"""Security of the web application: response headers (CSP), login rate limiting and
two-factor login (TOTP). See docs/security.md."""
