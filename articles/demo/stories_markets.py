"""Demo scenarios: tariffs, the minimum wage and a rate decision. Format: see stories_politics."""

STORIES = [
    {
        "key": "auto-exports-tariffs-2026",
        "date": "2026-06-05",
        "topics": ["trade", "japan-us-relations"],
        "subject": "the effect of U.S. tariffs on carmakers",
        "summary": (
            "Japan's major automakers reported in early June that U.S. tariffs had cut deeply "
            "into their profits for the past fiscal year."
        ),
        "lead": [
            "U.S. tariffs have reduced the combined operating profit of Japan's seven major "
            "automakers by about 2 trillion yen over the past year",
            "Japanese automakers are shifting more production to the United States to cope with "
            "tariffs, a survey of the industry shows",
        ],
        "details": [
            "Several companies raised prices in the U.S. market, but only partly passed on the "
            "cost.",
            "Exports of cars to the United States fell by about 10 percent in volume.",
            "Parts suppliers in Aichi Prefecture report falling orders.",
            "Some companies are considering building additional plants in the American South.",
            "The weaker yen has partly offset the impact on earnings.",
        ],
        "voices": [
            (
                "a senior executive of a major automaker",
                "We have no choice but to produce where we sell",
            ),
            (
                "the owner of a parts maker in Toyota City",
                "If production moves abroad, companies like ours cannot follow",
            ),
        ],
        "background": [
            "Under a 2025 agreement, the U.S. tariff rate on Japanese cars was lowered to 15 "
            "percent.",
            "The auto industry accounts for about a fifth of Japan's exports.",
        ],
        "outlook": [
            "The government is considering support for small parts suppliers.",
            "Companies will present their medium-term plans in the autumn.",
        ],
        "coverage": [
            (
                "nikkei",
                "Tariffs cost Japan's carmakers 2 trillion yen in profits",
                "Investors are looking for signs that margins have bottomed out.",
                {"top": True, "ja": "米関税、車大手7社で2兆円減益"},
            ),
            ("yomiuri", "Automakers shift production to U.S. to cope with tariffs", ""),
            (
                "asahi",
                "Tariffs squeeze parts makers as carmakers move production",
                "Jobs at small suppliers are most at risk.",
            ),
            (
                "tokyo",
                "Chubu parts suppliers brace for fewer orders",
                "Some small suppliers have stopped hiring.",
            ),
            ("kyodo", "Japanese automakers' profits hit by U.S. tariffs", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the government considered support for parts suppliers hit by tariffs"],
                "coverage": [
                    (
                        "nikkei",
                        "Automakers need a strategy beyond weathering tariffs",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Moving production abroad is a rational response, but it has costs "
                                "at home.",
                                "The industry's strength lies in its network of suppliers.",
                                "Government support should aim at upgrading, not merely at "
                                "survival.",
                            ],
                        },
                    ),
                    (
                        "mainichi",
                        "Parts suppliers seek help as orders fall",
                        "Small suppliers say they cannot follow their customers abroad.",
                    ),
                ],
            },
        ],
    },
    {
        "key": "minimum-wage-2026",
        "date": "2026-07-30",
        "topics": ["labor-wages"],
        "said_by": ["the Health, Labor and Welfare Ministry", "the council"],
        "subject": "the minimum wage increase",
        "summary": (
            "A Health, Labor and Welfare Ministry council recommended on July 29 the largest "
            "increase in the minimum wage on record."
        ),
        "lead": [
            "a government council has recommended raising the national average minimum wage to "
            "about 1,190 yen an hour, the largest increase on record",
            "the minimum wage is set to rise by a record amount this year, after a government "
            "council agreed on a recommendation late into the night",
        ],
        "details": [
            "The recommendation calls for an increase of about 6 percent.",
            "Prefectural councils will now decide the actual amounts, which take effect in the "
            "autumn.",
            "Employer representatives warned that small businesses would struggle.",
            "The gap between the highest and lowest prefectures has been narrowing.",
            "Many part-time workers adjust their hours to stay below income thresholds for tax "
            "and social insurance.",
        ],
        "voices": [
            (
                "a union representative on the council",
                "This is a step, but it is still not a wage you can live on",
            ),
            (
                "an official of the Japan Chamber of Commerce and Industry",
                "Many small firms will have to cut hours to pay it",
            ),
        ],
        "background": [
            "The government aims to raise the national average to 1,500 yen by the end of the "
            "2020s.",
            "The national average passed 1,000 yen for the first time in 2023.",
        ],
        "outlook": [
            "Prefectural decisions are expected by the end of August.",
            "The government plans subsidies for small businesses that raise wages.",
        ],
        "coverage": [
            (
                "asahi",
                "Record minimum wage rise recommended",
                "Workers say the increase barely keeps pace with prices.",
                {"ja": "最低賃金、過去最大の引き上げ"},
            ),
            ("yomiuri", "Minimum wage to rise to around 1,190 yen", ""),
            (
                "nikkei",
                "Minimum wage hike tests small firms' productivity",
                "Investment in labor-saving equipment will be essential.",
            ),
            ("mainichi", "Minimum wage: regional gap narrows", ""),
            (
                "okinawa",
                "Okinawa workers welcome wage rise, but prices bite",
                "Okinawa's minimum wage is still among the lowest in the country.",
            ),
            ("nhk", "Council recommends record minimum wage increase", ""),
        ],
        "followups": [
            {
                "days": 28,
                "lead": ["prefectural councils have finished setting this year's minimum wages"],
                "said_by": ["the Health, Labor and Welfare Ministry"],
                "details": [
                    "Several prefectures set increases above the national recommendation.",
                    "The gap between the highest and lowest prefectures narrowed again.",
                    "Some prefectures delayed the effective date to give employers time.",
                ],
                "coverage": [
                    (
                        "ryukyu",
                        "Okinawa minimum wage to rise above national guideline",
                        "The increase still leaves many households struggling with prices.",
                        {"ja": "県最低賃金、目安上回る引き上げ"},
                    ),
                    ("okinawa", "Okinawa businesses brace for higher wage floor", ""),
                    ("hokkaido", "Hokkaido minimum wage set; effective date pushed back", ""),
                    ("nikkei", "Regional minimum wages: gap narrows, timing varies", ""),
                ],
            },
        ],
    },
    {
        "key": "boj-october-2026",
        "date": "2026-10-31",
        "topics": ["monetary-policy", "economy"],
        "said_by": ["the Bank of Japan", "the central bank"],
        "subject": "the Bank of Japan's rate decision",
        "summary": "The Bank of Japan raised its short-term policy rate at its October meeting.",
        "lead": [
            "the Bank of Japan has raised its short-term policy rate by a quarter percentage "
            "point, to 1 percent, the highest level in about 30 years",
            "the Bank of Japan has decided to raise interest rates, judging that wages and prices "
            "are rising together as it had expected",
        ],
        "details": [
            "The decision was made by a vote of seven to two.",
            "Major banks are expected to raise their prime rates for short-term loans.",
            "Interest on ordinary deposits at major banks will also rise.",
            "The yen strengthened against the dollar after the announcement.",
            "The bank's outlook report projects inflation of around 2 percent through fiscal 2028.",
        ],
        "voices": [
            (
                "the Bank of Japan governor",
                "Real interest rates remain deeply negative, and financial conditions are still "
                "accommodative",
            ),
            (
                "a mortgage adviser in Tokyo",
                "Households with variable-rate loans should check their repayment plans",
            ),
        ],
        "background": [
            "The Bank of Japan ended negative rates in March 2024 and has raised rates several "
            "times since.",
            "About 70 percent of new home loans carry variable rates.",
        ],
        "outlook": [
            "Markets are divided over whether another hike will come next year.",
            "The government is watching the impact on its interest payments.",
        ],
        "coverage": [
            (
                "nikkei",
                "BOJ lifts rates to 1%, highest in 30 years",
                "Bank shares rose while real estate shares fell.",
                {"top": True, "ja": "日銀、1%に利上げ　30年ぶり水準"},
            ),
            ("yomiuri", "BOJ raises interest rate to 1%", "", {"top": True}),
            (
                "asahi",
                "Rate hike: savers gain, borrowers face higher payments",
                "The hike will raise monthly payments for many homeowners.",
            ),
            ("mainichi", "BOJ hike puts focus on household burden", ""),
            ("jiji", "BOJ raises policy rate to 1%", ""),
            ("nhk", "Bank of Japan raises interest rate", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the rate hike drew mixed reactions"],
                "coverage": [
                    (
                        "nikkei",
                        "BOJ must explain its path clearly",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The decision was reasonable given the state of wages and prices.",
                                "Clear communication about the future path is now essential.",
                                "The government must prepare its finances for higher interest "
                                "costs.",
                            ],
                        },
                    ),
                    (
                        "tokyo",
                        "Hissen: the return of interest",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "For a generation, a bank account paid almost nothing.",
                                "Young people are learning a word their parents had nearly "
                                "forgotten: interest, in both directions.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
