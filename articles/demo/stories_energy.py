"""Demo scenarios: nuclear power and critical minerals. Format: see stories_politics."""

STORIES = [
    {
        "key": "kashiwazaki-kariwa-restart",
        "date": "2026-04-08",
        "topics": ["energy", "nuclear-issues"],
        "subject": "the restart at Kashiwazaki-Kariwa",
        "summary": (
            "Tokyo Electric Power Company restarted a reactor at its Kashiwazaki-Kariwa nuclear "
            "power plant in Niigata Prefecture in April."
        ),
        "lead": [
            "TEPCO has restarted a reactor at the Kashiwazaki-Kariwa nuclear plant, its first "
            "reactor to resume operation since the 2011 Fukushima accident",
            "a reactor at the Kashiwazaki-Kariwa nuclear power plant in Niigata Prefecture has "
            "gone back online, the first TEPCO unit to do so in about 14 years",
        ],
        "details": [
            "Control rods were withdrawn on the evening of April 7, and the reactor is expected "
            "to reach criticality within a day.",
            "The plant is one of the largest nuclear power stations in the world by capacity.",
            "Commercial operation is scheduled to begin in May after inspections.",
            "Evacuation routes in the event of an accident combined with heavy snow remain a "
            "concern for residents.",
            "TEPCO says the restart will lower its fuel costs by about 100 billion yen a year.",
            "Anti-nuclear groups gathered outside the plant's main gate.",
        ],
        "voices": [
            ("TEPCO's president", "We will operate the plant with safety as our absolute priority"),
            (
                "a resident of Kashiwazaki in his 60s",
                "I still do not know how we would get out if something happened in winter",
            ),
            ("the Niigata governor", "The prefecture will keep a close watch on every step"),
        ],
        "background": [
            "The Nuclear Regulation Authority lifted a de facto ban on operations at the plant in "
            "2023 after security lapses were addressed.",
            "The governor of Niigata gave his consent to the restart after consulting the "
            "prefectural assembly.",
        ],
        "outlook": [
            "TEPCO aims to restart a second reactor at the plant later.",
            "The restart is expected to ease pressure on power supply in the Tokyo area this "
            "summer.",
        ],
        "coverage": [
            (
                "nikkei",
                "TEPCO restarts first reactor since Fukushima accident",
                "The restart improves TEPCO's finances and the stability of power supply in the "
                "capital region.",
                {"top": True, "ja": "柏崎刈羽原発が再稼働　東電、事故後初"},
            ),
            (
                "yomiuri",
                "Kashiwazaki-Kariwa back online; step toward stable power supply",
                "Nuclear power is essential for decarbonization and energy security.",
                {"top": True},
            ),
            (
                "asahi",
                "Restart proceeds with evacuation questions unanswered",
                "Residents' concerns about evacuation in heavy snow have not been resolved.",
                {"top": True},
            ),
            (
                "tokyo",
                "TEPCO restarts reactor; Fukushima evacuees uneasy",
                "Some Fukushima evacuees still living in Niigata oppose the restart.",
            ),
            ("mainichi", "TEPCO restarts Kashiwazaki-Kariwa reactor", ""),
            ("nhk", "Reactor at Kashiwazaki-Kariwa restarted", ""),
            (
                "akahata",
                "Restart ignores lessons of Fukushima, JCP says",
                "TEPCO has yet to finish decommissioning the Fukushima plant.",
            ),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the restart drew contrasting reactions from business and local groups"],
                "coverage": [
                    (
                        "sankei",
                        "Restart is a step toward a realistic energy policy",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The restart was long overdue.",
                                "Japan cannot meet its climate goals and growing power demand "
                                "without "
                                "nuclear energy.",
                                "Other idle reactors that have passed safety reviews should "
                                "follow.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Restart cannot erase the debt of Fukushima",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "TEPCO is the company that caused the worst nuclear accident in "
                                "Japan's history.",
                                "Its fitness to operate reactors has not been proven to residents.",
                                "The government should put renewable energy first.",
                            ],
                        },
                    ),
                    (
                        "nikkei",
                        "Shunju: the lights of Niigata",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "Electricity made in Niigata lights Tokyo's offices, and few in "
                                "the "
                                "capital give it a thought.",
                                "A restart is also a reminder of who carries the risk for whom.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "rare-earth-export-curbs",
        "date": "2026-03-18",
        "topics": ["economic-security", "japan-china-relations"],
        "subject": "China's curbs on rare earth exports",
        "summary": (
            "China tightened controls on exports of several rare earth elements in March, "
            "raising concerns among Japanese manufacturers."
        ),
        "lead": [
            "Japanese manufacturers are scrambling to secure rare earths after China tightened "
            "export controls on several elements used in motors and electronics",
            "the government has begun reviewing stockpiles of rare earths in response to China's "
            "tighter export controls",
        ],
        "details": [
            "The new rules require exporters to obtain licenses for each shipment.",
            "Dysprosium and terbium are essential for the magnets used in electric vehicle motors.",
            "Japan's national stockpile is managed by the Japan Organization for Metals and "
            "Energy Security.",
            "Some Japanese companies have already developed magnets that use fewer heavy rare "
            "earths.",
            "Trading houses are seeking supplies from Australia and Southeast Asia.",
        ],
        "voices": [
            (
                "an official of the Ministry of Economy, Trade and Industry",
                "We will do everything we can to avoid disruption to production",
            ),
            (
                "a procurement manager at a motor maker",
                "Our inventories will last a few months, not more",
            ),
        ],
        "background": [
            "China restricted rare earth exports to Japan in 2010 during a dispute over the "
            "Senkaku Islands.",
            "Since then, Japan has reduced its dependence on China for rare earths from about 90 "
            "percent to around 60 percent.",
        ],
        "outlook": [
            "The government plans to include funds for stockpiles in a future budget.",
            "Companies may have to cut production if licenses are delayed.",
        ],
        "coverage": [
            (
                "nikkei",
                "Rare earth curbs put Japanese motor makers on alert",
                "Automakers are checking inventories across their supply chains.",
                {"top": True, "ja": "レアアース輸出規制　モーター各社に警戒感"},
            ),
            (
                "yomiuri",
                "Government to review rare earth stockpiles",
                "Economic coercion has become a tool of statecraft.",
            ),
            (
                "sankei",
                "China's export curbs show risks of dependence",
                "Dependence on a single supplier is a national security issue.",
            ),
            ("asahi", "Rare earth controls test supply-chain diversification", ""),
            ("jiji", "Japan firms scramble for rare earths after China curbs", ""),
        ],
    },
]
