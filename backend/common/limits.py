"""Sizes of what the API accepts that no model column declares.

Text stored in a model column takes its limit from the column's max_length (see
backend.common.fields.model_text); the limits here are for text kept elsewhere (the
participants of a registration, reasons written to the audit log) and for lists.
"""

#: A person's name, as written in a registration.
PERSON_NAME = 200
#: A person's role or job title.
ROLE = 100
#: Why an advisor withdrew an organisation's verification (kept in the audit log).
REASON = 1000
#: An e-mail address (RFC 5321's path limit, as Django's EmailField).
EMAIL = 254
#: A web address.
URL = 200
#: A password (hashing a megabyte-long one costs the server, not the attacker).
PASSWORD = 200
#: Signed tokens from links in e-mails.
TOKEN = 500

#: Participants one organisation registers for a conference.
PARTICIPANTS = 20
#: Needs presented at one conference.
CONFERENCE_NEEDS = 20
#: Co-buyers of one need.
CO_BUYERS = 20
#: CPV codes on a need or solution.
CPV_CODES = 20
#: Values of one filter in a saved search, and the length of each.
FILTER_VALUES = 50
FILTER_VALUE = 100

#: How deeply a JSON request body may nest (objects and lists).
JSON_DEPTH = 32

#: A need's budget, in NOK (a thousand billion: larger is a typing error).
BUDGET_NOK = 10**12
#: People a need's solution is to serve (Norway has about 5.6 million).
ESTIMATED_USERS = 10_000_000
