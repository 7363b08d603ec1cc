"""Ready questionnaires from the annexes of source 004 (the nordjyske frikommuneforsøg).

- `borger_samtaler`: Bilag 1, the citizen survey of the conversation experiment (formkrav ved
  lovpligtige samtaler), repeated in four waves with the same questions.
- `medarbejder_samtaler`: Bilag 2, the employee survey of the same experiment; the last block
  is asked at the final measurement only ("KUN SLUTMÅLING").
- `virksomhed_forholdstal`, `borger_forholdstal`, `medarbejder_forholdstal`: the company,
  citizen and employee questionnaires of the forholdstalskrav experiment.
- `leder_frikommune`: source 004 interviews managers but prints no manager questionnaire;
  this template asks managers Bilag 2's final-measurement block (adapted, marked as such).
"""

from __future__ import annotations

from effekt.evaluation.surveys.schema import Item, Question, SurveyTemplate

THANKS = "Mange tak for din besvarelse!"


def _items(*texts: str) -> tuple[Item, ...]:
    return tuple(Item(f"i{number}", text) for number, text in enumerate(texts, start=1))


FINAL_BLOCK = Question(
    "frikommune",
    "scale",
    "I hvilken grad vurderer du, at frikommuneforsøget har bidraget til …",
    scale="degree5",
    items=_items(
        "… et arbejde, der er mere meningsfuldt og øger min motivation",
        "… mindre administration og færre administrationskrav",
        "… at der er øget tillid til mit faglige skøn i mit arbejde",
        "… et forøget fokus på løbende forenkling af unødvendige regler",
        "… at styrke kvaliteten i indsatsen over for de ledige",
        "… en forbedret ressourceudnyttelse og effektivitet",
    ),
    final_only=True,
)

CITIZEN_CONVERSATIONS = SurveyTemplate(
    key="borger_samtaler",
    title="Borgersurvey: samtaler i jobcenteret",
    audience="citizen",
    source="Kilde 004, bilag 1 (borgersurvey, forsikrede ledige)",
    introduction="Vi vil gerne høre, hvordan du oplever dine samtaler med jobcenteret. "
    "Det tager cirka 5 minutter. Dine svar er anonyme.",
    questions=(
        Question("koen", "single", "Hvad er dit køn?", options=("Mand", "Kvinde")),
        Question(
            "alder",
            "single",
            "Hvor gammel er du?",
            options=("18-25 år", "26-35 år", "36-45 år", "46-55 år", "56-60 år", "Over 60 år"),
        ),
        Question(
            "samtaler",
            "single",
            "Hvor mange samtaler/møder har du været til med jobcenteret i din nuværende "
            "ledighedsperiode?",
            options=(
                "0 samtaler",
                "1-3 samtaler",
                "4-6 samtaler",
                "7-10 samtaler",
                "11 eller derover",
            ),
        ),
        Question(
            "moedet",
            "scale",
            "Hvordan oplever du generelt mødet med jobcenteret? Jeg bliver mødt med …",
            scale="degree5",
            items=_items(
                "… et fleksibelt system, der er tilpasset mine individuelle behov",
                "… engagerede sagsbehandlere",
                "… et meningsfuldt forløb i forhold til samtaler og indsatser",
                "… et forløb med fokus på at forbedre mine job- og uddannelsesmuligheder",
                "… en tro på, at jeg kan komme i job",
            ),
        ),
        Question(
            "samtalerne",
            "scale",
            "I hvor høj grad vurderer du, at dine samtaler i jobcenteret …",
            scale="degree5",
            items=_items(
                "… har en kontaktform, der er individuelt og fleksibelt tilrettelagt efter "
                "dine behov?",
                "… tilpasses, så du får indflydelse på samtalens indhold?",
                "… har fokus på relevante og konkrete uddannelses- og jobmuligheder for dig?",
                "… afholdes med en passende hyppighed?",
                "… giver dig en øget tro på, at du kan komme i job?",
            ),
        ),
        Question(
            "kommentar",
            "text",
            "Har du andre kommentarer angående dit samtaleforløb med jobcenteret?",
        ),
    ),
)

EMPLOYEE_CONVERSATIONS = SurveyTemplate(
    key="medarbejder_samtaler",
    title="Medarbejdersurvey: samtaler med borgerne",
    audience="employee",
    source="Kilde 004, bilag 2 (medarbejdersurvey)",
    introduction="Spørgeskemaet handler om de samtaler, du gennemfører med borgerne i "
    "frikommuneforsøget.",
    questions=(
        Question("aar", "text", "I hvor mange år har du arbejdet inden for området?"),
        Question(
            "samtalerne",
            "scale",
            "I hvor høj grad vurderer du, at de samtaler, du gennemfører …",
            scale="degree5",
            items=_items(
                "… har en kontaktform, der er individuelt og fleksibelt tilrettelagt efter "
                "borgerens behov?",
                "… tilpasses, så borgeren får indflydelse på samtalens indhold?",
                "… har fokus på relevante og konkrete uddannelses- og jobmuligheder for borgeren?",
                "… planlægges fleksibelt efter borgerens konkrete behov?",
                "… afholdes med en passende hyppighed?",
            ),
        ),
        Question(
            "borgerne",
            "scale",
            "Hvor enig er du i udsagnet om, at borgerne …",
            scale="agree5",
            items=_items(
                "… er aktivt bidragende i deres samtaleforløb?",
                "… er positivt stemt over for indholdet i deres samtaler?",
                "… er tilfredse med planlægningen af deres samtaleforløb?",
                "… mener, at deres samtaleforløb bidrager til deres motivation for "
                "uddannelse og job?",
            ),
        ),
        FINAL_BLOCK,
        Question(
            "kommentar",
            "text",
            "Har du yderligere kommentarer til, hvordan det har været at være en del af "
            "frikommuneordningen?",
            final_only=True,
        ),
    ),
)

