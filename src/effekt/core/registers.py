"""The codes of the register input contract (docs: shared spec data-formats.md). Pure, light:
the importers, the engine, the statistics and the evaluation all read their codes from here."""

from __future__ import annotations

# The benefits that count as public support: the measured population of the focus targets and
# the result target's share (data-formats.md; not førtidspension, fleksjob, SU, …).
PUBLIC_SUPPORT_BENEFITS: tuple[str, ...] = (
    "dagpenge",
    "sygedagpenge",
    "kontanthjaelp",
    "uddannelseshjaelp",
    "overgangsydelse",
    "revalidering",
    "forrevalidering",
    "ressourceforloeb",
    "jobafklaring",
    "ledighedsydelse",
)
BENEFITS: tuple[str, ...] = (
    *PUBLIC_SUPPORT_BENEFITS,
    "foertidspension",
    "fleksjob",
    "selvforsoergelse_hjemrejse",
    "efterloen",
    "su",
    "barsel",
)
OFFERS: tuple[str, ...] = (
    "loentilskud",
    "virksomhedspraktik",
    "nytteindsats",
    "vejledning_opkvalificering",
    "mentor",
    "delvis_raskmelding",
)
EXEMPTION_REASONS: tuple[str, ...] = ("barsel", "opfoelgning_uden_kontakt", "other")
CONVERSATION_FORMS: tuple[str, ...] = ("personligt", "telefon", "video", "andet")
CONVERSATION_KINDS: tuple[str, ...] = ("jobsamtale", "sygeopfoelgning", "faellessamtale", "other")
CONVERSATION_HELD_BY: tuple[str, ...] = ("jobcenter", "anden_aktoer", "akasse")
MUNICIPALITY_STATUSES: tuple[str, ...] = ("frikommune", "forsoegskommune")
