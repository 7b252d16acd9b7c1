"""The notices' sentences about the market dialogue, in Norwegian (nb/nn) or English.

Written here, not through gettext: a notice carries every language it has at once, whatever
language the request asked in.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from backend.notices import mapping
from backend.notices.content import Conference, DialogueNotice

OSLO = ZoneInfo("Europe/Oslo")

_FORMAT = {
    "physical": ("fysisk oppmøte", "in person"),
    "streamed": ("fysisk oppmøte og strømming", "in person and streamed"),
    "digital": ("heldigitalt med spørsmål underveis", "fully digital with live Q&A"),
}


def _en(language: str) -> bool:
    return language == "en"


def when(moment: datetime, language: str) -> str:
    local = moment.astimezone(OSLO)
    if _en(language):
        return local.strftime("%Y-%m-%d %H:%M") + " (Norwegian time)"
    return local.strftime("%d.%m.%Y kl. %H.%M")


def dialogue_conference(c: Conference, language: str) -> str:
    nb_format, en_format = _FORMAT.get(c.format, (c.format, c.format))
    end = c.ends_at.astimezone(OSLO).strftime("%H:%M" if _en(language) else "%H.%M")
    place = f", {c.location}" if c.location else ""
    if _en(language):
        return (
            f"Dialogue conference «{c.title}» {when(c.starts_at, language)}–{end}{place} "
            f"({en_format}); register by {when(c.registration_deadline, language)}."
        )
    return (
        f"Dialogkonferanse «{c.title}» {when(c.starts_at, language)}–{end}{place} "
        f"({nb_format}); påmeldingsfrist {when(c.registration_deadline, language)}."
    )


def innovation_sentence(notice: DialogueNotice, language: str) -> str:
    terms = [mapping.INNOVATION[code] for code in notice.innovation]
    labels = "; ".join(t.en if _en(language) else t.nb for t in terms)
    if _en(language):
        return f"Procurement of innovation: {labels}."
    return f"Innovativ anskaffelse: {labels}."


def dialogue_note(notice: DialogueNotice, language: str) -> str:
    """BT-300 (additional information): what the market dialogue is and how to take part."""
    en = _en(language)
    stage = mapping.stage_label(notice.stage, language)
    procedure = mapping.procedure_label(notice.procedure, language)
    lines = [
        (
            "Market dialogue: the buyer invites suppliers to share ideas and solutions before "
            f"the competition. Stage: {stage}; planned procedure: {procedure}."
        )
        if en
        else (
            "Markedsdialog: oppdragsgiveren inviterer leverandører til å dele idéer og løsninger "
            f"før konkurransen. Fase: {stage}; planlagt prosedyre: {procedure}."
        ),
        innovation_sentence(notice, language),
    ]
    if notice.response_deadline is not None:
        deadline = when(notice.response_deadline, language)
        lines.append(
            f"Deadline for input: {deadline}." if en else f"Frist for innspill: {deadline}."
        )
    lines.extend(dialogue_conference(c, language) for c in notice.conferences)
    lines.append(
        f"Read more and respond: {notice.page_url}"
        if en
        else f"Les mer og gi innspill: {notice.page_url}"
    )
    return "\n".join(lines)
