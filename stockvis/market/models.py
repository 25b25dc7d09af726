"""Market data models: the asset master, daily and weekly bars, company profiles, statements."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils import timezone

from stockvis.core.symbols import normalize_symbol

SYNTHETIC_SOURCE = "synthetic"
SYMBOL_PATTERN = r"^[A-Z0-9][A-Z0-9.=\-]{0,23}$"


class Category(models.TextChoices):
    STOCK = "stock", "Stock"
    ETF = "etf", "ETF"
    INDEX = "index", "Index"
    CRYPTO = "crypto", "Crypto"
    COMMODITY = "commodity", "Commodity"
    FX = "fx", "FX"


class Market(models.TextChoices):
    US = "US", "United States"
    KR = "KR", "Korea"
    GLOBAL = "GLOBAL", "Global"


class AssetQuerySet(models.QuerySet["Asset"]):
    def by_symbol(self, raw: str) -> Asset:
        """The asset for a symbol in any spelling (``aapl``, ``btc/krw``); raises DoesNotExist."""
        return self.get(symbol=normalize_symbol(raw))


class Asset(models.Model):
    """One tradable thing. ``symbol`` is canonical; providers may spell it differently."""

    symbol = models.CharField(max_length=24, unique=True)
    name = models.CharField(max_length=200)
    name_local = models.CharField(
        max_length=200, blank=True, help_text="Name in the home market's language."
    )
    category = models.CharField(max_length=16, choices=Category.choices)
    market = models.CharField(max_length=8, choices=Market.choices, default=Market.US)
    exchange = models.CharField(
        max_length=16, help_text="Calendar code: XNYS, XKRX, 24/7 (crypto), 24/5 (FX)."
    )
    currency = models.CharField(max_length=3)
    provider_symbols = models.JSONField(
        default=dict, blank=True, help_text='e.g. {"fdr": "BTC/KRW"}'
    )
    preferred_source = models.CharField(max_length=32, default=SYNTHETIC_SOURCE)
    listing_date = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: ClassVar[AssetQuerySet] = AssetQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        ordering = ("symbol",)
        constraints = (
            models.CheckConstraint(
                condition=Q(symbol__regex=SYMBOL_PATTERN), name="asset_symbol_canonical"
            ),
        )

    def __str__(self) -> str:
        return f"{self.symbol} ({self.name})"

    def save(self, *args: object, **kwargs: object) -> None:
        self.symbol = normalize_symbol(self.symbol)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_synthetic(self) -> bool:
        return self.preferred_source == SYNTHETIC_SOURCE

    def provider_symbol(self, provider: str) -> str:
        return str(self.provider_symbols.get(provider) or self.symbol)


class PriceBarBase(models.Model):
    # No index of its own: the unique (asset, source, date) index leads with asset and serves
    # every lookup by asset; a second index on asset alone only slowed every insert down.
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, db_index=False)
    date = models.DateField()
    source = models.CharField(max_length=32)
    open = models.FloatField()
    high = models.FloatField()
    low = models.FloatField()
    close = models.FloatField()
    volume = models.FloatField()
    ingested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.asset_id} {self.date} {self.close}"


# The unique index is the only one and every read of bars goes through it: one asset's bars of
# one source between two dates are one range of it, already in date order. On PostgreSQL it also
# carries the prices (INCLUDE, migration 0006), so a chart is an index-only scan however the rows
# of an asset are spread over the table.
class DailyPrice(PriceBarBase):
    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("asset", "source", "date"), name="daily_price_unique"),
        )
        default_related_name = "daily_prices"


class WeeklyPrice(PriceBarBase):
    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("asset", "source", "date"), name="weekly_price_unique"),
        )
        default_related_name = "weekly_prices"


class CompanyProfile(models.Model):
    """The provider's company overview, one per asset, as typed columns (missing is null)."""

    asset = models.OneToOneField(Asset, on_delete=models.CASCADE, related_name="profile")
    source = models.CharField(max_length=32)
    ingested_at = models.DateTimeField(default=timezone.now)
    name = models.CharField(max_length=255, blank=True)
    asset_type = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    cik = models.CharField(max_length=255, blank=True)
    exchange = models.CharField(max_length=255, blank=True)
    currency = models.CharField(max_length=255, blank=True)
    country = models.CharField(max_length=255, blank=True)
    sector = models.CharField(max_length=255, blank=True)
    industry = models.CharField(max_length=255, blank=True)
    address = models.TextField(blank=True)
    official_site = models.CharField(max_length=255, blank=True)
    fiscal_year_end = models.CharField(max_length=255, blank=True)
    latest_quarter = models.DateField(null=True, blank=True)
    market_capitalization = models.BigIntegerField(null=True, blank=True)
    ebitda = models.BigIntegerField(null=True, blank=True)
    pe_ratio = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    peg_ratio = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    book_value = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    dividend_per_share = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    dividend_yield = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    eps = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    revenue_per_share_ttm = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    profit_margin = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    operating_margin_ttm = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    return_on_assets_ttm = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    return_on_equity_ttm = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    revenue_ttm = models.BigIntegerField(null=True, blank=True)
    gross_profit_ttm = models.BigIntegerField(null=True, blank=True)
    diluted_eps_ttm = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    quarterly_earnings_growth_yoy = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    quarterly_revenue_growth_yoy = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    analyst_target_price = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    analyst_rating_strong_buy = models.BigIntegerField(null=True, blank=True)
    analyst_rating_buy = models.BigIntegerField(null=True, blank=True)
    analyst_rating_hold = models.BigIntegerField(null=True, blank=True)
    analyst_rating_sell = models.BigIntegerField(null=True, blank=True)
    analyst_rating_strong_sell = models.BigIntegerField(null=True, blank=True)
    trailing_pe = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    forward_pe = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    price_to_sales_ratio_ttm = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    price_to_book_ratio = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    ev_to_revenue = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    ev_to_ebitda = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    beta = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    week_52_high = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    week_52_low = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    moving_average_50_day = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    moving_average_200_day = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    shares_outstanding = models.BigIntegerField(null=True, blank=True)
    shares_float = models.BigIntegerField(null=True, blank=True)
    percent_insiders = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    percent_institutions = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    full_time_employees = models.BigIntegerField(null=True, blank=True)
    forward_annual_dividend_rate = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    forward_annual_dividend_yield = models.DecimalField(
        max_digits=24, decimal_places=6, null=True, blank=True
    )
    payout_ratio = models.DecimalField(max_digits=24, decimal_places=6, null=True, blank=True)
    last_split_factor = models.CharField(max_length=255, blank=True)
    last_split_date = models.DateField(null=True, blank=True)
    dividend_date = models.DateField(null=True, blank=True)
    ex_dividend_date = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"profile of {self.asset_id}"


