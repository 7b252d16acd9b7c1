"""The demo's notice texts (issue 14): Bergen's need about residents who sit still much of
the day has its title and description in English too, so its prior information notice
(subtype 4 from the EEA threshold: a PCP of up to 8 million NOK) and its OCDS release are
bilingual; the other needs' notices are in Norwegian only (Skien's alarm need, with no budget,
is Doffin's national E2). Idempotent."""

from backend.accounts.models import User
from backend.needs.models import Need
from backend.notices.services import notice_text_set

BERGEN_TITLE = "Beboere som sitter stille store deler av dagen"
ENGLISH_TITLE = "Residents who sit still for most of the day"
ENGLISH_DESCRIPTION = (
    "Observations in our nursing homes show that many residents, especially people with "
    "dementia, are physically inactive almost all day. Inactivity leads to loss of muscle "
    "strength, a higher risk of falls, poorer sleep and more restlessness. The physiotherapists "
    "cannot follow up everyone individually, and ordinary exercise sessions rarely engage "
    "residents with cognitive impairment. The agency wants measures that make it enjoyable and "
    "meaningful for residents to move every day, and that staff and volunteers can carry out "
    "without special training. The measures should offer social experiences, preferably awaken "
    "good memories, and work in groups and individually, also for people with severe "
    "disabilities. We want to measure the effect on function, sleep, appetite and the use of "
    "sedatives."
)


def notices_demo_load(*, buyer: User) -> int:
    """The English text of Bergen's need (by its title); the number of texts written."""
    need = Need.objects.filter(organization__name="Bergen kommune", title=BERGEN_TITLE).first()
    if need is None:
        return 0
    notice_text_set(
        user=buyer,
        need=need,
        language="en",
        title=ENGLISH_TITLE,
        description=ENGLISH_DESCRIPTION,
    )
    return 1
