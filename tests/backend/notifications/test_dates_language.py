"""Server-written dates follow the recipient's language (issue 12): English notifications say
"1 March 2030, 09:00", Norwegian ones "01.03.2030 09:00"; both in Oslo time."""

import pytest
from django.utils import translation

from backend.notifications.messages import MeetingBooked, meeting_when, when

# 08:00 UTC is 09:00 in Oslo (winter time).
STARTS, ENDS = "2030-03-01T08:00:00+00:00", "2030-03-01T08:45:00+00:00"


@pytest.mark.parametrize(
    ("lang", "moment", "meeting"),
    [
        ("nb", "01.03.2030 09:00", "01.03.2030 09:00–09:45"),
        ("en", "1 March 2030, 09:00", "1 March 2030, 09:00–09:45"),
    ],
)
def test_a_time_reads_as_the_recipients_language_writes_it(
    lang: str, moment: str, meeting: str
) -> None:
    with translation.override(lang):
        assert (when(STARTS), meeting_when(STARTS, ENDS)) == (moment, meeting)


def test_a_notification_in_english_spells_the_month_out() -> None:
    # given: a booked meeting, as a buyer hears of it
    booked = MeetingBooked(
        conference_id=1,
        conference="Dialogmøte om nattlig tilsyn",
        supplier="Helsetek AS",
        starts_at=STARTS,
    )
    # then: in English the date reads as English does, in Norwegian as Norwegian does
    with translation.override("en"):
        assert booked.title() == "1:1 meeting booked: Helsetek AS, 1 March 2030, 09:00"
        assert "1 March 2030, 09:00" in booked.body()
    with translation.override("nb"):
        assert booked.title() == "1:1-møte booket: Helsetek AS, 01.03.2030 09:00"


def test_a_date_never_reads_american_in_english() -> None:
    with translation.override("en"):
        assert "/" not in when(STARTS) and "a.m." not in meeting_when(STARTS, ENDS)
