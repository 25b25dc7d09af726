// The header's symbol search: an ARIA combobox with a listbox of matches (arrows move, Enter opens,
// Escape closes). Enter before the debounced results arrive still lands on the best match.
import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { useNavigate } from "react-router";

import { ApiError } from "../../api/errors";
import type { Schemas } from "../../api/client";
import { useDebouncedValue } from "../../hooks/useDebouncedValue";
import { useText } from "../../i18n";
import { searchText } from "./text";
import { SEARCH_DEBOUNCE_MS, searchQueryOptions, useSymbolSearch } from "./useSymbolSearch";

type Result = Schemas["SearchResult"];

export function SymbolSearch({ autoFocus = false }: { autoFocus?: boolean }) {
  const t = useText(searchText);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const keywords = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const search = useSymbolSearch(keywords);
  const results: Result[] = keywords.length > 0 ? (search.data?.results ?? []) : [];
  const throttled =
    search.error instanceof ApiError && search.error.status === 429 ? search.error : null;

  function go(result: Result | undefined, fallback: string) {
    const symbol = result?.symbol ?? fallback.toUpperCase();
    if (!symbol) return;
    setOpen(false);
    setActive(-1);
    setText("");
    inputRef.current?.blur();
    void navigate(`/stocks/${encodeURIComponent(symbol)}`);
  }

  async function submit() {
    const typed = text.trim();
    if (typed.length === 0) return;
    if (active >= 0 && results[active] !== undefined) {
      go(results[active], typed);
      return;
    }
    try {
      const fresh = await queryClient.fetchQuery(searchQueryOptions(typed));
      const best = fresh.results.find((r) => r.collected) ?? fresh.results[0];
      go(best, typed);
    } catch {
      // Searching failed (throttled, offline): try the text as a symbol.
      go(undefined, typed);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (results.length === 0 ? -1 : (i + 1) % results.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (results.length === 0 ? -1 : i <= 0 ? results.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape") {
      if (open) event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  }

  const showList = open && keywords.length > 0;
  const activeId = active >= 0 ? `${listId}-opt-${active}` : undefined;
  return (
    <div className="search" role="search">
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {t("label")}
      </label>
      <input
        id={`${listId}-input`}
        ref={inputRef}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={t("placeholder")}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      <ul id={listId} role="listbox" aria-label={t("label")} className="search-list" hidden={!showList}>
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
              id={`${listId}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "search-option active" : "search-option"}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(result, text)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="search-symbol">{result.symbol}</span>
              <span className="search-name">
                {result.name}
                {result.name_local && result.name_local !== result.name && (
                  <span lang="ko"> · {result.name_local}</span>
                )}
              </span>
              <span className="search-meta">
                {result.collected ? (result.exchange ?? result.market ?? "") : (
                  <span className="badge badge-muted" title={t("addHint")}>
                    {t("notCollected")}
                  </span>
                )}
              </span>
            </li>
          ))
        )}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {showList && results.length > 0 ? t("results", { n: results.length }) : ""}
      </span>
    </div>
  );
}
