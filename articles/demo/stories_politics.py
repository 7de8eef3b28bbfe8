"""Demo scenarios: the Diet, the Cabinet, elections and political money.

A scenario is one news event; `date` is the morning the papers carry it. `lead` holds clauses an
outlet's first sentence is built around; `details`, `voices` (speaker, words), `background` and
`outlook` are facts every outlet may draw on; `said_by` names who announced the news (leave it out
for news that was learned from unnamed sources). Each `coverage` entry is (outlet key, headline,
the outlet's own angle[, extras]); extras may set `ja` (original headline), `kind`, `top`,
`page`, `note`, `status` ("draft" or "scheduled"), `days` (run later than the story's day) and
the material editorials (`argument`), columns (`thoughts`), interviews (`who`, `qa`) and verbatim
pieces (`text`) are written from. `followups` are later days of the same story, each with its own
`days`, `lead` and `coverage`, and optionally its own facts.
"""

STORIES = [
    {
        "key": "funds-reform-council",
        "date": "2025-10-29",
        "topics": ["political-funds", "diet"],
        "subject": "the talks on political funds reform",
        "summary": (
            "The ruling and opposition parties agreed on Oct. 28 to set up a council in the House "
            "of Representatives to discuss reform of the Political Funds Control Act."
        ),
        "lead": [
            "the ruling and opposition parties have agreed to set up a council in the House of "
            "Representatives to discuss tightening the Political Funds Control Act",
            "the ruling parties have accepted an opposition proposal for a Lower House council on "
            "political funds reform, aiming for a conclusion during the current Diet session",
        ],
        "details": [
            "The council will include a representative of every parliamentary group, and its first "
            "meeting is expected early next month.",
            "The central issue is whether to ban donations from companies and organizations, which "
            "the main opposition parties have long demanded.",
            "The Liberal Democratic Party argues that a total ban would restrict political "
            "activity "
            "and favor parties that depend on public subsidies.",
            "Opposition parties also want an independent body to audit political funds reports.",
            "Under the agreement, the council will report to the Speaker of the House of "
            "Representatives before the session ends.",
            "The parties also agreed to consider requiring reports to be filed online in a "
            "searchable form.",
        ],
        "voices": [
            (
                "a senior LDP official in charge of Diet affairs",
                "We want a conclusion the public can accept, but we cannot simply swallow every "
                "demand",
            ),
            (
                "a senior official of the Constitutional Democratic Party of Japan",
                "If the ruling parties drag this out, voters will remember it",
            ),
        ],
        "background": [
            "Public distrust of politics deepened after it emerged that several LDP factions had "
            "failed to report income from fundraising parties.",
            "The Political Funds Control Act was revised in 2024 to tighten reporting rules, but "
            "the question of corporate donations was left for later.",
        ],
        "outlook": [
            "Whether the two sides can bridge their differences on corporate donations before the "
            "session ends remains unclear.",
            "The ruling parties hope to wrap up the talks quickly and turn the Diet's attention to "
            "the economic package.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Lower House to set up council on political funds reform",
                "The ruling parties judged that rejecting the opposition proposal outright would "
                "only deepen public distrust.",
            ),
            (
                "asahi",
                "Ruling, opposition parties agree on forum for political funds talks; corporate "
                "donations the focus",
                "Even so, the LDP remains reluctant to accept a ban on corporate donations, and "
                "the talks could stall.",
                {"ja": "政治資金改革で協議会設置へ　与野党合意、企業献金が焦点"},
            ),
            (
                "mainichi",
                "Political funds reform council to start; opposition wary of delaying tactics",
                "Opposition parties suspect the ruling camp of using the council to buy time.",
            ),
            (
                "sankei",
                "Political funds talks to begin as LDP seeks to keep corporate donations",
                "The LDP says donations that are fully disclosed are a legitimate form of "
                "political participation.",
            ),
            (
                "nhk",
                "Ruling and opposition parties agree on council for political funds reform",
                "",
            ),
            (
                "akahata",
                "JCP calls for total ban on corporate donations as reform council is set up",
                "The Japanese Communist Party, which accepts neither corporate donations nor "
                "public "
                "subsidies, called for a complete ban.",
            ),
        ],
        "followups": [
            {
                "days": 2,
                "lead": [
                    "the political funds reform council held its first meeting, with each party "
                    "presenting its own draft",
                ],
                "details": [
                    "The LDP proposed stricter disclosure of donations above 50,000 yen rather "
                    "than a ban.",
                    "The CDP and Nippon Ishin no Kai each submitted bills that would ban corporate "
                    "donations outright, differing on how to treat political organizations.",
                    "Komeito proposed limiting the number of party branches allowed to receive "
                    "corporate money.",
                    "The council agreed to meet twice a week for the rest of the session.",
                ],
                "coverage": [
                    (
                        "tokyo",
                        "First meeting of funds reform council shows gap on corporate donations",
                        "The LDP's draft leaves the door open to the "
                        "practices that caused the scandal.",
                    ),
                    (
                        "asahi",
                        "Political funds reform must not end as a gesture",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The council is a start, but only a start.",
                                "The LDP's proposal for more disclosure falls short of what the "
                                "public is asking for.",
                                "As long as companies can give money to parties, the suspicion "
                                "that policy is for sale will not go away.",
                                "The ruling party should show that it has learned from the "
                                "scandal by accepting a ban.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "Political reform debate needs realistic rules, not slogans",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "What is needed is a system that makes the flow of money "
                                "visible, not a contest over slogans.",
                                "A ban on corporate donations would leave parties ever more "
                                "dependent on taxpayers' money.",
                                "Disclosure rules with real penalties would do more to restore "
                                "trust.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "ordinary-diet-session-2026",
        "date": "2026-01-24",
        "topics": ["diet", "cabinet"],
        "subject": "the opening of the ordinary Diet session",
        "summary": (
            "The ordinary Diet session was convened on Jan. 23, and the prime minister delivered "
            "a policy speech setting out the government's priorities for the year."
        ),
        "lead": [
            "the prime minister used the policy speech opening the ordinary Diet session to put "
            "wage growth and disaster preparedness at the top of the agenda",
            "the government opened the 150-day ordinary Diet session with a policy speech that "
            "promised to pass the fiscal 2026 budget within the fiscal year",
        ],
        "details": [
            "The speech ran to about 13,000 characters in Japanese and was delivered in both "
            "houses on the same afternoon.",
            "The government plans to submit around 60 bills during the session, fewer than last "
            "year.",
            "The fiscal 2026 budget, the largest on record, is expected to clear the House of "
            "Representatives in early March.",
            "The prime minister also pledged to set up a new agency to coordinate disaster "
            "response across ministries.",
            "On diplomacy, the speech stressed the Japan-U.S. alliance and called for stable "
            "relations with China.",
            "Representative questions from party leaders begin on Jan. 26 in the Lower House.",
        ],
        "voices": [
            (
                "a senior official at the Prime Minister's Office",
                "The message is that the government will deliver results people can feel",
            ),
            (
                "a senior opposition lawmaker",
                "There was nothing in the speech about how any of it will be paid for",
            ),
            ("an LDP executive", "The budget comes first; everything else follows from that"),
        ],
        "background": [
            "The ruling coalition does not hold a majority in the House of Councillors, so each "
            "bill needs the cooperation of at least one opposition party.",
            "Cabinet approval ratings have hovered around 40 percent in recent polls.",
        ],
        "outlook": [
            "The session ends on June 21 unless it is extended.",
            "How the ruling parties secure opposition votes in the upper house will shape the "
            "session.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Prime minister puts wages, disaster readiness first in policy speech",
                "The prime minister avoided divisive topics such as constitutional "
                "revision in favor of pocketbook issues.",
                {"ja": "首相施政方針演説　賃上げと防災を最優先"},
            ),
            (
                "asahi",
                "Policy speech heavy on promises, light on funding",
                "The speech gave few details on how the new spending would be financed.",
            ),
            (
                "nikkei",
                "Policy speech: government targets real wage growth, budget passage",
                "Markets are watching whether the government will keep its primary balance target.",
            ),
            (
                "mainichi",
                "Ordinary Diet session opens; upper house arithmetic clouds outlook",
                "The ruling bloc's lack of an upper house majority leaves many bills uncertain.",
            ),
            ("kyodo", "Prime minister vows to deliver on wages in policy speech", ""),
            ("nhk", "Ordinary Diet session convened, prime minister gives policy speech", ""),
            (
                "akahata",
                "Policy speech silent on cost-of-living relief, JCP says",
                "The JCP's chair said the speech offered nothing to households hit by rising "
                "prices.",
            ),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["editorials weighed the prime minister's first policy speech of the year"],
                "coverage": [
                    (
                        "sankei",
                        "Policy speech should have faced the constitution squarely",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The speech was careful to the point of timidity.",
                                "A government that asks for trust must say where it stands on the "
                                "constitution.",
                                "The security environment around Japan will not wait for a "
                                "convenient "
                                "political moment.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Hissen: words that cost nothing",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "A policy speech is a list of wishes dressed as a plan.",
                                "The test comes later, in the committee rooms, where every "
                                "promise meets "
                                "a number.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