class PeriodType(models.TextChoices):
    ANNUAL = "annual", "Annual"
    QUARTERLY = "quarterly", "Quarterly"


class StatementBase(models.Model):
    """One reported period. Line items are the provider's fields as nullable integer columns."""

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE)
    period_type = models.CharField(max_length=10, choices=PeriodType.choices)
    fiscal_date_ending = models.DateField()
    fiscal_year = models.PositiveSmallIntegerField()
    fiscal_quarter = models.PositiveSmallIntegerField(null=True, blank=True)
    reported_currency = models.CharField(max_length=3, blank=True)
    source = models.CharField(max_length=32)
    ingested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.asset_id} {self.period_type} {self.fiscal_date_ending}"


class BalanceSheet(StatementBase):
    total_assets = models.BigIntegerField(null=True, blank=True)
    total_current_assets = models.BigIntegerField(null=True, blank=True)
    cash_and_cash_equivalents_at_carrying_value = models.BigIntegerField(null=True, blank=True)
    cash_and_short_term_investments = models.BigIntegerField(null=True, blank=True)
    inventory = models.BigIntegerField(null=True, blank=True)
    current_net_receivables = models.BigIntegerField(null=True, blank=True)
    total_non_current_assets = models.BigIntegerField(null=True, blank=True)
    property_plant_equipment = models.BigIntegerField(null=True, blank=True)
    accumulated_depreciation_amortization_ppe = models.BigIntegerField(null=True, blank=True)
    intangible_assets = models.BigIntegerField(null=True, blank=True)
    intangible_assets_excluding_goodwill = models.BigIntegerField(null=True, blank=True)
    goodwill = models.BigIntegerField(null=True, blank=True)
    investments = models.BigIntegerField(null=True, blank=True)
    long_term_investments = models.BigIntegerField(null=True, blank=True)
    short_term_investments = models.BigIntegerField(null=True, blank=True)
    other_current_assets = models.BigIntegerField(null=True, blank=True)
    other_non_current_assets = models.BigIntegerField(null=True, blank=True)
    total_liabilities = models.BigIntegerField(null=True, blank=True)
    total_current_liabilities = models.BigIntegerField(null=True, blank=True)
    current_accounts_payable = models.BigIntegerField(null=True, blank=True)
    deferred_revenue = models.BigIntegerField(null=True, blank=True)
    current_debt = models.BigIntegerField(null=True, blank=True)
    short_term_debt = models.BigIntegerField(null=True, blank=True)
    total_non_current_liabilities = models.BigIntegerField(null=True, blank=True)
    capital_lease_obligations = models.BigIntegerField(null=True, blank=True)
    long_term_debt = models.BigIntegerField(null=True, blank=True)
    current_long_term_debt = models.BigIntegerField(null=True, blank=True)
    long_term_debt_noncurrent = models.BigIntegerField(null=True, blank=True)
    short_long_term_debt_total = models.BigIntegerField(null=True, blank=True)
    other_current_liabilities = models.BigIntegerField(null=True, blank=True)
    other_non_current_liabilities = models.BigIntegerField(null=True, blank=True)
    total_shareholder_equity = models.BigIntegerField(null=True, blank=True)
    treasury_stock = models.BigIntegerField(null=True, blank=True)
    retained_earnings = models.BigIntegerField(null=True, blank=True)
    common_stock = models.BigIntegerField(null=True, blank=True)
    common_stock_shares_outstanding = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("asset", "period_type", "fiscal_date_ending"), name="balance_sheet_unique"
            ),
        )
        ordering = ("-fiscal_date_ending",)
        default_related_name = "balance_sheets"


