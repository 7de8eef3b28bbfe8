"""Demo scenarios: the Cabinet's standing, a reshuffle and the autumn budget. Format: see
stories_politics. The last scenario carries the demo's drafts and scheduled clippings."""

POLL_DAYS = "Conducted March 6-8 by telephone, random digit dialing, landlines and mobile phones."

STORIES = [
    {
        "key": "cabinet-poll-march-2026",
        "said_by": ["the survey", "the poll"],
        "date": "2026-03-09",
        "topics": ["cabinet", "politics"],
        "subject": "the latest Cabinet approval ratings",
        "summary": "Polls published on March 9 showed Cabinet approval falling for a second month.",
        "lead": [
            "support for the Cabinet has fallen for the second month in a row, to its lowest "
            "level since the administration took office",
            "Cabinet approval has dropped below disapproval for the first time, a nationwide poll "
            "conducted over the weekend found",
        ],
        "details": [
            "The most common reason given for disapproval was dissatisfaction with price measures.",
            "Among those who back no party, approval stood at just over 20 percent.",
            "Support for the LDP was roughly flat, while support for opposition parties was "
            "divided among several groups.",
            "Nearly 60 percent of respondents said the government's response to rising prices "
            "was inadequate.",
            "Views on the fiscal 2026 budget were split, with many saying they did not know.",
        ],
        "voices": [
            (
                "a mid-ranking LDP lawmaker",
                "People are telling us that their wages are not keeping "
                "up, and we have to take that seriously",
            ),
            ("a senior Komeito official", "The numbers are a warning, not a verdict"),
        ],
        "background": [
            "Approval ratings have tended to fall in the spring when the budget is debated.",
            "Several local elections are scheduled for April.",
        ],
        "outlook": [
            "Ruling party executives are expected to discuss additional price relief after the "
            "budget passes.",
            "The government hopes that wage settlements in the spring talks will lift its ratings.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Yomiuri poll: Cabinet support 41%, down 3 points",
                "Yomiuri's survey found that respondents aged 18 to 39 were the most critical.",
                {"top": True, "ja": "内閣支持41%　3ポイント低下　本社世論調査"},
            ),
            (
                "yomiuri",
                "Yomiuri Shimbun nationwide poll: questions and answers",
                "",
                {
                    "kind": "other",
                    "text": [
                        f"Yomiuri Shimbun nationwide opinion poll. {POLL_DAYS} 1,021 valid "
                        f"responses.",
                        "Q: Do you support the Cabinet? Yes, 41% (44% in the previous survey); no, "
                        "46% (43%); other or no answer, 13% (13%).",
                        "Q: Which political party do you support? LDP, 27%; Constitutional "
                        "Democratic Party, 8%; Democratic Party for the People, 7%; Nippon Ishin "
                        "no "
                        "Kai, 5%; Komeito, 4%; Japanese Communist Party, 3%; other parties, 6%; no "
                        "party, 38%.",
                        "Q: Is the government responding adequately to rising prices? Yes, 28%; "
                        "no, "
                        "63%.",
                    ],
                },
            ),
            (
                "asahi",
                "Asahi poll: disapproval of Cabinet tops approval",
                "Asahi's survey found that a majority want the consumption tax on food cut.",
                {"ja": "内閣不支持が支持上回る　朝日新聞世論調査"},
            ),
            (
                "mainichi",
                "Mainichi poll: Cabinet approval slides to 33%",
                "Approval fell five points from the previous survey, the sharpest drop since the "
                "administration took office.",
            ),
            ("nhk", "NHK poll: Cabinet approval at 38 percent", "", {"kind": "summary"}),
            (
                "shincho",
                "Nagatacho counts the months as approval drops",
                "Several LDP members told the magazine that talk of an early election has faded.",
            ),
        ],
        "followups": [
            {
                "days": 1,
                "lead": [
                    "ruling party executives played down the poll results at a meeting on March 9"
                ],
                "coverage": [
                    (
                        "sankei",
                        "LDP executives shrug off poll slide, vow to focus on budget",
                        "Party executives see the dip as a seasonal pattern.",
                    ),
                    (
                        "jiji",
                        "Government spokesman says Cabinet will 'take poll results humbly'",
                        "",
                    ),
                    (
                        "nikkei",
                        "Shunju: reading the numbers",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "Poll numbers are a thermometer, not a diagnosis.",
                                "What voters seem to say is not that they want a different "
                                "government, but that they want this one to notice the price of "
                                "eggs.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "cabinet-reshuffle-2026",
        "said_by": ["the Prime Minister's Office", "the government"],
        "date": "2026-10-06",
        "topics": ["cabinet", "politics"],
        "subject": "the Cabinet reshuffle",
        "summary": (
            "The prime minister reshuffled the Cabinet and the LDP leadership on Oct. 5, "
            "replacing 12 of the 19 ministers."
        ),
        "lead": [
            "the prime minister has reshuffled the Cabinet, keeping the chief cabinet secretary, "
            "the finance minister and the foreign minister in their posts",
            "the new Cabinet launched after a reshuffle that brought in nine first-time ministers",
        ],
        "details": [
            "Twelve of the 19 ministers are new to their posts, and nine have never served in the "
            "Cabinet before.",
            "Four women were appointed, one more than in the previous lineup.",
            "The LDP also replaced its secretary general and the chair of its policy council.",
            "The attestation ceremony at the Imperial Palace took place on the evening of Oct. 5.",
            "The average age of the new ministers is just under 62.",
            "A new minister was appointed to oversee disaster management and the planned agency.",
        ],
        "voices": [
            ("the prime minister", "This is a Cabinet that will get things done"),
            (
                "an LDP lawmaker who was passed over",
                "It is a Cabinet for the party, not for the public",
            ),
            ("an opposition party leader", "Changing the faces does not change the policies"),
        ],
        "background": [
            "The reshuffle came a year after the administration took office.",
            "An extraordinary Diet session is expected to be convened later this month.",
        ],
        "outlook": [
            "Attention will now turn to whether the reshuffle lifts the Cabinet's approval "
            "ratings.",
            "The new ministers face their first test in Diet deliberations on the supplementary "
            "budget.",
        ],
        "coverage": [
            (
                "yomiuri",
                "New Cabinet launched with focus on continuity",
                "Keeping the core economic and diplomatic team signals a wish for stability.",
                {"top": True, "ja": "改造内閣が発足　主要閣僚は留任"},
            ),
            (
                "asahi",
                "Reshuffle rewards loyalists, say LDP insiders",
                "Several appointees come from groups that backed the prime minister "
                "in the leadership race.",
                {"top": True},
            ),
            (
                "mainichi",
                "Nine first-timers in reshuffled Cabinet",
                "Many of the new ministers have little experience in their fields.",
            ),
            (
                "sankei",
                "Reshuffle lineup puts security veterans in key posts",
                "The new defense minister has long experience in the field.",
            ),
            (
                "tokyo",
                "New Cabinet: same policies, new faces, critics say",
                "None of the new ministers has spoken out on the Henoko issue.",
            ),
            ("kyodo", "Prime minister reshuffles Cabinet, keeps key ministers", ""),
            (
                "bunshun",
                "The calculations behind the reshuffle",
                "The lineup was settled after weeks of bargaining between the prime minister's "
                "office "
                "and party elders.",
            ),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["the new ministers held their first press conferences overnight"],
                "details": [
                    "Several new ministers said they would review the policies of their "
                    "predecessors.",
                    "The new economic revitalization minister promised a package before the "
                    "end of November.",
                    "The first Cabinet meeting of the new lineup set a basic policy on prices.",
                ],
                "coverage": [
                    (
                        "nikkei",
                        "New ministers pledge economic package by November",
                        "Business leaders welcomed the continuity in the economic team.",
                    ),
                    (
                        "asahi",
                        "A reshuffle is no substitute for explaining policy",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The reshuffle was about the party's balance of power more than "
                                "about "
                                "policy.",
                                "The prime minister owes voters an account of what the new Cabinet "
                                "will do differently.",
                                "Above all, the government must explain how it will pay for its "
                                "promises.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "New Cabinet must turn stability into results",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The prime minister has chosen stability, and that is sensible.",
                                "The test is whether the new team can deliver on wages and prices.",
                                "Ministers should avoid careless remarks that invite distraction.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
