// /health (staff): job runs with their per-asset results, the health check table, quality flags.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";

import { api, unwrap } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { SignedInPage } from "../../components/RequireSignIn/RequireSignIn";
import { formatDate, formatDateTime, formatNumber } from "../../format";
import { commonText } from "../../i18n/common";
import { useLang, useText } from "../../i18n";
import "../portfolio/portfolio.css";
import { healthText } from "./text";

const PAGE_SIZE = 20;
const STATUSES = ["running", "success", "partial_failure", "failure"] as const;
type Status = (typeof STATUSES)[number];
const KINDS = ["gap", "spike", "ohlc"] as const;
type Kind = (typeof KINDS)[number];

function Pager({ page, count, onPage, label }: { page: number; count: number; onPage: (p: number) => void; label: string }) {
  const t = useText(healthText);
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t("previous")}
      </button>
      <span>{t("page", { page, pages })}</span>
      <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t("next")}
      </button>
    </nav>
  );
}

/** A per-asset result as "key: value · key: value" (its shape depends on the job). */
function describe(result: unknown): string {
  if (typeof result !== "object" || result === null) return scalar(result);
  return Object.entries(result as Record<string, unknown>)
    .filter(([, value]) => value !== "" && value !== null)
    .map(([key, value]) => `${key}: ${scalar(value)}`)
    .join(" · ");
}

