"""Feeds of the public portal: the meetings as an iCalendar calendar (kalender.ics) and
the adjusted minutes as RSS (protokoll.rss). What they hold comes from the selectors with
the request's viewer, like the pages."""
