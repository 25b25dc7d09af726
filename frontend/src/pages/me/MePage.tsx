// /me: profile, base currency, time zone, Discord webhook, and the password change.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Navigate, useLocation } from "react-router";

import { api, unwrap } from "../../api/client";
import type { Schemas } from "../../api/client";
import { ApiError } from "../../api/errors";
import { ME_KEY, useAuthStatus, useMe } from "../../auth/useAuth";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { usePageTitle } from "../../components/usePageTitle";
import { commonText } from "../../i18n/common";
import { formatDate } from "../../format";
import { useLang, useText } from "../../i18n";
import { SelectField, TextField, timeZones } from "../account/fields";
import { accountText } from "../account/text";

type ProfileForm = Required<Pick<Schemas["PatchedProfileRequest"], "email" | "display_name" | "base_currency" | "timezone" | "discord_webhook_url">>;

function formOf(profile: Schemas["Profile"]): ProfileForm {
  return {
    email: profile.email ?? "",
    display_name: profile.display_name ?? "",
    base_currency: profile.base_currency ?? "KRW",
    timezone: profile.timezone ?? "UTC",
    discord_webhook_url: profile.discord_webhook_url ?? "",
  };
}

function ProfileSection({ profile }: { profile: Schemas["Profile"] }) {
  const t = useText(accountText);
  const queryClient = useQueryClient();
  const zones = useMemo(() => {
    const all = timeZones();
    return profile.timezone && !all.includes(profile.timezone) ? [profile.timezone, ...all] : all;
  }, [profile.timezone]);
  const [form, setForm] = useState<ProfileForm>(() => formOf(profile));
  // A saved or refetched profile resets the form (adjusted while rendering, not in an effect).
  const [formFor, setFormFor] = useState(profile);
  if (formFor !== profile) {
    setFormFor(profile);
    setForm(formOf(profile));
  }
  const set = (key: keyof ProfileForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const save = useMutation({
    mutationFn: () => unwrap(api.PATCH("/api/v1/users/me/", { body: form })),
    onSuccess: (updated) => queryClient.setQueryData(ME_KEY, updated),
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <form
      className="form card"
      aria-labelledby="profile-heading"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <h2 id="profile-heading">{t("profile")}</h2>
      <TextField label={t("displayName")} value={form.display_name} onChange={(e) => set("display_name")(e.target.value)} errors={errors.display_name} />
      <TextField label={t("email")} type="email" autoComplete="email" value={form.email} onChange={(e) => set("email")(e.target.value)} errors={errors.email} />
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
      <TextField label={t("discordWebhook")} type="url" placeholder={t("discordHint")} value={form.discord_webhook_url} onChange={(e) => set("discord_webhook_url")(e.target.value)} errors={errors.discord_webhook_url} />
      {save.error && <ApiErrorMessage error={save.error} what={t("saving")} />}
      {save.isSuccess && <p role="status">{t("saved")}</p>}
      <button type="submit" className="btn btn-primary" disabled={save.isPending}>
        {t("saveProfile")}
      </button>
    </form>
  );
}

function PasswordSection() {
  const t = useText(accountText);
  const [oldPassword, setOld] = useState("");
  const [newPassword, setNew] = useState("");
  const change = useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/users/me/password/", { body: { old_password: oldPassword, new_password: newPassword } })),
    onSuccess: () => {
      setOld("");
      setNew("");
    },
  });
  const errors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  return (
    <form
      className="form card"
      aria-labelledby="password-heading"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate();
      }}
    >
      <h2 id="password-heading">{t("changePassword")}</h2>
      <TextField label={t("oldPassword")} type="password" autoComplete="current-password" required value={oldPassword} onChange={(e) => setOld(e.target.value)} errors={errors.old_password} />
      <TextField label={t("newPassword")} type="password" autoComplete="new-password" required hint={t("passwordHint")} value={newPassword} onChange={(e) => setNew(e.target.value)} errors={errors.new_password} />
      {change.error && <ApiErrorMessage error={change.error} what={t("changingPassword")} />}
      {change.isSuccess && <p role="status">{t("passwordChanged")}</p>}
      <button type="submit" className="btn" disabled={change.isPending}>
        {t("changePassword")}
      </button>
    </form>
  );
}

export default function MePage() {
  const t = useText(accountText);
  const tc = useText(commonText);
  const { locale } = useLang();
  usePageTitle(t("meTitle"));
  const status = useAuthStatus();
  const location = useLocation();
  const me = useMe();
  if (status === "signed-out") return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <section className="page">
      <h1>{t("meTitle")}</h1>
      {me.error ? (
        <ApiErrorMessage error={me.error} what={t("loadingProfile")} onRetry={() => void me.refetch()} />
      ) : me.data === undefined ? (
        <p className="muted">{tc("loading")}</p>
      ) : (
        <>
          <p>
            <strong>{me.data.username}</strong> · <span className="muted">{t("memberSince", { date: formatDate(me.data.date_joined, locale) })}</span>
          </p>
          <div className="forms-row">
            <ProfileSection profile={me.data} />
            <PasswordSection />
          </div>
        </>
      )}
    </section>
  );
}
