"""Demo scenarios: nuclear disarmament and the atomic-bomb anniversaries. Format: see
stories_politics."""

STORIES = [
    {
        "key": "npt-review-2026",
        "date": "2026-05-12",
        "topics": ["nuclear-issues", "international"],
        "subject": "the NPT Review Conference",
        "summary": (
            "The Review Conference of the Parties to the Treaty on the Non-Proliferation of "
            "Nuclear Weapons met at U.N. headquarters in New York from late April."
        ),
        "lead": [
            "Japan has proposed language on transparency about nuclear arsenals for the final "
            "document of the NPT Review Conference, as negotiations enter their final phase",
            "delegates at the NPT Review Conference remain divided over references to nuclear "
            "threats, raising fears that the meeting will again end without a consensus document",
        ],
        "details": [
            "The conference runs for four weeks and is scheduled to close on May 22.",
            "The last two Review Conferences, in 2015 and 2022, ended without a final document.",
            "Japan's delegation includes a group of hibakusha and high school peace ambassadors.",
            "Japan's foreign minister addressed the general debate in the opening week.",
            "Non-nuclear states criticized the slow pace of disarmament by nuclear powers.",
            "A draft final document circulated among delegates has been revised twice.",
        ],
        "voices": [
            (
                "a member of the Japanese delegation",
                "Consensus is difficult, but a text that says nothing would be worse than no text",
            ),
            (
                "a hibakusha from Nagasaki attending the conference",
                "We came to make sure no one forgets what these weapons do",
            ),
        ],
        "background": [
            "Japan relies on the U.S. nuclear umbrella and has not signed the Treaty on the "
            "Prohibition of Nuclear Weapons.",
            "Nihon Hidankyo, the confederation of atomic-bomb survivors' organizations, received "
            "the Nobel Peace Prize in 2024.",
        ],
        "outlook": [
            "Negotiations on the final document are expected to continue until the last day.",
            "Japan hopes at least to preserve past commitments on disarmament.",
        ],
        "coverage": [
            (
                "asahi",
                "NPT conference split over nuclear threats; consensus in doubt",
                "A third failure in a row would further weaken the treaty.",
                {"ja": "NPT会議　核の脅し巡り対立　合意困難も"},
            ),
            (
                "mainichi",
                "Hibakusha testify on sidelines of NPT conference",
                "Younger delegates listened to survivors' accounts for the first time.",
            ),
            (
                "yomiuri",
                "Japan proposes transparency language for NPT document",
                "Japan is trying to act as a bridge between nuclear and non-nuclear states.",
            ),
            (
                "tokyo",
                "Japan's bridge role questioned at NPT meeting",
                "Civic groups argue that Japan's reliance on deterrence limits its credibility.",
            ),
            (
                "akahata",
                "Hibakusha call for ban treaty at U.N.",
                "The JCP urges the government to sign the nuclear weapons ban treaty.",
            ),
            ("kyodo", "NPT conference enters final stretch amid divisions", ""),
        ],
        "followups": [
            {
                "days": 11,
                "lead": [
                    "the NPT Review Conference has closed without adopting a final document, the "
                    "third consecutive failure",
                ],
                "said_by": ["conference officials", "the Foreign Ministry"],
                "details": [
                    "One state objected to paragraphs on the safety of nuclear facilities in a "
                    "conflict zone.",
                    "The conference president called the outcome a missed opportunity.",
                    "Japan's delegation expressed deep regret.",
                ],
                "coverage": [
                    (
                        "asahi",
                        "NPT regime shaken by third failure",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The failure is a grave blow to the treaty.",
                                "Nuclear powers bear the heaviest responsibility.",
                                "Japan, as the only country to have suffered atomic bombings, must "
                                "speak more boldly.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "NPT conference ends without agreement",
                        "The treaty remains the foundation of the nonproliferation order.",
                    ),
                    ("nhk", "NPT conference fails to adopt final document", ""),
                ],
            },
        ],
    },
    {
        "key": "hiroshima-81st-anniversary",
        "date": "2026-08-07",
        "topics": ["nuclear-issues", "society"],
        "said_by": ["the city of Hiroshima", "organizers"],
        "subject": "the anniversary of the atomic bombing",
        "summary": (
            "Hiroshima marked the 81st anniversary of the atomic bombing with a ceremony at the "
            "Peace Memorial Park on Aug. 6."
        ),
        "lead": [
            "Hiroshima has marked the 81st anniversary of the atomic bombing, with the mayor "
            "calling on world leaders to visit the city and see its legacy",
            "a record number of countries sent representatives to Hiroshima's peace memorial "
            "ceremony on the 81st anniversary of the bombing",
        ],
        "details": [
            "A moment of silence was observed at 8:15 a.m., the time the bomb exploded.",
            "The names of those who died in the past year were added to the cenotaph registry.",
            "The average age of holders of atomic-bomb survivor certificates has passed 86.",
            "The prime minister attended and delivered an address.",
            "Students read a commitment to peace on behalf of the city's children.",
            "About 50,000 people attended the ceremony, according to the city.",
        ],
        "voices": [
            (
                "the mayor of Hiroshima",
                "Nuclear deterrence is a gamble with the lives of everyone on earth",
            ),
            (
                "a survivor who was 8 at the time of the bombing",
                "I tell my story so that it never has to be anyone else's",
            ),
        ],
        "background": [
            "About 140,000 people are estimated to have died by the end of 1945 as a result of the "
            "bombing.",
            "Nagasaki holds its own ceremony on Aug. 9.",
        ],
        "outlook": [
            "Efforts to pass on survivors' testimony to a new generation are becoming urgent.",
            "The city plans to expand its program of trained 'legacy successors.'",
        ],
        "coverage": [
            (
                "asahi",
                "Hiroshima marks 81 years; mayor urges leaders to visit",
                "Fewer survivors are able to attend the ceremony each year.",
                {"top": True},
            ),
            (
                "mainichi",
                "Hiroshima peace ceremony: record number of countries attend",
                "Attendance by nuclear powers' envoys drew attention.",
            ),
            ("yomiuri", "Hiroshima observes 81st anniversary of bombing", ""),
            (
                "tokyo",
                "Survivors' voices grow fewer; young people take up the story",
                "High school students have begun recording survivors' testimony.",
            ),
            ("nhk", "Hiroshima holds peace memorial ceremony", ""),
            (
                "mainichi",
                "Yoroku: the morning of Aug. 6",
                "",
                {
                    "kind": "column",
                    "thoughts": [
                        "The city rebuilt its streets quickly; the memory took longer.",
                        "Each year the line of survivors at the cenotaph grows shorter, and each "
                        "year "
                        "the duty of those who listened grows heavier.",
                    ],
                },
            ),
        ],
        "followups": [
            {
                "days": 3,
                "lead": ["Nagasaki marked the 81st anniversary of its atomic bombing on Aug. 9"],
                "said_by": ["the city of Nagasaki", "organizers"],
                "details": [
                    "A moment of silence was observed at 11:02 a.m., the time of the bombing.",
                    "The mayor of Nagasaki called for Nagasaki to remain the last city to suffer "
                    "an atomic bombing.",
                    "Representatives of about 100 countries attended the ceremony.",
                ],
                "coverage": [
                    ("asahi", "Nagasaki marks 81 years since atomic bombing", ""),
                    (
                        "mainichi",
                        "Nagasaki mayor: let this city be the last",
                        "",
                        {"ja": "長崎原爆の日　「最後の被爆地に」"},
                    ),
                    (
                        "akahata",
                        "Nagasaki survivors urge Japan to join ban treaty",
                        "Survivors called on the government to take part in the treaty's meetings "
                        "as an observer.",
                    ),
                    ("nhk", "Nagasaki holds peace ceremony", ""),
                ],
            },
        ],
    },
]
