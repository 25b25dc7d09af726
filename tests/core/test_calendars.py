import datetime as dt

from stockvis.core.calendars import is_session, previous_session, sessions_between


def test_nyse_sessions_skip_weekends_and_thanksgiving() -> None:
    days = sessions_between("XNYS", dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert dt.date(2026, 11, 26) not in days  # Thanksgiving
    assert [d.weekday() for d in days] == [0, 1, 2, 4]


def test_krx_sessions_skip_korean_holidays() -> None:
    # Chuseok 2025 fell on 6-8 October (with a substitute holiday on the 8th and 9th is Hangul Day).
    assert not is_session("XKRX", dt.date(2025, 10, 6))
    assert not is_session("XKRX", dt.date(2025, 10, 9))
    assert is_session("XKRX", dt.date(2025, 10, 13))


def test_crypto_trades_every_day_and_fx_every_weekday() -> None:
    week = (dt.date(2026, 11, 16), dt.date(2026, 11, 22))
    assert len(sessions_between("24/7", *week)) == 7
    assert len(sessions_between("24/5", *week)) == 5


def test_previous_session_of_a_sunday_is_the_friday_before() -> None:
    assert previous_session("XKRX", dt.date(2026, 11, 22)) == dt.date(2026, 11, 20)
    assert previous_session("24/7", dt.date(2026, 11, 22)) == dt.date(2026, 11, 21)


def test_session_close_is_the_exchange_close_in_utc_and_midnight_for_round_the_clock_markets() -> (
    None
):
    from stockvis.core.calendars import session_close

    assert session_close("XNYS", dt.date(2026, 11, 20)) == dt.datetime(
        2026, 11, 20, 21, 0, tzinfo=dt.UTC
    )
    assert session_close("XKRX", dt.date(2026, 11, 20)) == dt.datetime(
        2026, 11, 20, 6, 30, tzinfo=dt.UTC
    )
    assert session_close("24/7", dt.date(2026, 11, 22)) == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)


def test_markets_are_open_only_during_their_sessions() -> None:
    from stockvis.core.calendars import is_open_at, local_date

    assert is_open_at("XKRX", dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC))  # 10:00 in Seoul
    assert not is_open_at("XKRX", dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.UTC))  # 16:00, closed
    assert not is_open_at("XNYS", dt.datetime(2026, 11, 26, 15, 0, tzinfo=dt.UTC))  # Thanksgiving
    assert local_date("XKRX", dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.UTC)) == dt.date(
        2026, 11, 21
    )


def test_sessions_older_than_twenty_years_are_known() -> None:
    # Two decades before any plausible "today" of this suite: the default calendar misses them.
    days = sessions_between("XNYS", dt.date(1990, 12, 21), dt.date(1990, 12, 28))
    assert days == [
        dt.date(1990, 12, 21),
        dt.date(1990, 12, 24),
        dt.date(1990, 12, 26),
        dt.date(1990, 12, 27),
        dt.date(1990, 12, 28),
    ]


def test_a_calendar_covering_old_dates_is_built_once_per_coverage() -> None:
    from stockvis.core.calendars import calendar_covering

    first = calendar_covering("XKRX", dt.date(2001, 3, 2), dt.date(2002, 1, 1))
    again = calendar_covering("XKRX", dt.date(2005, 7, 1), dt.date(2006, 1, 1))

    assert first is again
    assert first.first_session.year == 2000
    assert is_session("XKRX", dt.date(2001, 3, 2))
    assert not is_session("XKRX", dt.date(2001, 3, 1))  # Independence Movement Day


def test_krx_history_starts_where_its_holidays_are_recorded() -> None:
    assert sessions_between("XKRX", dt.date(1900, 1, 1), dt.date(1955, 12, 31)) == []
    assert sessions_between("XKRX", dt.date(1956, 1, 1), dt.date(1956, 1, 10))
