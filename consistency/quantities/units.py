"""Unit lexicon: surface forms after a number -> normalised unit, dimension and pint expression.

`match_unit` reads the unit written right after a number ("13 miles", "21 km",
"6.1-inch", "2.14degF", "15 year-old"); `canonical` converts an interval to the
dimension's canonical unit with pint (loaded once, lazily): km and miles to
metres, degrees Celsius and Fahrenheit to kelvin, durations to seconds.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from consistency.quantities import numbers


@dataclass(frozen=True, slots=True)
class Unit:
    """A normalised unit. ``pint`` is the expression pint converts; None when not convertible."""

    name: str
    dimension: str
    pint: str | None = None


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found after a number; ``age`` marks "15-year-old" style ages."""

    unit: Unit
    end: int
    age: bool = False


# name, dimension, pint expression, word surfaces (case-insensitive), symbol surfaces (case-sensitive)
_LEXICON: tuple[tuple[str, str, str | None, tuple[str, ...], tuple[str, ...]], ...] = (
    ("percent", "percent", None, ("per cent", "percent", "per-cent", "percentage", "pct"), ("%", "pc")),
    ("percentage point", "percentage point", None, ("percentage points", "percentage point", "percent points"), ("pp", "ppt", "pts")),
    ("basis point", "percentage point", None, ("basis points", "basis point"), ("bps", "bp", "bsp")),
    ("point", "points", None, ("points", "point"), ()),
    ("times", "multiple", None, ("times", "fold"), ("x",)),
    ("cylinder", "count", None, ("cylinders", "cylinder"), ()),
    ("magnitude", "count", None, ("magnitude",), ()),  # an earthquake's, a reading on a scale: see `scales`
    # box-score abbreviations of a figure per game: read as what is counted with "game" as its
    # denominator (`rate_of`), like "points per game" and "points a game" are
    ("point per game", "rate", None, (), ("ppg",)),
    ("rebound per game", "rate", None, (), ("rpg",)),
    ("assist per game", "rate", None, (), ("apg",)),
    ("win above replacement", "count", None, ("wins above replacement",), ("WAR",)),
    ("touch down", "count", None, ("touchdowns", "touchdown"), ("TD", "TDs")),
    # length
    ("kilometre", "length", "km", ("kilometres", "kilometers", "kilometre", "kilometer"), ("km", "kms", "Km", "KM")),
    ("metre", "length", "m", ("metres", "meters", "metre", "meter"), ("m",)),
    ("centimetre", "length", "cm", ("centimetres", "centimeters", "centimetre", "centimeter"), ("cm",)),
    ("millimetre", "length", "mm", ("millimetres", "millimeters", "millimetre", "millimeter"), ("mm",)),
    ("micrometre", "length", "um", ("micrometres", "micrometers", "micrometre", "micrometer", "microns", "micron"), ("μm", "µm")),
    ("nanometre", "length", "nm", ("nanometres", "nanometers", "nanometre", "nanometer"), ("nm",)),
    ("mile", "length", "mile", ("miles", "mile"), ("mi",)),
    ("nautical mile", "length", "nautical_mile", ("nautical miles", "nautical mile"), ("nmi",)),
    ("foot", "length", "ft", ("feet", "foot"), ("ft", "FEET", "Feet", "'", "′")),
    ("inch", "length", "inch", ("inches", "inch"), ("″", "in.", '"')),
    ("yard", "length", "yard", ("yards", "yard"), ("yd", "yds")),
    # mass
    ("kilogram", "mass", "kg", ("kilograms", "kilogram", "kilogrammes", "kilogramme", "kilos", "kilo"), ("kg", "kgs")),
    ("gram", "mass", "g", ("grams", "gram", "grammes", "gramme"), ("g",)),
    ("milligram", "mass", "mg", ("milligrams", "milligram", "milligrammes"), ("mg",)),
    ("microgram", "mass", "ug", ("micrograms", "microgram"), ("μg", "µg", "mcg")),
    ("tonne", "mass", "tonne", ("tonnes", "tonne", "metric tons", "metric ton", "metric tonnes"), ("t",)),
    ("ton", "mass", "ton", ("tons", "ton"), ()),
    ("gigatonne", "mass", "gigatonne", ("gigatonnes", "gigatons", "gigatonne", "gigaton"), ("Gt",)),
    ("megatonne", "mass", "megatonne", ("megatonnes", "megatons", "megatonne", "megaton"), ("Mt",)),
    ("pound", "mass", "lb", ("pounds", "pound"), ("lb", "lbs")),
    ("ounce", "mass", "oz", ("ounces", "ounce"), ("oz",)),
    ("dram", "mass", "dram", ("drams", "dram"), ()),
    ("carat", "mass", "carat", ("carats", "carat"), ("ct",)),
    # time
    ("second", "time", "s", ("seconds", "second", "secs", "sec"), ()),
    ("minute", "time", "min", ("minutes", "minute", "mins", "min"), ()),
    ("hour", "time", "hour", ("hours", "hour", "hrs", "hr"), ("h",)),
    ("day", "time", "day", ("days", "day"), ()),
    ("week", "time", "week", ("weeks", "week"), ()),
    ("fortnight", "time", "fortnight", ("fortnights", "fortnight"), ()),
    ("month", "time", "month", ("months", "month"), ()),
    ("year", "time", "year", ("years", "year", "yrs", "yr", "annum"), ()),
    ("decade", "time", "10 * year", ("decades", "decade"), ()),
    ("century", "time", "century", ("centuries", "century"), ()),
    # temperature (bare "degrees" is an angle or a temperature: kept apart, not converted)
    ("degree Celsius", "temperature", "degC", ("degrees celsius", "degree celsius", "degrees centigrade", "celsius", "degrees c", "deg c", "degc"), ("°C", "° C", "ºC", "C", "℃")),
    ("degree Fahrenheit", "temperature", "degF", ("degrees fahrenheit", "degree fahrenheit", "fahrenheit", "degrees f", "deg f", "degf"), ("°F", "° F", "ºF", "F", "℉")),
    ("kelvin", "temperature", "K", ("kelvins", "kelvin"), ("K",)),
    ("degree", "degree", None, ("degrees", "degree"), ("°", "º")),
    # area
    ("square kilometre", "area", "km**2", ("square kilometres", "square kilometers", "square kilometre", "square kilometer", "sq km", "km squared", "kilometres squared"), ("km2", "km²", "km^2")),
    ("square metre", "area", "m**2", ("square metres", "square meters", "square metre", "square meter", "sq m", "sqm", "sq metres", "metres squared", "meters squared"), ("m2", "m²", "m^2")),
    ("square foot", "area", "ft**2", ("square feet", "square foot", "sq ft", "sq. ft.", "sq. ft", "sqft"), ("ft2", "ft²")),
    ("square mile", "area", "mile**2", ("square miles", "square mile", "sq mi", "sq miles"), ("mi2", "mi²")),
    ("acre", "area", "acre", ("acres", "acre"), ()),
    ("hectare", "area", "hectare", ("hectares", "hectare"), ("ha",)),
    # volume
    ("litre", "volume", "L", ("litres", "liters", "litre", "liter"), ("l", "L")),
    ("millilitre", "volume", "mL", ("millilitres", "milliliters", "millilitre", "milliliter"), ("ml", "mL")),
    ("centilitre", "volume", "cL", ("centilitres", "centiliters"), ("cl", "cL")),
    ("gallon", "volume", "gallon", ("gallons", "gallon"), ("gal",)),
    ("pint", "volume", "pint", ("pints", "pint"), ()),
    ("quart", "volume", "quart", ("quarts", "quart"), ()),
    ("cup", "volume", "cup", ("cups", "cup"), ()),
    ("tablespoon", "volume", "tbsp", ("tablespoons", "tablespoon"), ("tbsp",)),
    ("teaspoon", "volume", "tsp", ("teaspoons", "teaspoon"), ("tsp",)),
    ("fluid ounce", "volume", "fluid_ounce", ("fluid ounces", "fluid ounce", "fl oz", "us fluid ounces", "us fluid ounce"), ()),
    ("cubic metre", "volume", "m**3", ("cubic metres", "cubic meters", "cubic metre", "cubic meter"), ("m3", "m³")),
    ("cubic kilometre", "volume", "km**3", ("cubic kilometres", "cubic kilometers", "cubic kilometre", "cubic kilometer", "km cubed", "kilometres cubed"), ("km3", "km³", "km^3")),
    ("cubic foot", "volume", "ft**3", ("cubic feet", "cubic foot", "cu ft"), ()),
    ("barrel", "volume", "oil_barrel", ("barrels", "barrel"), ("bbl",)),
    # speed
    ("mile per gallon", "fuel economy", "mile/gallon", ("miles per gallon", "miles a gallon", "mpg"), ("MPG",)),
    ("mile per hour", "speed", "mph", ("miles per hour", "miles an hour", "mile per hour", "mph", "m.p.h."), ("MPH",)),
    ("kilometre per hour", "speed", "km/h", ("kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour", "kph", "kmh", "km/hr", "km/h", "kmph"), ()),
    ("metre per second", "speed", "m/s", ("metres per second", "meters per second", "metre per second", "meter per second"), ("m/s",)),
    ("knot", "speed", "knot", ("knots", "knot"), ("kt", "kts")),
    # power, energy, torque
    ("watt", "power", "W", ("watts", "watt"), ("W",)),
    ("kilowatt", "power", "kW", ("kilowatts", "kilowatt"), ("kW", "kw", "KW")),
    ("megawatt", "power", "MW", ("megawatts", "megawatt"), ("MW",)),
    ("gigawatt", "power", "GW", ("gigawatts", "gigawatt"), ("GW",)),
    ("terawatt", "power", "TW", ("terawatts", "terawatt"), ("TW",)),
    ("horsepower", "power", "hp", ("horsepower", "hp"), ("HP",)),
    ("brake horsepower", "power", "hp", ("brake horsepower", "bhp"), ()),
    ("metric horsepower", "power", "metric_horsepower", ("metric horsepower",), ("PS", "ps", "cv")),
    ("watt hour", "energy", "Wh", ("watt-hours", "watt hours"), ("Wh",)),
    ("kilowatt hour", "energy", "kWh", ("kilowatt-hours", "kilowatt hours", "kilowatt-hour", "kilowatt hour"), ("kWh",)),
    ("megawatt hour", "energy", "MWh", ("megawatt-hours", "megawatt hours"), ("MWh",)),
    ("gigawatt hour", "energy", "GWh", ("gigawatt-hours", "gigawatt hours"), ("GWh",)),
    ("terawatt hour", "energy", "TWh", ("terawatt-hours", "terawatt hours"), ("TWh",)),
    ("milliampere hour", "electric charge", "mA*h", ("milliamp hours", "milliampere hours"), ("mAh",)),
    ("calorie", "energy", "kcal", ("calories", "calorie", "kcal"), ()),
    ("joule", "energy", "J", ("joules", "joule"), ("J", "kJ")),
    ("gray", "radiation dose", "Gy", ("grays",), ("Gy",)),
    ("milligray", "radiation dose", "mGy", ("milligrays", "milligray"), ("mGy",)),
    ("sievert", "radiation dose", "Sv", ("sieverts", "sievert"), ("Sv",)),
    ("millisievert", "radiation dose", "mSv", ("millisieverts", "millisievert"), ("mSv",)),
    ("electronvolt", "energy", "eV", ("electronvolts", "electron volts"), ("eV",)),
    ("teraelectronvolt", "energy", "TeV", (), ("TeV",)),
    ("british thermal unit", "energy", "BTU", ("british thermal units", "btu", "btus"), ()),
    ("million british thermal units", "energy", "1e6 * BTU", ("million british thermal units", "mmbtu", "mmbtus"), ("MMBtu", "mmBtu", "mmBTU", "MMBTU")),
    ("newton metre", "torque", "N*m", ("newton metres", "newton meters", "newton-metres", "newton-meters"), ("Nm",)),
    ("pound-foot", "torque", "lbf*ft", ("pound-feet", "pound-foot", "lb-ft", "lb ft", "lb.-ft.", "foot-pounds", "ft-lb"), ()),
    ("revolution per minute", "frequency", "rpm", ("rpm", "revolutions per minute"), ()),
    # frequency, data, pressure, electricity, sound, concentration
    ("hertz", "frequency", "Hz", ("hertz",), ("Hz", "hz", "HZ")),
    ("kilohertz", "frequency", "kHz", ("kilohertz",), ("kHz", "khz", "KHz")),
    ("megahertz", "frequency", "MHz", ("megahertz",), ("MHz", "Mhz")),
    ("gigahertz", "frequency", "GHz", ("gigahertz",), ("GHz", "Ghz", "ghz")),
    ("byte", "information", "B", ("bytes", "byte"), ()),
    ("kilobyte", "information", "kB", ("kilobytes", "kilobyte"), ("KB", "kB")),
    ("megabyte", "information", "MB", ("megabytes", "megabyte"), ("MB",)),
    ("gigabyte", "information", "GB", ("gigabytes", "gigabyte", "gigs"), ("GB", "Gb")),
    ("terabyte", "information", "TB", ("terabytes", "terabyte"), ("TB",)),
    ("petabyte", "information", "PB", ("petabytes", "petabyte"), ("PB",)),
    ("exabyte", "information", "EB", ("exabytes", "exabyte"), ("EB",)),
    ("bit", "information", "bit", ("bits", "bit"), ("b",)),
    ("kilobit", "information", "kbit", ("kilobits",), ("kb", "kbit")),
    ("megabit per second", "data rate", "Mbit/s", ("megabits per second",), ("Mbps", "mbps", "Mb/s", "Mbit/s")),
    ("gigabit per second", "data rate", "Gbit/s", ("gigabits per second",), ("Gbps", "gbps", "Gb/s")),
    ("kilobit per second", "data rate", "kbit/s", ("kilobits per second",), ("kbps", "Kbps")),
    ("gigapascal", "pressure", "GPa", ("gigapascals", "gigapascal"), ("GPa",)),
    ("megapascal", "pressure", "MPa", ("megapascals", "megapascal"), ("MPa",)),
    ("kilopascal", "pressure", "kPa", ("kilopascals", "kilopascal"), ("kPa",)),
    ("pound per square inch", "pressure", "psi", ("psi",), ()),
    ("kilopound per square inch", "pressure", "ksi", ("ksi",), ()),
    ("volt", "voltage", "V", ("volts", "volt"), ("V",)),
    ("kilovolt", "voltage", "kV", ("kilovolts", "kilovolt"), ("kV",)),
    ("ampere", "current", "A", ("amps", "amperes", "ampere"), ()),
    ("ampere per square centimetre", "current density", "A/cm**2",
     ("amps per square centimetre", "amperes per square centimetre", "amps per square centimeter", "amperes per square centimeter"),
     ("A/cm2", "A/cm²", "A/cm^2")),
    ("decibel", "sound level", None, ("decibels", "decibel"), ("dB", "db")),
    ("part per million", "concentration", "ppm", ("parts per million", "part per million", "ppm"), ()),
    ("part per billion", "concentration", "1e-9", ("parts per billion", "part per billion", "ppb"), ()),
    ("generation", "generation", None, (), ("G",)),
)

