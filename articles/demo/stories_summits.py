"""Demo scenarios: APEC in China and Russian gas. Format: see stories_politics."""

STORIES = [
    {
        "key": "apec-shenzhen-2026",
        "date": "2026-11-14",
        "topics": ["japan-china-relations", "trade"],
        "said_by": ["the Foreign Ministry", "Japanese officials"],
        "subject": "the Japan-China summit at APEC",
        "summary": (
            "The prime minister and the Chinese president met on the sidelines of the APEC "
            "summit in Shenzhen in mid-November."
        ),
        "lead": [
            "the leaders of Japan and China have agreed to resume a high-level economic dialogue, "
            "in talks on the sidelines of the APEC summit in Shenzhen",
            "the prime minister raised the detention of Japanese nationals and China's seafood "
            "restrictions in a meeting with the Chinese president in Shenzhen",
        ],
        "details": [
            "The meeting lasted about 40 minutes.",
            "The two leaders confirmed the principle of a 'mutually beneficial relationship based "
            "on common strategic interests.'",
            "The prime minister expressed serious concern about Chinese military activity near "
            "Japan.",
            "The two sides agreed to hold a foreign ministers' meeting early next year.",
            "APEC leaders adopted a declaration on trade and digital cooperation.",
        ],
        "voices": [
            (
                "a senior Japanese official who attended the meeting",
                "Both sides showed a wish to manage differences",
            ),
            (
                "a researcher on China at a Tokyo think tank",
                "Holding the meeting at all was the main achievement",
            ),
        ],
        "background": [
            "China is hosting APEC for the first time since 2014.",
            "Several Japanese nationals have been detained in China on espionage charges in "
            "recent years.",
        ],
        "outlook": [
            "Whether the dialogue produces concrete results remains to be seen.",
            "Tensions in the East China Sea could still derail the improvement.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Japan, China leaders agree to resume economic dialogue",
                "Stable relations with China are in Japan's interest, but concessions must not be "
                "one-sided.",
                {"top": True, "ja": "日中首脳、経済対話再開で一致"},
            ),
            (
                "asahi",
                "Japan-China summit: small steps toward stability",
                "Both leaders avoided confrontational language in public.",
            ),
            (
                "nikkei",
                "Business welcomes Japan-China dialogue resumption",
                "Japanese companies in China hope for clearer rules on data and exit procedures.",
            ),
            (
                "sankei",
                "Summit must not paper over China's pressure",
                "Japan must not soften its stance on the Senkaku Islands.",
            ),
            ("nhk", "Japan-China summit held in Shenzhen", ""),
            ("kyodo", "Japan, China leaders meet on APEC sidelines", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the prime minister returned from the APEC summit"],
                "coverage": [
                    (
                        "mainichi",
                        "Build on the summit to steady ties with China",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Dialogue is the precondition for managing disagreements.",
                                "Japan should press for the release of detained nationals.",
                                "Exchanges among young people deserve more support.",
                            ],
                        },
                    ),
                    (
                        "bunshun",
                        "What was said behind closed doors in Shenzhen",
                        "Diplomats describe tense exchanges before the meeting was confirmed.",
                        {"status": "scheduled"},
                    ),
                ],
            },
        ],
    },
    {
        "key": "sakhalin-lng-2026",
        "date": "2026-02-25",
        "topics": ["energy", "japan-russia-relations"],
        "subject": "LNG from Sakhalin",
        "summary": (
            "Japanese utilities weighed in February whether to renew contracts for liquefied "
            "natural gas from the Sakhalin-2 project in Russia's Far East."
        ),
        "lead": [
            "Japanese power and gas companies are moving to extend contracts for LNG from the "
            "Sakhalin-2 project, citing the need for stable supply",
            "the government has told utilities that it regards Sakhalin-2 as important for "
            "energy security, as several long-term LNG contracts come up for renewal",
        ],
        "details": [
            "Sakhalin-2 supplies a little under 10 percent of Japan's LNG imports.",
            "Mitsui and Mitsubishi retain stakes in the project.",
            "Shipping from Sakhalin takes only a few days, compared with weeks from the Middle "
            "East.",
            "Some contracts expire around 2028 and 2029.",
            "The United States has pressed allies to cut purchases of Russian energy.",
        ],
        "voices": [
            (
                "an executive at a regional utility",
                "Sakhalin gas is close and reliable; replacing it is not simple",
            ),
            (
                "an official of the Agency for Natural Resources and Energy",
                "We will decide on the basis of energy security",
            ),
        ],
        "background": [
            "Russia transferred the operation of Sakhalin-2 to a new Russian company in 2022, and "
            "the Japanese trading houses kept their stakes.",
            "Japan has been granted exemptions from some U.S. sanctions related to the project.",
        ],
        "outlook": [
            "Utilities will make final decisions by the end of the fiscal year.",
            "The issue could become a point of friction with the United States.",
        ],
        "coverage": [
            (
                "nikkei",
                "Utilities move to extend Sakhalin LNG contracts",
                "Buyers see no quick alternative at a similar cost.",
                {"ja": "サハリン2のLNG契約延長へ"},
            ),
            (
                "hokkaido",
                "Sakhalin gas seen as vital for Hokkaido winters",
                "Hokkaido depends heavily on gas for winter heating.",
            ),
            ("yomiuri", "Sakhalin LNG: energy security versus sanctions", ""),
            (
                "asahi",
                "Dependence on Russian LNG questioned",
                "Continued purchases sit uneasily with Japan's sanctions.",
            ),
            ("jiji", "Japanese utilities seek to extend Sakhalin-2 LNG deals", ""),
        ],
    },
]
