"""Demo scenarios: interest rates, growth and wages. Format: see stories_politics."""

STORIES = [
    {
        "key": "boj-january-2026",
        "date": "2026-01-24",
        "topics": ["monetary-policy", "economy"],
        "said_by": ["the Bank of Japan", "the central bank"],
        "subject": "the Bank of Japan's policy meeting",
        "summary": (
            "The Bank of Japan left its short-term policy rate unchanged at its January policy "
            "meeting and released a new outlook report."
        ),
        "lead": [
            "the Bank of Japan has kept its policy rate unchanged while raising its inflation "
            "forecast for fiscal 2026",
            "the Bank of Japan has signaled that it will keep raising interest rates if the "
            "economy develops as expected, after leaving policy on hold",
        ],
        "details": [
            "The decision was made by a majority vote of eight to one.",
            "One board member proposed raising the rate, citing persistent inflation.",
            "The bank now expects core consumer prices to rise 2.2 percent in fiscal 2026.",
            "The yen weakened slightly against the dollar after the announcement.",
            "The governor said at a press conference that wage trends would be the key factor.",
            "The outlook report noted uncertainty over U.S. trade policy.",
        ],
        "voices": [
            (
                "the Bank of Japan governor",
                "We will adjust the degree of accommodation if our outlook is realized",
            ),
            (
                "a chief economist at a major securities firm",
                "The market now sees a move in the spring as the main scenario",
            ),
        ],
        "background": [
            "The Bank of Japan ended its negative interest rate policy in March 2024.",
            "Import prices have risen as a result of the weak yen.",
        ],
        "outlook": [
            "Markets will watch the spring wage talks for clues to the timing of the next hike.",
            "The next policy meeting is scheduled for March.",
        ],
        "coverage": [
            (
                "nikkei",
                "BOJ holds rates, lifts inflation outlook",
                "Bond yields rose as traders priced in a move by spring.",
                {"top": True, "ja": "日銀、金利据え置き　物価見通し上げ"},
            ),
            ("yomiuri", "BOJ keeps policy unchanged, eyes wage trends", ""),
            (
                "asahi",
                "BOJ stands pat; households squeezed by prices",
                "Higher rates would help savers but hurt borrowers with variable-rate mortgages.",
            ),
            ("jiji", "BOJ keeps policy rate unchanged", ""),
            ("nhk", "Bank of Japan keeps monetary policy unchanged", ""),
        ],
    },
    {
        "key": "gdp-oct-dec-2025",
        "date": "2026-02-17",
        "topics": ["economy", "fiscal-policy"],
        "said_by": ["the Cabinet Office"],
        "subject": "the latest GDP figures",
        "summary": (
            "The Cabinet Office reported on Feb. 16 that the economy returned to growth in the "
            "October-December quarter."
        ),
        "lead": [
            "Japan's real gross domestic product grew at an annualized rate of 1.6 percent in the "
            "October-December quarter, ending a decline in the previous quarter",
            "the economy returned to growth in the last quarter of 2025, helped by a recovery in "
            "consumer spending",
        ],
        "details": [
            "Private consumption, which accounts for more than half of GDP, rose 0.4 percent from "
            "the previous quarter.",
            "Capital expenditure rose for the second consecutive quarter.",
            "Exports were flat as shipments of cars to the United States remained weak.",
            "Nominal GDP for calendar 2025 exceeded 620 trillion yen for the first time.",
            "Inbound tourist spending is counted as exports and continued to grow.",
        ],
        "voices": [
            (
                "the minister in charge of economic and fiscal policy",
                "The economy is recovering moderately, but we must watch the effect of prices",
            ),
            (
                "a senior economist at a private think tank",
                "Real wages need to rise for the recovery to last",
            ),
        ],
        "background": [
            "The economy contracted in the July-September quarter, partly because of U.S. tariffs.",
            "Consumer prices have risen faster than wages for much of the past three years.",
        ],
        "outlook": [
            "Economists expect modest growth in the January-March quarter.",
            "The revised figures will be released in early March.",
        ],
        "coverage": [
            (
                "nikkei",
                "Japan's GDP returns to growth in Oct-Dec",
                "Investment in labor-saving equipment supported capital spending.",
                {"ja": "10〜12月GDP年率1.6%増　2期ぶりプラス"},
            ),
            ("yomiuri", "Economy grows 1.6% annualized, consumption recovers", ""),
            (
                "mainichi",
                "GDP back in positive territory, but households still feel the pinch",
                "Many households say they have yet to feel any recovery.",
            ),
            ("jiji", "Japan economy returns to growth in Q4", ""),
            ("kyodo", "Japan's economy expands 1.6% in Oct-Dec", ""),
        ],
    },
    {
        "key": "shunto-2026-first-tally",
        "date": "2026-03-14",
        "topics": ["labor-wages", "economy"],
        "said_by": ["Rengo", "the Japanese Trade Union Confederation"],
        "subject": "this year's spring wage talks",
        "summary": (
            "Rengo announced on March 13 that the first tally of this year's spring wage talks "
            "showed average raises above 5 percent for the third year running."
        ),
        "lead": [
            "major companies have agreed to wage increases averaging above 5 percent for the "
            "third year in a row, according to the first tally of this year's shunto",
            "the spring wage talks have again produced raises above 5 percent, with attention "
            "shifting to whether small and midsize firms can follow",
        ],
        "details": [
            "The first tally put the average raise, including regular pay increases, at 5.3 "
            "percent.",
            "Many automakers and electronics firms met union demands in full.",
            "Raises at smaller companies averaged about 4.8 percent.",
            "Some firms raised starting salaries for new graduates above 300,000 yen a month.",
            "Retailers and restaurant chains also offered large raises to secure staff.",
            "Keidanren had called on member companies to make raises of at least 5 percent the "
            "norm.",
        ],
        "voices": [
            ("the president of Rengo", "The momentum must reach every worker, not just some"),
            (
                "the head of a metal parts maker in Osaka",
                "We raised wages, but we cannot pass the costs on to our customers",
            ),
        ],
        "background": [
            "Real wages, adjusted for inflation, have fallen in most months of the past three "
            "years.",
            "The government has been urging large companies to let suppliers pass on rising labor "
            "costs.",
        ],
        "outlook": [
            "Talks at smaller companies continue into the summer.",
            "The Bank of Japan is watching the results closely.",
        ],
        "coverage": [
            (
                "nikkei",
                "Shunto first tally: raises of 5.3%, third year above 5%",
                "Labor shortages are pushing companies to compete on pay.",
                {"top": True, "ja": "春闘回答5.3%　3年連続5%超"},
            ),
            (
                "asahi",
                "Wage raises above 5% again; smaller firms struggle to keep up",
                "The gap between large and small companies is widening.",
                {"top": True},
            ),
            ("yomiuri", "Third year of 5% raises; momentum must spread", ""),
            (
                "tokyo",
                "Part-time workers left behind in wage gains",
                "Part-time and contract workers have seen much smaller increases.",
            ),
            (
                "akahata",
                "Big business must share record profits with workers",
                "Internal reserves at large companies have reached record levels.",
            ),
            ("nhk", "Rengo: average wage raise tops 5 percent", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["economists debated whether wage growth would outpace inflation"],
                "coverage": [
                    (
                        "nikkei",
                        "Raises must lead to higher productivity",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Three years of strong raises are a welcome change.",
                                "To last, higher pay must be backed by higher productivity.",
                                "Labor mobility and investment in skills are essential.",
                            ],
                        },
                    ),
                    (
                        "mainichi",
                        "Interview: can small firms keep raising wages?",
                        "",
                        {
                            "kind": "interview",
                            "who": "an economist who studies small businesses",
                            "qa": [
                                (
                                    "Are smaller firms keeping pace?",
                                    "Many are raising wages defensively, to keep staff, not "
                                    "because "
                                    "profits are up.",
                                ),
                                (
                                    "What would help?",
                                    "Fair pricing in supply chains, so that costs can be passed "
                                    "on.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
