"""Demo scenarios: budgets. Format: see stories_politics. The autumn supplementary budget, the
newest story in the collection, carries the demo's drafts and scheduled clippings."""

STORIES = [
    {
        "key": "fy2026-budget-defense",
        "said_by": ["the Finance Ministry", "the government"],
        "date": "2025-12-27",
        "topics": ["fiscal-policy", "defense-policy"],
        "subject": "the fiscal 2026 budget",
        "summary": (
            "The Cabinet approved a draft budget for fiscal 2026 on Dec. 26 that includes record "
            "spending on defense and social security."
        ),
        "lead": [
            "the Cabinet has approved a draft budget for fiscal 2026 totaling about 122 trillion "
            "yen, the largest ever for a third straight year",
            "defense spending in the fiscal 2026 draft budget has reached a record of about 9 "
            "trillion yen, as the government moves toward its target of 2 percent of GDP",
        ],
        "details": [
            "Social security costs, which rise every year with the ageing of the population, "
            "account for about a third of general spending.",
            "Debt-servicing costs rose sharply because of higher assumed interest rates.",
            "New government bond issuance is expected to be kept below 30 trillion yen.",
            "The defense budget includes funds for long-range missiles and for improving living "
            "quarters for Self-Defense Forces personnel.",
            "Tax revenue is projected to reach a record for the sixth year running.",
            "The budget assumes a long-term interest rate of 2 percent when calculating debt "
            "costs.",
        ],
        "voices": [
            (
                "a senior Finance Ministry official",
                "We kept new borrowing in check, but the pressure from interest costs is only "
                "beginning",
            ),
            (
                "a senior Defense Ministry official",
                "Recruitment and retention are as important as equipment",
            ),
        ],
        "background": [
            "The government set a goal in 2022 of raising defense and related spending to 2 "
            "percent of GDP by fiscal 2027.",
            "The Bank of Japan's move away from ultra-low interest rates has raised the cost of "
            "servicing the national debt.",
        ],
        "outlook": [
            "The draft budget will be submitted to the ordinary Diet session in January.",
            "The question of how to secure stable funding for defense remains unsettled.",
        ],
        "coverage": [
            (
                "nikkei",
                "FY2026 draft budget tops 122 trillion yen as interest costs climb",
                "Debt-servicing costs are now growing faster than any other item.",
                {"ja": "26年度予算案122兆円　利払い費が膨張"},
            ),
            (
                "yomiuri",
                "Record defense outlay in draft budget",
                "The spending is needed in the face of China's military build-up.",
            ),
            (
                "asahi",
                "Draft budget swells again; fiscal discipline in doubt",
                "The budget puts off hard choices about taxes.",
            ),
            (
                "tokyo",
                "Defense spending surges while welfare is squeezed",
                "Funding for caregivers' pay rose far less than spending on missiles.",
            ),
            (
                "akahata",
                "Military spending at record high in budget for 'war preparation'",
                "The defense increase stands in contrast to cuts in pension benefits.",
            ),
            ("jiji", "Cabinet approves FY2026 draft budget", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["opinions on the draft budget divided along familiar lines"],
                "coverage": [
                    (
                        "mainichi",
                        "Budget bloat shows lack of will to restore public finances",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The government has again chosen the easy path.",
                                "Rising interest rates mean that the cost of delay is now real.",
                                "A credible plan for the primary balance is overdue.",
                            ],
                        },
                    ),
                    (
                        "sankei",
                        "Defense build-up must rest on stable funding",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The increase in defense spending is welcome and necessary.",
                                "But relying on surplus funds and one-off revenue is not a plan.",
                                "The government should not shy away from explaining the need for "
                                "tax "
                                "measures.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "supplementary-budget-2026",
        "said_by": ["the Finance Ministry", "the government"],
        "date": "2026-11-25",
        "topics": ["fiscal-policy", "cabinet"],
        "subject": "the supplementary budget",
        "summary": (
            "The Cabinet approved a supplementary budget for fiscal 2026 on Nov. 24 to fund an "
            "economic package centered on price relief."
        ),
        "lead": [
            "the Cabinet has approved a fiscal 2026 supplementary budget of about 14 trillion yen "
            "to fund measures against rising prices",
            "the government will finance most of its new economic package by issuing additional "
            "bonds, under a supplementary budget approved by the Cabinet",
        ],
        "details": [
            "About two-thirds of the spending will be financed by new government bonds.",
            "The package extends subsidies on electricity and gas bills through the winter.",
            "Low-income households will receive a cash payment of 30,000 yen per person.",
            "The budget also sets aside funds for disaster prevention and for semiconductor "
            "production.",
            "The government aims to have the budget enacted before the Diet session ends in "
            "mid-December.",
        ],
        "voices": [
            ("the finance minister", "These are measures that cannot wait"),
            (
                "a senior official of the Democratic Party for the People",
                "Cash handouts are no substitute for lowering taxes",
            ),
        ],
        "background": [
            "Consumer prices excluding fresh food have risen by more than 2 percent for over four "
            "years.",
            "The ruling parties need opposition votes to pass the budget in the House of "
            "Councillors.",
        ],
        "outlook": [
            "Deliberations in the Lower House Budget Committee are scheduled to begin next week.",
            "The size of the bond issuance is likely to draw criticism from fiscal hawks.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Cabinet approves 14 trillion yen extra budget for price relief",
                "The government prioritized speed over scale.",
                {"ja": "補正予算案14兆円を閣議決定　物価高対策"},
            ),
            (
                "nikkei",
                "Extra budget leans on new bonds",
                "Long-term interest rates rose after details of the bond plan emerged.",
            ),
            (
                "asahi",
                "Supplementary budget: handouts again, reform deferred",
                "Repeated handouts have become a habit rather than a policy.",
            ),
            (
                "mainichi",
                "Extra budget relies on bonds for two-thirds of spending",
                "The package was drawn up in under a month.",
            ),
            (
                "bunshun",
                "Inside the bargaining over the handout",
                "The amount of the cash payment changed three times.",
                {"status": "scheduled"},
            ),
            ("kyodo", "Japan Cabinet OKs extra budget to ease price burden", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["opposition parties set out their demands ahead of budget deliberations"],
                "coverage": [
                    (
                        "tokyo",
                        "Opposition to press for consumption tax cut in budget debate",
                        "The opposition has not agreed on a common counterproposal.",
                    ),
                    (
                        "sankei",
                        "Extra budget must be passed swiftly",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Households are waiting for relief.",
                                "Opposition parties should not use the budget as a bargaining "
                                "chip.",
                                "That said, the government must show when such handouts will end.",
                            ],
                        },
                    ),
                    (
                        "nhk",
                        "Budget Committee to start deliberations next week",
                        "",
                        {"status": "scheduled"},
                    ),
                    (
                        "akahata",
                        "JCP: cut consumption tax instead of one-off handouts",
                        "The JCP says a tax cut on food would help households more.",
                        {"status": "draft"},
                    ),
                ],
            },
            {
                "days": 2,
                "lead": ["economists questioned the effect of the supplementary budget"],
                "details": [
                    "Private-sector economists estimate the package will lift GDP by about 0.4 "
                    "percent.",
                    "Some warned that subsidies on energy bills delay the shift to "
                    "energy-efficient homes.",
                    "Others said the cash payments would mostly be saved.",
                ],
                "coverage": [
                    (
                        "nikkei",
                        "Economists see limited growth boost from package",
                        "The bond market reaction was muted.",
                        {"status": "draft"},
                    ),
                    (
                        "mainichi",
                        "Handouts every year: a habit that must end",
                        "",
                        {
                            "kind": "editorial",
                            "status": "scheduled",
                            "argument": [
                                "This is the fifth year in a row that the government has compiled "
                                "a "
                                "large extra budget.",
                                "A supplementary budget is meant for the unforeseen.",
                                "Relief that becomes routine should be in the regular budget, "
                                "paid for "
                                "openly.",
                            ],
                        },
                    ),
                    (
                        "jiji",
                        "Extra budget passes Cabinet scrutiny, heads to Diet",
                        "",
                        {"status": "draft"},
                    ),
                    (
                        "yomiuri",
                        "Interview: what the package means for household budgets",
                        "",
                        {
                            "kind": "interview",
                            "status": "draft",
                            "who": "a household economics researcher",
                            "qa": [
                                (
                                    "Will the cash payment help?",
                                    "It helps low-income households in the short term, but prices "
                                    "are "
                                    "rising for everyone.",
                                ),
                                (
                                    "What would help more?",
                                    "Predictable support, announced well in advance, so people can "
                                    "plan.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
