"""Demo scenarios: China. Format: see stories_politics."""

STORIES = [
    {
        "key": "china-seafood-talks",
        "date": "2025-11-18",
        "topics": ["japan-china-relations", "trade"],
        "subject": "the seafood dispute with China",
        "summary": (
            "Japanese and Chinese officials met in Beijing in mid-November to discuss Chinese "
            "restrictions on imports of Japanese seafood."
        ),
        "lead": [
            "Japanese and Chinese officials have held working-level talks in Beijing on lifting "
            "the remaining restrictions on Japanese seafood",
            "the government has pressed China to widen the range of prefectures whose seafood "
            "can be exported, in talks held in Beijing",
        ],
        "details": [
            "China still bars seafood from ten prefectures, including Fukushima and Miyagi.",
            "Japanese officials presented the latest results of seawater monitoring around the "
            "Fukushima Daiichi nuclear plant.",
            "Chinese customs officials asked for additional data on sampling methods.",
            "Japanese exporters must register their processing plants with Chinese authorities "
            "before shipping.",
            "Scallop producers in Hokkaido have shifted some exports to Southeast Asia and the "
            "United States.",
            "The talks lasted about three hours, according to the Foreign Ministry.",
        ],
        "voices": [
            (
                "a senior Foreign Ministry official",
                "We explained once more that the monitoring data speak for themselves",
            ),
            (
                "a scallop processor in Hokkaido",
                "We cannot plan anything while the rules keep changing",
            ),
        ],
        "background": [
            "China halted all imports of Japanese seafood in 2023 after treated water began to be "
            "released from the Fukushima Daiichi plant.",
            "Monitoring by the International Atomic Energy Agency has found no abnormal levels of "
            "radioactive substances.",
        ],
        "outlook": [
            "The two sides agreed to continue talks, but no date has been set.",
            "Observers say the outcome will depend on the broader political climate between the "
            "two countries.",
        ],
        "coverage": [
            (
                "nikkei",
                "Japan, China hold talks on seafood curbs; no breakthrough",
                "Trading houses are reluctant to rebuild supply chains until the rules are stable.",
                {"ja": "水産物輸入規制で日中協議　進展見えず"},
            ),
            (
                "yomiuri",
                "Japan urges China to lift curbs on seafood from 10 prefectures",
                "China's stance is driven more by politics than by science.",
            ),
            (
                "sankei",
                "China still stalling on seafood imports",
                "Japan should take the matter to the World Trade Organization.",
            ),
            (
                "asahi",
                "Seafood talks: both sides keep channel open",
                "The talks themselves were a sign of a thaw.",
            ),
            (
                "hokkaido",
                "Hokkaido scallop producers watch Beijing talks closely",
                "Processors in Okhotsk ports are still working below capacity.",
            ),
            ("jiji", "Japan, China discuss seafood import restrictions", ""),
        ],
        "followups": [
            {
                "days": 1,
                "lead": ["exporters reacted cautiously to the outcome of the seafood talks"],
                "coverage": [
                    (
                        "yomiuri",
                        "China must drop curbs that lack scientific basis",
                        "",
                        {
                            "kind": "editorial",
                            "argument": [
                                "The monitoring data leave no room for doubt about safety.",
                                "China's restrictions are political, and Japan should say so.",
                                "Japan should keep widening its export markets in the meantime.",
                            ],
                        },
                    ),
                    (
                        "hokkaido",
                        "Scallop processors look beyond China",
                        "New buyers in Vietnam and the United States have made up part of the lost "
                        "sales.",
                    ),
                    (
                        "nikkei",
                        "Q&A: where Japan's seafood exports stand",
                        "",
                        {
                            "kind": "other",
                            "text": [
                                "Questions and answers on the seafood dispute with China.",
                                "Q: What does China still restrict? Seafood from ten prefectures, "
                                "including Fukushima and Miyagi, remains barred.",
                                "Q: How have exporters adapted? Many have shifted shipments of "
                                "scallops and sea cucumbers to Southeast Asia and North America.",
                                "Q: What happens next? Working-level talks will continue, but no "
                                "date "
                                "has been set.",
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]
