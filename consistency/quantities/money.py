"""Currencies: symbols and codes before a number, currency words after it.

Money keeps its currency: the unit is an ISO 4217 code ("$4.5 billion" -> USD,
"€3.9bn" -> EUR, "1.23 billion shekels" -> ILS). A bare "$" is read as USD.
Minor units (cents, pence, sen) keep their own unit name and convert to the
main currency in the canonical interval (19 cents -> 0.19 USD).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency written next to a number: its unit name, ISO code and the code's share of it."""

    unit: str
    code: str
    per_main_unit: float = 1.0


def _c(code: str) -> Currency:
    return Currency(code, code)


#: Prefixes written before the number, longest first within the regex.
_PREFIXES: tuple[tuple[str, str], ...] = (
    (r"US[ \u00a0]?\$|U\.S\.[ \u00a0]?\$|\$[ \u00a0]?US(?![A-Za-z])|USD", "USD"),
    (r"AU?[ \u00a0]?\$|\$[ \u00a0]?AU?(?![A-Za-z])|AUD", "AUD"),
    (r"CA?[ \u00a0]?\$|\$[ \u00a0]?CA?N?(?![A-Za-z])|CAD", "CAD"),
    (r"NZ[ \u00a0]?\$|\$[ \u00a0]?NZ(?![A-Za-z])|NZD", "NZD"),
    (r"HK[ \u00a0]?\$|\$[ \u00a0]?HK(?![A-Za-z])|HKD", "HKD"),
    (r"S[ \u00a0]?\$|SGD", "SGD"),
    (r"NT[ \u00a0]?\$|TWD", "TWD"),
    (r"R\$|BRL", "BRL"),
    (r"MX\$|MXN", "MXN"),
    (r"\$", "USD"),
    (r"£|GBP|PS", "GBP"),
    (r"€|EUR", "EUR"),
    (r"CN¥|RMB|CNY", "CNY"),
    (r"¥|JPY|Y=", "JPY"),
    (r"₹|INR|Rs\.?", "INR"),
    (r"₩|KRW", "KRW"),
    (r"₪|ILS|NIS", "ILS"),
    (r"RM|MYR", "MYR"),
    (r"CHF", "CHF"),
    (r"₽|RUB", "RUB"),
    (r"₺|TRY", "TRY"),
)

