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
