"""Demo scenarios: Okinawa and the U.S. bases. Format: see stories_politics."""

STORIES = [
    {
        "key": "henoko-soft-seabed",
        "date": "2025-11-12",
        "topics": ["okinawa", "defense-policy"],
        "subject": "the work on the Oura Bay seabed",
        "summary": (
            "The Defense Ministry began driving piles into the soft seabed of Oura Bay in Nago "
            "in November as part of the Henoko relocation project."
        ),
        "lead": [
            "the Defense Ministry has started full-scale work to reinforce the soft seabed on the "
            "Oura Bay side of the Henoko relocation site",
            "work to drive tens of thousands of sand piles into the seabed off Henoko has entered "
            "a new phase, with additional work barges deployed",
        ],
        "details": [
            "The plan calls for about 71,000 piles to be driven into the seabed.",
            "Some of the soft layer reaches a depth of about 90 meters below sea level, beyond the "
            "reach of existing work vessels.",
            "The Okinawa Defense Bureau says the work will take about nine years and three months "
            "once all the design changes are in place.",
            "Citizens' groups protested from boats and from the shore in front of Camp Schwab.",
            "The total cost is estimated at about 930 billion yen, almost three times the "
            "original estimate.",
            "Coral in the area was transplanted before the work began, according to the bureau.",
        ],
        "voices": [
            (
                "a senior Defense Ministry official",
                "Relocation to Henoko is the only solution for removing the danger of Futenma",
            ),
            (
                "an Okinawa prefectural official",
                "The prefecture has not given up its position that the work should stop",
            ),
            ("a protester in her 70s from Nago", "We have been here for years and we will stay"),
        ],
        "background": [
            "The central government approved the design change for the soft seabed on the "
            "prefecture's behalf in 2023 after a Supreme Court ruling.",
            "The relocation plan dates back to a 1996 Japan-U.S. agreement to return the land "
            "used by Marine Corps Air Station Futenma.",
        ],
        "outlook": [
            "Handover of Futenma is not expected until the mid-2030s at the earliest.",
            "The prefecture is considering whether to file new legal challenges.",
        ],
        "coverage": [
            (
                "ryukyu",
                "Piles driven into Oura Bay as prefecture's objections ignored",
                "The people of Okinawa have repeatedly voted against the relocation.",
                {"top": True, "ja": "大浦湾で杭打ち本格化　県の反対顧みず"},
            ),
            (
                "okinawa",
                "Henoko work enters deep-water phase; end date still uncertain",
                "Nobody can yet say when, or whether, the deepest sections can be completed.",
                {"top": True, "ja": "辺野古　大浦湾で本格工事"},
            ),
            (
                "yomiuri",
                "Henoko seabed work begins in earnest",
                "Steady progress is essential to remove the danger posed by Futenma.",
            ),
            (
                "asahi",
                "Work on Henoko soft seabed proceeds despite local opposition",
                "The cost and schedule have both ballooned since the project began.",
            ),
            (
                "sankei",
                "Henoko work must go ahead for deterrence",
                "Further delay would harm both the alliance and the safety of Ginowan residents.",
            ),
            ("nhk", "Full-scale work begins on Oura Bay seabed", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the Okinawa governor criticized the central government's approach"],
                "coverage": [
                    (
                        "ryukyu",
                        "The state must stop forcing the base on Okinawa",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The work on the seabed is proceeding over the heads of the "
                                "people.",
                                "The technical doubts about the soft ground have never been "
                                "answered.",
                                "Local autonomy means little if the will of the prefecture can be "
                                "overridden at every turn.",
                            ],
                        },
                    ),
                    (
                        "okinawa",
                        "Governor says work ignores the will of the people",
                        "The governor plans to raise the issue directly with Washington.",
                    ),
                    (
                        "tokyo",
                        "Hissen: the sea at Oura Bay",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "Oura Bay was once known mostly to divers and to the dugong.",
                                "Now its name is attached to a construction project whose end no "
                                "one "
                                "can see.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "okinawa-governor-race-2026",
        "date": "2026-08-28",
        "topics": ["okinawa", "elections"],
        "subject": "the Okinawa gubernatorial race",
        "summary": (
            "Campaigning for the Okinawa gubernatorial election, to be held in September, moved "
            "into high gear at the end of August."
        ),
        "lead": [
            "the Okinawa gubernatorial race has effectively become a two-way contest, with the "
            "Henoko relocation again the main issue",
            "candidates for the Okinawa gubernatorial election have held their first public "
            "debate, clashing over the Henoko relocation and the economy",
        ],
        "details": [
            "One candidate is backed by the 'All Okinawa' camp, which opposes the relocation.",
            "A second candidate, backed by the LDP and Komeito, has avoided stating a clear "
            "position on Henoko.",
            "Both candidates have promised measures on child poverty and wages.",
            "Okinawa's minimum wage remains among the lowest in Japan.",
            "Tourism has recovered to record levels, but labor shortages are severe.",
            "The debate was organized by the Okinawa Prefecture Junior Chamber.",
        ],
        "voices": [
            (
                "an official of the All Okinawa camp",
                "This election will show once again where Okinawa stands",
            ),
            ("a senior LDP official in Okinawa", "Voters want results on the economy, not slogans"),
            ("a 30-year-old voter in Naha", "I want to hear about wages and housing"),
        ],
        "background": [
            "Voters in Okinawa rejected landfill work for the Henoko base in a 2019 prefectural "
            "referendum.",
            "The ruling parties have won several mayoral elections in the prefecture in recent "
            "years.",
        ],
        "outlook": [
            "The outcome will be closely watched in Tokyo and Washington.",
            "Turnout among younger voters is expected to be a key factor.",
        ],
        "coverage": [
            (
                "ryukyu",
                "Henoko at heart of gubernatorial race",
                "The relocation issue cannot be separated from the question of Okinawa's future.",
                {"top": True},
            ),
            (
                "okinawa",
                "Governor race: candidates clash on base and wages",
                "Voters are looking for concrete economic proposals.",
                {"top": True, "ja": "知事選　基地と賃金で論戦"},
            ),
            (
                "asahi",
                "Okinawa governor race seen as test of base policy",
                "The result will shape the national debate on the base.",
            ),
            (
                "sankei",
                "Okinawa race: economy, security to the fore",
                "China's activities around the Senkaku Islands give the election a new dimension.",
            ),
            ("mainichi", "Okinawa governor race effectively a two-way contest", ""),
            (
                "shincho",
                "Tokyo's quiet campaign in the Okinawa race",
                "Ruling party heavyweights have been visiting the prefecture without publicity.",
            ),
        ],
        "followups": [
            {
                "days": 2,
                "lead": ["a survey of Okinawa voters found the race to be close"],
                "coverage": [
                    (
                        "okinawa",
                        "Survey: governor race neck and neck",
                        "About a quarter of voters had yet to decide.",
                    ),
                    (
                        "ryukyu",
                        "Interview: the base and the next generation",
                        "",
                        {
                            "kind": "interview",
                            "who": "a sociologist at the University of the Ryukyus",
                            "qa": [
                                (
                                    "Are young voters still interested in the base issue?",
                                    "They are, but they see it alongside wages and housing, not "
                                    "apart "
                                    "from them.",
                                ),
                                (
                                    "What has changed since the last election?",
                                    "The cost of living. It colors every other question.",
                                ),
                            ],
                        },
                    ),
                    ("kyodo", "Okinawa governor race tight, survey shows", ""),
                ],
            },
        ],
    },
]
