"""Demo scenarios: the Korean Peninsula. Format: see stories_politics."""

STORIES = [
    {
        "key": "japan-rok-summit-2026",
        "date": "2026-01-14",
        "topics": ["korean-peninsula", "international"],
        "subject": "the Japan-South Korea summit",
        "summary": (
            "The leaders of Japan and South Korea held a summit on Jan. 13 under the framework "
            "of reciprocal visits known as shuttle diplomacy."
        ),
        "lead": [
            "the leaders of Japan and South Korea have agreed to set up a new dialogue on "
            "supply chains and on responding to the falling birthrate, which both countries face",
            "the prime minister and the South Korean president confirmed that they would continue "
            "regular reciprocal visits",
        ],
        "details": [
            "The summit lasted about two hours, including a working dinner.",
            "The two leaders agreed to cooperate closely with the United States on North Korea.",
            "The leaders also agreed to expand youth exchanges and working-holiday programs.",
            "A joint press announcement was issued, but no joint statement.",
            "The leaders did not discuss wartime labor issues in detail, according to officials.",
        ],
        "voices": [
            (
                "a senior Japanese government official",
                "The important thing is that visits have become routine",
            ),
            (
                "a South Korean presidential aide",
                "We are building a relationship that does not depend on who is in office",
            ),
        ],
        "background": [
            "Japan and South Korea resumed shuttle diplomacy in 2023 after a hiatus of about 12 "
            "years.",
            "Tourism between the two countries has reached record levels.",
        ],
        "outlook": [
            "The prime minister is expected to visit South Korea later this year.",
            "Historical issues could still resurface ahead of local elections in South Korea.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Japan, South Korea agree to cooperate on birthrate, supply chains",
                "The agreement shows that relations now rest on a firmer footing.",
                {"top": True},
            ),
            (
                "asahi",
                "Shuttle diplomacy takes root as leaders meet",
                "The two leaders struck a warm tone at their joint press appearance.",
                {"ja": "日韓首脳会談　シャトル外交定着へ"},
            ),
            (
                "mainichi",
                "Japan-ROK summit: new dialogue on shared demographic crisis",
                "Cooperation on demographic policy is a new field for the two governments.",
            ),
            (
                "sankei",
                "Summit sidesteps history issues",
                "Unresolved historical issues could still flare again.",
            ),
            ("nhk", "Japan, South Korea leaders hold summit", ""),
            ("kyodo", "Japan, S. Korea leaders agree to deepen economic security ties", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["commentators in both countries welcomed the steady pace of visits"],
                "coverage": [
                    (
                        "asahi",
                        "Keep shuttle diplomacy on course",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Regular visits have made the relationship less fragile.",
                                "Shared problems, from low birthrates to energy, give the two "
                                "countries reasons to cooperate.",
                                "History must be handled with care, not avoided.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Interview: a new stage for Japan and South Korea",
                        "",
                        {
                            "kind": "interview",
                            "who": "a researcher on Korean politics",
                            "qa": [
                                (
                                    "What was new about this summit?",
                                    "The agenda. Demographics and supply chains are problems both "
                                    "countries share.",
                                ),
                                (
                                    "Can the improvement last?",
                                    "It can, if both governments keep investing in it when it is "
                                    "not "
                                    "popular.",
                                ),
                            ],
                        },
                    ),
                    ("jiji", "Japan, S. Korea to launch new dialogue on demographics", ""),
                ],
            },
        ],
    },
    {
        "key": "north-korea-icbm-2026",
        "said_by": ["the Defense Ministry", "the government", "the Japan Coast Guard"],
        "date": "2026-02-10",
        "topics": ["korean-peninsula", "defense-policy"],
        "subject": "North Korea's missile launch",
        "summary": (
            "North Korea launched an ICBM-class ballistic missile on Feb. 9 that fell inside "
            "Japan's exclusive economic zone west of Hokkaido."
        ),
        "lead": [
            "North Korea has launched a ballistic missile of ICBM class, which fell into Japan's "
            "exclusive economic zone about 200 kilometers west of Okushiri Island",
            "the government has lodged a strong protest with North Korea over a missile that "
            "landed inside Japan's exclusive economic zone",
        ],
        "details": [
            "The missile flew for about 70 minutes and reached an altitude of over 6,000 "
            "kilometers, according to the Defense Ministry.",
            "No damage to ships or aircraft was reported.",
            "The launch was on a lofted trajectory, higher and shorter than a normal flight path.",
            "The government protested through diplomatic channels in Beijing.",
            "Japan, the United States and South Korea held a trilateral call among senior "
            "officials the same day.",
            "The Japan Coast Guard issued a navigational warning shortly after the launch.",
        ],
        "voices": [
            (
                "the chief cabinet secretary",
                "This is a clear violation of UN Security Council resolutions and cannot be "
                "tolerated",
            ),
            (
                "a senior Defense Ministry official",
                "Depending on the warhead, the range could cover the whole of the United States",
            ),
        ],
        "background": [
            "North Korea has launched dozens of ballistic missiles since 2022.",
            "Japan, the United States and South Korea share missile-warning data in real time.",
        ],
        "outlook": [
            "The government will consider additional sanctions with the United States and South "
            "Korea.",
            "Officials are analyzing whether the missile used a new solid-fuel engine.",
        ],
        "coverage": [
            (
                "yomiuri",
                "North Korean ICBM lands in Japan's EEZ",
                "The launch underlines the need to strengthen Japan's missile defense.",
                {"top": True, "ja": "北ICBM級、EEZ内に落下"},
            ),
            (
                "asahi",
                "North Korea fires ICBM-class missile; falls west of Hokkaido",
                "Diplomatic efforts to engage Pyongyang have stalled.",
                {"top": True},
            ),
            (
                "sankei",
                "Missile launch shows need for counterstrike capability",
                "The launch shows why Japan must acquire counterstrike capabilities quickly.",
            ),
            (
                "hokkaido",
                "Missile falls off Okushiri; fishermen alarmed",
                "Squid boats were operating in nearby waters.",
            ),
            ("nhk", "North Korea missile lands in EEZ, Defense Ministry says", ""),
            ("jiji", "N. Korea ballistic missile falls in Japan's EEZ", ""),
            ("kyodo", "N. Korea fires ICBM-class missile, lands in Japan's EEZ", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["North Korea's state media said the launch tested a new type of ICBM"],
                "coverage": [
                    (
                        "mainichi",
                        "Provocation demands calm, united response",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The launch is a grave threat to the region.",
                                "Japan must work closely with the United States and South Korea.",
                                "At the same time, channels for dialogue must not be closed for "
                                "good.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Interview: what Pyongyang wants",
                        "",
                        {
                            "kind": "interview",
                            "who": "a professor of Korean studies",
                            "qa": [
                                (
                                    "Why now?",
                                    "North Korea wants to show that its weapons program keeps "
                                    "moving "
                                    "no matter who is talking to whom.",
                                ),
                                (
                                    "Do sanctions still work?",
                                    "They raise the cost, but enforcement has weakened a great "
                                    "deal.",
                                ),
                                (
                                    "What can Japan do?",
                                    "Keep working with its partners, and keep its own lines open "
                                    "for "
                                    "the abduction issue.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