class IncomeStatement(StatementBase):
    gross_profit = models.BigIntegerField(null=True, blank=True)
    total_revenue = models.BigIntegerField(null=True, blank=True)
    cost_of_revenue = models.BigIntegerField(null=True, blank=True)
    costof_goods_and_services_sold = models.BigIntegerField(null=True, blank=True)
    operating_income = models.BigIntegerField(null=True, blank=True)
    selling_general_and_administrative = models.BigIntegerField(null=True, blank=True)
    research_and_development = models.BigIntegerField(null=True, blank=True)
    operating_expenses = models.BigIntegerField(null=True, blank=True)
    investment_income_net = models.BigIntegerField(null=True, blank=True)
    net_interest_income = models.BigIntegerField(null=True, blank=True)
    interest_income = models.BigIntegerField(null=True, blank=True)
    interest_expense = models.BigIntegerField(null=True, blank=True)
    non_interest_income = models.BigIntegerField(null=True, blank=True)
    other_non_operating_income = models.BigIntegerField(null=True, blank=True)
    depreciation = models.BigIntegerField(null=True, blank=True)
    depreciation_and_amortization = models.BigIntegerField(null=True, blank=True)
    income_before_tax = models.BigIntegerField(null=True, blank=True)
    income_tax_expense = models.BigIntegerField(null=True, blank=True)
    interest_and_debt_expense = models.BigIntegerField(null=True, blank=True)
    net_income_from_continuing_operations = models.BigIntegerField(null=True, blank=True)
    comprehensive_income_net_of_tax = models.BigIntegerField(null=True, blank=True)
    ebit = models.BigIntegerField(null=True, blank=True)
    ebitda = models.BigIntegerField(null=True, blank=True)
    net_income = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("asset", "period_type", "fiscal_date_ending"),
                name="income_statement_unique",
            ),
        )
        ordering = ("-fiscal_date_ending",)
        default_related_name = "income_statements"