COMPANY_RATIO = SurveyTemplate(
    key="virksomhed_forholdstal",
    title="Virksomhedsskema: flere praktikanter samtidig",
    audience="company",
    source="Kilde 004, forsøg med forholdstalskravet (skema til virksomheden)",
    introduction="Skemaet udfyldes ved slutopfølgningen på virksomheden.",
    questions=(
        Question(
            "ansatte",
            "single",
            "Hvor mange ansatte på ordinære timer har du?",
            options=(
                "Ingen, der er kun mig ansat i virksomheden",
                "1-2 medarbejdere",
                "2-5 medarbejdere",
                "Flere end 5 medarbejdere",
            ),
        ),
        Question(
            "praktikanter",
            "scale",
            "Hvordan har det været at have mulighed for at have flere praktikanter samtidig?",
            scale="quality4",
            items=_items("Vurdering"),
        ),
        Question("praktikanter_uddybning", "text", "Mulighed for uddybning"),
        Question(
            "initiativer",
            "text",
            "Har du lavet særlige initiativer/indsatser for de borgere, du har haft i "
            "praktik? Hvis ja, hvilke?",
        ),
    ),
)

CITIZEN_RATIO = SurveyTemplate(
    key="borger_forholdstal",
    title="Borgerskema: praktik sammen med andre praktikanter",
    audience="citizen",
    source="Kilde 004, forsøg med forholdstalskravet (skema til borgeren)",
    introduction="Skemaet udfyldes ved slutopfølgningen med dig.",
    questions=(
        Question(
            "praktik",
            "scale",
            "Hvordan har det været at være i praktik i en virksomhed, hvor der også har været "
            "andre praktikanter samtidig med dig?",
            scale="quality4",
            items=_items("Vurdering"),
        ),
        Question("praktik_uddybning", "text", "Mulighed for uddybning"),
        Question(
            "match",
            "single",
            "Føler du, at der har været det rette match mellem dig og virksomheden?",
            options=("Ja", "Nej", "Ved ikke"),
        ),
        Question(
            "anderledes",
            "single",
            "Har denne praktik været anderledes end den/dem, du tidligere har været i?",
            options=("Ja", "Nej", "Jeg har ikke tidligere været i praktik"),
        ),
        Question("anderledes_hvordan", "text", "Hvis ja, hvordan?"),
    ),
)

EMPLOYEE_RATIO = SurveyTemplate(
    key="medarbejder_forholdstal",
    title="Medarbejderskema: fritagelse for forholdstalskravet",
    audience="employee",
    source="Kilde 004, forsøg med forholdstalskravet (skema til medarbejderen)",
    introduction="Skemaet udfyldes, når slutevalueringen med borgeren og virksomheden er "
    "gennemført.",
    questions=(
        Question(
            "afgoerende",
            "scale",
            "I hvilken grad vurderer du, at fritagelsen for forholdstalskravet er afgørende "
            "for, at borgeren kom i en virksomhedsrettet indsats?",
            scale="degree4",
            items=_items("Vurdering"),
        ),
        Question(
            "elementer",
            "multiple",
            "Hvilke af følgende elementer har været fordelagtige for en vellykket "
            "virksomhedsrettet indsats for borgeren?",
            options=(
                "Vi kunne afvige fra forholdstalskravet for at finde det rette match mellem "
                "borger og virksomhed",
                "Borgeren havde mulighed for at komme i praktik i et makkerskab med en anden "
                "borger",
                "Virksomheden har kørt et særligt forløb for udsatte borgere",
                "Andet",
            ),
        ),
        Question("elementer_andet", "text", "Andet, nemlig:"),
    ),
)

MANAGER_FREE_MUNICIPALITY = SurveyTemplate(
    key="leder_frikommune",
    title="Ledersurvey: frikommuneforsøgets betydning",
    audience="manager",
    source="Tilpasset fra kilde 004, bilag 2 (slutmålingens spørgsmål, stillet til ledere)",
    introduction="Spørgeskemaet handler om frikommuneforsøgets betydning i din enhed.",
    questions=(
        Question(
            "frikommune",
            "scale",
            FINAL_BLOCK.text,
            scale="degree5",
            items=FINAL_BLOCK.items,
        ),
        Question("kommentar", "text", "Har du yderligere kommentarer til forsøget?"),
    ),
)

TEMPLATES: dict[str, SurveyTemplate] = {
    t.key: t
    for t in (
        CITIZEN_CONVERSATIONS,
        EMPLOYEE_CONVERSATIONS,
        COMPANY_RATIO,
        CITIZEN_RATIO,
        EMPLOYEE_RATIO,
        MANAGER_FREE_MUNICIPALITY,
    )
}
