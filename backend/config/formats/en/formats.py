"""English as this service writes it (British usage, the 24-hour clock of Norway, where every
time is local): "16 November 2026, 10:00", never the American "11/16/2026 10 a.m.", which a
Norwegian reader takes for the 11th of a sixteenth month. Only output formats: what a form
accepts stays Django's. Notifications and e-mails use these in the recipient's language
(backend/notifications/messages.py: when, meeting_when)."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j F Y"
SHORT_DATETIME_FORMAT = "j F Y, H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
