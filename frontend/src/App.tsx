// Providers and routes. Each page is its own chunk so a first load fetches only what it shows.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy } from "react";
import { BrowserRouter, Route, Routes } from "react-router";

import { ApiError } from "./api/errors";
import { Shell } from "./components/Shell/Shell";
import { LangProvider } from "./i18n";
import { LiveWiring } from "./realtime/LiveWiring";
import { ThemeProvider } from "./theme";

const DashboardPage = lazy(() => import("./pages/dashboard/DashboardPage"));
const StockPage = lazy(() => import("./pages/stock/StockPage"));
const LoginPage = lazy(() => import("./pages/login/LoginPage"));
const RegisterPage = lazy(() => import("./pages/register/RegisterPage"));
const MePage = lazy(() => import("./pages/me/MePage"));
const PortfoliosPage = lazy(() => import("./pages/portfolios/PortfoliosPage"));
const PortfolioPage = lazy(() => import("./pages/portfolio/PortfolioPage"));
const ScreenerPage = lazy(() => import("./pages/screener/ScreenerPage"));
const WatchlistsPage = lazy(() => import("./pages/watchlists/WatchlistsPage"));
const AlertsPage = lazy(() => import("./pages/alerts/AlertsPage"));
const NotificationsPage = lazy(() => import("./pages/notifications/NotificationsPage"));
const HealthPage = lazy(() => import("./pages/health/HealthPage"));
const NotFoundPage = lazy(() => import("./pages/not-found/NotFoundPage"));

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change on retry; a network error or 5xx may.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

const queryClient = makeQueryClient();

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<DashboardPage />} />
        <Route path="stocks/:symbol" element={<StockPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="portfolios" element={<PortfoliosPage />} />
        <Route path="portfolios/:id" element={<PortfolioPage />} />
        <Route path="screener" element={<ScreenerPage />} />
        <Route path="watchlists" element={<WatchlistsPage />} />
        <Route path="alerts" element={<AlertsPage />} />
        <Route path="notifications" element={<NotificationsPage />} />
        <Route path="health" element={<HealthPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <ThemeProvider>
          <BrowserRouter>
            <LiveWiring />
            <AppRoutes />
          </BrowserRouter>
        </ThemeProvider>
      </LangProvider>
    </QueryClientProvider>
  );
}