#: Ages: "15-year-old", "30 years old", "18 month-old".
_AGE_RE = re.compile(r"[ \u00a0-]?(?P<u>year|month|week|day)s?[ \u00a0-]olds?\b", re.I)
_GAP = r"(?:[ \u00a0]?-?[ \u00a0]?)"


def _build() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, Unit], dict[str, Unit]]:
    words: dict[str, Unit] = {}
    symbols: dict[str, Unit] = {}
    for name, dimension, expr, word_forms, symbol_forms in _LEXICON:
        unit = Unit(name, dimension, expr)
        for w in word_forms:
            words.setdefault(w.lower(), unit)
        for s in symbol_forms:
            symbols.setdefault(s, unit)

    def alternation(forms: list[str]) -> str:
        return "|".join(re.escape(f).replace(r"\ ", r"[ \u00a0]+") for f in sorted(forms, key=len, reverse=True))

    word_re = re.compile(rf"(?P<gap>{_GAP})(?P<u>{alternation(list(words))})(?![\w])", re.I)
    symbol_re = re.compile(rf"(?P<gap>[ \u00a0]?-?)(?P<u>{alternation(list(symbols))})(?![\w])")
    return word_re, symbol_re, words, symbols


_WORD_RE, _SYMBOL_RE, _WORDS, _SYMBOLS = _build()
#: Each unit by its name (every spelling of one name is one unit).
_BY_NAME = {u.name: u for u in _WORDS.values()}
_SPACES_RE = re.compile(r"[ \u00a0]+")
_BARE_IN_RE = re.compile(r"[ \u00a0]?in(?=[ \u00a0]+(?:thick|long|wide|tall|high|deep|across|diameter|in[ \u00a0]+diameter)\b|[ \u00a0]*[.,;)]?[ \u00a0]*$)"
                         r"|in(?=[ \u00a0]+[a-z])")  # attached to its figure, before any word: "a 2in pipe"
