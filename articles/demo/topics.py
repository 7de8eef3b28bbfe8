"""The demo topic tree: top-level topics, each with sub-topics. Keywords feed topic suggestion."""

from __future__ import annotations

from typing import TypedDict


class TopicData(TypedDict):
    name: str
    slug: str
    description: str
    keywords: list[str]


# (top-level topic, its sub-topics)
TREE: list[tuple[TopicData, list[TopicData]]] = [
    (
        {
            "name": "International",
            "slug": "international",
            "description": "Japan's foreign relations and the world as the Japanese press sees it.",
            "keywords": ["foreign minister", "summit", "diplomacy", "ambassador"],
        },
        [
            {
                "name": "Japan–U.S. relations",
                "slug": "japan-us-relations",
                "description": "The alliance, trade frictions and summits with Washington.",
                "keywords": ["Washington", "White House", "U.S. president", "alliance", "tariff"],
            },
            {
                "name": "Japan–China relations",
                "slug": "japan-china-relations",
                "description": "Diplomacy, trade and disputes with the People's Republic of China.",
                "keywords": ["Beijing", "Xi Jinping", "Senkaku", "Chinese coast guard", "seafood"],
            },
            {
                "name": "Japan–Russia relations",
                "slug": "japan-russia-relations",
                "description": "Peace-treaty talks, the Northern Territories, fisheries, energy.",
                "keywords": [
                    "Putin",
                    "Lavrov",
                    "Northern Territories",
                    "Kuril",
                    "Sakhalin",
                    "peace treaty",
                ],
            },
            {
                "name": "Korean Peninsula",
                "slug": "korean-peninsula",
                "description": "South Korea, North Korea, missiles and the abduction issue.",
                "keywords": ["Seoul", "Pyongyang", "North Korea", "abduction", "ballistic missile"],
            },
            {
                "name": "Europe & Eurasia",
                "slug": "europe-eurasia",
                "description": "The EU, NATO, Ukraine and Central Asia.",
                "keywords": ["Brussels", "NATO", "Ukraine", "European Union", "Central Asia"],
            },
            {
                "name": "Southeast Asia & Pacific",
                "slug": "southeast-asia-pacific",
                "description": "ASEAN members, Australia, India and the Pacific islands.",
                "keywords": ["ASEAN", "Philippines", "Australia", "India", "Pacific islands"],
            },
            {
                "name": "Middle East",
                "slug": "middle-east",
                "description": "Gulf energy partners, Gaza, Iran and shipping lanes.",
                "keywords": ["Gaza", "Iran", "Saudi Arabia", "Red Sea", "Strait of Hormuz"],
            },
        ],
    ),
    (
        {
            "name": "Security",
            "slug": "security",
            "description": "Defense, bases and arms control.",
            "keywords": ["Self-Defense Forces", "Defense Ministry", "security"],
        },
        [
            {
                "name": "Okinawa",
                "slug": "okinawa",
                "description": "U.S. bases in Okinawa, the Henoko relocation and local politics.",
                "keywords": ["Henoko", "Futenma", "Okinawa governor", "Nago", "Kadena"],
            },
            {
                "name": "Defense policy",
                "slug": "defense-policy",
                "description": "Defense budgets, equipment, exports and the Self-Defense Forces.",
                "keywords": ["defense budget", "counterstrike", "SDF", "arms export", "Aegis"],
            },
            {
                "name": "Nuclear issues",
                "slug": "nuclear-issues",
                "description": "Disarmament, non-proliferation and the atomic-bomb survivors.",
                "keywords": ["hibakusha", "non-proliferation", "NPT", "nuclear weapons", "IAEA"],
            },
            {
                "name": "Economic security",
                "slug": "economic-security",
                "description": "Supply chains, export controls, critical minerals, cyber defense.",
                "keywords": ["export controls", "semiconductor", "rare earths", "cyberattack"],
            },
        ],
    ),
    (
        {
            "name": "Politics",
            "slug": "politics",
            "description": "Parties, the Diet, the Cabinet and elections.",
            "keywords": ["Liberal Democratic Party", "LDP", "opposition", "Nagatacho"],
        },
        [
            {
                "name": "Diet",
                "slug": "diet",
                "description": "Sessions, bills, budget deliberations and committee hearings.",
                "keywords": ["Diet session", "Lower House", "Upper House", "bill", "committee"],
            },
            {
                "name": "Elections",
                "slug": "elections",
                "description": "National, gubernatorial and local elections and party campaigns.",
                "keywords": ["election", "candidate", "voter turnout", "campaign", "ballot"],
            },
            {
                "name": "Cabinet",
                "slug": "cabinet",
                "description": "The prime minister, ministers, approval ratings and reshuffles.",
                "keywords": ["prime minister", "Kantei", "chief cabinet secretary", "reshuffle"],
            },
            {
                "name": "Political funds",
                "slug": "political-funds",
                "description": "Political finance rules, fundraising parties and reform debates.",
                "keywords": ["political funds", "fundraising party", "kickback", "donation"],
            },
        ],
    ),
    (
        {
            "name": "Economy",
            "slug": "economy",
            "description": "Growth, prices, markets, companies and public finances.",
            "keywords": ["GDP", "economy", "business", "Keidanren"],
        },
        [
            {
                "name": "Trade",
                "slug": "trade",
                "description": "Tariffs, trade agreements and exports.",
                "keywords": ["tariff", "exports", "CPTPP", "trade agreement", "WTO"],
            },
            {
                "name": "Energy",
                "slug": "energy",
                "description": "Electricity, nuclear restarts, LNG and renewables.",
                "keywords": ["LNG", "nuclear reactor", "restart", "renewable", "electricity"],
            },
            {
                "name": "Monetary policy",
                "slug": "monetary-policy",
                "description": "The Bank of Japan, interest rates and the yen.",
                "keywords": ["Bank of Japan", "BOJ", "interest rate", "yen", "inflation"],
            },
            {
                "name": "Labor & wages",
                "slug": "labor-wages",
                "description": "Wage talks, the minimum wage, working styles and labor shortages.",
                "keywords": ["shunto", "minimum wage", "Rengo", "labor shortage", "wages"],
            },
            {
                "name": "Fiscal policy",
                "slug": "fiscal-policy",
                "description": "Budgets, taxes, government debt and economic packages.",
                "keywords": ["budget", "supplementary budget", "consumption tax", "JGB"],
            },
        ],
    ),
    (
        {
            "name": "Society",
            "slug": "society",
            "description": "How people in Japan live: families, schools, health and safety.",
            "keywords": ["society", "residents", "municipalities"],
        },
        [
            {
                "name": "Disasters",
                "slug": "disasters",
                "description": "Earthquakes, typhoons, heavy rain and recovery.",
                "keywords": ["earthquake", "typhoon", "evacuation", "tsunami", "Noto"],
            },
            {
                "name": "Population",
                "slug": "population",
                "description": "Births, ageing, depopulation and foreign residents.",
                "keywords": ["birthrate", "births", "ageing", "depopulation", "foreign residents"],
            },
            {
                "name": "Education",
                "slug": "education",
                "description": "Schools, universities, teachers and entrance examinations.",
                "keywords": ["school", "university", "teachers", "entrance exam", "MEXT"],
            },
            {
                "name": "Health",
                "slug": "health",
                "description": "Hospitals, medicines, insurance and public health.",
                "keywords": ["hospital", "health insurance", "vaccine", "Health Ministry"],
            },
        ],
    ),
    (
        {
            "name": "Science & technology",
            "slug": "science-technology",
            "description": "Research, space, digital policy and the environment.",
            "keywords": ["research", "technology", "scientists"],
        },
        [
            {
                "name": "Space",
                "slug": "space",
                "description": "JAXA missions, launch vehicles and space industry.",
                "keywords": ["JAXA", "H3", "rocket", "lunar", "satellite"],
            },
            {
                "name": "Artificial intelligence",
                "slug": "artificial-intelligence",
                "description": "AI rules, research and industry.",
                "keywords": ["artificial intelligence", "AI", "generative AI", "data center"],
            },
            {
                "name": "Climate & environment",
                "slug": "climate-environment",
                "description": "Emissions targets, heat, pollution and biodiversity.",
                "keywords": ["decarbonization", "emissions", "COP", "heat wave", "PFAS"],
            },
        ],
    ),
]

# Every slug a story may name, for checking the story files.
SLUGS: frozenset[str] = frozenset(
    topic["slug"] for root, children in TREE for topic in [root, *children]
)
