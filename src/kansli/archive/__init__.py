"""The e-archive: FGS 2.0 packages (E-ARK CSIP/SIP 2.1 with CITS ERMS v3) of closed cases."""
