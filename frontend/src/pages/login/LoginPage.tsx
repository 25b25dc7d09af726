// /login: username and password; back to where the user came from (?next=).
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";

import { ApiError } from "../../api/errors";
import { useAuthActions } from "../../auth/useAuth";
import { ApiErrorMessage } from "../../components/ApiErrorMessage/ApiErrorMessage";
import { usePageTitle } from "../../components/usePageTitle";
import { useText } from "../../i18n";
import { TextField, safeNext } from "../account/fields";
import { accountText } from "../account/text";

export default function LoginPage() {
  const t = useText(accountText);
  usePageTitle(t("loginTitle"));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { login } = useAuthActions();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const next = safeNext(params.get("next"));
  const submit = useMutation({
    mutationFn: () => login({ username, password }),
    onSuccess: () => void navigate(next, { replace: true }),
  });
  const errors = submit.error instanceof ApiError ? submit.error.fieldErrors : {};
  return (
    <section className="page auth-page">
      <h1>{t("loginTitle")}</h1>
      {params.get("expired") && (
        <p className="notice" role="status">
          {t("expired")}
        </p>
      )}
      <form
        className="form card"
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate();
        }}
      >
        <TextField label={t("username")} name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} errors={errors.username} />
        <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} errors={errors.password} />
        {submit.error && <ApiErrorMessage error={submit.error} what={t("loggingIn")} />}
        <button type="submit" className="btn btn-primary" disabled={submit.isPending}>
          {t("submitLogin")}
        </button>
        <p className="muted">
          {t("noAccount")} <Link to={`/register${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`}>{t("registerTitle")}</Link>
        </p>
      </form>
    </section>
  );
}
