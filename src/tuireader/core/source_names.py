"""Source names a reader can tell apart and recognise: the one rule every view uses.

An article's source comes from its metadata when it has one (front matter, JSON, a page's site
name). Otherwise ``derived_source`` reads it from the article's URL (the host becomes the outlet's
name: ``www.harbor-post.com`` -> "Harbor Post") or from a meaningful file name ("harbor-post.txt"
-> "Harbor Post"). A file name that says nothing (a hash, a number, a date, a uuid, "article-3")
gives no source at all: ``source_labels`` then builds the label from the article itself, its
ordinal in the corpus plus a few words of its headline that the other headlines do not share
("#3 Harbour dredging plan"), so the reader can find it in the article list.

``source_labels`` gives every article of a corpus one label, fitted to a width when asked (cut only
at word boundaries, with an ellipsis, or abbreviated to initials), and never the same label for
two articles. Call it with the whole corpus, then pick the articles a view shows: the ordinals and
the disambiguation depend on all of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import PurePath
from urllib.parse import urlsplit

from tuireader.core.text.lexicon import is_content, lemma, word_spans
from tuireader.model import Article

ELLIPSIS = "…"
ORDINAL = "#"  # "#3 Harbour dredging plan": the article's place in the corpus, then its headline words
HEADLINE_WORDS = 3  # content words of the headline in a label at full width
ROUNDS = 8  # rounds of telling clashing labels apart before the ordinal settles the rest
HEADLINE_LABEL = 26  # cells of such a label at full width: it sits beside the headline in the article list

# Words a file is named with that do not name a source ("article-3.txt", "untitled.md").
GENERIC_STEM_WORDS = frozenset(
    """
    article articles story stories item items entry entries page pages document documents doc docs file files
    text texts untitled index copy download downloads output input sample samples example examples test tests
    data content body raw draft final new tmp temp part chapter source sources news post posts
    """.split()
)

# Words outlets name themselves with, for splitting a host name written as one word ("harborpost").
OUTLET_WORDS = frozenset(
    """
    post times news daily herald tribune journal gazette chronicle observer telegraph guardian express mail star sun
    standard independent review record register monitor courier dispatch bulletin press today week weekly wire
    report reporter insider examiner inquirer sentinel ledger leader globe mirror voice world online media network
    radio magazine digest advocate beacon citizen clarion democrat republican eagle echo mercury messenger pioneer
    progress signal spectator statesman telegram transcript union banner courant intelligencer patriot planet
    republic nation national international global business financial economist enquirer argus bee free
    """.split()
)
# Prepositions and conjunctions the content-word list lets through: a label never opens on one.
_FUNCTION_WORDS = frozenset(
    "despite toward towards beyond behind near since unless except besides onto like unlike versus vs".split()
)
_SMALL_WORDS = frozenset("a an and at by de for in of on or the to".split())
_LEADING_ARTICLES = frozenset({"the", "a", "an"})
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go", "gob", "nic"})
_SUBDOMAINS = frozenset({"www", "www1", "www2", "www3", "m", "mobile", "amp", "edition", "eu", "uk", "us", "en"})
_IPV4 = re.compile(r"\A\d{1,3}(?:\.\d{1,3}){3}\Z")
_STEM_SPLIT = re.compile(r"[-_\s.+,;()\[\]{}]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_MEMBER = re.compile(r"(?:#|:)\d+\Z")  # "feed.jsonl:3", "batch.json#2": one article of a collection
_VOWELS = frozenset("aeiouy")


# ---------------------------------------------------------------------------------------------
# Where a source name comes from when the metadata has none


def outlet_from_url(url: str) -> str:
    """The outlet's name from a URL's host: "https://www.harbor-post.com/x" -> "Harbor Post".

    A host without a registrable name (an IP address, "localhost") is kept as it is.
    """
    host = (urlsplit(url).hostname if "//" in url else url.split("/", 1)[0].split(":", 1)[0].lower()) or ""
    if not host:
        return url.strip()
    if _IPV4.match(host) or ":" in host or "." not in host:
        return host
    labels = [label for label in host.split(".") if label]
    suffix = 2 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 1
    name_labels = [label for label in labels[:-suffix] if label not in _SUBDOMAINS]
    if not name_labels:
        return host.removeprefix("www.")
    words: list[str] = []
    for part in name_labels[-1].split("-"):
        words.extend(_split_joined(part))
    return _title_words(words) or host


def _split_joined(word: str) -> list[str]:
    """ "harborpost" -> ["harbor", "post"], "theledger" -> ["the", "ledger"]: outlet words split off."""
    tail: list[str] = []
    rest = word
    while len(rest) > 3:
        found = next(
            (rest[-n:] for n in range(min(len(rest) - 2, 12), 2, -1) if rest[-n:] in OUTLET_WORDS),
            None,
        )
        if found is None:
            break
        tail.insert(0, found)
        rest = rest[: -len(found)]
    if rest.startswith("the") and len(rest) > 5:
        return ["the", rest[3:], *tail]
    return [rest, *tail] if rest else tail


def source_from_path(path: str) -> str:
    """A source name from a file name or a URL path; "" when the name does not say one.

    "harbor-post.txt" -> "Harbor Post", "NorthCoastTimes_2024-03-04.md" -> "North Coast Times";
    "06bf6b53e4c2.txt", "000_1a2b3c.txt", "2024-03-04.txt", "article-3.txt" -> "". One article
    of a JSON or JSONL collection ("batch.jsonl:3") is not named by its file either.
    """
    if "://" in path:
        return outlet_from_url(path)
    if _MEMBER.search(path):
        return ""
    stem = PurePath(path.replace("\\", "/")).stem
    return stem_words(stem)


def stem_words(stem: str) -> str:
    """The words a file stem is made of, title-cased; "" when none of them names anything."""
    tokens = [t for part in _STEM_SPLIT.split(stem) for t in _CAMEL.split(part) if t]
    words = [t for t in tokens if _is_word(t)]
    if not any(w.lower() not in GENERIC_STEM_WORDS for w in words):
        return ""
    return _title_words(words)


def _is_word(token: str) -> bool:
    """A token that reads as a word: letters only, with vowels where words have them."""
    if not token.isalpha():
        return False  # numbers, dates, hashes, "v2", "x9f3"
    low = token.lower()
    if not any(c in _VOWELS for c in low):
        return len(low) <= 5  # an acronym ("bbc"), not a run of random consonants
    run = longest = 0
    for c in low:
        run = 0 if c in _VOWELS else run + 1
        longest = max(longest, run)
    return longest < 5 and len(low) <= 24


def _title_words(words: Iterable[str]) -> str:
    """Words as a name: "harbor post" -> "Harbor Post", "bbc" -> "BBC", "voice of the city" -> "Voice of the City"."""
    out: list[str] = []
    for word in words:
        low = word.lower()
        if word != low and word != word.upper():
            out.append(word)  # "McAllister", "iWeekly": the writer's own casing
        elif out and low in _SMALL_WORDS:
            out.append(low)
        elif (word.isupper() and len(word) > 1) or _acronym(low):
            out.append(low.upper())
        else:
            out.append(low[:1].upper() + low[1:])
    return " ".join(out)


def _acronym(low: str) -> bool:
    """ "ap", "bbc", "npr": two letters, or up to five without a vowel."""
    return len(low) <= 2 or (len(low) <= 5 and not any(c in _VOWELS for c in low))


def derived_source(path: str, url: str | None = None) -> str:
    """The source of an article whose metadata names none: its URL's outlet, else its file name."""
    if url and "://" in url:
        found = outlet_from_url(url)
        if found and not _IPV4.match(found) and found != "localhost":
            return found
    return source_from_path(path)


