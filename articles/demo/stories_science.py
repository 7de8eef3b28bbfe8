"""Demo scenarios: space, artificial intelligence and the heat. Format: see stories_politics."""

STORIES = [
    {
        "key": "h3-launch-2026",
        "date": "2026-02-03",
        "topics": ["space", "science-technology"],
        "said_by": ["JAXA", "the Japan Aerospace Exploration Agency"],
        "subject": "the H3 rocket launch",
        "summary": (
            "JAXA launched an H3 rocket from the Tanegashima Space Center on Feb. 2, placing a "
            "navigation satellite into orbit."
        ),
        "lead": [
            "an H3 rocket carrying a satellite for Japan's Michibiki positioning system has lifted "
            "off from Tanegashima and placed it into its planned orbit",
            "JAXA has successfully launched another H3 rocket, moving closer to its goal of "
            "cheaper and more frequent launches",
        ],
        "details": [
            "The rocket lifted off at 10:30 a.m. and separated the satellite about 30 minutes "
            "later.",
            "The satellite is part of a plan to expand the Michibiki system to seven satellites.",
            "The H3 is designed to halve launch costs compared with its predecessor, the H2A.",
            "Spectators gathered at viewing points on Tanegashima despite the cold.",
            "Mitsubishi Heavy Industries builds and operates the rocket.",
        ],
        "voices": [
            (
                "the H3 project manager at JAXA",
                "Each success builds the trust we need to win commercial customers",
            ),
            ("a tourism official on Tanegashima", "Launch days bring the whole island together"),
        ],
        "background": [
            "The first H3 launch failed in March 2023, and the second succeeded in February 2024.",
            "The H2A rocket was retired in 2025 after its 50th launch.",
        ],
        "outlook": [
            "JAXA plans several more H3 launches this fiscal year.",
            "The next launch will carry a cargo spacecraft to the International Space Station.",
        ],
        "coverage": [
            (
                "yomiuri",
                "H3 rocket puts Michibiki satellite into orbit",
                "Reliable launches are essential for Japan's space security.",
                {"ja": "H3ロケット打ち上げ成功　みちびき軌道へ"},
            ),
            ("asahi", "H3 launch succeeds; commercial orders next goal", ""),
            (
                "nikkei",
                "H3 success boosts Japan's bid for launch business",
                "Launch costs remain higher than those of U.S. competitors.",
            ),
            ("nhk", "H3 rocket launched successfully from Tanegashima", ""),
            ("jiji", "Japan's H3 rocket places navigation satellite in orbit", ""),
        ],
    },
    {
        "key": "ai-basic-plan-2026",
        "date": "2026-05-28",
        "topics": ["artificial-intelligence", "economic-security"],
        "said_by": ["the government", "the Cabinet Office"],
        "subject": "the government's AI plan",
        "summary": (
            "The government's AI Strategy Headquarters adopted a draft basic plan for artificial "
            "intelligence in late May."
        ),
        "lead": [
            "the government has drawn up a draft basic plan on artificial intelligence that calls "
            "for building domestic computing capacity and training AI specialists",
            "the government will support the construction of data centers in regions with spare "
            "power capacity, under a draft basic plan on artificial intelligence",
        ],
        "details": [
            "The plan is based on the AI Promotion Act enacted in 2025.",
            "The plan calls for guidelines on transparency for developers of generative AI.",
            "The government will investigate serious cases of AI misuse and may publish the "
            "names of companies involved.",
            "Hokkaido and Kyushu are seen as candidate sites for large data centers.",
            "The plan also addresses the use of AI in public administration.",
        ],
        "voices": [
            (
                "a senior official at the Cabinet Office",
                "We want Japan to be the easiest country in the world to develop and use AI",
            ),
            (
                "a lawyer who specializes in copyright",
                "The plan says little about protecting creators",
            ),
        ],
        "background": [
            "Japan's AI law relies mainly on voluntary cooperation rather than penalties.",
            "Electricity demand from data centers is expected to rise sharply.",
        ],
        "outlook": [
            "The Cabinet is expected to approve the plan in June.",
            "Industry groups are calling for more support for domestic AI models.",
        ],
        "coverage": [
            (
                "nikkei",
                "Government AI plan targets domestic computing power",
                "Companies welcome the support but want faster approvals for power connections.",
                {"ja": "AI基本計画案　国内計算基盤を強化"},
            ),
            ("yomiuri", "Draft AI plan calls for transparency from developers", ""),
            (
                "asahi",
                "AI plan light on rights protection, critics say",
                "Creators' groups want stronger rules on training data.",
            ),
            (
                "hokkaido",
                "Hokkaido eyed as data center hub under AI plan",
                "Local governments hope for jobs and tax revenue.",
            ),
            ("mainichi", "Government drafts AI basic plan", ""),
        ],
        "followups": [
            {
                "days": 2,
                "lead": ["creators and industry groups responded to the draft AI plan"],
                "coverage": [
                    (
                        "asahi",
                        "AI plan must protect rights as well as promote growth",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Promoting AI is sensible, but trust is its foundation.",
                                "Creators deserve a say in how their work is used for training.",
                                "Voluntary guidelines may not be enough.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "Henshu Techo: the machine that writes",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "A machine can now write a passable column in seconds.",
                                "What it cannot do is stand behind what it says.",
                            ],
                        },
                    ),
                    ("nikkei", "Industry calls for faster power hookups for data centers", ""),
                ],
            },
        ],
    },
    {
        "key": "heat-wave-july-2026",
        "date": "2026-07-21",
        "topics": ["climate-environment", "health"],
        "said_by": ["the Japan Meteorological Agency", "the Fire and Disaster Management Agency"],
        "subject": "the heat wave",
        "summary": (
            "Temperatures above 40 C were recorded in several places in eastern and western "
            "Japan in the third week of July."
        ),
        "lead": [
            "temperatures have topped 40 degrees Celsius at several observation points, and heat "
            "stroke alerts have been issued for most of the country",
            "the number of people taken to hospital with heat stroke has reached a record for "
            "July, as a severe heat wave continues",
        ],
        "details": [
            "Heat stroke special alerts were issued for several prefectures for the first time "
            "this summer.",
            "More than 9,000 people were taken to hospital with heat stroke in a single week.",
            "Elderly people living alone account for a large share of the serious cases.",
            "Municipalities opened 'cool shelters' in libraries and shopping centers.",
            "Electricity demand in the Tokyo area reached its highest level of the year.",
            "Some schools canceled outdoor activities and sports club practice.",
        ],
        "voices": [
            (
                "an official of the Meteorological Agency",
                "Please treat this heat as a disaster and take precautions",
            ),
            (
                "a doctor at an emergency hospital in Saitama",
                "Many patients are elderly people who did not use their air conditioners",
            ),
        ],
        "background": [
            "Japan recorded its hottest summer on record in 2025.",
            "The heat stroke special alert system was introduced in 2024.",
        ],
        "outlook": [
            "The heat is expected to continue into early August.",
            "The government is considering more support for air conditioning in gymnasiums used "
            "as shelters.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Over 40 C in several places; heat stroke cases surge",
                "",
                {"top": True, "ja": "各地で40度超　熱中症搬送相次ぐ"},
            ),
            (
                "asahi",
                "Record heat: elderly living alone most at risk",
                "Neighborhood networks are checking on elderly residents.",
            ),
            ("mainichi", "Heat wave: schools cancel outdoor activities", ""),
            ("tokyo", "Tokyo power demand peaks as heat bakes capital", ""),
            ("nhk", "Heat stroke special alert issued", ""),
            ("kyodo", "Temperatures top 40 C in parts of Japan", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the heat wave showed no sign of easing"],
                "coverage": [
                    (
                        "mainichi",
                        "Treat extreme heat as the disaster it is",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Extreme heat now kills more people than many other disasters.",
                                "Protecting the elderly and outdoor workers must be a priority.",
                                "Climate adaptation cannot be left to individuals.",
                            ],
                        },
                    ),
                    (
                        "sankei",
                        "Sankei Sho: a summer without end",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "Old haiku speak of summer heat as something to be endured with a "
                                "fan and a cool bowl of noodles.",
                                "Today's heat calls for air conditioners and checking on "
                                "neighbors.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
