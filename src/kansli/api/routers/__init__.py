"""One router per OParl type."""