#: Currency words after the number (lowercase keys; plural and singular).
_SUFFIXES: dict[str, Currency] = {
    **{w: _c("USD") for w in ("us dollars", "u.s. dollars", "american dollars", "dollars", "dollar", "bucks", "usd", "us", "u.s.")},
    **{w: _c("AUD") for w in ("australian dollars", "australian dollar", "aud")},
    **{w: _c("CAD") for w in ("canadian dollars", "canadian dollar", "cad")},
    **{w: _c("NZD") for w in ("new zealand dollars", "new zealand dollar", "nzd")},
    **{w: _c("HKD") for w in ("hong kong dollars", "hkd")},
    **{w: _c("SGD") for w in ("singapore dollars", "singaporean dollars", "sgd")},
    **{w: _c("EUR") for w in ("euros", "euro", "eur", "€")},
    **{w: _c("GBP") for w in ("pounds sterling", "sterling", "quid", "gbp", "£")},
    **{w: _c("JPY") for w in ("japanese yen", "yen", "jpy")},
    **{w: _c("CNY") for w in ("chinese yuan", "yuan", "renminbi", "rmb", "cny")},
    **{w: _c("ILS") for w in ("shekels", "shekel", "new israeli shekels", "nis", "ils")},
    **{w: _c("DKK") for w in ("danish crowns", "danish kroner", "danish krone", "dkk")},
    **{w: _c("SEK") for w in ("swedish crowns", "swedish kronor", "sek")},
    **{w: _c("NOK") for w in ("norwegian crowns", "norwegian kroner", "nok")},
    **{w: _c("INR") for w in ("indian rupees", "rupees", "rupee", "crore rupees", "inr")},
    **{w: _c("MYR") for w in ("ringgit", "myr")},
    **{w: _c("RUB") for w in ("roubles", "rubles", "rub")},
    **{w: _c("TRY") for w in ("turkish lira", "lira")},
    **{w: _c("ZAR") for w in ("south african rand", "rand", "zar")},
    **{w: _c("CHF") for w in ("swiss francs", "francs", "chf")},
    **{w: _c("MXN") for w in ("mexican pesos", "pesos", "mxn")},
    **{w: _c("NGN") for w in ("naira",)},
    **{w: _c("KRW") for w in ("korean won", "south korean won", "krw")},
    **{w: _c("HRK") for w in ("kuna", "kn")},
    **{w: _c("BTC") for w in ("bitcoins", "bitcoin", "btc")},
    **{w: Currency("cent", "USD", 100) for w in ("cents", "cent", "¢", "c")},
    **{w: Currency("dime", "USD", 10) for w in ("dimes", "dime")},
    **{w: Currency("penny", "GBP", 100) for w in ("pence", "penny", "p")},
    **{w: Currency("sen", "MYR", 100) for w in ("sen",)},
}
#: Words read as money only directly after a number (never "5 c" alone).
_ATTACHED_SUFFIXES = {"p", "c", "€", "£", "¢"}
_SUFFIX_RE = re.compile(
    r"(?P<gap>[ \u00a0]?)(?P<w>" + "|".join(
        re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in sorted(_SUFFIXES, key=len, reverse=True)
    ) + r")(?![\w€£¢])",
    re.I,
)
#: Words that count only in exactly this spelling ("US", not "us"; "p", not "P").
_EXACT = {
    "us": "US", "u.s.": "U.S.", "p": "p", "c": "c", "kn": "kn",
    **{code: code.upper() for code in (
        "usd", "eur", "gbp", "jpy", "cny", "nis", "ils", "aud", "cad", "nzd", "hkd", "sgd", "inr", "myr",
        "rub", "zar", "chf", "mxn", "krw", "dkk", "sek", "nok", "rmb", "btc",
    )},
}
#: Every ISO code the currency words know is read before a number too ("SEK 3.5 million", "NOK 120");
#: not "BTC", written after its amount ("3 BTC"), which before a number is rather a name ("BTC 3").
_PREFIXES += tuple((code, code) for code in sorted({c.code for c in _SUFFIXES.values()} - {code for _, code in _PREFIXES} - {"BTC"}))
_PREFIX_RE = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_PREFIXES)) + r")[ \u00a0]?(?P<sign>[-−–])?$"
)
#: "pounds" is money after a scale word ("20 million pounds"), a weight otherwise.
_POUNDS_RE = re.compile(r"(?P<gap>[ \u00a0])(?P<w>pounds)(?![\w])", re.I)


def currency_before(text: str, start: int) -> tuple[Currency, int, bool] | None:
    """A currency symbol or code written just before ``start``: (currency, its start, minus sign?)."""
    m = _PREFIX_RE.search(text, max(0, start - 8), start)
    if not m or (m.group().startswith("PS") and m.end() - m.start() > 2):
        return None
    for i, (_, code) in enumerate(_PREFIXES):
        if m[f"c{i}"] is not None:
            return _c(code), m.start(), m["sign"] is not None
    return None  # pragma: no cover - one group always matches


def currency_after(text: str, end: int, *, scaled: bool, after_symbol: str | None) -> tuple[Currency, int] | None:
    """A currency word written right after a number ending at ``end``: (currency, new end).

    ``scaled`` says a scale word was read ("20 million pounds" is money);
    ``after_symbol`` is the code of a prefix already read, so "$500 US" only
    extends the span and "$1.25 sterling" is not double-counted.
    """
    if scaled:
        p = _POUNDS_RE.match(text, end)
        if p:
            return _c("GBP"), p.end()
    m = _SUFFIX_RE.match(text, end)
    if not m:
        return None
    word = m["w"]
    key = re.sub(r"[ \u00a0]+", " ", word.lower())
    if key in _EXACT and word != _EXACT[key]:
        return None
    if key == "c" and m["gap"]:
        return None
    if key in _ATTACHED_SUFFIXES and m["gap"] and key != "p":
        return None
    if key == "p" and re.match(r"\.[A-Za-z]", text[m.end(): m.end() + 2]):
        return None  # "p.m.", "p.a."
    currency = _SUFFIXES[key]
    if after_symbol is not None and key not in ("us", "usd", "u.s.") and currency.code != after_symbol:
        return None
    if key in ("us", "u.s.") and after_symbol != "USD":
        return None
    return currency, m.end()