#: Symbols too ambiguous to follow a number across a space ("3 m" may be "3 million").
_ATTACHED_ONLY = {"G", "F", "K", "h", "x", "t", "l", "ha", "ct", "pc", "J", "pts", "ps", "cv", "g", "'", "′", '"'}
#: Symbols read after a space only when no word follows ("16 billion b.", not "5 b tests").
_SPACED_AT_END = {"b", "m"}


def match_unit(text: str, end: int) -> UnitMatch | None:
    """The unit written right after position ``end`` (the end of a number), or None."""
    age = _AGE_RE.match(text, end)
    if age:
        return UnitMatch(_WORDS[age["u"].lower()], age.end(), age=True)
    inch = _BARE_IN_RE.match(text, end)
    if inch:  # "2 in thick", "a length of 2 in."
        return UnitMatch(_WORDS["inches"], inch.end())
    best: UnitMatch | None = None
    m = _WORD_RE.match(text, end)
    if m and _gap_ok(m["gap"]):
        best = UnitMatch(_WORDS[_SPACES_RE.sub(" ", m["u"].lower())], m.end())
    s = _SYMBOL_RE.match(text, end)
    if s and _gap_ok(s["gap"]) and (not best or s.end() > best.end):
        symbol = s["u"]
        spaced_ok = symbol not in _SPACED_AT_END or not re.match(r"[ \u00a0]*[A-Za-z]", text[s.end():]) or (
            symbol == "m" and not numbers.m_is_million(text, end, s.end()))
        if not (symbol in _ATTACHED_ONLY and s["gap"]) and spaced_ok and _symbol_plausible(text, symbol, s.end()):
            best = UnitMatch(_SYMBOLS[symbol], s.end())
    return best


