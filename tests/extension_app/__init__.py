"""A module that exists only in the test settings (kansli.config.settings.test): it joins
every extension point of kansli.core.extensions and kansli.registry.hooks from its own
folder, to prove that a new module needs nothing outside it but settings and URLs
(decision 0018)."""
