"""The federations: their members, förbundsordningar and boards, with their forms and pages."""