def rate_of(unit: Unit) -> tuple[Unit | None, str, str] | None:
    """A rate unit as what is counted and per what: "point per game" -> (the unit point, "point",
    "game"); "rebound per game" -> (None, "rebound", "game"), a counted noun. None for another unit.
    An abbreviation ("24.7 ppg") then reads as its words do ("24.7 points a game"), so two wordings
    of one figure are one reading."""
    if unit.dimension != "rate" or " per " not in unit.name:
        return None
    what, per = unit.name.split(" per ", 1)
    return _BY_NAME.get(what), what, per


def _gap_ok(gap: str) -> bool:
    return gap.count("-") <= 1 and len(gap) <= 3


def _symbol_plausible(text: str, symbol: str, end: int) -> bool:
    """Reject symbols that are really the start of something else ("C." initials, "m" before a word)."""
    nxt = text[end: end + 2]
    if symbol in ("C", "F", "G", "K", "V", "W", "t", "l", "L", "m", "h", "b") and nxt[:1] == "." and nxt[1:2].isalpha():
        return False
    return True


@functools.lru_cache(maxsize=1)
def _registry():
    """pint's registry, built once per process on first use, from pint's parsed definitions cached on
    disk (``$XDG_CACHE_HOME/consistency/pint``): ~0.03 CPU-s instead of ~0.3-0.7 when parsed from text.
    An unwritable cache folder only costs the parse."""
    import pint
    import platformdirs

    try:
        return pint.UnitRegistry(cache_folder=str(platformdirs.user_cache_path("consistency", appauthor=False) / "pint"))
    except Exception:  # noqa: BLE001 - pint's disk cache raises OS and pickle errors of many kinds
        return pint.UnitRegistry()


