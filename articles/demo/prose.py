"""Sentence templates and the composer that turns one story into one outlet's body text.

Everything here is pure Python and draws only on the `random.Random` it is handed, so the same
seed always gives the same text.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]

# Sentence openers that are ordinary words, so a connector may go in front and lowercase them.
# A sentence that starts with anything else (a name, "Japan", "Tokyo") gets no connector.
ORDINARY_STARTS = frozenset(
    """the this that these those it its a an some many most officials under such several there
    one two three four five local senior both according in on at by whether opposition public
    prices wages talks negotiations residents experts critics companies government ruling
    economists analysts observers if while since after before with without for how what""".split()  # noqa: SIM905
)


def news_date(day: datetime.date) -> str:
    """Press style: "Oct. 14", "May 2"."""
    return f"{MONTHS[day.month - 1]} {day.day}"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def connect(connector: str, text: str) -> str:
    """Put a connector ("Meanwhile, ") in front of a sentence when that reads correctly."""
    if not connector or text.split(" ", 1)[0].lower().strip(",") not in ORDINARY_STARTS:
        return text
    return connector + text[:1].lower() + text[1:]


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!", '"', "”", ".'")) else f"{text}."


@dataclass(frozen=True)
class Story:
    """What an outlet knows on a given day: the scenario merged with that day's follow-up."""

    subject: str
    summary: str
    leads: tuple[str, ...]
    details: tuple[str, ...]
    voices: tuple[tuple[str, str], ...]
    background: tuple[str, ...]
    outlook: tuple[str, ...]
    # Who made the news public, for events that were announced rather than learned.
    said_by: tuple[str, ...] = ()
    # A follow-up's lead is plain reporting of what happened next, attributed to no one.
    plain: bool = False


SOURCES = [
    "government sources",
    "several people involved in the matter",
    "officials familiar with the matter",
    "a source close to the talks",
    "people with knowledge of the deliberations",
    "several government officials",
]

LEAD_FORMS = {
    "default": [
        "It was learned on {d} that {lead}.",
        "{Lead}, {source} said on {d}.",
        "According to {source}, {lead}.",
        "{Lead}.",
        "{Lead}, according to {source}.",
    ],
    "wire": [
        "{Lead}, {outlet} learned on {d}.",
        "{Lead}, {source} told {outlet} on {d}.",
        "{Lead}.",
    ],
    "broadcaster": [
        "{outlet} has learned that {lead}.",
        "{Lead}, {source} told {outlet}.",
        "{Lead}.",
    ],
    "weekly": [
        "{Lead}, the magazine has learned.",
        "According to the magazine's reporting, {lead}.",
        "{Lead}, {source} told the magazine.",
    ],
}

ANNOUNCED_FORMS = [
    "{Lead}, {source} said on {d}.",
    "{Lead}, {source} announced on {d}.",
    "{Lead}.",
    "{Lead}, according to {source}.",
]

QUOTE_FORMS = [
    '"{q}," {speaker} said.',
    '"{q}," said {speaker}.',
    '{Speaker} said, "{q}."',
    '{Speaker} told reporters, "{q}."',
    'As {speaker} put it, "{q}."',
    '"{q}," {speaker} explained.',
    '{Speaker} stressed, "{q}."',
]

CONNECTORS = ["", "", "", "Meanwhile, ", "In addition, ", "At the same time, ", "Separately, "]
OUTLOOK_CONNECTORS = ["", "", "Looking ahead, ", "Going forward, ", "For now, "]

EDITORIAL_CLOSERS = [
    "The public is owed a clear explanation, and it should be given without delay.",
    "What matters now is whether words are matched by action.",
    "We will watch closely how the government follows through.",
    "A decision of this weight should not be settled behind closed doors.",
    "Careful, open debate is the only way to win public understanding.",
    "It is time to set aside short-term calculation and look at the long view.",
]

COLUMN_OPENERS = {
    "winter": [
        "On the coldest mornings the frost on the train windows draws maps of places that do "
        "not exist.",
        "A bowl of hot noodles at a station stand has a way of making the year's worries feel "
        "smaller.",
        "In snow country, people say you can hear the silence when the drifts pile up at night.",
    ],
    "spring": [
        "The plum blossoms came first this year, and the cherries were not far behind.",
        "New employees in stiff dark suits fill the morning trains at this time of year.",
        "A schoolgirl on a bicycle, a satchel too big for her, waited at the crossing this "
        "morning.",
    ],
    "summer": [
        "The cicadas start before the first train and do not stop until long after dark.",
        "An old fan on the counter of a corner shop turns back and forth as if shaking its head.",
        "Fireworks over the river drew crowds again this year, and the heat stayed with them.",
    ],
    "autumn": [
        "Persimmons hang orange from the eaves of farmhouses, waiting for the first cold wind.",
        "The ginkgo trees along the avenue have turned, and the pavement smells of their fruit.",
        "Rice harvested this month is already on sale, labeled with the name of the village.",
    ],
}

COLUMN_TURNS = [
    "The scene came to mind with the news of {subject}.",
    "It was hard not to think of it while following {subject}.",
    "That seems a long way from {subject}, and yet perhaps it is not so far.",
]

