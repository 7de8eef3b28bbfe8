"""Demo scenarios: the constitution debate, the end of the Diet session and health insurance.
Format: see stories_politics."""

STORIES = [
    {
        "key": "constitution-day-2026",
        "date": "2026-05-04",
        "topics": ["diet", "politics"],
        "subject": "the debate over the constitution",
        "summary": (
            "Groups for and against constitutional revision held rallies in Tokyo on May 3, "
            "Constitution Memorial Day."
        ),
        "lead": [
            "groups for and against revising the constitution held rallies in Tokyo on "
            "Constitution Memorial Day, as debate in the Diet's commissions on the constitution "
            "remains stalled",
            "the prime minister sent a video message to a rally calling for constitutional "
            "revision, saying the Diet should present a draft to the public",
        ],
        "details": [
            "A rally organized by groups favoring revision drew about 1,500 people, according to "
            "organizers.",
            "A rally of groups opposed to revision in Koto Ward drew about 30,000 people, "
            "according to organizers.",
            "The commissions on the constitution in both houses have discussed emergency "
            "clauses and the status of the Self-Defense Forces.",
            "Ruling and opposition parties remain divided over how to extend lawmakers' terms in "
            "an emergency.",
            "The constitution has never been amended since it took effect in 1947.",
        ],
        "voices": [
            (
                "a speaker at the rally for revision",
                "The time has come for the people to decide in a referendum",
            ),
            (
                "a speaker at the rally against revision",
                "The war-renouncing Article 9 has kept this country at peace",
            ),
        ],
        "background": [
            "Amending the constitution requires a two-thirds majority in both houses and a "
            "majority in a national referendum.",
            "Polls show public opinion divided, with many respondents saying there is no need to "
            "hurry.",
        ],
        "outlook": [
            "No draft amendment is likely to be submitted during the current session.",
            "The commissions are expected to resume discussions after the holidays.",
        ],
        "coverage": [
            (
                "sankei",
                "Prime minister calls for Diet to present constitutional draft",
                "The Diet has a duty to give the people the chance to decide.",
                {"ja": "憲法記念日　首相「改憲原案を国会で」"},
            ),
            (
                "asahi",
                "Rallies mark Constitution Day; debate stalled",
                "Many people are more concerned with prices than with revision.",
            ),
            (
                "yomiuri",
                "Constitution debate must move forward",
                "",
                {
                    "kind": "editorial",
                    "argument": [
                        "The constitution should be revised to meet the needs of the times.",
                        "An emergency clause is the most pressing issue.",
                        "The Diet's commissions should narrow down the points for discussion.",
                    ],
                },
            ),
            (
                "mainichi",
                "Constitution Day: revision debate must not be rushed",
                "",
                {
                    "kind": "editorial",
                    "argument": [
                        "The constitution belongs to the people, not to any one government.",
                        "Proposals to expand emergency powers need careful scrutiny.",
                        "The debate should begin from what the public actually needs.",
                    ],
                },
            ),
            (
                "akahata",
                "Tens of thousands rally to defend Article 9",
                "Participants called for stopping the military build-up.",
            ),
            ("nhk", "Rallies for and against constitutional revision held", ""),
        ],
    },
    {
        "key": "diet-session-closes-2026",
        "date": "2026-06-22",
        "topics": ["diet", "cabinet"],
        "subject": "the end of the ordinary Diet session",
        "summary": "The ordinary Diet session closed on June 21 after 150 days.",
        "lead": [
            "the ordinary Diet session has closed with about 90 percent of government-sponsored "
            "bills enacted",
            "the Diet session has ended without a vote on a no-confidence motion, as opposition "
            "parties failed to agree on a joint approach",
        ],
        "details": [
            "Of the 61 bills submitted by the government, 55 were enacted.",
            "A bill to create a new disaster management agency was passed in the final week.",
            "The political funds reform bill was carried over to the next session.",
            "The budget for fiscal 2026 was enacted before the start of the fiscal year.",
            "Several bills passed with votes from the Democratic Party for the People.",
        ],
        "voices": [
            (
                "the chief cabinet secretary",
                "We were able to pass the legislation the public needs",
            ),
            (
                "the CDP's Diet affairs chief",
                "The ruling parties relied on side deals instead of open debate",
            ),
        ],
        "background": [
            "The ruling parties lack a majority in the House of Councillors.",
            "Each bill required negotiations with at least one opposition party.",
        ],
        "outlook": [
            "Attention now turns to the summer and the government's economic policy guidelines.",
            "An extraordinary session is expected in the autumn.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Diet session ends with 55 government bills enacted",
                "Cooperation with some opposition parties made steady results possible.",
            ),
            (
                "asahi",
                "Diet closes; political funds reform postponed again",
                "The ruling parties again failed to settle political funds reform.",
                {"ja": "通常国会閉会　政治資金改革また先送り"},
            ),
            ("mainichi", "Session ends; opposition divided on no-confidence motion", ""),
            ("nikkei", "Diet session ends; economic bills pass", ""),
            ("kyodo", "Japan's ordinary Diet session ends", ""),
            (
                "tokyo",
                "Hissen: the closing bell",
                "",
                {
                    "kind": "column",
                    "thoughts": [
                        "In the last days of a session, bills move faster than anyone can read "
                        "them.",
                        "What gets left behind says as much as what gets passed.",
                    ],
                },
            ),
        ],
    },
    {
        "key": "health-insurance-reform-2026",
        "date": "2026-11-18",
        "topics": ["health", "fiscal-policy"],
        "subject": "the reform of medical fees",
        "summary": (
            "The Health, Labor and Welfare Ministry presented options in November for raising "
            "patients' share of medical costs."
        ),
        "lead": [
            "the Health Ministry has proposed raising the share of medical costs paid by more "
            "elderly patients, in an effort to slow the growth of health spending",
            "a government panel has begun discussing changes to the cap on monthly out-of-pocket "
            "medical costs",
        ],
        "details": [
            "The proposal would widen the group of patients aged 75 and older who pay 20 percent "
            "of costs.",
            "National medical expenditure exceeds 48 trillion yen a year.",
            "Patient groups say higher caps would hit people with cancer and chronic illness.",
            "Hospital associations say many hospitals are running deficits because of rising "
            "costs.",
            "The government also plans to promote the use of generic drugs.",
        ],
        "voices": [
            (
                "a senior Health Ministry official",
                "We have to ask those who can afford it to pay a little more",
            ),
            (
                "a representative of a patients' association",
                "Illness does not choose people by income",
            ),
        ],
        "background": [
            "All members of the postwar baby-boom generation have turned 75.",
            "Health insurance premiums for working people have risen steadily.",
        ],
        "outlook": [
            "The government aims to reach a conclusion by the end of the year.",
            "The reform will be discussed alongside the fiscal 2027 budget.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Health Ministry proposes higher copayments for elderly",
                "Sharing burdens fairly across generations is unavoidable.",
                {"ja": "高齢者の窓口負担増を提案"},
            ),
            ("asahi", "Copayment plan worries patients with chronic illness", ""),
            (
                "nikkei",
                "Medical cost reform needed to curb spending growth",
                "Without reform, premiums for working people will keep rising.",
            ),
            ("tokyo", "Patients' groups oppose higher cost caps", ""),
            (
                "nhk",
                "Ministry presents options for medical cost sharing",
                "",
                {
                    "kind": "other",
                    "text": [
                        "NHK explainer. The government is considering how much patients should pay "
                        "for medical care. Here are the main points.",
                        "Who pays what now? Most working-age people pay 30 percent of costs at the "
                        "counter. People aged 75 and older pay 10, 20 or 30 percent depending on "
                        "income.",
                        "What is proposed? Raising the share for more people aged 75 and older, "
                        "and "
                        "revising the monthly cap on out-of-pocket costs.",
                        "When will it be decided? The government aims to reach a conclusion by "
                        "the end "
                        "of the year, together with the budget for the next fiscal year.",
                    ],
                },
            ),
        ],
    },
]