@functools.lru_cache(maxsize=512)
def _factor(expr: str) -> tuple[float, str]:
    """Multiplier from ``expr`` to its canonical (base SI) unit, and that unit's name."""
    q = _registry().parse_expression(expr)
    if isinstance(q, (int, float)):
        return float(q), "fraction"
    base = q.to_base_units()
    return float(base.magnitude), _unit_name(base.units)


def _unit_name(units) -> str:
    name = str(units)
    return name.replace("meter", "metre") if name != "dimensionless" else "fraction"


@functools.lru_cache(maxsize=512)
def _temperature(expr: str, value: float, delta: bool) -> float:
    ureg = _registry()
    unit = ("delta_" + expr) if delta and expr in ("degC", "degF") else expr
    return float(ureg.Quantity(value, unit).to("kelvin" if not delta else "delta_degC").magnitude)


def canonical(unit: Unit, low: float, high: float, *, delta: bool = False) -> tuple[str, float, float] | None:
    """(canonical unit, low, high) for ``unit``; None when pint cannot convert it.

    Temperatures convert to kelvin, or to kelvin-sized degrees for a change
    (``delta``: "fell by 2 degrees Celsius" is a difference, not a temperature).
    """
    if unit.pint is None:
        return None
    if unit.dimension == "temperature":
        name = "kelvin"
        return name, _convert_temperature(unit.pint, low, delta), _convert_temperature(unit.pint, high, delta)
    preferred = _PREFERRED.get(unit.dimension)
    factor, name = _factor_to(unit.pint, preferred) if preferred else _factor(unit.pint)
    return name, _scaled(low, factor), _scaled(high, factor)


