// The app's sockets: /ws/portfolio/ while signed in (portfolio values, notifications) and
// /ws/stocks/<symbol>/ on a stock page (quotes). Feeds the live store the header and pages read,
// and shows each notification as it arrives.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Link, useMatch } from "react-router";

import { useAuthStatus } from "../auth/useAuth";
import { useText } from "../i18n";
import { publishQuote, setLiveStatus } from "../live";
import type { LiveQuote } from "../live";
import { clearLivePortfolios, publishPortfolioUpdate } from "./portfolioStore";
import "./realtime.css";
import { realtimeText } from "./text";
import { combineStatus, useSocket } from "./useSocket";
import type { SocketMessage } from "./useSocket";

interface Toast {
  id: number;
  title: string;
  message: string;
}

/** A quote message (snapshot or price_update) as the live store's quote, or null without a price. */
export function quoteFromMessage(message: SocketMessage): LiveQuote | null {
  if (message.type !== "price_update" && message.type !== "snapshot") return null;
  if (typeof message.symbol !== "string" || typeof message.price !== "number") return null;
  const num = (value: unknown) => (typeof value === "number" ? value : null);
  return {
    symbol: message.symbol,
    price: message.price,
    change: num(message.change),
    change_percent: num(message.change_percent),
    volume: num(message.volume),
    timestamp: typeof message.timestamp === "string" ? message.timestamp : new Date().toISOString(),
    source: typeof message.source === "string" ? message.source : undefined,
    synthetic: message.synthetic === true,
  };
}

export function LiveWiring() {
  const t = useText(realtimeText);
  const queryClient = useQueryClient();
  const auth = useAuthStatus();
  const stock = useMatch("/stocks/:symbol");
  const symbol = stock?.params.symbol?.toUpperCase();
  const [toasts, setToasts] = useState<Toast[]>([]);

  const onPortfolioMessage = useCallback(
    (message: SocketMessage) => {
      if (message.type === "portfolio_update") {
        publishPortfolioUpdate(message);
      } else if (message.type === "notification") {
        void queryClient.invalidateQueries({ queryKey: ["notifications"] });
        const id = typeof message.id === "number" ? message.id : Date.now();
        const toast = {
          id,
          title: typeof message.title === "string" ? message.title : "",
          message: typeof message.message === "string" ? message.message : "",
        };
        setToasts((shown) => [...shown.filter((s) => s.id !== id), toast].slice(-3));
      }
    },
    [queryClient],
  );
  const onQuoteMessage = useCallback((message: SocketMessage) => {
    const quote = quoteFromMessage(message);
    if (quote !== null) publishQuote(quote);
  }, []);

  const portfolio = useSocket(auth === "signed-in" ? "/ws/portfolio/" : null, {
    withToken: true,
    onMessage: onPortfolioMessage,
  });
  const quotes = useSocket(symbol ? `/ws/stocks/${encodeURIComponent(symbol)}/` : null, {
    onMessage: onQuoteMessage,
  });

  useEffect(() => setLiveStatus(combineStatus([portfolio, quotes])), [portfolio, quotes]);
  useEffect(() => {
    if (auth === "signed-out") clearLivePortfolios();
  }, [auth]);
  // Signing out drops the toasts at once (state adjusted while rendering, not in an effect).
  const [toastsOf, setToastsOf] = useState(auth);
  if (toastsOf !== auth) {
    setToastsOf(auth);
    if (auth === "signed-out") setToasts([]);
  }

  return (
    <div className="toasts" aria-live="polite" aria-atomic="false">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" role="status">
          <strong>{toast.title || t("newNotification")}</strong>
          {toast.message && <span>{toast.message}</span>}
          <span className="toast-actions">
            <Link to="/notifications" className="btn btn-small">
              {t("openNotifications")}
            </Link>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setToasts((shown) => shown.filter((s) => s.id !== toast.id))}
            >
              {t("dismiss")}
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
