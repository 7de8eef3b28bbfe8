"""Demo scenarios: births, schools, foreign residents and health care. Format: see
stories_politics."""

STORIES = [
    {
        "key": "births-2025-record-low",
        "date": "2026-06-05",
        "topics": ["population"],
        "said_by": ["the Health, Labor and Welfare Ministry"],
        "subject": "the falling number of births",
        "summary": (
            "Vital statistics released on June 4 showed the number of births in 2025 at a "
            "record low for the tenth straight year."
        ),
        "lead": [
            "the number of babies born to Japanese nationals in 2025 fell to about 665,000, the "
            "lowest since records began in 1899",
            "Japan's total fertility rate fell to a record low of 1.13 in 2025, according to "
            "vital statistics for last year",
        ],
        "details": [
            "Births fell for the tenth consecutive year.",
            "Deaths numbered about 1.6 million, so the natural decrease exceeded 900,000.",
            "Tokyo's fertility rate remained the lowest of any prefecture, below 1.0.",
            "The number of marriages rose slightly after falling the previous year.",
            "The average age of women at the birth of their first child was about 31.",
        ],
        "voices": [
            (
                "an official of the Children and Families Agency",
                "Measures to support young people's incomes are the key",
            ),
            (
                "a demographer at a national research institute",
                "The decline is happening faster than our projections assumed",
            ),
        ],
        "background": [
            "The government set up the Children and Families Agency in 2023 and has expanded "
            "child allowances.",
            "Births fell below 700,000 for the first time in 2024.",
        ],
        "outlook": [
            "The government's target of reversing the trend by 2030 looks increasingly difficult.",
            "Municipalities are expanding support for young couples.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Births hit record low of 665,000 in 2025",
                "Policies to help young people marry and raise children must be strengthened.",
                {"top": True, "ja": "出生数66万5千人　過去最少"},
            ),
            (
                "asahi",
                "Fertility rate drops to 1.13; decline outpaces policy",
                "Job insecurity among young people is a major factor.",
            ),
            (
                "nikkei",
                "Shrinking births deepen labor shortage outlook",
                "The labor force will shrink sharply by the 2040s.",
            ),
            ("mainichi", "Record low births: young people speak of uncertainty", ""),
            ("nhk", "Births in Japan fall to record low", ""),
            ("kyodo", "Japan's births hit record low for 10th straight year", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["reactions to the record low number of births continued"],
                "coverage": [
                    (
                        "asahi",
                        "Falling births call for a change in how we work",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Cash benefits alone will not reverse the decline.",
                                "Long working hours and insecure jobs make families hard to start.",
                                "A society that is easier to live in is the real answer.",
                            ],
                        },
                    ),
                    (
                        "sankei",
                        "Declining births threaten the nation's future",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The decline in births is a national crisis.",
                                "Support for marriage and child-rearing should be a top priority.",
                                "Every policy should be checked for its effect on families.",
                            ],
                        },
                    ),
                    (
                        "mainichi",
                        "Yoroku: the empty classroom",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "In many villages, the school has become a community center.",
                                "The numbers are abstract; the quiet playgrounds are not.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "key": "teacher-shortage-2026",
        "date": "2026-04-15",
        "topics": ["education"],
        "subject": "the shortage of teachers",
        "summary": (
            "Public schools began the new school year in April with teaching posts still unfilled "
            "in many prefectures."
        ),
        "lead": [
            "public schools in at least 30 prefectures began the new school year without enough "
            "teachers, a survey of boards of education shows",
            "classes are being covered by vice principals and retired teachers at schools that "
            "could not fill vacancies by the start of the school year",
        ],
        "details": [
            "Shortages are most severe at elementary schools and in special needs education.",
            "The number of applicants for teacher hiring exams has fallen for several years.",
            "Long working hours are a major reason young people avoid the profession.",
            "Some boards of education have lowered the age limit for applicants or dropped it.",
            "A law revised in 2025 raised teachers' special allowance in stages.",
        ],
        "voices": [
            (
                "an elementary school principal in Saitama",
                "I have been teaching a class myself since April",
            ),
            ("an official of the education ministry", "Reducing working hours is the top priority"),
        ],
        "background": [
            "Teachers at public schools receive a fixed allowance instead of overtime pay.",
            "Many teachers who took sick leave cited mental health problems.",
        ],
        "outlook": [
            "The education ministry will survey the situation nationwide in May.",
            "Boards of education are moving hiring exams earlier to attract students.",
        ],
        "coverage": [
            (
                "asahi",
                "Schools start year with unfilled teaching posts",
                "Teachers describe a cycle of overwork and resignations.",
                {"ja": "教員不足、新年度も解消せず"},
            ),
            (
                "mainichi",
                "Teacher shortage: vice principals fill in",
                "The shortage directly affects children's education.",
            ),
            ("yomiuri", "Boards of education struggle to recruit teachers", ""),
            ("tokyo", "Teacher shortage in Tokyo: special needs classes hit hardest", ""),
            ("nhk", "Teacher shortages reported in many prefectures", ""),
            (
                "mainichi",
                "Interview: why young people avoid teaching",
                "",
                {
                    "kind": "interview",
                    "days": 3,
                    "who": "a professor of education administration",
                    "qa": [
                        (
                            "Why is it so hard to recruit teachers?",
                            "The job has become known for its hours. Students hear about it from "
                            "their own teachers.",
                        ),
                        (
                            "Will higher allowances help?",
                            "They help a little. Cutting the workload would help much more.",
                        ),
                        (
                            "What should change first?",
                            "Stop asking teachers to do everything, from club activities to "
                            "collecting lunch money.",
                        ),
                    ],
                },
            ),
        ],
    },
    {
        "key": "foreign-residents-2026",
        "date": "2026-09-17",
        "topics": ["population", "labor-wages"],
        "said_by": ["the Immigration Services Agency"],
        "subject": "the growing number of foreign residents",
        "summary": (
            "The number of foreign residents in Japan reached a record high, the Immigration "
            "Services Agency said in September."
        ),
        "lead": [
            "the number of foreign residents in Japan has reached a record of about 4 million, "
            "according to figures as of the end of June",
            "foreign residents now make up more than 3 percent of Japan's population, with "
            "workers from Vietnam and Nepal increasing fastest",
        ],
        "details": [
            "Vietnamese nationals are the second-largest group after Chinese nationals.",
            "The number of specified skilled workers rose sharply.",
            "A new system to replace the technical intern program is to start in 2027.",
            "Some municipalities now have foreign residents making up over 10 percent of the "
            "population.",
            "Demand for Japanese language classes is outstripping supply.",
        ],
        "voices": [
            (
                "the mayor of a town in Gunma Prefecture",
                "Our factories and farms would not run without them",
            ),
            (
                "a Nepalese caregiver in Tokyo",
                "I want to bring my family here, but the rules are complicated",
            ),
        ],
        "background": [
            "Japan has gradually expanded the categories of foreign workers it accepts since 2019.",
            "Debate over foreign residents became a prominent campaign issue in 2025.",
        ],
        "outlook": [
            "The government is drawing up a basic policy on coexistence with foreign residents.",
            "Labor shortages mean the number is likely to keep rising.",
        ],
        "coverage": [
            (
                "nikkei",
                "Foreign residents hit record 4 million",
                "Manufacturers and care homes increasingly depend on foreign workers.",
                {"ja": "在留外国人、最多の400万人"},
            ),
            (
                "yomiuri",
                "Record number of foreign residents; rules need review",
                "Clear rules are needed to maintain public order and trust.",
            ),
            (
                "asahi",
                "Foreign residents top 4 million; support lags",
                "Local governments are left to provide support on their own.",
            ),
            (
                "sankei",
                "Foreign resident surge: government must set clear limits",
                "Public concern about rapid change should be taken seriously.",
            ),
            ("tokyo", "Foreign caregivers: a lifeline for elderly care", ""),
            ("jiji", "Foreign residents in Japan hit record high", ""),
        ],
        "followups": [
            {
                "days": 2,
                "lead": ["debate over the government's policy on foreign residents intensified"],
                "coverage": [
                    (
                        "mainichi",
                        "Welcome foreign residents as members of society",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Foreign residents are neighbors and colleagues, not just labor.",
                                "Language support and schooling for children must be expanded.",
                                "Discrimination must not be tolerated.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "Rules on foreign residents need to be clear and fair",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Accepting foreign workers is unavoidable given the labor "
                                "shortage.",
                                "Clear rules help both residents and newcomers.",
                                "The government should explain its policy openly.",
                            ],
                        },
                    ),
                    (
                        "shincho",
                        "A town where one in ten residents is foreign",
                        "Residents describe both friction and friendship.",
                    ),
                ],
            },
        ],
    },
]
