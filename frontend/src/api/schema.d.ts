// Generated from /api/schema/ by `make ui-schema`. Do not edit by hand.

export interface paths {
    "/api/v1/analysis/models/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The model registry
         * @description Every trained model version (newest first per asset, type and horizon) with its status (`active` ones are served), its metrics and its baseline's. Filter with `symbol`, `model_type`, `status`; at most 500 rows.
         */
        get: operations["analysis_models"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analysis/models/{model_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model version with its full backtest report */
        get: operations["analysis_model"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analysis/predict/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Price, trend or risk prediction of a symbol, backtested against baselines
         * @description A prediction for `symbol` over `horizon` trading sessions. A model is served only when it beat its best baseline out of sample in an expanding-window walk-forward (purged and embargoed by the horizon) with a significant one-sided Diebold–Mariano test; otherwise the baseline's forecast is served and `served.message` says that no model beat it. `backtest` shows the served model's walk-forward metrics beside the baseline's. Intervals are split-conformal (80 % and 95 %). Every served prediction is stored and later compared with what happened. Cached until the symbol's next bar. 422 when the history is too short (the message says how many bars are needed).
         */
        get: operations["analysis_predict"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analysis/screener/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Screen every asset on its latest indicators and signals
         * @description Filters the whole universe on each asset's latest snapshot (last closed daily bar): indicator values, individual signal directions and the composite label. Snapshots are refreshed when bars are ingested, never per request, so this is a count and one page read along an index. An asset that has never been snapshotted is computed on first sight (at most 50 per request; `meta.missing_snapshots` counts the rest).
         */
        get: operations["analysis_screener"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collector/freshness/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The health check table, computed now: each active asset's newest bar against the session
         *     its exchange calendar expects (what `stockvis healthcheck` prints, without recording a run).
         */
        get: operations["v1_collector_freshness_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collector/jobs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Collection job runs, newest first; one run carries its per-asset results. */
        get: operations["v1_collector_jobs_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collector/jobs/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Collection job runs, newest first; one run carries its per-asset results. */
        get: operations["v1_collector_jobs_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collector/quality-flags/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Data-quality flags (date gaps, spikes, OHLC), newest date first. */
        get: operations["v1_collector_quality_flags_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/balance-sheet/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Balance sheets
         * @description The newest `limit` balance sheets reports, newest first; every line item is an integer or null. Assets without statements answer with an empty list. Cached 3600 s.
         */
        get: operations["stocks_balance_sheet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/cashflow/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cash flow statements
         * @description The newest `limit` cash flow statements reports, newest first; every line item is an integer or null. Assets without statements answer with an empty list. Cached 3600 s.
         */
        get: operations["stocks_cash_flow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/chart/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Price bars for a chart
         * @description Daily or weekly bars, oldest first, in the shape lightweight-charts takes (`time`, `open`, `high`, `low`, `close`, `volume`), with the asset and source. The source is the asset's preferred real one, else another real one, else synthetic demo data (real data is never hidden behind demo data); `source=` picks one (400 for a name that is no source; a source without bars answers no bars). Bars of the `synthetic` provider are demo data: `synthetic` is true and `notice` says so. `adjusted=true` back-adjusts them for the asset's known splits and dividends. Cached 60 s; an ingest of the symbol invalidates it at once.
         */
        get: operations["stocks_chart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/income-statement/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Income statements
         * @description The newest `limit` income statements reports, newest first; every line item is an integer or null. Assets without statements answer with an empty list. Cached 3600 s.
         */
        get: operations["stocks_income_statement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/indicators/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Technical indicators and trading signals of a symbol
         * @description RSI, MACD, Bollinger Bands, SMA, EMA, Stochastic, OBV and ATR (TA-Lib) over the symbol's stored bars, aligned to `dates`; null while an indicator warms up. The history before the window is used as warm-up, so the first shown values are filled whenever enough history is stored. Also each indicator's signal (with a one-sentence reason), the weighted composite signal and the crossovers inside the window. Signals read closed bars only: a bar whose session has not ended is shown but not read. Synthetic demo data is marked `meta.synthetic` with a notice. Cached for 60 s; an ingest of the symbol refreshes it at once.
         */
        get: operations["stock_indicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/overview/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Company profile and latest price
         * @description The asset, its latest stored close with the change against the close before it, and the company profile (numbers as numbers, missing values as null). Assets without a profile (ETFs, indices, crypto, FX, or stocks not collected yet) answer with `profile: null`, not 404. Cached 600 s.
         */
        get: operations["stocks_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/provenance/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a symbol's data came from
         * @description Per source: daily bars stored, their first and last date and the last ingest; freshness against the exchange calendar; the data-quality flags (gaps, spikes, OHLC errors). Never cached.
         */
        get: operations["v1_stocks_api_provenance_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/search/popular/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Popular assets
         * @description Local assets ranked by portfolios holding them, then by chart and overview views this week, then a default list of well-known symbols (what a fresh install shows). Only assets in the local master are listed.
         */
        get: operations["stocks_search_popular"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/search/symbols/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search symbols
         * @description Assets in the local master whose symbol equals or starts with `keywords`, or whose English or Korean name contains it, ranked exact symbol > symbol prefix > name. When fewer than `limit` are found and a real provider with a symbol search is configured, its matches follow with `collected: false` (cached a day; a provider failure leaves the local results and says why in `provider`).
         */
        get: operations["stocks_search_symbols"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stocks/api/search/validate/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Is this a symbol we know or can collect?
         * @description Says whether the spelling can be a symbol, whether the local asset master has it, and (when it does not and a real provider is configured) whether the provider's symbol search finds it exactly. Always 200 except when throttled.
         */
        get: operations["stocks_search_validate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/alerts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your price alerts */
        get: operations["v1_users_alerts_list"];
        put?: never;
        /**
         * Create a price alert
         * @description Kinds: `price_above`/`price_below` (last close vs threshold), `change_up`/`change_down` (daily change % at or beyond ±threshold), `rsi_above`/`rsi_below` (RSI of `rsi_period` daily closes vs a level 0-100). Evaluated at once on the stored prices (a condition that already holds fires now) and then whenever new prices are stored. Edge-triggered: it fires once when its condition turns true (an in-app notification, a WebSocket push on /ws/portfolio/ and your Discord webhook if set), and re-arms when the condition is false again.
         */
        post: operations["v1_users_alerts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/alerts/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One price alert */
        get: operations["v1_users_alerts_retrieve"];
        /** Edit an alert */
        put: operations["v1_users_alerts_update"];
        post?: never;
        /** Delete an alert */
        delete: operations["v1_users_alerts_destroy"];
        options?: never;
        head?: never;
        /** Edit, pause or resume an alert (a changed condition re-arms it) */
        patch: operations["v1_users_alerts_partial_update"];
        trace?: never;
    };
    "/api/v1/users/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Username and password for an access token (send it as `Authorization: Bearer <access>`) and a refresh token. Throttled with registration (scope `auth`).
         */
        post: operations["v1_users_login_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description Blacklists the refresh token; it can no longer be refreshed.
         */
        post: operations["v1_users_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile */
        get: operations["v1_users_me_retrieve"];
        /** Replace your profile */
        put: operations["v1_users_me_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit your profile
         * @description Display name, email, base currency (KRW or USD; new portfolios default to it), time zone (IANA name) and an optional Discord webhook for price alerts.
         */
        patch: operations["v1_users_me_partial_update"];
        trace?: never;
    };
    "/api/v1/users/me/password/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Needs the current password; the new one goes through Django's validators. Every refresh token issued before is blacklisted.
         */
        post: operations["v1_users_me_password_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/notifications/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first */
        get: operations["v1_users_notifications_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/notifications/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notification */
        get: operations["v1_users_notifications_retrieve"];
        put?: never;
        post?: never;
        /** Delete a notification */
        delete: operations["v1_users_notifications_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/notifications/{id}/read/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: operations["v1_users_notifications_read_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/notifications/read-all/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["v1_users_notifications_read_all_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolio/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your holdings */
        get: operations["v1_users_portfolio_list"];
        put?: never;
        /**
         * Add a holding
         * @description Adds a symbol to a holdings-mode portfolio (your default one unless `portfolio` is given). A symbol with no data yet answers 201 at once and its collection starts in the background once the request commits; `/api/v1/users/portfolio/symbol/<symbol>/status/` shows its progress. A malformed or unknown symbol is a 400.
         */
        post: operations["v1_users_portfolio_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolio/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One holding */
        get: operations["v1_users_portfolio_retrieve"];
        /** Edit a holding */
        put: operations["v1_users_portfolio_update"];
        post?: never;
        /** Remove a holding */
        delete: operations["v1_users_portfolio_destroy"];
        options?: never;
        head?: never;
        /** Edit a holding */
        patch: operations["v1_users_portfolio_partial_update"];
        trace?: never;
    };
    "/api/v1/users/portfolio/symbol/{symbol}/status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What has been collected for a symbol
         * @description Row counts of everything stored for the symbol. An unknown (well-formed) symbol answers 200 with `stock_exists: false` and zero counts, so the UI can poll while collection registers it. `is_complete`: daily and weekly bars, plus a profile and statements for stocks. `resolved`: a provider has described the asset (a symbol a user added offline stays unresolved until one does); `problem`: why its latest collection failed, or why it is unresolved. Bar counts are those of `source`, the source charts and figures are served from (real data before synthetic demo data); `bars_by_source` counts the bars of every stored source. Never cached.
         */
        get: operations["users_portfolio_symbol_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolios/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your portfolios */
        get: operations["v1_users_portfolios_list"];
        put?: never;
        /**
         * Create a portfolio
         * @description Mode `holdings`: enter holdings directly. Mode `ledger`: record transactions and holdings follow. Base currency defaults to your profile's.
         */
        post: operations["v1_users_portfolios_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolios/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your portfolios */
        get: operations["v1_users_portfolios_retrieve"];
        /** Replace a portfolio's settings */
        put: operations["v1_users_portfolios_update"];
        post?: never;
        /** Delete a portfolio with its holdings and transactions */
        delete: operations["v1_users_portfolios_destroy"];
        options?: never;
        head?: never;
        /** Rename, change base currency, make default, or change mode while empty */
        patch: operations["v1_users_portfolios_partial_update"];
        trace?: never;
    };
    "/api/v1/users/portfolios/{id}/allocation/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Allocation by asset, category, market and currency
         * @description Base-currency market value per bucket and its share, largest first; valued as in the valuation endpoint.
         */
        get: operations["v1_users_portfolios_allocation_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolios/{id}/history/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reconstructed daily history with simple and time-weighted return
         * @description Daily value history rebuilt from the ledger (a holdings-mode portfolio counts each holding as one
         *     buy at its average price on `acquired_on`) and the stored daily closes, in the base currency at
         *     each day's stored USD-KRW close (carried over days without one). One point per calendar day; a
         *     day without a bar uses the last close. `pnl` is unrealised (value − cost of what is held), the
         *     cost in the base currency at the rates of the buys' dates, as in the valuation.
         *
         *     Flows: a buy brings in `quantity × price + fee`, a sell takes out `quantity × price − fee`, a
         *     dividend takes out `amount − fee`, a fee brings in `fee`; `CF_t` is the day's net flow.
         *
         *     **Simple return** = `(V_end − V_start − Σ CF) / (V_start + Σ max(CF, 0)) × 100`, the sums over
         *     the days after the first.
         *
         *     **Time-weighted return**, flows at the close of their day:
         *     `r_t = (V_t − CF_t) / V_{t−1} − 1` when `V_{t−1} > 0`; `r_t = V_t / CF_t − 1` when
         *     `V_{t−1} = 0` and `CF_t > 0`; else `r_t = 0`.
         *     `TWR = ((1 + r_1) × … × (1 + r_n) − 1) × 100`. It is independent of when and how much money was
         *     added, so it measures the investments, while the simple return measures the investor's gain.
         *     Percentages are rounded half-up to 2 decimals; money to the currency's minor unit.
         *
         *     Dates run from 1900-01-01 to today; at most 7,320 days (20 years) are answered, ending at `end`
         *     (a longer explicit `start`–`end` range is a 400).
         */
        get: operations["v1_users_portfolios_history_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolios/{id}/snapshots/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stored snapshots of the portfolio's value
         * @description Taken every 5 minutes while a market the portfolio holds is open and once after each close; oldest first, at most 5,000.
         */
        get: operations["v1_users_portfolios_snapshots_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolios/{id}/valuation/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Portfolio valuation
         * @description Per holding and in total: market value, cost, unrealised P&L and %, realised P&L and %, dividends,
         *     day change and %, and weight, in the asset's currency (`local`) and the portfolio's base currency
         *     (`base`). Prices are the last stored close on or before the valuation date (`?date=`, default
         *     today in your time zone); base-currency market values use the stored USD-KRW close of that date,
         *     or of the last day before it with one (`fx`), while costs, realised P&L and dividends use the
         *     close of each transaction's date (a holdings-mode holding: its `acquired_on`), i.e. what was
         *     really paid. Realised P&L % is realised P&L over the cost of what was sold (average cost).
         *     Holdings without prices yet (collection still running) are listed in `unpriced` and left out of
         *     the totals. Money is rounded half-up to the currency's minor unit (USD 2 decimals, KRW 0),
         *     percentages to 2 decimals; `synthetic: true` marks demo data. A transaction older than every
         *     stored USD-KRW close is converted at the first one, and `fx.estimated_before` names its date
         *     (null when every rate is stored). 409 when the stored data cannot value the portfolio (no
         *     exchange rate yet).
         *
         *     Base-currency figures use what was really paid: with q units, last close P1 on the valuation day d1, previous close P0 on d0, and R(d) the base-currency price of one unit of the asset's currency at the close of d (carried forward over days without a rate): market value = q x P1 x R(d1); cost = sum of each lot still held x R(its transaction's date) (a directly entered holding is one buy on its acquisition date); unrealised P&L = market value - cost = price effect + currency effect, with price effect = (q x P1 - asset-currency cost) x R(d1) and currency effect = asset-currency cost x R(d1) - cost; realised P&L = each sale's proceeds x R(sale date) - the base cost it released, less each fee x R(its date); dividends at their date's rate; day change = q x P1 x R(d1) - q x P0 x R(d0), the change of the base-currency value. In the asset's own currency R is 1 and the currency effect 0.
         */
        get: operations["v1_users_portfolios_valuation_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/portfolios/{portfolio_id}/risk/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Portfolio VaR and expected shortfall with each holding's contribution
         * @description 1-day VaR and ES at 95 % and 99 % of today's positions in the portfolio's base currency (parametric with correlations and FX, and historical simulation), each holding's Euler contribution, and each holding's trend (20 sessions) and risk label. Yours only: another user's portfolio is a 404.
         */
        get: operations["portfolio_risk"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/register/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register
         * @description Creates the account and a default portfolio in its base currency, and answers with a JWT pair so the client is signed in at once. Passwords go through Django's validators. Throttled with login (scope `auth`).
         */
        post: operations["v1_users_register_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/token/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refresh the tokens
         * @description A refresh token for a new access and refresh token; the refresh token sent is blacklisted (rotation), so each can be used once.
         */
        post: operations["v1_users_token_refresh_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/transactions/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your transactions, oldest first */
        get: operations["v1_users_transactions_list"];
        put?: never;
        /**
         * Record a buy, sell, dividend or fee
         * @description Only in ledger-mode portfolios; holdings and realised P&L follow from the transactions (average cost). A sale of more than is held is a 400. A dividend's amount is `quantity × price`; a fee carries its amount in `fee` with quantity and price 0.
         */
        post: operations["v1_users_transactions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/transactions/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transaction */
        get: operations["v1_users_transactions_retrieve"];
        /** Correct a transaction */
        put: operations["v1_users_transactions_update"];
        post?: never;
        /** Delete a transaction */
        delete: operations["v1_users_transactions_destroy"];
        options?: never;
        head?: never;
        /** Correct a transaction */
        patch: operations["v1_users_transactions_partial_update"];
        trace?: never;
    };
    "/api/v1/users/watchlists/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your watchlists with the latest price and change of each symbol */
        get: operations["v1_users_watchlists_list"];
        put?: never;
        /** Create a watchlist */
        post: operations["v1_users_watchlists_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/watchlists/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One watchlist with latest prices */
        get: operations["v1_users_watchlists_retrieve"];
        /** Rename a watchlist */
        put: operations["v1_users_watchlists_update"];
        post?: never;
        /** Delete a watchlist */
        delete: operations["v1_users_watchlists_destroy"];
        options?: never;
        head?: never;
        /** Rename a watchlist */
        patch: operations["v1_users_watchlists_partial_update"];
        trace?: never;
    };
    "/api/v1/users/watchlists/{id}/items/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a symbol to a watchlist
         * @description A symbol with no data yet is added at once and collected in the background; adding a symbol twice is harmless. Malformed or unknown symbols are a 400.
         */
        post: operations["v1_users_watchlists_items_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/watchlists/{id}/items/{symbol}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a symbol from a watchlist */
        delete: operations["v1_users_watchlists_items_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/web/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Browser sign-out
         * @description Blacklists the refresh token in the cookie and clears the cookie.
         */
        post: operations["v1_users_web_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/web/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Browser sign-in: rotate the refresh cookie
         * @description Rotates the refresh token held in the HttpOnly cookie (or the one in the body, right after login or registration), sets the new one as the cookie and answers with a fresh access token; `access` is null when there is no cookie. A revoked or expired token answers 401 and clears the cookie. Needs the `X-Requested-With` header.
         */
        post: operations["v1_users_web_refresh_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description * `price_above` - Price at or above
         *     * `price_below` - Price at or below
         *     * `change_up` - Daily change at or above +threshold %
         *     * `change_down` - Daily change at or below −threshold %
         *     * `rsi_above` - RSI at or above
         *     * `rsi_below` - RSI at or below
         * @enum {string}
         */
        AlertKindEnum: "price_above" | "price_below" | "change_up" | "change_down" | "rsi_above" | "rsi_below";
        Allocation: {
            /** Format: date */
            as_of: string;
            base_currency: string;
            by_asset: components["schemas"]["Slice"][];
            by_category: components["schemas"]["Slice"][];
            by_currency: components["schemas"]["Slice"][];
            by_market: components["schemas"]["Slice"][];
            /** @description Says the figures come from demo data when `synthetic`. */
            notice: string | null;
            portfolio: components["schemas"]["PortfolioRef"];
            synthetic: boolean;
            unpriced: string[];
        };
        AssetSummary: {
            category: components["schemas"]["CategoryEnum"];
            currency: string;
            /** @description Calendar code: XNYS, XKRX, 24/7 (crypto), 24/5 (FX). */
            exchange: string;
            market: components["schemas"]["MarketEnum"];
            name: string;
            /** @description Name in the home market's language. */
            name_local?: string;
            symbol: string;
        };
        /** @description Numbers as JSON numbers (decimal columns as floats, not strings) and missing as null. */
        BalanceSheet: {
            /** Format: int64 */
            accumulated_depreciation_amortization_ppe?: number | null;
            /** Format: int64 */
            capital_lease_obligations?: number | null;
            /** Format: int64 */
            cash_and_cash_equivalents_at_carrying_value?: number | null;
            /** Format: int64 */
            cash_and_short_term_investments?: number | null;
            /** Format: int64 */
            common_stock?: number | null;
            /** Format: int64 */
            common_stock_shares_outstanding?: number | null;
            /** Format: int64 */
            current_accounts_payable?: number | null;
            /** Format: int64 */
            current_debt?: number | null;
            /** Format: int64 */
            current_long_term_debt?: number | null;
            /** Format: int64 */
            current_net_receivables?: number | null;
            /** Format: int64 */
            deferred_revenue?: number | null;
            /** Format: date */
            fiscal_date_ending: string;
            /** Format: int64 */
            fiscal_quarter?: number | null;
            /** Format: int64 */
            fiscal_year: number;
            /** Format: int64 */
            goodwill?: number | null;
            /** Format: int64 */
            intangible_assets?: number | null;
            /** Format: int64 */
            intangible_assets_excluding_goodwill?: number | null;
            /** Format: int64 */
            inventory?: number | null;
            /** Format: int64 */
            investments?: number | null;
            /** Format: int64 */
            long_term_debt?: number | null;
            /** Format: int64 */
            long_term_debt_noncurrent?: number | null;
            /** Format: int64 */
            long_term_investments?: number | null;
            /** Format: int64 */
            other_current_assets?: number | null;
            /** Format: int64 */
            other_current_liabilities?: number | null;
            /** Format: int64 */
            other_non_current_assets?: number | null;
            /** Format: int64 */
            other_non_current_liabilities?: number | null;
            /** Format: int64 */
            property_plant_equipment?: number | null;
            reported_currency?: string | null;
            /** Format: int64 */
            retained_earnings?: number | null;
            /** Format: int64 */
            short_long_term_debt_total?: number | null;
            /** Format: int64 */
            short_term_debt?: number | null;
            /** Format: int64 */
            short_term_investments?: number | null;
            source: string | null;
            /** Format: int64 */
            total_assets?: number | null;
            /** Format: int64 */
            total_current_assets?: number | null;
            /** Format: int64 */
            total_current_liabilities?: number | null;
            /** Format: int64 */
            total_liabilities?: number | null;
            /** Format: int64 */
            total_non_current_assets?: number | null;
            /** Format: int64 */
            total_non_current_liabilities?: number | null;
            /** Format: int64 */
            total_shareholder_equity?: number | null;
            /** Format: int64 */
            treasury_stock?: number | null;
        };
        BalanceSheetResponse: {
            count: number;
            notice: string | null;
            period: components["schemas"]["StatementPeriodEnum"];
            /** @description Newest first. */
            reports: components["schemas"]["BalanceSheet"][];
            statement: components["schemas"]["BalanceSheetResponseStatementEnum"];
            symbol: string;
            /** @description True when any report shown is synthetic demo data. */
            synthetic: boolean;
        };
        /**
         * @description * `balance_sheet` - balance_sheet
         * @enum {string}
         */
        BalanceSheetResponseStatementEnum: "balance_sheet";
        BarsBySource: {
            /** @description {"csv": 5241} */
            daily: {
                [key: string]: number;
            };
            weekly: {
                [key: string]: number;
            };
        };
        /**
         * @description * `holdings` - holdings
         *     * `views` - views
         *     * `default` - default
         * @enum {string}
         */
        BasisEnum: "holdings" | "views" | "default";
        /** @description Numbers as JSON numbers (decimal columns as floats, not strings) and missing as null. */
        CashFlowStatement: {
            /** Format: int64 */
            capital_expenditures?: number | null;
            /** Format: int64 */
            cashflow_from_financing?: number | null;
            /** Format: int64 */
            cashflow_from_investment?: number | null;
            /** Format: int64 */
            change_in_cash_and_cash_equivalents?: number | null;
            /** Format: int64 */
            change_in_exchange_rate?: number | null;
            /** Format: int64 */
            change_in_inventory?: number | null;
            /** Format: int64 */
            change_in_operating_assets?: number | null;
            /** Format: int64 */
            change_in_operating_liabilities?: number | null;
            /** Format: int64 */
            change_in_receivables?: number | null;
            /** Format: int64 */
            depreciation_depletion_and_amortization?: number | null;
            /** Format: int64 */
            dividend_payout?: number | null;
            /** Format: int64 */
            dividend_payout_common_stock?: number | null;
            /** Format: int64 */
            dividend_payout_preferred_stock?: number | null;
            /** Format: date */
            fiscal_date_ending: string;
            /** Format: int64 */
            fiscal_quarter?: number | null;
            /** Format: int64 */
            fiscal_year: number;
            /** Format: int64 */
            net_income?: number | null;
            /** Format: int64 */
            operating_cashflow?: number | null;
            /** Format: int64 */
            payments_for_operating_activities?: number | null;
            /** Format: int64 */
            payments_for_repurchase_of_common_stock?: number | null;
            /** Format: int64 */
            payments_for_repurchase_of_equity?: number | null;
            /** Format: int64 */
            payments_for_repurchase_of_preferred_stock?: number | null;
            /** Format: int64 */
            proceeds_from_issuance_of_common_stock?: number | null;
            /** Format: int64 */
            proceeds_from_issuance_of_long_term_debt_and_capital_securities_net?: number | null;
            /** Format: int64 */
            proceeds_from_issuance_of_preferred_stock?: number | null;
            /** Format: int64 */
            proceeds_from_operating_activities?: number | null;
            /** Format: int64 */
            proceeds_from_repayments_of_short_term_debt?: number | null;
            /** Format: int64 */
            proceeds_from_repurchase_of_equity?: number | null;
            /** Format: int64 */
            proceeds_from_sale_of_treasury_stock?: number | null;
            /** Format: int64 */
            profit_loss?: number | null;
            reported_currency?: string | null;
            source: string | null;
            /** Format: int64 */
            stock_based_compensation?: number | null;
        };
        CashFlowStatementResponse: {
            count: number;
            notice: string | null;
            period: components["schemas"]["StatementPeriodEnum"];
            /** @description Newest first. */
            reports: components["schemas"]["CashFlowStatement"][];
            statement: components["schemas"]["CashFlowStatementResponseStatementEnum"];
            symbol: string;
            /** @description True when any report shown is synthetic demo data. */
            synthetic: boolean;
        };
        /**
         * @description * `cash_flow` - cash_flow
         * @enum {string}
         */
        CashFlowStatementResponseStatementEnum: "cash_flow";
        /**
         * @description * `stock` - Stock
         *     * `etf` - ETF
         *     * `index` - Index
         *     * `crypto` - Crypto
         *     * `commodity` - Commodity
         *     * `fx` - FX
         * @enum {string}
         */
        CategoryEnum: "stock" | "etf" | "index" | "crypto" | "commodity" | "fx";
        ChartBar: {
            /** Format: double */
            close: number;
            /** Format: double */
            high: number;
            /** Format: double */
            low: number;
            /** Format: double */
            open: number;
            /**
             * Format: date
             * @description Trading date (lightweight-charts business day).
             */
            time: string;
            /** Format: double */
            volume: number | null;
        };
        /**
         * @description * `1d` - 1d
         *     * `5d` - 5d
         *     * `1m` - 1m
         *     * `3m` - 3m
         *     * `6m` - 6m
         *     * `1y` - 1y
         *     * `2y` - 2y
         *     * `5y` - 5y
         *     * `max` - max
         * @enum {string}
         */
        ChartPeriodEnum: "1d" | "5d" | "1m" | "3m" | "6m" | "1y" | "2y" | "5y" | "max";
        ChartResponse: {
            /** @description True when the bars are back-adjusted for splits and dividends. */
            adjusted?: boolean;
            /** @description Oldest first. */
            bars: components["schemas"]["ChartBar"][];
            category: components["schemas"]["CategoryEnum"];
            count: number;
            currency: string;
            days: number | null;
            /** Format: date */
            first_date: string | null;
            /** Format: date */
            last_date: string | null;
            name: string;
            name_local: string;
            /** @description Says the data is synthetic demo data; null for real data. */
            notice: string | null;
            period: (components["schemas"]["ChartPeriodEnum"] | components["schemas"]["NullEnum"]) | null;
            /** @description Provider the bars come from. */
            source: string;
            symbol: string;
            /** @description True when the bars are synthetic demo data. */
            synthetic: boolean;
            type: components["schemas"]["TypeEnum"];
        };
        /** @description Numbers as JSON numbers (decimal columns as floats, not strings) and missing as null. */
        CompanyProfile: {
            address?: string | null;
            /** Format: int64 */
            analyst_rating_buy?: number | null;
            /** Format: int64 */
            analyst_rating_hold?: number | null;
            /** Format: int64 */
            analyst_rating_sell?: number | null;
            /** Format: int64 */
            analyst_rating_strong_buy?: number | null;
            /** Format: int64 */
            analyst_rating_strong_sell?: number | null;
            /** Format: double */
            analyst_target_price?: number | null;
            asset_type?: string | null;
            /** Format: double */
            beta?: number | null;
            /** Format: double */
            book_value?: number | null;
            cik?: string | null;
            country?: string | null;
            currency?: string | null;
            description?: string | null;
            /** Format: double */
            diluted_eps_ttm?: number | null;
            /** Format: date */
            dividend_date?: string | null;
            /** Format: double */
            dividend_per_share?: number | null;
            /** Format: double */
            dividend_yield?: number | null;
            /** Format: int64 */
            ebitda?: number | null;
            /** Format: double */
            eps?: number | null;
            /** Format: double */
            ev_to_ebitda?: number | null;
            /** Format: double */
            ev_to_revenue?: number | null;
            /** Format: date */
            ex_dividend_date?: string | null;
            exchange?: string | null;
            fiscal_year_end?: string | null;
            /** Format: double */
            forward_annual_dividend_rate?: number | null;
            /** Format: double */
            forward_annual_dividend_yield?: number | null;
            /** Format: double */
            forward_pe?: number | null;
            /** Format: int64 */
            full_time_employees?: number | null;
            /** Format: int64 */
            gross_profit_ttm?: number | null;
            industry?: string | null;
            /** Format: date */
            last_split_date?: string | null;
            last_split_factor?: string | null;
            /** Format: date */
            latest_quarter?: string | null;
            /** Format: int64 */
            market_capitalization?: number | null;
            /** Format: double */
            moving_average_50_day?: number | null;
            /** Format: double */
            moving_average_200_day?: number | null;
            name?: string | null;
            official_site?: string | null;
            /** Format: double */
            operating_margin_ttm?: number | null;
            /** Format: double */
            payout_ratio?: number | null;
            /** Format: double */
            pe_ratio?: number | null;
            /** Format: double */
            peg_ratio?: number | null;
            /** Format: double */
            percent_insiders?: number | null;
            /** Format: double */
            percent_institutions?: number | null;
            /** Format: double */
            price_to_book_ratio?: number | null;
            /** Format: double */
            price_to_sales_ratio_ttm?: number | null;
            /** Format: double */
            profit_margin?: number | null;
            /** Format: double */
            quarterly_earnings_growth_yoy?: number | null;
            /** Format: double */
            quarterly_revenue_growth_yoy?: number | null;
            /** Format: double */
            return_on_assets_ttm?: number | null;
            /** Format: double */
            return_on_equity_ttm?: number | null;
            /** Format: double */
            revenue_per_share_ttm?: number | null;
            /** Format: int64 */
            revenue_ttm?: number | null;
            sector?: string | null;
            /** Format: int64 */
            shares_float?: number | null;
            /** Format: int64 */
            shares_outstanding?: number | null;
            source: string | null;
            /** Format: double */
            trailing_pe?: number | null;
            /** Format: double */
            week_52_high?: number | null;
            /** Format: double */
            week_52_low?: number | null;
        };
        Composite: {
            /** @description Each signal's points in the score. */
            contributions: {
                [key: string]: number;
            };
            label: components["schemas"]["LabelEnum"];
            /** Format: double */
            score: number;
            /** @description Normalised weights used (sum to 1). */
            weights: {
                [key: string]: number;
            };
        };
        CrossoverEvent: {
            /** Format: date */
            date: string;
            direction: components["schemas"]["DirectionEnum"];
            kind: components["schemas"]["CrossoverEventKindEnum"];
            /** @description The signal it feeds: macd, ma_cross or stoch. */
            signal: string;
        };
        /**
         * @description * `macd_bullish_cross` - macd_bullish_cross
         *     * `macd_bearish_cross` - macd_bearish_cross
         *     * `golden_cross` - golden_cross
         *     * `death_cross` - death_cross
         *     * `stoch_oversold_bullish_cross` - stoch_oversold_bullish_cross
         *     * `stoch_overbought_bearish_cross` - stoch_overbought_bearish_cross
         * @enum {string}
         */
        CrossoverEventKindEnum: "macd_bullish_cross" | "macd_bearish_cross" | "golden_cross" | "death_cross" | "stoch_oversold_bullish_cross" | "stoch_overbought_bearish_cross";
        /**
         * @description * `KRW` - Korean won
         *     * `USD` - US dollar
         * @enum {string}
         */
        CurrencyEnum: "KRW" | "USD";
        /**
         * @description * `buy` - buy
         *     * `sell` - sell
         *     * `neutral` - neutral
         * @enum {string}
         */
        DirectionEnum: "buy" | "sell" | "neutral";
        /** @description The body of every error answer under /api/. */
        Error: {
            /** @description What went wrong, in one sentence. */
            detail: string;
            /** @description A stable code: invalid, not_found, ... */
            error: string;
            /** @description 400 only: the messages of each invalid parameter or field. */
            fields?: {
                [key: string]: string[];
            };
            /** @description 429 only: seconds to wait. */
            retry_after?: number;
        };
        Figures: {
            /** Format: decimal */
            cost: string | null;
            currency: string;
            /**
             * Format: decimal
             * @description The part of unrealised P&L from the exchange rate: the asset-currency cost at the valuation day's rate minus the cost at the rates of its transaction dates; 0 in the asset's own currency.
             */
            currency_effect: string | null;
            /**
             * Format: decimal
             * @description Value now minus value at the previous close, each at its own day's rate.
             */
            day_change: string | null;
            /** Format: decimal */
            day_change_pct: string | null;
            /** Format: decimal */
            dividends: string | null;
            /** Format: decimal */
            market_value: string | null;
            /**
             * Format: decimal
             * @description The part of unrealised P&L from the price: (value − cost) in the asset's currency at the valuation day's rate.
             */
            price_effect: string | null;
            /** Format: decimal */
            realised_pnl: string | null;
            /**
             * Format: decimal
             * @description Realised P&L over the cost of what was sold.
             */
            realised_pnl_pct: string | null;
            /** Format: decimal */
            unrealised_pnl: string | null;
            /** Format: decimal */
            unrealised_pnl_pct: string | null;
        };
        Freshness: {
            detail: string;
            /**
             * Format: date
             * @description Newest bar a fresh asset has (the previous session).
             */
            expected: string | null;
            /**
             * Format: date
             * @description Newest daily bar, any source.
             */
            latest: string | null;
            status: components["schemas"]["FreshnessStatusEnum"];
        };
        FreshnessRow: {
            detail: string;
            exchange: string;
            /**
             * Format: date
             * @description The session the newest bar should be from by now.
             */
            expected: string | null;
            /**
             * Format: date
             * @description Newest stored daily bar.
             */
            latest: string | null;
            status: components["schemas"]["FreshnessStatusEnum"];
            symbol: string;
        };
        /**
         * @description * `OK` - OK
         *     * `STALE` - STALE
         *     * `UNKNOWN` - UNKNOWN
         * @enum {string}
         */
        FreshnessStatusEnum: "OK" | "STALE" | "UNKNOWN";
        Fx: {
            /** Format: date */
            date: string;
            /**
             * Format: date
             * @description The first stored USD-KRW close when a transaction is older: costs before this date are converted at this first rate (an estimate); null when every rate is stored.
             */
            estimated_before: string | null;
            pair: string;
            /** Format: decimal */
            rate: string | null;
        };
        History: {
            currency: string;
            /** Format: date */
            end: string | null;
            /**
             * Format: date
             * @description Costs of transactions before this date use the first stored USD-KRW close.
             */
            fx_estimated_before: string | null;
            /** @description Says the figures come from demo data when `synthetic`. */
            notice: string | null;
            points: components["schemas"]["HistoryPoint"][];
            portfolio: components["schemas"]["PortfolioRef"];
            /** Format: decimal */
            simple_return_pct: string | null;
            /** Format: date */
            start: string | null;
            synthetic: boolean;
            /** Format: decimal */
            time_weighted_return_pct: string | null;
        };
        HistoryPoint: {
            /** Format: date */
            date: string;
            /** Format: decimal */
            net_cash_flow: string | null;
            /** Format: decimal */
            pnl: string | null;
            /** Format: decimal */
            pnl_pct: string | null;
            /** Format: decimal */
            total_cost: string | null;
            /** Format: decimal */
            total_value: string | null;
        };
        Holding: {
            /**
             * Format: date
             * @description When the position was opened; the reconstructed history starts here.
             */
            readonly acquired_on: string;
            /** Format: decimal */
            readonly average_price: string;
            /** Format: date-time */
            readonly created_at: string;
            readonly currency: string;
            readonly id: number;
            readonly name: string;
            readonly portfolio: number;
            /** Format: decimal */
            readonly quantity: string;
            readonly symbol: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        HoldingCreateRequest: {
            /** Format: date */
            acquired_on?: string;
            /** Format: decimal */
            average_price: string;
            /** @description Your portfolio's id; your default portfolio when omitted. */
            portfolio?: number;
            /** Format: decimal */
            quantity: string;
            symbol: string;
        };
        HoldingUpdateRequest: {
            /** Format: date */
            acquired_on?: string;
            /** Format: decimal */
            average_price?: string;
            /** Format: decimal */
            quantity?: string;
        };
        HoldingValuation: {
            /** Format: decimal */
            average_price: string | null;
            /** @description In the portfolio's base currency. */
            base: components["schemas"]["Figures"];
            category: string;
            /** Format: decimal */
            last_price: string | null;
            /** @description In the asset's currency. */
            local: components["schemas"]["Figures"];
            market: string;
            /** Format: decimal */
            previous_close: string | null;
            /** Format: date */
            price_date: string | null;
            /** Format: decimal */
            quantity: string | null;
            symbol: string;
            /** Format: decimal */
            weight_pct: string | null;
        };
        /** @description Numbers as JSON numbers (decimal columns as floats, not strings) and missing as null. */
        IncomeStatement: {
            /** Format: int64 */
            comprehensive_income_net_of_tax?: number | null;
            /** Format: int64 */
            cost_of_revenue?: number | null;
            /** Format: int64 */
            costof_goods_and_services_sold?: number | null;
            /** Format: int64 */
            depreciation?: number | null;
            /** Format: int64 */
            depreciation_and_amortization?: number | null;
            /** Format: int64 */
            ebit?: number | null;
            /** Format: int64 */
            ebitda?: number | null;
            /** Format: date */
            fiscal_date_ending: string;
            /** Format: int64 */
            fiscal_quarter?: number | null;
            /** Format: int64 */
            fiscal_year: number;
            /** Format: int64 */
            gross_profit?: number | null;
            /** Format: int64 */
            income_before_tax?: number | null;
            /** Format: int64 */
            income_tax_expense?: number | null;
            /** Format: int64 */
            interest_and_debt_expense?: number | null;
            /** Format: int64 */
            interest_expense?: number | null;
            /** Format: int64 */
            interest_income?: number | null;
            /** Format: int64 */
            investment_income_net?: number | null;
            /** Format: int64 */
            net_income?: number | null;
            /** Format: int64 */
            net_income_from_continuing_operations?: number | null;
            /** Format: int64 */
            net_interest_income?: number | null;
            /** Format: int64 */
            non_interest_income?: number | null;
            /** Format: int64 */
            operating_expenses?: number | null;
            /** Format: int64 */
            operating_income?: number | null;
            /** Format: int64 */
            other_non_operating_income?: number | null;
            reported_currency?: string | null;
            /** Format: int64 */
            research_and_development?: number | null;
            /** Format: int64 */
            selling_general_and_administrative?: number | null;
            source: string | null;
            /** Format: int64 */
            total_revenue?: number | null;
        };
        IncomeStatementResponse: {
            count: number;
            notice: string | null;
            period: components["schemas"]["StatementPeriodEnum"];
            /** @description Newest first. */
            reports: components["schemas"]["IncomeStatement"][];
            statement: components["schemas"]["IncomeStatementResponseStatementEnum"];
            symbol: string;
            /** @description True when any report shown is synthetic demo data. */
            synthetic: boolean;
        };
        /**
         * @description * `income_statement` - income_statement
         * @enum {string}
         */
        IncomeStatementResponseStatementEnum: "income_statement";
        IndicatorMeta: {
            /** @description Bars in the window (length of every array). */
            bars: number;
            category: components["schemas"]["CategoryEnum"];
            currency: string;
            market: components["schemas"]["MarketEnum"];
            name: string;
            notice: string | null;
            /**
             * Format: date
             * @description Last closed bar; a still-forming bar is shown but not read.
             */
            signals_as_of: string | null;
            source: string;
            symbol: string;
            synthetic: boolean;
            /** @description Stored bars before the window used as warm-up. */
            warmup_bars: number;
        };
        IndicatorResponse: {
            composite: components["schemas"]["Composite"];
            dates: string[];
            /** @description Crossovers inside the window. */
            events: components["schemas"]["CrossoverEvent"][];
            /** @description One array per output (rsi, macd, macd_signal, macd_hist, bb_upper, bb_middle, bb_lower, sma_<n>, ema_<n>, stoch_k, stoch_d, obv, atr), aligned to dates; null while warming up. */
            indicators: {
                [key: string]: (number | null)[];
            };
            meta: components["schemas"]["IndicatorMeta"];
            /** @description The parameters used, defaults filled in. */
            params: {
                [key: string]: unknown;
            };
            signals: components["schemas"]["Signal"][];
        };
        /** @description A run without its per-asset results (the list); counts say how many there are. */
        JobRun: {
            readonly asset_count: number;
            /** Format: double */
            readonly duration_seconds: number | null;
            /** Format: date-time */
            ended_at?: string | null;
            error_summary?: unknown;
            readonly id: number;
            job_name: string;
            parameters?: unknown;
            provider?: string;
            /** Format: date-time */
            started_at?: string;
            status?: components["schemas"]["JobStatusEnum"];
        };
        /** @description A run with ``results``: per asset symbol, what the job did (shape depends on the job). */
        JobRunDetail: {
            readonly asset_count: number;
            /** Format: double */
            readonly duration_seconds: number | null;
            /** Format: date-time */
            ended_at?: string | null;
            error_summary?: unknown;
            readonly id: number;
            job_name: string;
            parameters?: unknown;
            provider?: string;
            readonly results: {
                [key: string]: Record<string, never>;
            };
            /** Format: date-time */
            started_at?: string;
            status?: components["schemas"]["JobStatusEnum"];
        };
        /**
         * @description * `running` - Running
         *     * `success` - Success
         *     * `partial_failure` - Partial failure
         *     * `failure` - Failure
         * @enum {string}
         */
        JobStatusEnum: "running" | "success" | "partial_failure" | "failure";
        /**
         * @description * `strong_sell` - strong_sell
         *     * `sell` - sell
         *     * `neutral` - neutral
         *     * `buy` - buy
         *     * `strong_buy` - strong_buy
         * @enum {string}
         */
        LabelEnum: "strong_sell" | "sell" | "neutral" | "buy" | "strong_buy";
        LatestQuote: {
            /** Format: double */
            change: number | null;
            /** Format: double */
            change_percent: number | null;
            /** Format: double */
            close: number;
            /**
             * Format: date
             * @description Date of the latest stored daily bar.
             */
            date: string;
            readonly notice: string | null;
            /** Format: double */
            previous_close: number | null;
            source: string;
            synthetic: boolean;
        };
        LogoutRequest: {
            refresh: string;
        };
        MarkedRead: {
            marked: number;
        };
        /**
         * @description * `US` - United States
         *     * `KR` - Korea
         *     * `GLOBAL` - Global
         * @enum {string}
         */
        MarketEnum: "US" | "KR" | "GLOBAL";
        /**
         * @description * `exact` - exact
         *     * `prefix` - prefix
         *     * `name` - name
         *     * `provider` - provider
         * @enum {string}
         */
        MatchEnum: "exact" | "prefix" | "name" | "provider";
        ModelDetail: {
            algorithm: string;
            /** @description Relative to ML_MODELS_DIR. */
            artifact_path: string;
            artifact_sha256: string;
            /** @description The full walk-forward report. */
            backtest?: unknown;
            /** Format: date-time */
            created_at: string;
            data_fingerprint: string;
            data_source: string;
            features?: unknown;
            /**
             * Format: int64
             * @description Sessions ahead (risk: 1).
             */
            horizon: number;
            hyper_parameters?: unknown;
            readonly id: number;
            /** @description The model's and its baseline's summary. */
            metrics?: unknown;
            model_type: components["schemas"]["PredictionModelTypeEnum"];
            /** @description The last live check. */
            monitoring?: unknown;
            name: string;
            status: components["schemas"]["PredictionModelStatusEnum"];
            /** Format: date-time */
            status_changed_at: string;
            status_reason?: string;
            symbol: string;
            /** Format: date */
            training_end: string;
            training_run?: number | null;
            /** Format: date */
            training_start: string;
            /** Format: int64 */
            version: number;
        };
        ModelSummary: {
            algorithm: string;
            /** Format: date-time */
            created_at: string;
            data_source: string;
            /**
             * Format: int64
             * @description Sessions ahead (risk: 1).
             */
            horizon: number;
            readonly id: number;
            /** @description The model's and its baseline's summary. */
            metrics?: unknown;
            model_type: components["schemas"]["PredictionModelTypeEnum"];
            name: string;
            status: components["schemas"]["PredictionModelStatusEnum"];
            status_reason?: string;
            symbol: string;
            /** Format: date */
            training_end: string;
            /** Format: date */
            training_start: string;
            /** Format: int64 */
            version: number;
        };
        /**
         * @description * `rsi` - rsi
         *     * `macd` - macd
         *     * `bbands` - bbands
         *     * `ma_cross` - ma_cross
         *     * `stoch` - stoch
         *     * `obv` - obv
         *     * `atr` - atr
         * @enum {string}
         */
        NameEnum: "rsi" | "macd" | "bbands" | "ma_cross" | "stoch" | "obv" | "atr";
        Notification: {
            readonly alert: number | null;
            /** Format: date-time */
            readonly created_at: string;
            readonly data: unknown;
            readonly id: number;
            readonly kind: string;
            readonly message: string;
            /** Format: date-time */
            readonly read_at: string | null;
            readonly title: string;
        };
        /** @enum {unknown} */
        NullEnum: null;
        OverviewResponse: {
            category: components["schemas"]["CategoryEnum"];
            currency: string;
            /** @description Calendar code: XNYS, XKRX, 24/7 (crypto), 24/5 (FX). */
            exchange: string;
            market: components["schemas"]["MarketEnum"];
            name: string;
            /** @description Name in the home market's language. */
            name_local?: string;
            notice: string | null;
            /** @description Company profile; null for assets that have none (ETFs, indices, crypto, FX). */
            profile: components["schemas"]["CompanyProfile"] | null;
            /** @description Null when no bars are stored. */
            quote: components["schemas"]["LatestQuote"] | null;
            /** @description Where the latest price comes from. */
            source: string;
            symbol: string;
            /** @description True when the price or the profile shown is synthetic demo data. */
            synthetic: boolean;
        };
        PaginatedHoldingList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Holding"][];
        };
        PaginatedJobRunList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["JobRun"][];
        };
        PaginatedNotificationList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Notification"][];
        };
        PaginatedPortfolioList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Portfolio"][];
        };
        PaginatedPriceAlertList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["PriceAlert"][];
        };
        PaginatedQualityFlagRowList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["QualityFlagRow"][];
        };
        PaginatedTransactionList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Transaction"][];
        };
        PaginatedWatchlistList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Watchlist"][];
        };
        PasswordChangeRequest: {
            new_password: string;
            old_password: string;
        };
        PatchedHoldingUpdateRequest: {
            /** Format: date */
            acquired_on?: string;
            /** Format: decimal */
            average_price?: string;
            /** Format: decimal */
            quantity?: string;
        };
        PatchedPortfolioInputRequest: {
            base_currency?: components["schemas"]["CurrencyEnum"];
            is_default?: boolean;
            mode?: components["schemas"]["PortfolioModeEnum"];
            name?: string;
        };
        PatchedPriceAlertUpdateRequest: {
            is_active?: boolean;
            kind?: components["schemas"]["AlertKindEnum"];
            note?: string;
            rsi_period?: number;
            /** Format: decimal */
            threshold?: string;
        };
        PatchedProfileRequest: {
            base_currency?: components["schemas"]["CurrencyEnum"];
            discord_webhook_url?: string;
            display_name?: string;
            /** Email address */
            email?: string;
            timezone?: string;
        };
        PatchedTransactionUpdateRequest: {
            currency?: string;
            /** Format: date */
            date?: string;
            /** Format: decimal */
            fee?: string;
            kind?: components["schemas"]["TransactionKindEnum"];
            note?: string;
            /** Format: decimal */
            price?: string;
            /** Format: decimal */
            quantity?: string;
        };
        PatchedWatchlistInputRequest: {
            name?: string;
        };
        PopularAsset: {
            category: components["schemas"]["CategoryEnum"];
            currency: string;
            /** @description Calendar code: XNYS, XKRX, 24/7 (crypto), 24/5 (FX). */
            exchange: string;
            /** @description Portfolios holding it. */
            holders: number;
            market: components["schemas"]["MarketEnum"];
            name: string;
            /** @description Name in the home market's language. */
            name_local?: string;
            symbol: string;
            /** @description Chart and overview views this week. */
            views: number;
        };
        PopularResponse: {
            /**
             * @description What ranks the list first: portfolios holding, recent views, or (with neither) a default list of well-known symbols.
             *
             *     * `holdings` - holdings
             *     * `views` - views
             *     * `default` - default
             */
            basis: components["schemas"]["BasisEnum"];
            count: number;
            results: components["schemas"]["PopularAsset"][];
        };
        Portfolio: {
            base_currency: components["schemas"]["CurrencyEnum"];
            /** Format: date-time */
            readonly created_at: string;
            readonly id: number;
            is_default?: boolean;
            mode?: components["schemas"]["PortfolioModeEnum"];
            name: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        PortfolioInputRequest: {
            base_currency?: components["schemas"]["CurrencyEnum"];
            is_default?: boolean;
            mode?: components["schemas"]["PortfolioModeEnum"];
            name: string;
        };
        /**
         * @description * `holdings` - Holdings entered directly
         *     * `ledger` - Holdings derived from transactions
         * @enum {string}
         */
        PortfolioModeEnum: "holdings" | "ledger";
        PortfolioRef: {
            base_currency: string;
            id: number;
            mode: components["schemas"]["PortfolioModeEnum"];
            name: string;
        };
        PortfolioRisk: {
            /** Format: date */
            as_of: string;
            base_currency: string;
            /** @description Each holding's value, trend and risk label. */
            holdings: unknown;
            message: string | null;
            method: string;
            notice?: string | null;
            portfolio: unknown;
            /** @description value, volatility_1d, correlation, var {95, 99: parametric/historical VaR and ES in the base currency}, contributions per holding. */
            risk: unknown;
            synthetic?: boolean;
        };
        Prediction: {
            /**
             * Format: date
             * @description The last closed bar the prediction read.
             */
            as_of: string;
            /** @description Walk-forward metrics of the served model beside its baseline's, and the promotion decision. */
            backtest: unknown;
            currency: string;
            horizon: number;
            /** Format: double */
            last_close: number;
            /** @description id, name, version, algorithm, status, training_window. */
            model: unknown;
            model_type: components["schemas"]["PredictionModelTypeEnum"];
            name: string;
            notice: string | null;
            /** @description price: predicted_close, expected_return, intervals 80/95; trend: probability_up/down, label, strength, top_features; risk: volatility 1d/10d, VaR/ES 95/99 parametric and historical, max_drawdown, beta, risk label. */
            prediction: unknown;
            /** @description history [{time, value}] and forecast fan points. */
            series: unknown;
            served: components["schemas"]["Served"];
            source: string;
            symbol: string;
            synthetic: boolean;
            /**
             * Format: date
             * @description The session `horizon` sessions after as_of.
             */
            target_date: string;
        };
        /**
         * @description * `candidate` - Candidate
         *     * `active` - Active
         *     * `retired` - Retired
         * @enum {string}
         */
        PredictionModelStatusEnum: "candidate" | "active" | "retired";
        /**
         * @description * `price_prediction` - price prediction
         *     * `trend_analysis` - trend analysis
         *     * `risk_assessment` - risk assessment
         * @enum {string}
         */
        PredictionModelTypeEnum: "price_prediction" | "trend_analysis" | "risk_assessment";
        PriceAlert: {
            readonly condition_met: boolean | null;
            /** Format: date-time */
            readonly created_at: string;
            readonly id: number;
            readonly is_active: boolean;
            readonly kind: components["schemas"]["AlertKindEnum"];
            /** Format: date-time */
            readonly last_evaluated_at: string | null;
            /** Format: date-time */
            readonly last_triggered_at: string | null;
            /** Format: decimal */
            readonly last_value: string | null;
            readonly note: string;
            readonly rsi_period: number;
            readonly symbol: string;
            /**
             * Format: decimal
             * @description At least the currency's minor unit for a price, two decimals for a percentage or an RSI level; more only when given.
             */
            readonly threshold: string;
            readonly trigger_count: number;
        };
        PriceAlertCreateRequest: {
            kind: components["schemas"]["AlertKindEnum"];
            note?: string;
            rsi_period?: number;
            symbol: string;
            /** Format: decimal */
            threshold: string;
        };
        PriceAlertUpdateRequest: {
            is_active?: boolean;
            kind?: components["schemas"]["AlertKindEnum"];
            note?: string;
            rsi_period?: number;
            /** Format: decimal */
            threshold?: string;
        };
        Profile: {
            base_currency?: components["schemas"]["CurrencyEnum"];
            /** Format: date-time */
            readonly date_joined: string;
            discord_webhook_url?: string;
            display_name?: string;
            /** Email address */
            email?: string;
            readonly id: number;
            /**
             * Staff status
             * @description Designates whether the user can log into this admin site.
             */
            readonly is_staff: boolean;
            timezone?: string;
            /** @description Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only. */
            readonly username: string;
        };
        ProfileRequest: {
            base_currency?: components["schemas"]["CurrencyEnum"];
            discord_webhook_url?: string;
            display_name?: string;
            /** Email address */
            email?: string;
            timezone?: string;
        };
        Provenance: {
            freshness: components["schemas"]["Freshness"] | null;
            /** Format: date-time */
            last_ingested_at: string | null;
            quality_flags: components["schemas"]["QualityFlags"];
            sources: components["schemas"]["SourceStored"][];
            symbol: string;
            /** @description True when any bar is synthetic demo data. */
            synthetic: boolean;
        };
        ProviderMatch: {
            asset_type: string;
            currency: string;
            name: string;
            region: string;
            symbol: string;
        };
        ProviderState: {
            message: string | null;
            /** @description The configured provider. */
            name: string | null;
            /**
             * @description ok: asked; skipped: not needed; not_configured: no provider with a search; unavailable: the provider failed (message says why; local results still answer).
             *
             *     * `ok` - ok
             *     * `skipped` - skipped
             *     * `not_configured` - not_configured
             *     * `unavailable` - unavailable
             */
            status: components["schemas"]["ProviderStateStatusEnum"];
        };
        /**
         * @description * `ok` - ok
         *     * `skipped` - skipped
         *     * `not_configured` - not_configured
         *     * `unavailable` - unavailable
         * @enum {string}
         */
        ProviderStateStatusEnum: "ok" | "skipped" | "not_configured" | "unavailable";
        QualityFlag: {
            /** Format: date */
            date: string;
            detail: string;
            /** @description gap, spike or ohlc. */
            kind: string;
            reviewed: boolean;
            source: string;
        };
        QualityFlagRow: {
            /** Format: date */
            date: string;
            detail: string;
            readonly id: number;
            job_run?: number | null;
            kind: components["schemas"]["QualityFlagRowKindEnum"];
            reviewed?: boolean;
            source?: string;
            readonly symbol: string;
        };
        /**
         * @description * `gap` - Date gap
         *     * `spike` - Price spike
         *     * `ohlc` - OHLC sanity
         * @enum {string}
         */
        QualityFlagRowKindEnum: "gap" | "spike" | "ohlc";
        QualityFlags: {
            /** @description The newest ten, newest first. */
            recent: components["schemas"]["QualityFlag"][];
            total: number;
            unreviewed: number;
        };
        Quote: {
            /** Format: decimal */
            change: string | null;
            readonly change_pct: string | null;
            /** Format: date */
            date: string;
            /** Format: decimal */
            last: string | null;
            /** Format: decimal */
            previous_close: string | null;
        };
        Registered: {
            access: string;
            refresh: string;
            user: components["schemas"]["Profile"];
        };
        RegisterRequest: {
            base_currency?: components["schemas"]["CurrencyEnum"];
            display_name?: string;
            email?: string;
            password: string;
            timezone?: string;
            username: string;
        };
        ScreenerMeta: {
            /** @description Assets without a snapshot that this request computed. */
            computed_now: number;
            /** @description Assets still without a snapshot (see `stockvis indicators --refresh-all`). */
            missing_snapshots: number;
            notice: string | null;
            /** @description True when any row on the page is demo data. */
            synthetic: boolean;
        };
        ScreenerResponse: {
            count: number;
            meta: components["schemas"]["ScreenerMeta"];
            page: number;
            page_size: number;
            pages: number;
            results: components["schemas"]["ScreenerRow"][];
            sort: string;
        };
        ScreenerRow: {
            above_sma50: boolean | null;
            above_sma200: boolean | null;
            /**
             * Format: date
             * @description Last closed bar the row describes.
             */
            as_of: string;
            category: components["schemas"]["CategoryEnum"];
            /** Format: double */
            change_percent: number | null;
            /** Format: double */
            close: number;
            currency: string;
            label: components["schemas"]["LabelEnum"];
            /** Format: double */
            macd_hist: number | null;
            market: components["schemas"]["MarketEnum"];
            name: string;
            name_local: string;
            /** @description Set when the row is demo data. */
            notice: string | null;
            /** Format: double */
            rsi: number | null;
            /** Format: double */
            score: number;
            /** @description Direction of each individual signal. */
            signals: {
                [key: string]: "buy" | "sell" | "neutral";
            };
            source: string;
            symbol: string;
            synthetic: boolean;
        };
        SearchResponse: {
            count: number;
            keywords: string;
            provider: components["schemas"]["ProviderState"];
            results: components["schemas"]["SearchResult"][];
        };
        SearchResult: {
            /** @description The provider's asset type. */
            asset_type: string | null;
            /** @description Null for provider matches. */
            category: string | null;
            /** @description True for assets in the local master; false for provider matches not yet collected. */
            collected: boolean;
            currency: string | null;
            exchange: string | null;
            market: string | null;
            match: components["schemas"]["MatchEnum"];
            name: string;
            name_local: string;
            /** @description Provider matches only. */
            region: string | null;
            /** @description "local" or the provider name. */
            source: string;
            symbol: string;
        };
        Served: {
            beat_baseline: boolean;
            kind: components["schemas"]["ServedKindEnum"];
            /** @description Why this forecaster is served, in plain words. */
            message: string;
            /** @description The algorithm or the baseline served. */
            name: string;
        };
        /**
         * @description * `model` - model
         *     * `baseline` - baseline
         * @enum {string}
         */
        ServedKindEnum: "model" | "baseline";
        Signal: {
            /**
             * Format: date
             * @description Bar that triggered the signal.
             */
            date: string | null;
            direction: components["schemas"]["DirectionEnum"];
            /** @description False while the indicator warms up. */
            has_data: boolean;
            name: components["schemas"]["NameEnum"];
            /** @description One sentence a person can read, in English. */
            reason: string;
            /** @description What the reason says, for a client to word in its own language (e.g. rsi_oversold, macd_cross_up, warming_up). */
            reason_code: string;
            /** @description The numbers and words the reason quotes, by name (e.g. rsi, low, high). */
            reason_params: {
                [key: string]: unknown;
            };
            /** Format: double */
            strength: number;
            /**
             * Format: double
             * @description The number the reason quotes.
             */
            value: number | null;
        };
        Slice: {
            key: string;
            /** Format: decimal */
            pct: string | null;
            /** Format: decimal */
            value: string | null;
        };
        Snapshot: {
            /**
             * Format: date
             * @description The valuation date (the close the prices belong to).
             */
            readonly as_of: string;
            readonly currency: string;
            readonly kind: components["schemas"]["SnapshotKindEnum"];
            /** Format: decimal */
            readonly pnl: string;
            /** Format: decimal */
            readonly pnl_pct: string | null;
            /** Format: date-time */
            readonly taken_at: string;
            /** Format: decimal */
            readonly total_cost: string;
            /** Format: decimal */
            readonly total_value: string;
        };
        /**
         * @description * `intraday` - While a market is open
         *     * `close` - After a market's close
         * @enum {string}
         */
        SnapshotKindEnum: "intraday" | "close";
        SourceStored: {
            /** @description Daily bars stored from this source. */
            bars: number;
            /** Format: date */
            first: string | null;
            /** Format: date */
            last: string | null;
            /** Format: date-time */
            last_ingested_at: string | null;
            source: string;
        };
        /**
         * @description * `annual` - annual
         *     * `quarterly` - quarterly
         * @enum {string}
         */
        StatementPeriodEnum: "annual" | "quarterly";
        StatusDetails: {
            balance_sheets: number;
            cash_flows: number;
            /** @description Daily bars of the serving `source`. */
            daily_prices: number;
            income_statements: number;
            /** @description Weekly bars of the serving source. */
            weekly_prices: number;
        };
        SymbolInputRequest: {
            symbol: string;
        };
        SymbolStatus: {
            /** @description Stored bars of every source. */
            bars_by_source: components["schemas"]["BarsBySource"];
            /** @description Stored row counts. */
            details: components["schemas"]["StatusDetails"];
            /** @description At least one statement. */
            has_financial: boolean;
            has_overview: boolean;
            /** @description At least one daily bar. */
            has_prices: boolean;
            /** @description Daily and weekly bars, plus a profile and statements for stocks. */
            is_complete: boolean;
            notice: string | null;
            /** @description Why the latest collection of the symbol failed, or why it is unresolved. */
            problem: string | null;
            /** @description A provider has described the asset (false: added by a user, not yet known). */
            resolved: boolean;
            /** @description The source bars are served from: the preferred real source, else another real one, else synthetic; null without bars. */
            source: string | null;
            /** @description The symbol is in the asset master. */
            stock_exists: boolean;
            symbol: string;
            /** @description The bars served are synthetic demo data. */
            synthetic: boolean;
        };
        TokenObtainPair: {
            readonly access: string;
            readonly refresh: string;
        };
        TokenObtainPairRequest: {
            password: string;
            username: string;
        };
        /** @description simplejwt's refresh, with a deleted user's token refused as a 401 rather than a 500. */
        TokenRefreshOfLiveUser: {
            readonly access: string;
            refresh: string;
        };
        /** @description simplejwt's refresh, with a deleted user's token refused as a 401 rather than a 500. */
        TokenRefreshOfLiveUserRequest: {
            refresh: string;
        };
        Transaction: {
            /** Format: date-time */
            readonly created_at: string;
            readonly currency: string;
            /** Format: date */
            readonly date: string;
            /** Format: decimal */
            readonly fee: string;
            readonly id: number;
            readonly kind: components["schemas"]["TransactionKindEnum"];
            readonly note: string;
            readonly portfolio: number;
            /** Format: decimal */
            readonly price: string;
            /** Format: decimal */
            readonly quantity: string;
            readonly symbol: string;
        };
        TransactionCreateRequest: {
            /** @description The asset's currency (the default). */
            currency?: string;
            /** Format: date */
            date: string;
            /** Format: decimal */
            fee?: string;
            kind: components["schemas"]["TransactionKindEnum"];
            note?: string;
            /** @description Your portfolio's id; your default portfolio when omitted. */
            portfolio?: number;
            /** Format: decimal */
            price: string;
            /** Format: decimal */
            quantity: string;
            symbol: string;
        };
        /**
         * @description * `buy` - Buy
         *     * `sell` - Sell
         *     * `dividend` - Dividend
         *     * `fee` - Fee
         * @enum {string}
         */
        TransactionKindEnum: "buy" | "sell" | "dividend" | "fee";
        TransactionUpdateRequest: {
            currency?: string;
            /** Format: date */
            date?: string;
            /** Format: decimal */
            fee?: string;
            kind?: components["schemas"]["TransactionKindEnum"];
            note?: string;
            /** Format: decimal */
            price?: string;
            /** Format: decimal */
            quantity?: string;
        };
        /**
         * @description * `daily` - daily
         *     * `weekly` - weekly
         * @enum {string}
         */
        TypeEnum: "daily" | "weekly";
        ValidateResponse: {
            asset: components["schemas"]["AssetSummary"] | null;
            /** @description Null when the provider was not asked. */
            found_at_provider: boolean | null;
            /** @description In the local asset master. */
            known: boolean;
            message: string | null;
            provider: components["schemas"]["ProviderState"];
            provider_match: components["schemas"]["ProviderMatch"] | null;
            /** @description Canonical spelling, or the input when invalid. */
            symbol: string;
            /** @description Whether the spelling can be a symbol at all. */
            valid: boolean;
        };
        Valuation: {
            /** Format: date */
            as_of: string;
            base_currency: string;
            fx: components["schemas"]["Fx"] | null;
            holdings: components["schemas"]["HoldingValuation"][];
            /** @description Says the figures come from demo data when `synthetic`. */
            notice: string | null;
            portfolio: components["schemas"]["PortfolioRef"];
            synthetic: boolean;
            total: components["schemas"]["Figures"];
            unpriced: string[];
        };
        Watchlist: {
            /** Format: date-time */
            readonly created_at: string;
            readonly id: number;
            readonly items: components["schemas"]["WatchlistItem"][];
            name: string;
        };
        WatchlistInputRequest: {
            name: string;
        };
        WatchlistItem: {
            /** Format: date-time */
            added_at: string;
            currency: string;
            name: string;
            /** @description Says the figures come from demo data when `synthetic`. */
            notice: string | null;
            /** @description Null until the symbol has prices. */
            quote: components["schemas"]["Quote"] | null;
            symbol: string;
            synthetic: boolean;
        };
        WebAccess: {
            /** @description The access token; null when the browser holds no sign-in. */
            access: string | null;
        };
        WebRefreshRequestRequest: {
            /** @description A refresh token from login or registration to move into the cookie; omit it to use the cookie. */
            refresh?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    analysis_models: {
        parameters: {
            query?: {
                /**
                 * @description * `price_prediction` - price prediction
                 *     * `trend_analysis` - trend analysis
                 *     * `risk_assessment` - risk assessment
                 */
                model_type?: "price_prediction" | "trend_analysis" | "risk_assessment";
                /**
                 * @description * `candidate` - Candidate
                 *     * `active` - Active
                 *     * `retired` - Retired
                 */
                status?: "candidate" | "active" | "retired";
                symbol?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelSummary"][];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    analysis_model: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelDetail"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    analysis_predict: {
        parameters: {
            query?: {
                /**
                 * @description Trading sessions ahead (risk_assessment always forecasts 1 and 10 days).
                 *
                 *     * `1` - 1
                 *     * `5` - 5
                 *     * `20` - 20
                 */
                horizon?: 1 | 5 | 20;
                /**
                 * @description * `price_prediction` - price prediction
                 *     * `trend_analysis` - trend analysis
                 *     * `risk_assessment` - risk assessment
                 */
                model_type?: "price_prediction" | "trend_analysis" | "risk_assessment";
            };
            header?: never;
            path: {
                /** @description Any case. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Prediction"];
                };
            };
            /** @description Bad model_type or horizon. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too little history. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    analysis_screener: {
        parameters: {
            query?: {
                /** @description Close above the SMA 200. */
                above_sma200?: boolean;
                /** @description Close above the SMA 50. */
                above_sma50?: boolean;
                /**
                 * @description * `buy` - buy
                 *     * `sell` - sell
                 *     * `neutral` - neutral
                 */
                bbands_signal?: "buy" | "sell" | "neutral";
                /** @description Comma-separated: stock, etf, index, crypto, commodity, fx. */
                category?: string;
                /**
                 * @description buy: golden cross; sell: death cross.
                 *
                 *     * `buy` - buy
                 *     * `sell` - sell
                 *     * `neutral` - neutral
                 */
                ma_cross_signal?: "buy" | "sell" | "neutral";
                /**
                 * @description bullish: MACD above its signal line; bearish: below.
                 *
                 *     * `bullish` - bullish
                 *     * `bearish` - bearish
                 */
                macd?: "bullish" | "bearish";
                /**
                 * @description * `buy` - buy
                 *     * `sell` - sell
                 *     * `neutral` - neutral
                 */
                macd_signal?: "buy" | "sell" | "neutral";
                /** @description Comma-separated: US, KR, GLOBAL. */
                market?: string;
                /**
                 * @description * `buy` - buy
                 *     * `sell` - sell
                 *     * `neutral` - neutral
                 */
                obv_signal?: "buy" | "sell" | "neutral";
                page?: number;
                page_size?: number;
                rsi_gt?: number;
                rsi_lt?: number;
                /**
                 * @description * `buy` - buy
                 *     * `sell` - sell
                 *     * `neutral` - neutral
                 */
                rsi_signal?: "buy" | "sell" | "neutral";
                score_gte?: number;
                score_lte?: number;
                /** @description Composite label, comma-separated for several: strong_sell, sell, neutral, buy, strong_buy. */
                signal?: string;
                /**
                 * @description A leading '-' sorts descending; ties break on the symbol; nulls last.
                 *
                 *     * `score` - score
                 *     * `-score` - -score
                 *     * `rsi` - rsi
                 *     * `-rsi` - -rsi
                 *     * `change` - change
                 *     * `-change` - -change
                 *     * `symbol` - symbol
                 *     * `-symbol` - -symbol
                 *     * `name` - name
                 *     * `-name` - -name
                 *     * `as_of` - as_of
                 *     * `-as_of` - -as_of
                 */
                sort?: "score" | "-score" | "rsi" | "-rsi" | "change" | "-change" | "symbol" | "-symbol" | "name" | "-name" | "as_of" | "-as_of";
                /**
                 * @description * `buy` - buy
                 *     * `sell` - sell
                 *     * `neutral` - neutral
                 */
                stoch_signal?: "buy" | "sell" | "neutral";
                /** @description Only (or no) demo data. */
                synthetic?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScreenerResponse"];
                };
            };
            /** @description A parameter is out of range; `fields` names it and what is allowed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_collector_freshness_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FreshnessRow"][];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_collector_jobs_list: {
        parameters: {
            query?: {
                /** @description Only runs of this job. */
                job_name?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                status?: "failure" | "partial_failure" | "running" | "success";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedJobRunList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_collector_jobs_retrieve: {
        parameters: {
            query?: {
                /** @description Only runs of this job. */
                job_name?: string;
                status?: "failure" | "partial_failure" | "running" | "success";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRunDetail"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_collector_quality_flags_list: {
        parameters: {
            query?: {
                kind?: "gap" | "ohlc" | "spike";
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                reviewed?: boolean;
                /** @description Only this asset's flags. */
                symbol?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedQualityFlagRowList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_balance_sheet: {
        parameters: {
            query?: {
                /** @description Newest reports to return. */
                limit?: number;
                /**
                 * @description Reporting period.
                 *
                 *     * `annual` - annual
                 *     * `quarterly` - quarterly
                 */
                period?: "annual" | "quarterly";
            };
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BalanceSheetResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_cash_flow: {
        parameters: {
            query?: {
                /** @description Newest reports to return. */
                limit?: number;
                /**
                 * @description Reporting period.
                 *
                 *     * `annual` - annual
                 *     * `quarterly` - quarterly
                 */
                period?: "annual" | "quarterly";
            };
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CashFlowStatementResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_chart: {
        parameters: {
            query?: {
                /** @description Back-adjust for splits and dividends (default: the bars as collected). */
                adjusted?: boolean;
                /** @description Calendar days back from the latest stored bar; overrides `period`. */
                days?: number;
                /**
                 * @description Span counted back from the latest stored bar (calendar days).
                 *
                 *     * `1d` - 1d
                 *     * `5d` - 5d
                 *     * `1m` - 1m
                 *     * `3m` - 3m
                 *     * `6m` - 6m
                 *     * `1y` - 1y
                 *     * `2y` - 2y
                 *     * `5y` - 5y
                 *     * `max` - max
                 */
                period?: "1d" | "5d" | "1m" | "3m" | "6m" | "1y" | "2y" | "5y" | "max";
                /**
                 * @description Bars of this source only. Default: the serving source (the asset's preferred real source, else another real one, else synthetic demo data).
                 *
                 *     * `synthetic` - synthetic
                 *     * `alphavantage` - alphavantage
                 *     * `fdr` - fdr
                 *     * `csv` - csv
                 */
                source?: "synthetic" | "alphavantage" | "fdr" | "csv";
                /**
                 * @description Bar size.
                 *
                 *     * `daily` - daily
                 *     * `weekly` - weekly
                 */
                type?: "daily" | "weekly";
            };
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bars and their meta. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChartResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_income_statement: {
        parameters: {
            query?: {
                /** @description Newest reports to return. */
                limit?: number;
                /**
                 * @description Reporting period.
                 *
                 *     * `annual` - annual
                 *     * `quarterly` - quarterly
                 */
                period?: "annual" | "quarterly";
            };
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IncomeStatementResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stock_indicators: {
        parameters: {
            query?: {
                /** @description Compute on prices back-adjusted for splits and dividends (false: as collected). */
                adjusted?: boolean;
                /** @description ATR period. */
                atr_period?: number;
                /** @description Bollinger Bands period. */
                bb_period?: number;
                /** @description Bollinger Bands width in standard deviations. */
                bb_stddev?: number;
                /** @description Window in calendar days. */
                days?: number;
                /** @description Comma-separated EMA periods (2-500, 1 to 10 of them). */
                ema?: string;
                /** @description Comma-separated, any of rsi, macd, bbands, sma, ema, stoch, obv, atr (default: all). */
                indicators?: string;
                /** @description MACD fast EMA period; below macd_slow. */
                macd_fast?: number;
                /** @description MACD signal line period. */
                macd_signal?: number;
                /** @description MACD slow EMA period. */
                macd_slow?: number;
                /**
                 * @description Window to show, counted back from the latest bar (ignored when days is set).
                 *
                 *     * `1d` - 1d
                 *     * `5d` - 5d
                 *     * `1m` - 1m
                 *     * `3m` - 3m
                 *     * `6m` - 6m
                 *     * `1y` - 1y
                 *     * `2y` - 2y
                 *     * `5y` - 5y
                 *     * `max` - max
                 */
                period?: "1d" | "5d" | "1m" | "3m" | "6m" | "1y" | "2y" | "5y" | "max";
                /** @description RSI period. */
                rsi_period?: number;
                /** @description Comma-separated SMA periods (2-500, 1 to 10 of them), e.g. 20,50,200. */
                sma?: string;
                /** @description Stochastic %D period. */
                stoch_d?: number;
                /** @description Stochastic %K look-back period. */
                stoch_k?: number;
                /** @description Stochastic %K smoothing (slow %K) period. */
                stoch_smooth?: number;
                /**
                 * @description * `daily` - daily
                 *     * `weekly` - weekly
                 */
                type?: "daily" | "weekly";
            };
            header?: never;
            path: {
                /** @description Symbol, any case (aapl, btc-krw). */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorResponse"];
                };
            };
            /** @description A parameter is out of range; `fields` names it and what is allowed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_overview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_stocks_api_provenance_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Provenance"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown symbol. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_search_popular: {
        parameters: {
            query?: {
                /** @description Most assets to return. */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PopularResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_search_symbols: {
        parameters: {
            query: {
                /** @description Also ask the configured data provider when the local master has too few hits. */
                include_provider?: boolean;
                /** @description Part of a symbol or name, in English or Korean (`aap`, `apple`, `삼성`). */
                keywords: string;
                /** @description Most results to return (local and provider together). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResponse"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    stocks_search_validate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Any spelling; the answer says whether it can be a symbol. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidateResponse"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_alerts_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPriceAlertList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_alerts_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriceAlertCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceAlert"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_alerts_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceAlert"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_alerts_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PriceAlertUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceAlert"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_alerts_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_alerts_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPriceAlertUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceAlert"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_login_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenObtainPairRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenObtainPair"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_me_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ProfileRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_me_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedProfileRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_me_password_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_notifications_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Only unread ones. */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedNotificationList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_notifications_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_notifications_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_notifications_read_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Notification"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_notifications_read_all_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedRead"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolio_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Only this portfolio's (one of yours). */
                portfolio?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedHoldingList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolio_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldingCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holding"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolio_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holding"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolio_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["HoldingUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holding"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolio_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolio_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedHoldingUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Holding"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    users_portfolio_symbol_status: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Asset symbol in any case (`aapl`, `005930`, `btc-krw`); normalised to the canonical spelling (^[A-Z0-9][A-Z0-9.=\-]{0,23}$). Anything else is a 400. */
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SymbolStatus"];
                };
            };
            /** @description A parameter is invalid; `fields` names it and the allowed values. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` s. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPortfolioList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortfolioInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Portfolio"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Portfolio"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortfolioInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Portfolio"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPortfolioInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Portfolio"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_allocation_retrieve: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Allocation"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The stored data cannot value the portfolio (no exchange rate). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_history_retrieve: {
        parameters: {
            query?: {
                end?: string;
                start?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["History"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The stored data cannot value the portfolio (no exchange rate). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_snapshots_list: {
        parameters: {
            query?: {
                /** @description Only snapshots taken at or after this ISO 8601 date-time. */
                since?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Snapshot"][];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_portfolios_valuation_retrieve: {
        parameters: {
            query?: {
                date?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Valuation"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The stored data cannot value the portfolio (no exchange rate). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    portfolio_risk: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                portfolio_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioRisk"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_register_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Registered"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_token_refresh_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRefreshOfLiveUserRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenRefreshOfLiveUser"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_transactions_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Only this portfolio's (one of yours). */
                portfolio?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedTransactionList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_transactions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransactionCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_transactions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_transactions_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["TransactionUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_transactions_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_transactions_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedTransactionUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transaction"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_list: {
        parameters: {
            query?: {
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedWatchlistList"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WatchlistInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchlist"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchlist"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WatchlistInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchlist"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedWatchlistInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchlist"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_items_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SymbolInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Watchlist"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_watchlists_items_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                symbol: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_web_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    v1_users_web_refresh_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebRefreshRequestRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebAccess"];
                };
            };
            /** @description A parameter or the body is invalid; `fields` says which and why. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Signed in but not allowed (or a session request without its CSRF token). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The symbol, the object or the path does not exist (or is not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Throttled; retry after `retry_after` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
