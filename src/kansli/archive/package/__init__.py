"""E-ARK SIP packages, independent of Kansli's models: what a package holds (`model`), its
paths and vocabulary (`layout`), its METS, ERMS and PREMIS documents and texts (`mets`, `erms`,
`premis`, `texts`), writing it (`writer`), validating it (`validate`), reading it back
(`reader`)."""
