// Every number, amount, percentage and date the UI shows goes through here (Intl), so KRW never
// shows decimals, USD always two, and Korean pages count in 만/억/조.

const DASH = "–";

type Num = number | string | null | undefined;

/** API decimals arrive as strings ("1234.50"); anything not a finite number is missing. */
export function toNumber(value: Num): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Decimals a currency is shown with: none for KRW and JPY, two otherwise. */
export function currencyDigits(currency: string): number {
  return currency === "KRW" || currency === "JPY" ? 0 : 2;
}

export function formatMoney(value: Num, currency: string, locale: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const digits = currencyDigits(currency);
  try {
    return numberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(n);
  } catch {
    // Not an ISO currency code (an index's points): the number and the code.
    return `${formatNumber(n, locale, digits)} ${currency}`;
  }
}

export function formatNumber(value: Num, locale: string, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}

/** A price in its currency's precision, without the symbol (for tables and the chart legend). */
export function formatPrice(value: Num, currency: string, locale: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  // Sub-unit prices (a penny stock, an FX cross) need more than two decimals to move at all.
  const digits = Math.abs(n) < 1 && n !== 0 && currency !== "KRW" ? 4 : currencyDigits(currency);
  return formatNumber(n, locale, digits);
}

/** 0.0123 (a fraction) as "+1.23%"; `signed` adds the plus sign for gains. */
export function formatPercent(value: Num, locale: string, { signed = false, digits = 2 } = {}): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(n);
}

/** A change already in percent (1.23 meaning 1.23%), as the API's change_percent fields are. */
export function formatPercentPoints(value: Num, locale: string, signed = true): string {
  const n = toNumber(value);
  return n === null ? DASH : formatPercent(n / 100, locale, { signed });
}

export function formatSigned(value: Num, locale: string, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return numberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: "exceptZero",
  }).format(n);
}

const KOREAN_UNITS: readonly [number, string][] = [
  [1e12, "조"],
  [1e8, "억"],
  [1e4, "만"],
];

/**
 * Large amounts in human units: 1.2T, 345.6B, 7.8M in English; 1.2조, 3,456억, 12만 in Korean.
 * Korean counts in 억 up to 9,999억 because that is how amounts are read there.
 */
export function formatHuman(value: Num, locale: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const abs = Math.abs(n);
  if (locale.startsWith("ko")) {
    for (const [size, unit] of KOREAN_UNITS) {
      if (abs >= size) {
        const scaled = n / size;
        const digits = Math.abs(scaled) >= 100 ? 0 : 1;
        return `${numberFormat(locale, { maximumFractionDigits: digits }).format(scaled)}${unit}`;
      }
    }
    return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
  }
  return numberFormat(locale, {
    notation: "compact",
    compactDisplay: "short",
    maximumFractionDigits: 1,
  }).format(n);
}

/** A money amount in human units with its currency: "$1.2T", "3,456억 원". */
export function formatHumanMoney(value: Num, currency: string, locale: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const human = formatHuman(n, locale);
  if (locale.startsWith("ko")) return currency === "KRW" ? `${human}원` : `${human} ${currency}`;
  if (currency === "USD") return n < 0 ? `-$${human.slice(1)}` : `$${human}`;
  return `${human} ${currency}`;
}

function toDate(value: string | Date): Date | null {
  // A bare date ("2024-03-29") is a trading date, not a moment: read it as noon UTC so no time
  // zone moves it to the day before.
  const date =
    typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | Date | null | undefined, locale: string, timeZone = "UTC"): string {
  if (value === null || value === undefined) return DASH;
  const date = toDate(value);
  if (date === null) return DASH;
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", day: "numeric", timeZone }).format(date);
}

export function formatDateTime(
  value: string | Date | null | undefined,
  locale: string,
  timeZone?: string,
): string {
  if (value === null || value === undefined) return DASH;
  const date = toDate(value);
  if (date === null) return DASH;
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

/** "3 minutes ago" / "3분 전" from an ISO time, relative to `now`. */
export function formatRelative(value: string | null | undefined, locale: string, now: Date): string {
  if (!value) return DASH;
  const date = toDate(value);
  if (date === null) return DASH;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, "second");
  if (abs < 3600) return format.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return format.format(Math.round(seconds / 3600), "hour");
  return format.format(Math.round(seconds / 86400), "day");
}

/** "up", "down" or "flat", for colouring a change. */
export function direction(value: Num): "up" | "down" | "flat" {
  const n = toNumber(value);
  if (n === null || n === 0) return "flat";
  return n > 0 ? "up" : "down";
}
