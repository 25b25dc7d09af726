"""The demo universe the offline synthetic provider knows: about 20 US and Korean assets."""

from __future__ import annotations

from dataclasses import dataclass

from stockvis.providers.base import Category


@dataclass(frozen=True, slots=True)
class DemoAsset:
    symbol: str
    name: str
    category: Category
    exchange: str
    currency: str
    market: str
    # Price level around the anchor date, daily volatility and typical daily volume.
    level: float
    volatility: float
    volume: float
    name_local: str = ""
    fdr_symbol: str = ""
    sector: str = ""


DEMO_UNIVERSE: tuple[DemoAsset, ...] = (
    DemoAsset(
        "AAPL",
        "Apple Inc.",
        Category.STOCK,
        "XNYS",
        "USD",
        "US",
        220.0,
        0.017,
        55e6,
        sector="TECHNOLOGY",
    ),
    DemoAsset(
        "MSFT",
        "Microsoft Corporation",
        Category.STOCK,
        "XNYS",
        "USD",
        "US",
        420.0,
        0.016,
        22e6,
        sector="TECHNOLOGY",
    ),
    DemoAsset(
        "NVDA",
        "NVIDIA Corporation",
        Category.STOCK,
        "XNYS",
        "USD",
        "US",
        130.0,
        0.030,
        250e6,
        sector="TECHNOLOGY",
    ),
    DemoAsset(
        "TSLA",
        "Tesla, Inc.",
        Category.STOCK,
        "XNYS",
        "USD",
        "US",
        250.0,
        0.034,
        90e6,
        sector="CONSUMER CYCLICAL",
    ),
    DemoAsset(
        "IBM",
        "International Business Machines",
        Category.STOCK,
        "XNYS",
        "USD",
        "US",
        230.0,
        0.013,
        4e6,
        sector="TECHNOLOGY",
    ),
    DemoAsset(
        "GOOGL",
        "Alphabet Inc. Class A",
        Category.STOCK,
        "XNYS",
        "USD",
        "US",
        170.0,
        0.018,
        25e6,
        sector="COMMUNICATION SERVICES",
    ),
    DemoAsset(
        "005930",
        "Samsung Electronics",
        Category.STOCK,
        "XKRX",
        "KRW",
        "KR",
        60000.0,
        0.017,
        15e6,
        "삼성전자",
        "005930",
        "TECHNOLOGY",
    ),
    DemoAsset(
        "000660",
        "SK hynix",
        Category.STOCK,
        "XKRX",
        "KRW",
        "KR",
        190000.0,
        0.026,
        3e6,
        "SK하이닉스",
        "000660",
        "TECHNOLOGY",
    ),
    DemoAsset(
        "035720",
        "Kakao",
        Category.STOCK,
        "XKRX",
        "KRW",
        "KR",
        40000.0,
        0.022,
        1.5e6,
        "카카오",
        "035720",
        "COMMUNICATION SERVICES",
    ),
    DemoAsset(
        "035420",
        "NAVER",
        Category.STOCK,
        "XKRX",
        "KRW",
        "KR",
        190000.0,
        0.020,
        0.6e6,
        "네이버",
        "035420",
        "COMMUNICATION SERVICES",
    ),
    DemoAsset(
        "SPY", "SPDR S&P 500 ETF Trust", Category.ETF, "XNYS", "USD", "US", 560.0, 0.010, 60e6
    ),
    DemoAsset("QQQ", "Invesco QQQ Trust", Category.ETF, "XNYS", "USD", "US", 480.0, 0.013, 40e6),
    DemoAsset(
        "069500",
        "KODEX 200",
        Category.ETF,
        "XKRX",
        "KRW",
        "KR",
        35000.0,
        0.011,
        5e6,
        "KODEX 200",
        "069500",
    ),
    DemoAsset(
        "KS11", "KOSPI", Category.INDEX, "XKRX", "KRW", "KR", 2600.0, 0.010, 450e6, "코스피", "KS11"
    ),
    DemoAsset(
        "KQ11", "KOSDAQ", Category.INDEX, "XKRX", "KRW", "KR", 780.0, 0.013, 900e6, "코스닥", "KQ11"
    ),
    DemoAsset(
        "US500",
        "S&P 500",
        Category.INDEX,
        "XNYS",
        "USD",
        "US",
        5600.0,
        0.010,
        2.5e9,
        fdr_symbol="US500",
    ),
    DemoAsset(
        "BTC-KRW",
        "Bitcoin / Korean won",
        Category.CRYPTO,
        "24/7",
        "KRW",
        "GLOBAL",
        90_000_000.0,
        0.030,
        3500.0,
        "비트코인",
        "BTC/KRW",
    ),
    DemoAsset(
        "ETH-KRW",
        "Ethereum / Korean won",
        Category.CRYPTO,
        "24/7",
        "KRW",
        "GLOBAL",
        4_000_000.0,
        0.036,
        40000.0,
        "이더리움",
        "ETH/KRW",
    ),
    DemoAsset(
        "GC=F",
        "Gold futures",
        Category.COMMODITY,
        "XNYS",
        "USD",
        "GLOBAL",
        2400.0,
        0.009,
        180000.0,
        fdr_symbol="GC=F",
    ),
    DemoAsset(
        "USD-KRW",
        "US dollar / Korean won",
        Category.FX,
        "24/5",
        "KRW",
        "GLOBAL",
        1350.0,
        0.004,
        0.0,
        "원/달러 환율",
        "USD/KRW",
    ),
)

DEMO_BY_SYMBOL = {asset.symbol: asset for asset in DEMO_UNIVERSE}
