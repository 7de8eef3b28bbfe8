"""The demo outlets: real Japanese news organisations, described by plain facts only.

`key` is the short name the story files use; it never reaches the database.
`url` builds an invented source path on the outlet's real domain from (date, number).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TypedDict


class OutletData(TypedDict):
    key: str
    name: str
    slug: str
    kind: str
    aliases: list[str]
    website: str
    description: str
    url: Callable[[datetime.date, int], str]


OUTLETS: list[OutletData] = [
    {
        "key": "asahi",
        "name": "Asahi Shimbun",
        "slug": "asahi-shimbun",
        "kind": "national-daily",
        "aliases": ["Asahi", "The Asahi Shimbun"],
        "website": "https://www.asahi.com/",
        "description": "National daily founded in Osaka in 1879, published from Tokyo and Osaka.",
        "url": lambda d, n: f"https://www.asahi.com/articles/ASV{d:%m%d}{n:05d}.html",
    },
    {
        "key": "yomiuri",
        "name": "Yomiuri Shimbun",
        "slug": "yomiuri-shimbun",
        "kind": "national-daily",
        "aliases": ["Yomiuri", "Yomiuri digital", "The Yomiuri Shimbun"],
        "website": "https://www.yomiuri.co.jp/",
        "description": "National daily founded in Tokyo in 1874.",
        "url": lambda d, n: f"https://www.yomiuri.co.jp/politics/{d:%Y%m%d}-OYT1T5{n:04d}/",
    },
    {
        "key": "mainichi",
        "name": "Mainichi Shimbun",
        "slug": "mainichi-shimbun",
        "kind": "national-daily",
        "aliases": ["Mainichi", "The Mainichi"],
        "website": "https://mainichi.jp/",
        "description": "National daily that traces its origins to a Tokyo paper founded in 1872.",
        "url": lambda d, n: f"https://mainichi.jp/articles/{d:%Y%m%d}/k00/00m/010/{n:03d}000c",
    },
    {
        "key": "nikkei",
        "name": "Nikkei",
        "slug": "nikkei",
        "kind": "national-daily",
        "aliases": ["Nihon Keizai Shimbun", "Nihon Keizai", "Nikkei Shimbun"],
        "website": "https://www.nikkei.com/",
        "description": (
            "Business and economic daily published by Nikkei Inc., whose roots go back to 1876."
        ),
        "url": lambda d, n: f"https://www.nikkei.com/article/DGXZQOUA{d:%y%m%d}{n:04d}/",
    },
    {
        "key": "sankei",
        "name": "Sankei Shimbun",
        "slug": "sankei-shimbun",
        "kind": "national-daily",
        "aliases": ["Sankei", "The Sankei Shimbun"],
        "website": "https://www.sankei.com/",
        "description": (
            "National daily founded in Osaka in 1933, part of the Fujisankei Communications Group."
        ),
        "url": lambda d, n: f"https://www.sankei.com/article/{d:%Y%m%d}-DEMO{n:04d}/",
    },
    {
        "key": "tokyo",
        "name": "Tokyo Shimbun",
        "slug": "tokyo-shimbun",
        "kind": "regional-daily",
        "aliases": ["Tokyo"],
        "website": "https://www.tokyo-np.co.jp/",
        "description": "Daily for the Tokyo metropolitan area, published by the Chunichi Shimbun.",
        "url": lambda d, n: f"https://www.tokyo-np.co.jp/article/{400000 + n}",
    },
    {
        "key": "kyodo",
        "name": "Kyodo News",
        "slug": "kyodo-news",
        "kind": "wire",
        "aliases": ["Kyodo"],
        "website": "https://english.kyodonews.net/",
        "description": (
            "Cooperative news agency founded in 1945; supplies member newspapers and broadcasters."
        ),
        "url": lambda d, n: f"https://english.kyodonews.net/news/{d:%Y/%m}/{n:06x}-demo.html",
    },
    {
        "key": "jiji",
        "name": "Jiji Press",
        "slug": "jiji-press",
        "kind": "wire",
        "aliases": ["Jiji"],
        "website": "https://www.jiji.com/",
        "description": "News agency founded in 1945, with a strong financial news service.",
        "url": lambda d, n: f"https://www.jiji.com/jc/article?k={d:%Y%m%d}{n:05d}",
    },
    {
        "key": "nhk",
        "name": "NHK",
        "slug": "nhk",
        "kind": "broadcaster",
        "aliases": ["Japan Broadcasting Corporation", "NHK News"],
        "website": "https://www.nhk.or.jp/",
        "description": (
            "Japan's public broadcaster, funded by receiving fees; on the air since 1925."
        ),
        "url": lambda d, n: f"https://www3.nhk.or.jp/news/html/{d:%Y%m%d}/k1001{n:05d}.html",
    },
    {
        "key": "ryukyu",
        "name": "Ryukyu Shimpo",
        "slug": "ryukyu-shimpo",
        "kind": "regional-daily",
        "aliases": ["Ryukyu", "Ryukyu Shinpo"],
        "website": "https://ryukyushimpo.jp/",
        "description": "Okinawa Prefecture daily based in Naha, founded in 1893.",
        "url": lambda d, n: f"https://ryukyushimpo.jp/news/entry-{d:%y%m}{n:04d}.html",
    },
    {
        "key": "okinawa",
        "name": "Okinawa Times",
        "slug": "okinawa-times",
        "kind": "regional-daily",
        "aliases": ["Okinawa Taimusu"],
        "website": "https://www.okinawatimes.co.jp/",
        "description": "Okinawa Prefecture daily based in Naha, founded in 1948.",
        "url": lambda d, n: f"https://www.okinawatimes.co.jp/articles/-/{d:%y%m}{n:04d}",
    },
    {
        "key": "hokkaido",
        "name": "Hokkaido Shimbun",
        "slug": "hokkaido-shimbun",
        "kind": "regional-daily",
        "aliases": ["Hokkaido", "Doshin"],
        "website": "https://www.hokkaido-np.co.jp/",
        "description": "Sapporo-based daily for Hokkaido, formed by merging local papers in 1942.",
        "url": lambda d, n: f"https://www.hokkaido-np.co.jp/article/{d:%y%m}{n:04d}/",
    },
    {
        "key": "bunshun",
        "name": "Shukan Bunshun",
        "slug": "shukan-bunshun",
        "kind": "weekly",
        "aliases": ["Bunshun", "Weekly Bunshun", "Shukan Bunshun Online"],
        "website": "https://bunshun.jp/",
        "description": "Weekly news magazine published by Bungeishunju since 1959.",
        "url": lambda d, n: f"https://bunshun.jp/articles/-/{d:%y%m}{n:03d}",
    },
    {
        "key": "shincho",
        "name": "Shukan Shincho",
        "slug": "shukan-shincho",
        "kind": "weekly",
        "aliases": ["Shincho", "Weekly Shincho"],
        "website": "https://www.dailyshincho.jp/",
        "description": "Weekly news magazine published by Shinchosha since 1956.",
        "url": lambda d, n: f"https://www.dailyshincho.jp/article/{d:%Y}/{d:%m%d}{n:04d}/",
    },
    {
        "key": "akahata",
        "name": "Akahata",
        "slug": "akahata",
        "kind": "party-organ",
        "aliases": ["Shimbun Akahata", "Red Flag"],
        "website": "https://www.jcp.or.jp/akahata/",
        "description": "Daily organ of the Japanese Communist Party, first published in 1928.",
        "url": lambda d, n: (
            f"https://www.jcp.or.jp/akahata/aik{d:%y}/{d:%Y-%m-%d}/"
            f"{d:%Y%m%d}{n % 100:02d}_01_0.html"
        ),
    },
]

BY_KEY: dict[str, OutletData] = {outlet["key"]: outlet for outlet in OUTLETS}