function scalar(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

function JobResults({ id }: { id: number }) {
  const t = useText(healthText);
  const detail = useQuery({
    queryKey: ["health", "job", id],
    queryFn: () => unwrap(api.GET("/api/v1/collector/jobs/{id}/", { params: { path: { id: String(id) } } })),
  });
  if (detail.error) return <ApiErrorMessage error={detail.error} />;
  if (detail.data === undefined) return null;
  const entries = Object.entries(detail.data.results);
  if (entries.length === 0) return <p className="muted">{t("noResults")}</p>;
  return (
    <div className="table-scroll">
      <table className="data">
        <tbody>
          {entries.map(([symbol, result]) => (
            <tr key={symbol}>
              <th scope="row">{symbol}</th>
              <td className="small">{describe(result)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Loading() {
  const common = useText(commonText);
  return (
    <p className="small" role="status">
      {common("loading")}
    </p>
  );
}

function Jobs() {
  const t = useText(healthText);
  const { locale } = useLang();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status | "">("");
  const [open, setOpen] = useState<number | null>(null);
  const jobs = useQuery({
    queryKey: ["health", "jobs", page, status],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/collector/jobs/", {
          params: { query: { page, page_size: PAGE_SIZE, ...(status ? { status } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="jobs-title">
      <div className="page-head">
        <h2 id="jobs-title">{t("jobs")}</h2>
        <label className="field">
          <span className="visually-hidden">{t("status")}</span>
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status | "");
              setPage(1);
            }}
          >
            <option value="">{t("allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status_${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {jobs.error ? (
        <ApiErrorMessage error={jobs.error} what={t("jobs")} />
      ) : jobs.data === undefined ? (
        <Loading />
      ) : jobs.data.results.length === 0 ? (
        <p className="muted">{t("noJobs")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data" data-testid="jobs-table">
            <thead>
              <tr>
                <th scope="col">{t("job")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("provider")}</th>
                <th scope="col">{t("started")}</th>
                <th scope="col" className="num">{t("duration")}</th>
                <th scope="col" className="num">{t("assets")}</th>
                <th scope="col">{t("errors")}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.data.results.map((job) => (
                <Fragment key={job.id}>
                  <tr>
                    <th scope="row">
                      {job.job_name} <span className="muted small">#{job.id}</span>
                    </th>
                    <td>
                      <span className={`badge job-${job.status}`}>{t(`status_${job.status as Status}`)}</span>
                    </td>
                    <td>{job.provider || "–"}</td>
                    <td className="nowrap">{formatDateTime(job.started_at, locale)}</td>
                    <td className="num">
                      {job.duration_seconds === null ? "–" : t("seconds", { s: formatNumber(job.duration_seconds, locale, 1) })}
                    </td>
                    <td className="num">
                      {job.asset_count > 0 ? (
                        <button
                          type="button"
                          className="link-button"
                          aria-expanded={open === job.id}
                          onClick={() => setOpen(open === job.id ? null : job.id)}
                        >
                          {job.asset_count} · {open === job.id ? t("hideResults") : t("showResults")}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                    <td className="small">
                      {typeof (job.error_summary as { message?: unknown } | null)?.message === "string"
                        ? (job.error_summary as { message: string }).message
                        : ""}
                    </td>
                  </tr>
                  {open === job.id && (
                    <tr>
                      <td colSpan={7}>
                        <JobResults id={job.id} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} count={jobs.data?.count ?? 0} onPage={setPage} label={t("jobs")} />
    </section>
  );
}

function Freshness() {
  const t = useText(healthText);
  const { locale } = useLang();
  const [onlyStale, setOnlyStale] = useState(false);
  const rows = useQuery({
    queryKey: ["health", "freshness"],
    queryFn: () => unwrap(api.GET("/api/v1/collector/freshness/")),
  });
  const data = rows.data ?? [];
  const count = (status: string) => data.filter((r) => r.status === status).length;
  const shown = onlyStale ? data.filter((r) => r.status !== "OK") : data;
  return (
    <section className="card" aria-labelledby="fresh-title">
      <div className="page-head">
        <h2 id="fresh-title">{t("freshness")}</h2>
        <label className="check">
          <input type="checkbox" checked={onlyStale} onChange={(e) => setOnlyStale(e.target.checked)} />
          {t("onlyStale")}
        </label>
      </div>
      {rows.error ? (
        <ApiErrorMessage error={rows.error} what={t("freshness")} />
      ) : rows.data === undefined ? (
        <Loading />
      ) : (
        <>
          <p data-testid="freshness-summary">
            {t("freshnessSummary", { ok: count("OK"), stale: count("STALE"), unknown: count("UNKNOWN"), n: data.length })}
          </p>
          <div className="table-scroll tall">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t("symbol")}</th>
                  <th scope="col">{t("exchange")}</th>
                  <th scope="col">{t("latest")}</th>
                  <th scope="col">{t("expected")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("detail")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.symbol}>
                    <th scope="row">{row.symbol}</th>
                    <td>{row.exchange}</td>
                    <td className="nowrap">{formatDate(row.latest, locale)}</td>
                    <td className="nowrap">{formatDate(row.expected, locale)}</td>
                    <td>
                      <span className={`badge fresh-${row.status}`}>{row.status}</span>
                    </td>
                    <td className="small">{row.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Flags() {
  const t = useText(healthText);
  const { locale } = useLang();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<Kind | "">("");
  const flags = useQuery({
    queryKey: ["health", "flags", page, kind],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/collector/quality-flags/", {
          params: { query: { page, page_size: PAGE_SIZE, ...(kind ? { kind } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="flags-title">
      <div className="page-head">
        <h2 id="flags-title">{t("flags")}</h2>
        <label className="field">
          <span className="visually-hidden">{t("kind")}</span>
          <select
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind | "");
              setPage(1);
            }}
          >
            <option value="">{t("allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {flags.error ? (
        <ApiErrorMessage error={flags.error} what={t("flags")} />
      ) : flags.data === undefined ? (
        <Loading />
      ) : flags.data.results.length === 0 ? (
        <p className="muted">{t("noFlags")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("symbol")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("detail")}</th>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("reviewed")}</th>
              </tr>
            </thead>
            <tbody>
              {flags.data.results.map((flag) => (
                <tr key={flag.id}>
                  <th scope="row">{flag.symbol}</th>
                  <td className="nowrap">{formatDate(flag.date, locale)}</td>
                  <td>{t(`kind_${flag.kind}`)}</td>
                  <td className="small">{flag.detail}</td>
                  <td>{flag.source || "–"}</td>
                  <td>{flag.reviewed ? t("yes") : t("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} count={flags.data?.count ?? 0} onPage={setPage} label={t("flags")} />
    </section>
  );
}

function Health() {
  const t = useText(healthText);
  const common = useText(commonText);
  // One cheap call decides whether this user may see the page at all.
  const probe = useQuery({
    queryKey: ["health", "jobs", 1, ""],
    queryFn: () => unwrap(api.GET("/api/v1/collector/jobs/", { params: { query: { page: 1, page_size: PAGE_SIZE } } })),
  });
  if (probe.error instanceof ApiError && probe.error.status === 403) return <p className="card">{t("staffOnly")}</p>;
  if (probe.isPending) return <p className="muted">{common("loading")}</p>;
  return (
    <>
      <Freshness />
      <Jobs />
      <Flags />
    </>
  );
}

export default function HealthPage() {
  const t = useText(healthText);
  return (
    <SignedInPage title={t("title")} intro={t("intro")} signIn={t("signIn")}>
      <Health />
    </SignedInPage>
  );
}