COLUMN_CLOSERS = [
    "Whatever comes of {subject}, the people it touches deserve a plain account of it.",
    "Perhaps the first step is simply to keep asking who pays and who decides.",
    "The season will turn again soon. One hopes the debate will have moved on by then.",
    "Politics is slow, but people's lives do not wait for it.",
]

INTERVIEW_INTROS = [
    "{outlet} spoke with {who} about {subject}. Excerpts follow.",
    "How should we read {subject}? {outlet} put the question to {who}. The interview is "
    "summarized below.",
    "{Who} shared views on {subject} in an interview with {outlet}.",
]


def season(day: datetime.date) -> str:
    # December to February is winter, March to May spring, and so on.
    return ("winter", "spring", "summer", "autumn")[day.month % 12 // 3]


def quote(rng: random.Random, speaker: str, words: str) -> str:
    form = rng.choice(QUOTE_FORMS)
    return form.format(q=words, speaker=speaker, Speaker=cap(speaker))


def lead_paragraph(
    rng: random.Random, story: Story, outlet: str, outlet_kind: str, day: datetime.date
) -> str:
    if story.said_by:
        forms, sources = ANNOUNCED_FORMS, list(story.said_by)
    elif story.plain:
        forms, sources = ["{Lead}."], [""]
    else:
        forms, sources = LEAD_FORMS.get(outlet_kind, LEAD_FORMS["default"]), SOURCES
    lead = rng.choice(story.leads)
    # "The Bank of Japan has raised rates, the Bank of Japan said" reads badly: name a source the
    # lead does not already name, or none at all.
    sources = [source for source in sources if source.lower() not in lead.lower()]
    if not sources:
        forms, sources = ["{Lead}."], [""]
    return rng.choice(forms).format(
        lead=lead, Lead=cap(lead), d=news_date(day), source=rng.choice(sources), outlet=outlet
    )


def news_body(
    rng: random.Random,
    story: Story,
    *,
    angle: str,
    outlet: str,
    outlet_kind: str,
    told_on: datetime.date,
    paragraphs: int,
) -> str:
    """A news report: a lead, the outlet's angle early, then quotes, detail and background."""
    details = list(story.details)
    rng.shuffle(details)
    voices = list(story.voices)
    rng.shuffle(voices)

    connectors = list(CONNECTORS)

    def detail() -> str:
        if not details:
            return ""
        connector = rng.choice(connectors)
        if connector:
            # Each connector at most once per article: two "Meanwhile"s read as a template.
            connectors.remove(connector)
        return connect(connector, details.pop())

    first = lead_paragraph(rng, story, outlet, outlet_kind, told_on)
    if details and rng.random() < 0.6:
        first += " " + details.pop()
    blocks: list[list[str]] = []
    if angle:
        blocks.append([angle, detail()])
    for speaker, words in voices:
        blocks.append([quote(rng, speaker, words), detail()])
    if story.background:
        count = min(len(story.background), rng.randint(1, 2))
        blocks.append(rng.sample(list(story.background), count))
    while len(details) >= 2:
        blocks.append([detail(), detail()])
    middle = blocks[:1] + rng.sample(blocks[1:], len(blocks) - 1)
    middle = middle[: max(1, paragraphs - 2)]
    closing = connect(rng.choice(OUTLOOK_CONNECTORS), rng.choice(story.outlook))
    paras = [first, *(" ".join(sentence(s) for s in b if s) for b in middle), closing]
    return "\n\n".join(paras)


def editorial_body(rng: random.Random, story: Story, argument: list[str]) -> str:
    """An editorial: what happened, the paper's view in a few steps, and a closing demand."""
    args = list(argument)
    opening = f"{story.summary} {args.pop(0)}"
    facts = list(story.details)
    rng.shuffle(facts)
    paras = [opening, " ".join(facts[:2])]
    while args:
        take = 2 if len(args) > 2 else 1
        paras.append(" ".join(args[:take]))
        args = args[take:]
    paras[-1] += " " + rng.choice(EDITORIAL_CLOSERS)
    return "\n\n".join(paras)


def column_body(rng: random.Random, story: Story, day: datetime.date, thoughts: list[str]) -> str:
    """A front-page column: a small scene, the news, a reflection, and a quiet last line."""
    opener = rng.choice(COLUMN_OPENERS[season(day)])
    turn = rng.choice(COLUMN_TURNS).format(subject=story.subject)
    facts = list(story.details)
    rng.shuffle(facts)
    closer = rng.choice(COLUMN_CLOSERS).format(subject=story.subject)
    paras = [f"{opener} {turn}", f"{story.summary} {facts[0]}", " ".join(thoughts), closer]
    return "\n\n".join(paras)


def interview_body(
    rng: random.Random, story: Story, outlet: str, who: str, qa: list[tuple[str, str]]
) -> str:
    """An interview: a short introduction, then questions and answers as paragraphs."""
    intro = rng.choice(INTERVIEW_INTROS).format(
        outlet=outlet, who=who, Who=cap(who), subject=story.subject
    )
    paras = [intro]
    for question, answer in qa[:3]:
        paras += [f"Q: {question}", f"A: {answer}"]
    return "\n\n".join(paras)
