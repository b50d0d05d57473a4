"""E-ARK SIP packages, independent of Kansli's models: what a package holds (`model`),
writing it (`writer`), validating it (`validate`) and reading it back (`reader`)."""
