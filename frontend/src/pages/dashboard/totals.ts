// Adds portfolio totals that may be in different base currencies into one currency.
import { toNumber } from "../../format";

export interface PortfolioFigures {
  currency: string;
  marketValue: number | null;
  cost: number | null;
  dayChange: number | null;
  realised: number | null;
}

export interface Combined {
  currency: string;
  marketValue: number;
  dayChange: number;
  dayChangePct: number | null;
  totalReturn: number | null;
  converted: boolean;
}

/**
 * Sum figures into `currency`, converting USD and KRW with `usdKrw` (won per dollar). Figures in a
 * currency that cannot be converted are left out rather than added at a wrong rate.
 */
export function combineTotals(figures: readonly PortfolioFigures[], currency: string, usdKrw: number | null): Combined {
  let marketValue = 0;
  let dayChange = 0;
  let cost = 0;
  let gain = 0;
  let converted = false;
  for (const f of figures) {
    let rate: number | null = 1;
    if (f.currency !== currency) {
      converted = true;
      if (usdKrw === null) rate = null;
      else if (f.currency === "USD" && currency === "KRW") rate = usdKrw;
      else if (f.currency === "KRW" && currency === "USD") rate = 1 / usdKrw;
      else rate = null;
    }
    if (rate === null) continue;
    const value = f.marketValue ?? 0;
    marketValue += value * rate;
    dayChange += (f.dayChange ?? 0) * rate;
    cost += (f.cost ?? 0) * rate;
    gain += (value - (f.cost ?? 0) + (f.realised ?? 0)) * rate;
  }
  const before = marketValue - dayChange;
  return {
    currency,
    marketValue,
    dayChange,
    dayChangePct: before > 0 ? dayChange / before : null,
    totalReturn: cost > 0 ? gain / cost : null,
    converted,
  };
}

export function figuresOf(total: {
  currency: string;
  market_value: string | null;
  cost: string | null;
  day_change: string | null;
  realised_pnl: string | null;
}): PortfolioFigures {
  return {
    currency: total.currency,
    marketValue: toNumber(total.market_value),
    cost: toNumber(total.cost),
    dayChange: toNumber(total.day_change),
    realised: toNumber(total.realised_pnl),
  };
}
