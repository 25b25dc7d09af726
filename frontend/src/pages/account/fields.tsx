// Labelled form fields that show the server's per-field errors beneath them.
import { useId } from "react";
import type { InputHTMLAttributes, ReactNode } from "react";

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string;
  errors?: string[] | undefined;
}

export function TextField({ label, hint, errors, ...input }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={described || undefined} {...input} />
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      {errors?.length ? (
        <span id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </span>
      ) : null}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  hint?: string;
  errors?: string[] | undefined;
}

export function SelectField({ label, value, onChange, children, hint, errors }: SelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        {children}
      </select>
      {hint && (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      )}
      {errors?.length ? <span className="field-error">{errors.join(" ")}</span> : null}
    </div>
  );
}

/** The IANA zones this browser knows, the user's own first. */
export function timeZones(): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["Asia/Seoul", "America/New_York", "UTC"];
  return [own, ...all.filter((zone) => zone !== own)];
}

/** A safe place to go back to after logging in: a path on this site, never another origin. */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")) return "/";
  return next;
}
