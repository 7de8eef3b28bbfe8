"""Demo scenarios: Japan and Russia. Format: see stories_politics."""

STORIES = [
    {
        "key": "russia-salmon-talks",
        "date": "2025-10-08",
        "topics": ["japan-russia-relations", "trade"],
        "subject": "the fisheries talks with Russia",
        "summary": (
            "Japan and Russia held intergovernmental fisheries talks in Moscow in early October "
            "on catches of salmon and trout of Russian origin."
        ),
        "lead": [
            "the government has begun final coordination with Russia on next year's catch quota "
            "for salmon and trout spawned in Russian rivers",
            "Japan and Russia have started fisheries negotiations in Moscow, with the fees paid by "
            "Japanese fishing operators the main point of contention",
        ],
        "details": [
            "The talks cover salmon and trout that spawn in Russian rivers and are caught in "
            "Japan's exclusive economic zone.",
            "Last year's agreement set the catch quota at about 2,000 tons.",
            "The Russian side is seeking higher cooperation fees from Japanese operators.",
            "Fishing cooperatives in eastern Hokkaido have asked the government to conclude the "
            "talks before the season begins.",
            "The Fisheries Agency has sent its director-general for resources management to lead "
            "the delegation.",
            "Negotiations on fishing near the Northern Territories are handled in a separate "
            "framework.",
        ],
        "voices": [
            (
                "a senior Fisheries Agency official",
                "Fisheries are one of the few channels that still works, and we want to keep it "
                "that "
                "way",
            ),
            (
                "the head of a fishing cooperative in Nemuro",
                "Without an agreement, our boats cannot leave port",
            ),
        ],
        "background": [
            "Relations between Japan and Russia have been strained since Russia's invasion of "
            "Ukraine in 2022, and peace-treaty negotiations remain suspended.",
            "Japan has joined Western sanctions against Russia but has kept fisheries talks going "
            "because of their importance to Hokkaido.",
        ],
        "outlook": [
            "An agreement is expected within the month if the two sides settle the fee issue.",
            "Some officials fear Russia may use the talks as leverage over sanctions.",
        ],
        "coverage": [
            (
                "hokkaido",
                "Japan-Russia salmon talks open; Nemuro fishermen anxious",
                "Operators in Nemuro have already postponed hiring crews for next season.",
                {"top": True, "ja": "日ロサケ・マス交渉始まる　根室の漁業者に不安"},
            ),
            (
                "sankei",
                "Russia seeks higher fees in fisheries talks",
                "Russia may link fisheries to Japan's sanctions policy.",
            ),
            ("yomiuri", "Japan, Russia begin fisheries talks in Moscow", ""),
            ("kyodo", "Japan, Russia start talks on salmon, trout catch quotas", ""),
            ("nhk", "Fisheries talks with Russia begin", ""),
        ],
        "followups": [
            {
                "days": 9,
                "lead": [
                    "Japan and Russia have reached agreement in their fisheries talks, setting "
                    "next year's salmon and trout quota at the same level as this year",
                ],
                "details": [
                    "The cooperation fee will rise slightly, to a range of 200 million to 300 "
                    "million yen.",
                    "The agreement was signed in Moscow on Oct. 16 after eight rounds of talks.",
                    "Japanese operators will be able to begin fishing in April as usual.",
                ],
                "coverage": [
                    (
                        "hokkaido",
                        "Salmon talks settled; relief in eastern Hokkaido",
                        "The early deal came as a relief to processors as well as fishermen.",
                    ),
                    ("nikkei", "Japan-Russia fisheries deal keeps quota steady", ""),
                    (
                        "mainichi",
                        "Fisheries agreement shows value of practical channels",
                        "The talks were one of the few remaining face-to-face "
                        "meetings between the two governments.",
                    ),
                    (
                        "hokkaido",
                        "Interview: keeping the fisheries channel open",
                        "",
                        {
                            "kind": "interview",
                            "who": "a former Japanese consul general in Yuzhno-Sakhalinsk",
                            "qa": [
                                (
                                    "Why did the talks succeed this year?",
                                    "Both sides had reasons to want a quiet result. For Russia, "
                                    "the fees matter; for Japan, the coastal communities do.",
                                ),
                                (
                                    "Can fisheries open the way to broader talks?",
                                    "Not by themselves. But keeping working contacts alive is the "
                                    "precondition for anything else.",
                                ),
                                (
                                    "What should Tokyo do now?",
                                    "Protect these practical channels and avoid statements that "
                                    "make them hostages to politics.",
                                ),
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "northern-territories-visits",
        "date": "2026-08-20",
        "topics": ["japan-russia-relations"],
        "subject": "the suspended visits to ancestral graves",
        "summary": (
            "Former residents of the Northern Territories marked another summer without visits "
            "to family graves on the islands."
        ),
        "lead": [
            "the government has asked Russia again to allow former residents of the Northern "
            "Territories to visit family graves on the islands",
            "former islanders held a memorial ceremony in Nemuro facing the islands, as visits to "
            "graves remain suspended, as they have been since 2020",
        ],
        "details": [
            "The average age of former residents of the four islands now exceeds 89.",
            "About 5,000 former residents are still alive, less than a third of the number when "
            "the islands were seized in 1945.",
            "The ceremony was held at Cape Nosappu, from where the Habomai islets are visible.",
            "The Foreign Ministry has made the request through diplomatic channels several times "
            "this year.",
            "Russia suspended the visa-free exchange program in 2022.",
            "Some former residents have recorded their memories on video for future generations.",
        ],
        "voices": [
            (
                "a former resident of Shikotan in her 90s",
                "I want to tell my parents that I am still here, while I still can",
            ),
            (
                "the chief cabinet secretary",
                "We will continue to ask Russia to resume the visits, as a humanitarian matter",
            ),
        ],
        "background": [
            "Russia declared in 2022 that it would not continue peace-treaty talks with Japan, "
            "citing Japan's sanctions.",
            "Grave visits had continued for decades under a humanitarian arrangement.",
        ],
        "outlook": [
            "There is little prospect of the visits resuming soon.",
            "Former residents' groups plan to petition the government again in the autumn.",
        ],
        "coverage": [
            (
                "hokkaido",
                "Former islanders pray across the strait as grave visits stay shut",
                "Three generations of one Habomai family gathered for the ceremony.",
                {"top": True, "ja": "墓参再開見えず　元島民、海越しに祈り"},
            ),
            (
                "yomiuri",
                "Government again urges Russia to allow grave visits",
                "The request was made in the week of the anniversary of the war's end.",
            ),
            (
                "asahi",
                "Vox Populi: the graves across the water",
                "",
                {
                    "kind": "column",
                    "thoughts": [
                        "A grave is a place where a family tells itself who it is.",
                        "To be kept from one is a private grief that politics has made public.",
                    ],
                },
            ),
            ("nhk", "Former Northern Territories residents hold memorial ceremony", ""),
            ("kyodo", "Ex-islanders mark another summer without visits to graves", ""),
        ],
    },
]