class CashFlowStatement(StatementBase):
    operating_cashflow = models.BigIntegerField(null=True, blank=True)
    payments_for_operating_activities = models.BigIntegerField(null=True, blank=True)
    proceeds_from_operating_activities = models.BigIntegerField(null=True, blank=True)
    change_in_operating_liabilities = models.BigIntegerField(null=True, blank=True)
    change_in_operating_assets = models.BigIntegerField(null=True, blank=True)
    depreciation_depletion_and_amortization = models.BigIntegerField(null=True, blank=True)
    capital_expenditures = models.BigIntegerField(null=True, blank=True)
    change_in_receivables = models.BigIntegerField(null=True, blank=True)
    change_in_inventory = models.BigIntegerField(null=True, blank=True)
    profit_loss = models.BigIntegerField(null=True, blank=True)
    cashflow_from_investment = models.BigIntegerField(null=True, blank=True)
    cashflow_from_financing = models.BigIntegerField(null=True, blank=True)
    proceeds_from_repayments_of_short_term_debt = models.BigIntegerField(null=True, blank=True)
    payments_for_repurchase_of_common_stock = models.BigIntegerField(null=True, blank=True)
    payments_for_repurchase_of_equity = models.BigIntegerField(null=True, blank=True)
    payments_for_repurchase_of_preferred_stock = models.BigIntegerField(null=True, blank=True)
    dividend_payout = models.BigIntegerField(null=True, blank=True)
    dividend_payout_common_stock = models.BigIntegerField(null=True, blank=True)
    dividend_payout_preferred_stock = models.BigIntegerField(null=True, blank=True)
    proceeds_from_issuance_of_common_stock = models.BigIntegerField(null=True, blank=True)
    # PostgreSQL caps identifiers at 63 characters; the field keeps Alpha Vantage's long name.
    proceeds_from_issuance_of_long_term_debt_and_capital_securities_net = models.BigIntegerField(
        null=True,
        blank=True,
        db_column="proceeds_from_issuance_of_lt_debt_and_capital_securities_net",
    )
    proceeds_from_issuance_of_preferred_stock = models.BigIntegerField(null=True, blank=True)
    proceeds_from_repurchase_of_equity = models.BigIntegerField(null=True, blank=True)
    proceeds_from_sale_of_treasury_stock = models.BigIntegerField(null=True, blank=True)
    stock_based_compensation = models.BigIntegerField(null=True, blank=True)
    change_in_cash_and_cash_equivalents = models.BigIntegerField(null=True, blank=True)
    change_in_exchange_rate = models.BigIntegerField(null=True, blank=True)
    net_income = models.BigIntegerField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(
                fields=("asset", "period_type", "fiscal_date_ending"), name="cash_flow_unique"
            ),
        )
        ordering = ("-fiscal_date_ending",)
        default_related_name = "cash_flows"


STATEMENT_MODELS: dict[str, type[StatementBase]] = {
    "balance_sheet": BalanceSheet,
    "income_statement": IncomeStatement,
    "cash_flow": CashFlowStatement,
}


class CorporateActionKind(models.TextChoices):
    SPLIT = "split", "Split"
    DIVIDEND = "dividend", "Cash dividend"


class CorporateAction(models.Model):
    """A split or cash dividend of an asset as one source reports it.

    Bars are stored as collected (unadjusted where the provider sends them so); adjusted series
    are computed from these rows when read (``stockvis.market.corporate_actions``).
    """

    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="corporate_actions")
    ex_date = models.DateField(
        help_text="First session without the dividend, or on the new shares."
    )
    kind = models.CharField(max_length=16, choices=CorporateActionKind.choices)
    ratio = models.DecimalField(
        max_digits=24,
        decimal_places=10,
        null=True,
        blank=True,
        help_text="Split: new shares per old share (2 for 2-for-1, 0.1 for 1-for-10).",
    )
    amount = models.DecimalField(
        max_digits=24,
        decimal_places=10,
        null=True,
        blank=True,
        help_text="Dividend: cash per share, in the asset's currency.",
    )
    source = models.CharField(max_length=32)
    in_prices = models.BooleanField(
        default=False,
        help_text="The same source's bars already reflect it (Yahoo's split-adjusted OHLC).",
    )
    ingested_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("asset", "ex_date", "kind")
        constraints = (
            models.UniqueConstraint(
                fields=("asset", "ex_date", "kind", "source"), name="corporate_action_unique"
            ),
            models.CheckConstraint(
                condition=(Q(kind="split", ratio__gt=0, amount__isnull=True))
                | Q(kind="dividend", amount__gt=0, ratio__isnull=True),
                name="corporate_action_value_matches_kind",
            ),
        )

    def __str__(self) -> str:
        value = self.ratio if self.kind == CorporateActionKind.SPLIT else self.amount
        return f"{self.asset_id} {self.ex_date} {self.kind} {value}"
