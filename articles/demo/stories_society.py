"""Demo scenarios: disasters and recovery. Format: see stories_politics."""

STORIES = [
    {
        "key": "typhoon-kyushu-2025",
        "date": "2025-10-15",
        "topics": ["disasters"],
        "said_by": ["the Fire and Disaster Management Agency", "the Japan Meteorological Agency"],
        "subject": "the typhoon in southern Kyushu",
        "summary": (
            "A powerful typhoon brought record rainfall to southern Kyushu in mid-October, "
            "causing floods and landslides."
        ),
        "lead": [
            "a typhoon has dumped record rainfall on southern Kyushu, flooding homes and cutting "
            "off roads in Kagoshima and Miyazaki prefectures",
            "heavy rain from a typhoon has left three people dead and one missing in southern "
            "Kyushu",
        ],
        "details": [
            "Rainfall in parts of Kagoshima Prefecture exceeded 500 millimeters in 24 hours.",
            "More than 120,000 residents were instructed to evacuate at the peak of the storm.",
            "About 40,000 households lost power.",
            "Kyushu Shinkansen services were suspended for most of the day.",
            "The Ground Self-Defense Force was dispatched at the governor's request.",
            "Several hundred homes were flooded above floor level.",
        ],
        "voices": [
            (
                "an official of the Kagoshima prefectural government",
                "We are still trying to reach isolated communities",
            ),
            (
                "a man in his 70s at an evacuation center",
                "I have lived here all my life and never seen the river so high",
            ),
        ],
        "background": [
            "Heavy rain disasters have become more frequent in Kyushu in recent years.",
            "The Meteorological Agency issues heavy rain special warnings when a disaster of rare "
            "scale is likely.",
        ],
        "outlook": [
            "The government will consider designating the disaster for special fiscal support.",
            "The typhoon is expected to weaken as it moves north.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Typhoon brings record rain to southern Kyushu; 3 dead",
                "Rescue teams are working to reach communities cut off by landslides.",
                {"top": True, "ja": "台風、南九州で記録的大雨　3人死亡"},
            ),
            ("asahi", "Rivers burst banks as typhoon lashes Kyushu", "", {"top": True}),
            ("mainichi", "Typhoon floods hundreds of homes in Kagoshima, Miyazaki", ""),
            ("nhk", "Typhoon causes severe flooding in southern Kyushu", ""),
            ("kyodo", "Typhoon leaves 3 dead, 1 missing in southwestern Japan", ""),
            ("jiji", "Record rain in Kagoshima as typhoon passes", ""),
        ],
        "followups": [
            {
                "days": 2,
                "lead": ["cleanup began in flooded areas of southern Kyushu"],
                "said_by": ["local officials"],
                "details": [
                    "Volunteers from across Kyushu arrived to help remove mud from homes.",
                    "Some evacuation centers lacked enough partitions and cots.",
                    "Farmers reported heavy damage to sweet potato and tea fields.",
                ],
                "coverage": [
                    (
                        "asahi",
                        "Evacuation centers must not be an afterthought",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Every disaster brings the same scenes of crowded gymnasiums.",
                                "International standards for shelters exist and should be met.",
                                "Municipalities need national support to prepare in advance.",
                            ],
                        },
                    ),
                    (
                        "nikkei",
                        "Typhoon damage to farms in Kyushu estimated at billions of yen",
                        "Sweet potato prices may rise this winter.",
                    ),
                    ("mainichi", "Volunteers arrive in flood-hit towns", ""),
                ],
            },
        ],
    },
    {
        "key": "noto-two-years",
        "date": "2026-01-02",
        "topics": ["disasters", "population"],
        "subject": "the recovery on the Noto Peninsula",
        "summary": (
            "Jan. 1 marked two years since the earthquake that struck the Noto Peninsula in "
            "Ishikawa Prefecture on New Year's Day 2024."
        ),
        "lead": [
            "two years after the Noto Peninsula earthquake, about 15,000 people are still living "
            "in temporary housing",
            "residents of the Noto Peninsula marked the second anniversary of the earthquake "
            "amid a population decline that has accelerated since the disaster",
        ],
        "details": [
            "Memorial ceremonies were held in Wajima, Suzu and other towns at 4:10 p.m., the time "
            "of the quake.",
            "The population of the six hardest-hit municipalities has fallen by about 10 percent.",
            "Demolition of damaged buildings at public expense is nearly complete.",
            "Reconstruction of water pipes is still under way in some areas.",
            "The morning market in Wajima has reopened at a temporary site.",
            "Many young families have moved to Kanazawa and other cities.",
        ],
        "voices": [
            (
                "a woman in her 70s living in temporary housing in Suzu",
                "I want to go home, but there is no home to go back to",
            ),
            ("the Ishikawa governor", "We will not let Noto be forgotten"),
        ],
        "background": [
            "The magnitude 7.6 earthquake killed more than 500 people, including deaths related "
            "to the disaster.",
            "Heavy rain in September 2024 caused further damage in the same area.",
        ],
        "outlook": [
            "Public housing for disaster victims is being built, but many units will not be ready "
            "until next year.",
            "Local officials fear the population loss will become permanent.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Noto two years on: 15,000 still in temporary housing",
                "The pace of reconstruction varies widely between towns.",
                {"ja": "能登地震2年　仮設なお1万5千人"},
            ),
            (
                "asahi",
                "Noto marks 2 years; population loss deepens",
                "Many residents who left say they are unlikely to return.",
                {"top": True},
            ),
            (
                "mainichi",
                "Wajima morning market: vendors look to the future",
                "Vendors hope tourists will come back in the spring.",
            ),
            ("tokyo", "Noto anniversary: questions over slow recovery", ""),
            ("nhk", "Noto Peninsula marks two years since earthquake", ""),
            (
                "asahi",
                "Vox Populi: the bell in Suzu",
                "",
                {
                    "kind": "column",
                    "thoughts": [
                        "A town is not only its buildings but the people who walk its streets.",
                        "Two years on, the streets of Suzu are quiet in a way that has nothing to "
                        "do "
                        "with winter.",
                    ],
                },
            ),
        ],
    },
    {
        "key": "great-east-japan-15-years",
        "date": "2026-03-11",
        "topics": ["disasters", "energy"],
        "subject": "the 15th anniversary of the Great East Japan Earthquake",
        "summary": (
            "March 11 marks 15 years since the Great East Japan Earthquake, tsunami and nuclear "
            "accident."
        ),
        "lead": [
            "fifteen years after the Great East Japan Earthquake, about 26,000 people from "
            "Fukushima Prefecture are still unable to return home",
            "the government's reconstruction framework for the areas hit by the 2011 disaster is "
            "entering a new phase as the 15th anniversary arrives",
        ],
        "details": [
            "More than 22,000 people died or went missing, including disaster-related deaths.",
            "Seawalls and elevated residential land along the Sanriku coast are largely complete.",
            "Removal of melted fuel debris at Fukushima Daiichi has so far yielded only a few "
            "grams.",
            "Evacuation orders remain in parts of seven municipalities in Fukushima.",
            "The government's second five-year reconstruction period ends this month.",
        ],
        "voices": [
            (
                "a man in Rikuzentakata who lost his parents",
                "The town has new roads, but I still walk the old ones in my mind",
            ),
            ("the reconstruction minister", "Reconstruction in Fukushima is a long-term task"),
        ],
        "background": [
            "The magnitude 9.0 earthquake struck off the Pacific coast on March 11, 2011.",
            "Decommissioning of the Fukushima Daiichi plant is expected to take 30 to 40 years.",
        ],
        "outlook": [
            "A memorial ceremony is planned in Fukushima Prefecture.",
            "The government will set a new basic policy for reconstruction from April.",
        ],
        "coverage": [
            (
                "yomiuri",
                "Fifteen years after 3.11: recovery enters new stage",
                "Infrastructure is rebuilt, but communities are not.",
                {"top": True, "ja": "震災15年　復興、新たな段階へ"},
            ),
            (
                "asahi",
                "3.11 at 15: Fukushima's evacuees still waiting",
                "Some evacuees have given up on returning.",
                {"top": True},
            ),
            ("mainichi", "Memories of tsunami passed on to children born after", ""),
            (
                "sankei",
                "Remembering 3.11: lessons for the next big quake",
                "A Nankai Trough earthquake could cause far greater damage.",
            ),
            ("tokyo", "Fukushima evacuees: 15 years of uncertainty", ""),
            ("hokkaido", "Hokkaido coast reviews tsunami plans on 3.11 anniversary", ""),
            ("nhk", "Japan marks 15 years since Great East Japan Earthquake", ""),
            ("kyodo", "Japan marks 15th anniversary of 2011 quake, tsunami", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["memorial ceremonies were held across the Tohoku region"],
                "said_by": ["organizers"],
                "coverage": [
                    (
                        "mainichi",
                        "Keep the memory of 3.11 alive",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "Fifteen years is long enough for memory to fade.",
                                "The lessons of the disaster must be kept alive in every "
                                "community.",
                                "Fukushima's recovery remains a national responsibility.",
                            ],
                        },
                    ),
                    (
                        "yomiuri",
                        "Henshu Techo: fifteen springs",
                        "",
                        {
                            "kind": "column",
                            "thoughts": [
                                "A child born that spring is now in high school.",
                                "What we owe to those who were lost is to be better prepared.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
