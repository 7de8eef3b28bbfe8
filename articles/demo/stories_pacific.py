"""Demo scenarios: Southeast Asia and the Middle East. Format: see stories_politics."""

STORIES = [
    {
        "key": "japan-philippines-defense-2026",
        "date": "2026-09-25",
        "topics": ["southeast-asia-pacific", "defense-policy"],
        "subject": "the defense talks with the Philippines",
        "summary": (
            "The defense ministers of Japan and the Philippines met in Manila on Sept. 24 and "
            "agreed to expand joint exercises."
        ),
        "lead": [
            "Japan and the Philippines have agreed to hold larger joint exercises next year under "
            "their Reciprocal Access Agreement",
            "Japan will provide the Philippines with additional coastal radar systems under its "
            "Official Security Assistance program, the two countries' defense ministers agreed",
        ],
        "details": [
            "The agreement came at talks between the two defense ministers in Manila.",
            "The Reciprocal Access Agreement, which took effect in 2025, simplifies procedures for "
            "troops visiting each other's country.",
            "The radar systems are intended to improve monitoring of the South China Sea.",
            "The two ministers also discussed transferring used Maritime Self-Defense Force "
            "destroyers.",
            "Joint drills next year will involve ground, maritime and air units.",
        ],
        "voices": [
            (
                "a senior Defense Ministry official",
                "The Philippines is now a central partner for maintaining order at sea",
            ),
            ("a Philippine defense official", "Japan's support has made a real difference"),
        ],
        "background": [
            "Chinese coast guard vessels have repeatedly used water cannon against Philippine "
            "ships near disputed reefs.",
            "Official Security Assistance was created in 2023 to provide equipment to the armed "
            "forces of like-minded countries.",
        ],
        "outlook": [
            "The two governments will discuss a timetable for the destroyer transfer.",
            "China is likely to react sharply to the expanded exercises.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Japan, Philippines to expand joint drills",
                "Deepening ties with Manila strengthen deterrence in the region.",
                {"ja": "日比、共同訓練を拡大"},
            ),
            (
                "sankei",
                "Japan to supply more radars to Philippines",
                "The step is a realistic response to China's pressure at sea.",
            ),
            (
                "asahi",
                "Japan-Philippine defense ties deepen; concerns over arms transfers",
                "The rapid expansion of equipment transfers has received little Diet scrutiny.",
            ),
            ("nikkei", "Japan eyes destroyer transfer to Philippines", ""),
            ("kyodo", "Japan, Philippines agree to boost defense cooperation", ""),
        ],
    },
    {
        "key": "red-sea-shipping-2026",
        "date": "2026-11-10",
        "topics": ["middle-east", "trade"],
        "subject": "the threat to shipping in the Red Sea",
        "summary": (
            "Japanese shipping companies again diverted vessels away from the Red Sea in "
            "November after renewed attacks on merchant ships."
        ),
        "lead": [
            "Japan's three major shipping lines have decided to keep their vessels away from the "
            "Red Sea for the time being",
            "the government has asked Japanese shipping companies to take every precaution after "
            "renewed attacks on merchant ships in the Red Sea",
        ],
        "details": [
            "Ships rerouted around the Cape of Good Hope take about ten days longer to reach "
            "Europe.",
            "Freight rates between Asia and Europe have risen by about 30 percent in two weeks.",
            "The government set up a liaison office at the Prime Minister's Office.",
            "A Maritime Self-Defense Force destroyer based in Djibouti is collecting information.",
            "Car carriers and container ships are the most affected.",
        ],
        "voices": [
            (
                "a senior official of a major shipping line",
                "The safety of our crews comes before any schedule",
            ),
            (
                "a senior Ministry of Land, Infrastructure, Transport and Tourism official",
                "We are sharing information with shipping companies around the clock",
            ),
        ],
        "background": [
            "Attacks on merchant ships in the Red Sea began in late 2023, and a Japanese-operated "
            "car carrier was seized that November.",
            "About a tenth of world trade normally passes through the Suez Canal.",
        ],
        "outlook": [
            "Companies say they will review the situation weekly.",
            "Higher shipping costs may feed into consumer prices early next year.",
        ],
        "coverage": [
            (
                "nikkei",
                "Shipping lines avoid Red Sea again; freight rates jump",
                "Exporters of machinery and auto parts face delays of up to two weeks.",
                {"top": True, "ja": "海運大手、紅海回避を継続"},
            ),
            ("yomiuri", "Government urges caution as Red Sea attacks resume", ""),
            (
                "mainichi",
                "Red Sea attacks threaten supply chains",
                "The disruption shows how exposed Japan is to distant conflicts.",
            ),
            ("nhk", "Japanese shipping firms avoid Red Sea", ""),
            ("jiji", "Japan shipping lines to keep avoiding Red Sea", ""),
        ],
        "followups": [
            {
                "days": 2,
                "lead": ["the government considered whether to expand the MSDF's role"],
                "coverage": [
                    (
                        "sankei",
                        "Japan must do more to protect sea lanes",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Japan lives by trade, and its sea lanes are its lifeline.",
                                "The government should consider joining multinational escort "
                                "efforts within the law.",
                                "Relying on others to protect Japanese ships is not sustainable.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Caution urged over expanding MSDF role in Red Sea",
                        "Legal experts warn against stretching existing laws.",
                    ),
                ],
            },
        ],
    },
]