#: Canonical units named as people write them rather than in base units ("joule", not "kilogram * metre ** 2 / second ** 2").
_PREFERRED = {
    "energy": "joule", "power": "watt", "frequency": "hertz", "pressure": "pascal", "voltage": "volt",
    "torque": "newton * metre",
}


@functools.lru_cache(maxsize=512)
def _factor_to(expr: str, target: str) -> tuple[float, str]:
    """Multiplier from ``expr`` to ``target``; falls back to base units when pint cannot convert."""
    try:
        q = _registry().parse_expression(expr).to(target.replace("metre", "meter"))
    except Exception:  # noqa: BLE001 - pint raises several error types; base units always work
        return _factor(expr)
    return float(q.magnitude), target


@functools.lru_cache(maxsize=256)
def qualified_worth(bare: str | None, qualified: str | None) -> float | None:
    """How many ``bare`` units one ``qualified`` unit is worth when ``qualified`` names ``bare`` with a
    qualifier in front, of one dimension ("nautical mile" / "mile": 1.15; "metric horsepower" /
    "horsepower"); None for any other two units ("square mile" / "mile" is another dimension). A
    writer who drops the qualifier may still mean it: "some 17 miles" repeats "17 nautical miles"."""
    if not bare or not qualified or not qualified.endswith(" " + bare):
        return None
    short, full = _BY_NAME.get(bare), _BY_NAME.get(qualified)
    if short is None or full is None or short.dimension != full.dimension or short.dimension in ("temperature",):
        return None
    one_short, one_full = canonical(short, 1.0, 1.0), canonical(full, 1.0, 1.0)
    if one_short is None or one_full is None or one_short[0] != one_full[0] or not one_short[1]:
        return None
    return one_full[1] / one_short[1]


@functools.lru_cache(maxsize=16)
def degree_size(name: str) -> float | None:
    """Kelvin in one degree of the temperature unit named ``name`` ("degree Fahrenheit" -> 5/9)."""
    unit = _BY_NAME.get(name)
    if unit is None or unit.dimension != "temperature" or unit.pint is None:
        return None
    return abs(_temperature(unit.pint, 1.0, True) - _temperature(unit.pint, 0.0, True))


def _convert_temperature(expr: str, value: float, delta: bool) -> float:
    if math.isinf(value):
        return value
    return _temperature(expr, value, delta)


def _scaled(value: float, factor: float) -> float:
    return value if math.isinf(value) else value * factor
