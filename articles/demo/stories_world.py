"""Demo scenarios: the alliance, the G7 and partners further afield. Format: see
stories_politics."""

STORIES = [
    {
        "key": "japan-us-summit-2026",
        "date": "2026-04-22",
        "topics": ["japan-us-relations", "trade"],
        "said_by": [
            "the Foreign Ministry",
            "the government",
            "officials traveling with the prime minister",
        ],
        "subject": "the Japan-U.S. summit",
        "summary": (
            "The prime minister and the U.S. president held a summit at the White House on "
            "April 21 and confirmed cooperation on security and investment."
        ),
        "lead": [
            "the prime minister and the U.S. president have agreed to launch a joint fund to "
            "invest in shipbuilding and energy projects in the United States",
            "the leaders of Japan and the United States confirmed the strength of the alliance "
            "at a White House summit that also took up tariffs on Japanese cars",
        ],
        "details": [
            "The summit lasted about 90 minutes, including a working lunch.",
            "The two leaders agreed to speed up joint production of air-defense missiles.",
            "The U.S. side again asked Japan to raise defense spending further.",
            "On tariffs, the two sides agreed to continue ministerial talks.",
            "The prime minister invited the president to visit Japan in the autumn.",
            "A joint statement referred to peace and stability across the Taiwan Strait.",
        ],
        "voices": [
            (
                "a senior Foreign Ministry official traveling with the prime minister",
                "The atmosphere was businesslike and friendly",
            ),
            (
                "an official of the Japan Automobile Manufacturers Association",
                "We had hoped for clearer progress on tariffs",
            ),
        ],
        "background": [
            "The United States imposed additional tariffs on imported cars in 2025, and a "
            "bilateral "
            "agreement later lowered the rate applied to Japan.",
            "Japan pledged large-scale investment in the United States as part of the tariff deal.",
        ],
        "outlook": [
            "Ministerial talks on the investment fund are to begin next month.",
            "How far Japan can meet U.S. demands on defense spending remains unclear.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Japan, U.S. leaders agree on investment fund, missile production",
                "The summit showed that the alliance remains the cornerstone of Japan's security.",
                {"top": True, "ja": "日米首脳、投資基金で合意　ミサイル共同生産加速"},
            ),
            (
                "asahi",
                "Summit confirms alliance; tariff issue left for later",
                "The summit did little to dispel uncertainty for Japanese exporters.",
                {"top": True},
            ),
            (
                "nikkei",
                "Japan-U.S. investment fund: shipbuilding, LNG in focus",
                "Japanese trading houses and shipbuilders are already preparing proposals.",
                {"top": True},
            ),
            (
                "mainichi",
                "U.S. presses Japan on defense outlay at summit",
                "The pressure on defense spending could complicate next year's budget.",
            ),
            (
                "sankei",
                "Taiwan Strait reference shows united front",
                "The reference to the Taiwan Strait sends a clear message to Beijing.",
            ),
            ("nhk", "Japan-U.S. summit held at White House", ""),
            ("kyodo", "Japan, U.S. leaders agree to boost missile co-production", ""),
            (
                "akahata",
                "Summit deepens subordination to U.S., JCP says",
                "The JCP argued that the investment fund would serve U.S. interests first.",
            ),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["reactions to the summit came in from business and opposition parties"],
                "coverage": [
                    (
                        "asahi",
                        "Alliance needs more than investment pledges",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The alliance matters, but it should not become a transaction.",
                                "Large investment promises need scrutiny by the Diet.",
                                "Japan should also state its own interests plainly.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "Japan-U.S. ties must grow stronger in a tense region",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The summit showed the value of personal trust between the "
                                "leaders.",
                                "Joint missile production strengthens deterrence.",
                                "Japan should press patiently for relief from tariffs.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Business leaders cautious after summit",
                        "Parts makers in the Chubu region said the tariff burden remains heavy.",
                    ),
                ],
            },
        ],
    },
    {
        "key": "g7-evian-2026",
        "date": "2026-06-16",
        "topics": ["europe-eurasia", "international"],
        "said_by": ["the Foreign Ministry", "the government"],
        "subject": "the G7 summit in Evian",
        "summary": (
            "The Group of Seven leaders met in Evian-les-Bains, France, in mid-June for their "
            "annual summit."
        ),
        "lead": [
            "the Group of Seven leaders have agreed to coordinate on critical minerals and to "
            "continue support for Ukraine, at their summit in Evian",
            "the prime minister called for G7 unity on economic security during the summit "
            "session on the global economy",
        ],
        "details": [
            "The summit was held over three days on the shores of Lake Geneva.",
            "The leaders discussed measures against excess production capacity in some countries.",
            "An action plan on critical minerals aims to diversify supply chains.",
            "The prime minister held bilateral talks with the leaders of France, Britain and "
            "Canada on the sidelines.",
            "The leaders also discussed artificial intelligence and energy security.",
            "Leaders of several invited countries, including India, joined some sessions.",
        ],
        "voices": [
            ("a senior Japanese official", "On supply chains, the G7 spoke with one voice"),
            ("a European diplomat", "Japan has been a steady partner on Ukraine"),
        ],
        "background": [
            "France holds the rotating G7 presidency this year.",
            "Japan hosted the previous summit held in Asia, in Hiroshima in 2023.",
        ],
        "outlook": [
            "The prime minister returns to Japan on June 17.",
            "Follow-up talks among economic ministers are planned for the autumn.",
        ],
        "coverage": [
            (
                "yomiuri",
                "G7 leaders agree on critical minerals action plan",
                "The plan reflects concern over China's dominance of processing.",
                {"ja": "G7、重要鉱物で行動計画"},
            ),
            (
                "nikkei",
                "G7 targets supply-chain resilience in Evian",
                "Companies are likely to face new disclosure requirements on mineral sourcing.",
            ),
            (
                "asahi",
                "G7 summit: unity on Ukraine, differences on trade",
                "Trade frictions among the members themselves were visible.",
            ),
            (
                "mainichi",
                "Prime minister seeks G7 unity on economic security",
                "The prime minister's first G7 appearance drew attention.",
            ),
            ("nhk", "G7 summit closes in France", ""),
            ("jiji", "G7 leaders adopt statement on critical minerals", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the prime minister returned from the G7 summit in France"],
                "coverage": [
                    (
                        "yomiuri",
                        "G7 must keep its unity in a divided world",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The G7's influence is not what it was, which makes unity more "
                                "important.",
                                "Securing supplies of critical minerals is a shared task.",
                                "Japan should bring Asia's perspective to the table.",
                            ],
                        },
                    ),
                    (
                        "sankei",
                        "G7 minerals plan a step against coercion",
                        "The plan is a practical answer to China's export controls.",
                    ),
                    ("kyodo", "Prime minister returns from G7 summit", ""),
                ],
            },
        ],
    },
]