# ---------------------------------------------------------------------------------------------
# Labels


def cells(text: str) -> int:
    """Terminal cells ``text`` takes (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def source_labels(articles: Sequence[Article], width: int | None = None) -> dict[str, str]:
    """Article id -> a label no other article has, at most ``width`` cells (None: in full).

    Pass every article of the corpus (the ordinals count them all), even when a view shows a few.
    """
    key = tuple((a.id, a.source, a.title) for a in articles)
    return dict(_labels(key, width))


@lru_cache(maxsize=32)
def _labels(articles: tuple[tuple[str, str, str], ...], width: int | None) -> tuple[tuple[str, str], ...]:
    ids = [article_id for article_id, _, _ in articles]
    counts = Counter(" ".join(source.split()).casefold() for _, source, _ in articles if source.strip())
    seen: Counter[str] = Counter()
    unnamed = {i for i, (_, source, _) in enumerate(articles) if not source.strip()}
    headline_words = _distinctive_words([title for _, _, title in articles], unnamed) if unnamed else {}
    options: dict[str, list[str]] = {}
    fallback: dict[str, str] = {}  # a label with the ordinal, which no other article has, kept whole
    for ordinal, (article_id, source, _title) in enumerate(articles, 1):
        name = " ".join(source.split())
        if name:
            folded = name.casefold()
            seen[folded] += 1
            suffix = f" ({seen[folded]})" if counts[folded] > 1 else ""
            options[article_id] = [c + suffix for c in _name_options(name, _less(width, cells(suffix)))]
            mark = f" {ORDINAL}{ordinal}"
            fallback[article_id] = _name_options(name, _less(width, cells(mark)))[0] + mark
        else:
            prefix = f"{ORDINAL}{ordinal}"
            options[article_id] = _headline_options(prefix, headline_words[ordinal - 1], width)
            fallback[article_id] = prefix
    chosen = {article_id: options[article_id][0] for article_id in ids}
    _disambiguate(ids, chosen, options, fallback)
    return tuple((article_id, chosen[article_id]) for article_id in ids)


def _less(width: int | None, used: int) -> int | None:
    return None if width is None else max(width - used, 1)


def _disambiguate(
    ids: list[str],
    chosen: dict[str, str],
    options: dict[str, list[str]],
    fallback: dict[str, str],
) -> None:
    """Where two labels came out the same, take the first later option that tells them apart.

    Failing that, the label with the ordinal, which no other article has.
    """
    in_use = Counter(label.casefold() for label in chosen.values())
    for _ in range(ROUNDS):
        groups: dict[str, list[str]] = {}
        for article_id in ids:
            groups.setdefault(chosen[article_id].casefold(), []).append(article_id)
        clashes = [group for group in groups.values() if len(group) > 1]
        if not clashes:
            return
        for group in clashes:
            in_use.subtract(chosen[a].casefold() for a in group)
            depth = max(len(options[a]) for a in group)
            for index in range(1, depth):
                trial = {a: options[a][min(index, len(options[a]) - 1)] for a in group}
                folded = [label.casefold() for label in trial.values()]
                if len(set(folded)) == len(folded) and not any(in_use[label] > 0 for label in folded):
                    chosen.update(trial)
                    break
            else:
                chosen.update((a, fallback[a]) for a in group)
            in_use.update(chosen[a].casefold() for a in group)
    last: dict[str, list[str]] = {}
    for article_id in ids:
        last.setdefault(chosen[article_id].casefold(), []).append(article_id)
    for group in last.values():
        chosen.update((a, fallback[a]) for a in group if len(group) > 1)


def _name_options(name: str, width: int | None) -> list[str]:
    """A source name and shorter forms of it, the most readable first, each at most ``width`` cells.

    In full; without a leading "The"; cut after a word with an ellipsis ("North Coast…"); leading
    words cut to initials ("N. Coast Times"); and, for a single long word, the word cut short.
    """
    words = name.split()
    forms = [name]
    base = words[1:] if len(words) > 1 and words[0].lower() in _LEADING_ARTICLES else words
    forms.append(" ".join(base))
    forms.extend(_cut(" ".join(base[:k])) + ELLIPSIS for k in range(len(base) - 1, 0, -1))
    forms.extend(" ".join([*(w[0] + "." for w in base[:k]), *base[k:]]) for k in range(1, len(base)))
    if width is None:
        return list(dict.fromkeys(forms))
    fitting = [form for form in dict.fromkeys(forms) if cells(form) <= width]
    if not fitting:  # one word longer than the room: cut inside it, which is all that is left
        fitting = [_fit_chars(" ".join(base), width)]
    return fitting


def _cut(text: str) -> str:
    return text.rstrip(" ,;:-—–.&")


def _fit_chars(text: str, width: int) -> str:
    if cells(text) <= width:
        return text
    out = ""
    for char in text:
        if cells(out + char) > width - 1:
            break
        out += char
    if out.strip():
        return _cut(out) + ELLIPSIS
    # Not even one character beside the ellipsis: as many whole characters as fit (a wide
    # character takes two cells), else the ellipsis alone.
    out = ""
    for char in text:
        if cells(out + char) > width:
            break
        out += char
    return out or ELLIPSIS


def _headline_options(prefix: str, words: tuple[list[str], list[str]], width: int | None) -> list[str]:
    """ "#3 Harbour dredging plan", "#3 Harbour dredging", "#3 Harbour", "#3 Dredging", ..., "#3".

    Whole words only: where the phrase does not fit, another word of the headline that few other
    headlines share may; where none does, the ordinal alone.
    """
    fragments, singles = words
    room = HEADLINE_LABEL if width is None else min(width, HEADLINE_LABEL)
    forms = [f"{prefix} {text}" for text in (*fragments, *singles)]
    fitting = [form for form in dict.fromkeys(forms) if cells(form) <= room]
    return (fitting or [prefix]) if width is None else [*fitting, prefix]


def _distinctive_words(titles: Sequence[str], wanted: set[int]) -> dict[int, tuple[list[str], list[str]]]:
    """For each headline, the words that set it apart: phrases longest first, then single words.

    The phrase opens on the earliest content word that the fewest other headlines share (by lemma,
    so "talks" and "negotiations" count as one) and runs on over the next words of the headline
    up to ``HEADLINE_WORDS`` content words, stopping at punctuation; it never ends on a function
    word. The single words are the headline's other content words, the rarest first. Each is
    capitalised at its first letter, as a label is.
    """
    words_of = [word_spans(title) for title in titles]
    keys: dict[str, str | None] = {}  # word -> its lemma, None for a word that opens no label

    def key(word: str) -> str | None:
        if word not in keys:
            keys[word] = lemma(word) if _wordish(word) else None
        return keys[word]

    frequency: Counter[str | None] = Counter(
        lem for words in words_of for lem in {key(w) for _, _, w in words} if lem is not None
    )
    everywhere = len(titles) if len(titles) > 1 else len(titles) + 1
    out: dict[int, tuple[list[str], list[str]]] = {}
    for number in sorted(wanted):
        title, words = titles[number], words_of[number]
        content = [i for i, (_, _, w) in enumerate(words) if key(w) is not None]
        if not content:
            out[number] = ([], [])
            continue
        ranked = sorted(content, key=lambda i: (frequency[key(words[i][2])], i))
        anchor = ranked[0]
        fragments: list[str] = []
        taken = 0
        for i in range(anchor, len(words)):
            if i > anchor and title[_end(title, words[i - 1]) : words[i][0]].strip():
                break  # a comma, a colon, a dash, a quote mark: the phrase ends there
            if key(words[i][2]) is not None:
                taken += 1
                fragments.append(_capitalised(" ".join(title[words[anchor][0] : _end(title, words[i])].split())))
                if taken == HEADLINE_WORDS:
                    break
        # Single words for a narrow column: the rarest, longer words before short ones, never one
        # that every headline has.
        singles = [
            _capitalised(title[words[i][0] : _end(title, words[i])])
            for i in sorted(ranked[1:], key=lambda i: (frequency[key(words[i][2])], len(words[i][2]) < 4, i))
            if frequency[key(words[i][2])] < everywhere
        ]
        out[number] = (fragments[::-1], singles)
    return out


def _end(title: str, word: tuple[int, int, str]) -> int:
    """Where a word ends, with the full stop of an abbreviation ("U.S.")."""
    end = word[1]
    return end + 1 if "." in word[2] and title[end : end + 1] == "." else end


def _wordish(word: str) -> bool:
    """A content word with a letter in it ("harbour", "U.S", "30-day"; not "1,000" nor "despite")."""
    return is_content(word) and any(c.isalpha() for c in word) and word.lower() not in _FUNCTION_WORDS


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
