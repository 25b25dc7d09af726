// A form field that picks a symbol: a labelled combobox over the header's search (by symbol and
// English or Korean name). Typing a symbol and leaving the field keeps it as typed.
import { useId, useState } from "react";
import type { KeyboardEvent } from "react";

import { ApiError } from "../../api/errors";
import type { Schemas } from "../../api/client";
import { useDebouncedValue } from "../../hooks/useDebouncedValue";
import { useText } from "../../i18n";
import { SEARCH_DEBOUNCE_MS, useSymbolSearch } from "../SymbolSearch/useSymbolSearch";
import { pickerText } from "./text";

type Result = Schemas["SearchResult"];

interface Props {
  label: string;
  value: string;
  onChange: (symbol: string) => void;
  required?: boolean;
  error?: string | undefined;
}

export function SymbolPicker({ label, value, onChange, required = false, error }: Props) {
  const t = useText(pickerText);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const keywords = useDebouncedValue(value.trim(), SEARCH_DEBOUNCE_MS);
  const search = useSymbolSearch(open ? keywords : "");
  const results: Result[] = open && keywords.length > 0 ? (search.data?.results ?? []) : [];
  const throttled = search.error instanceof ApiError && search.error.status === 429 ? search.error : null;
  const showList = open && keywords.length > 0;

  function pick(result: Result) {
    onChange(result.symbol);
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (results.length === 0 ? -1 : (i + 1) % results.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (results.length === 0 ? -1 : i <= 0 ? results.length - 1 : i - 1));
    } else if (event.key === "Enter" && showList && active >= 0 && results[active] !== undefined) {
      event.preventDefault();
      pick(results[active]);
    } else if (event.key === "Escape" && showList) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <div className="field symbol-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoComplete="off"
        spellCheck={false}
        required={required}
        value={value}
        onChange={(event) => {
          onChange(event.target.value.toUpperCase());
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={label} className="search-list" hidden={!showList}>
        {throttled !== null ? (
          <li className="search-note" role="presentation">
            {t("throttled", { s: throttled.retryAfter ?? 60 })}
          </li>
        ) : results.length === 0 ? (
          <li className="search-note" role="presentation">
            {search.isFetching ? t("searching") : t("noMatches", { q: keywords })}
          </li>
        ) : (
          results.map((result, index) => (
            <li
              key={`${result.source}-${result.symbol}`}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "search-option active" : "search-option"}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(result)}
            >
              <span className="search-symbol">{result.symbol}</span>
              <span className="search-name">
                {result.name}
                {result.name_local && result.name_local !== result.name && <span lang="ko"> · {result.name_local}</span>}
              </span>
              <span className="search-meta">
                {result.collected ? (result.exchange ?? result.market ?? "") : (
                  <span className="badge badge-muted">{t("notCollected")}</span>
                )}
              </span>
            </li>
          ))
        )}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {showList && results.length > 0 ? t("results", { n: results.length }) : ""}
      </span>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
