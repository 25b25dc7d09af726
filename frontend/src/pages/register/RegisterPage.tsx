// /register: account with base currency and time zone; signed in at once.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import type { Schemas } from "../../api/client";
import { ApiError } from "../../api/errors";
import { useAuthActions } from "../../auth/useAuth";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { usePageTitle } from "../../components/usePageTitle";
import { useLang, useText } from "../../i18n";
import { SelectField, TextField, safeNext, timeZones } from "../account/fields";
import { accountText } from "../account/text";

export default function RegisterPage() {
  const t = useText(accountText);
  const { lang } = useLang();
  usePageTitle(t("registerTitle"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { register } = useAuthActions();
  const zones = useMemo(() => timeZones(), []);
  const currency: Schemas["CurrencyEnum"] = lang === "ko" ? "KRW" : "USD";
  const [form, setForm] = useState({
    username: "",
    password: "",
    email: "",
    display_name: "",
    base_currency: currency,
    timezone: zones[0] ?? "UTC",
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = useMutation({
    mutationFn: () => register(form),
    onSuccess: () => void navigate(safeNext(params.get("next")), { replace: true }),
  });
  const errors = submit.error instanceof ApiError ? submit.error.fieldErrors : {};
  return (
    <section className="page auth-page">
      <h1>{t("registerTitle")}</h1>
      <form
        className="form card"
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        <TextField label={t("username")} name="username" autoComplete="username" required minLength={3} value={form.username} onChange={(e) => set("username")(e.target.value)} errors={errors.username} />
        <TextField label={t("password")} name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} value={form.password} onChange={(e) => set("password")(e.target.value)} errors={errors.password} />
        <TextField label={t("email")} name="email" type="email" autoComplete="email" value={form.email} onChange={(e) => set("email")(e.target.value)} errors={errors.email} />
        <TextField label={t("displayName")} name="display_name" value={form.display_name} onChange={(e) => set("display_name")(e.target.value)} errors={errors.display_name} />
        <SelectField label={t("baseCurrency")} value={form.base_currency} onChange={set("base_currency")} hint={t("baseCurrencyHint")} errors={errors.base_currency}>
          <option value="KRW">KRW ₩</option>
          <option value="USD">USD $</option>
        </SelectField>
        <SelectField label={t("timezone")} value={form.timezone} onChange={set("timezone")} errors={errors.timezone}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        {submit.error && <ApiErrorMessage error={submit.error} what={t("registering")} />}
        <button type="submit" className="btn btn-primary" disabled={submit.isPending}>
          {t("submitRegister")}
        </button>
        <p className="muted">
          {t("haveAccount")} <Link to="/login">{t("loginTitle")}</Link>
        </p>
      </form>
    </section>
  );
}
