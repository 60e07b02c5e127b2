"""Command line: ``tuireader [PATH ...]`` opens the app; subcommands analyse and export.

The UI is imported only inside the command that launches it, so ``analyze`` and ``--help``
stay fast and never load textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from tuireader import __version__
from tuireader.safe_line import safe_line
from tuireader.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from tuireader.sources.files import Corpus
    from tuireader.sources.titles import TitleRow
    from tuireader.sources.web import FetchOptions
    from tuireader.storage import Store

EXIT_OK = 0
EXIT_USAGE = 2  # unusable input or arguments

SUBCOMMANDS = ("analyze", "cache", "feed", "report")

DESCRIPTION = "Read one news story across many sources: entities, quotes, facts and disagreements."
EPILOG = """\
commands:
  tuireader [PATH ...]                 open the reader (default: the bundled seed articles)
  tuireader analyze [PATH ...] --json  print the analysis as JSON (schema tuireader.analysis/1)
  tuireader feed URL|FILE [--pick 1,3-5|--all]  list a feed's entries, open the chosen ones
  tuireader report [PATH ...] -o FILE  write the comparison as Markdown, HTML or JSON
  tuireader cache clear                delete the analysis cache

PATH is a file or folder (searched recursively) of .txt, .md, .html, .json or .jsonl articles,
or the http(s) URL of an article page (downloaded, and cached for reading offline later).
"""


class UsageError(Exception):
    """A one-line problem with the user's input: printed, exit status 2."""


def _fail(message: str) -> NoReturn:
    raise UsageError(message)


def _warn(message: str) -> None:
    print(f"tuireader: warning: {safe_line(message)}", file=sys.stderr)


MAX_WARNINGS = 20  # a feed of 10,000 entries must not print 10,000 lines


def _warn_all(messages: Sequence[str]) -> None:
    """Each warning on its own line, the first ``MAX_WARNINGS`` of them; then one line counting the rest."""
    for message in messages[:MAX_WARNINGS]:
        _warn(message)
    if len(messages) > MAX_WARNINGS:
        more = len(messages) - MAX_WARNINGS
        _warn(f"… and {more:,} more warning{'s' if more > 1 else ''}")


def _is_url(path: str) -> bool:
    return str(path)[:8].lower().startswith(("http://", "https://"))


def open_store(settings: Settings, warn: Callable[[str], None] | None = None) -> Store | None:
    """The analysis cache (the one ``Store``), or None when disabled or unusable (``warn`` says why)."""
    if settings.no_cache:
        return None
    try:
        from tuireader.store.cache import cache_path, open_cache
    except ImportError:
        return None
    try:
        cache = open_cache(cache_path(settings.cache_dir), version=settings.cache_version)
    except Exception:  # an unusable cache means nothing is kept, never a failed run
        return None
    problem = cache.probe()
    if problem:
        (warn or _warn)(problem)
        return None
    return cache


def fetch_options(settings: Settings) -> FetchOptions | None:
    """Download options: the defaults, with the timeout the settings ask for."""
    if settings.fetch_timeout is None:
        return None
    from tuireader.sources.web import FetchOptions

    return FetchOptions(timeout=settings.fetch_timeout)


def load(paths: Sequence[str], store: Store | None, settings: Settings) -> Corpus:
    """Load articles (files, folders, URLs), printing warnings; raise UsageError when nothing loads."""
    from tuireader.sources.files import CorpusError
    from tuireader.sources.load import load as load_articles

    try:
        progress = fetch_progress() if any(_is_url(p) for p in paths) else None
        corpus = load_articles(
            paths, store, options=fetch_options(settings), workers=settings.workers, progress=progress
        )
    except CorpusError as exc:
        _warn_all(exc.warnings)
        _fail(str(exc))
    _warn_all(corpus.warnings)
    return corpus


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--version", action="version", version=f"tuireader {__version__}")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    return parser


def _analyze_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader analyze", description="Analyse articles and print a summary, or JSON with --json."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the seeds)")
    parser.add_argument("--json", action="store_true", help="print the analysis JSON to stdout")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    return parser


def cmd_analyze(argv: Sequence[str]) -> int:
    args = _analyze_parser().parse_args(argv)
    from tuireader.core.pipeline import analyze

    settings = Settings.from_env(no_cache=args.no_cache)
    store = open_store(settings)
    corpus = load(args.paths, store, settings)
    analysis = analyze(corpus.articles, store=store, workers=settings.workers)
    if args.json:
        from tuireader.views.analysis_json import dumps

        sys.stdout.write(dumps(analysis))
        return EXIT_OK
    from tuireader.views.summary import print_summary

    print_summary(analysis)
    return EXIT_OK


def cmd_cache(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="tuireader cache", description="Manage the analysis cache.")
    parser.add_argument("action", choices=["clear", "path"])
    args = parser.parse_args(argv)
    try:
        from tuireader.store import cache
    except ImportError:
        _fail("the cache is not available in this build")
    path = cache.cache_path(Settings.from_env().cache_dir)
    if args.action == "path":
        print(path)
    else:
        removed = cache.clear_cache(path)
        print(f"cache cleared ({removed})")
    return EXIT_OK


def cmd_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    settings = Settings.from_env(no_cache=args.no_cache)
    if any(_is_url(p) for p in args.paths):
        # Download before the app starts: progress and failures show on stderr, one line each.
        store = open_store(settings)
        return _open_app_on(load(args.paths, store, settings), store, settings)
    problems: list[str] = []  # said in the app: stderr is hidden behind the screen
    store = open_store(settings, problems.append)
    titles = kept_titles(store, args.paths)
    if titles is None:  # kept titles: the same files as last time are there
        _check_paths(args.paths)
    return _open_app_on(list(args.paths), store, settings, problems, titles)


def kept_titles(store: Store | None, paths: Sequence[str]) -> list[TitleRow] | None:
    """The article list as the last start on these unchanged files left it (the first frame)."""
    if store is None:
        return None
    from pathlib import Path

    from tuireader.sources import bundled_seeds
    from tuireader.sources.titles import read_titles

    return read_titles(store, [Path(p) for p in paths] or [bundled_seeds()])


def _check_paths(paths: Sequence[str]) -> None:
    """Fail before the screen switches when no path holds an article file.

    The app reads the files in a worker so the first frame comes quickly; this only looks at
    names, so a missing path or an empty folder gets its one-line error on a normal terminal.
    """
    if not paths:
        return  # the bundled seeds
    from tuireader.sources.files import discover

    problems: list[str] = []
    if next(discover(paths, problems.append), None) is None:
        _warn_all(problems[:-1])
        _fail(problems[-1] if problems else "no article files in " + ", ".join(paths))


def fetch_progress() -> Callable[[int, int, str], None] | None:
    """A one-line "fetching 2/5" counter on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, url: str) -> None:
        if done >= total:
            sys.stderr.write("\r\x1b[K")
        else:
            sys.stderr.write(f"\rtuireader: fetched {done}/{total} {safe_line(url, 60)}\x1b[K")
        sys.stderr.flush()

    return show


def _feed_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader feed",
        description="List the entries of an RSS or Atom feed; load the chosen ones as articles and open them.",
    )
    parser.add_argument("feed", metavar="URL|FILE", help="the feed's URL or a saved feed file")
    choose = parser.add_mutually_exclusive_group()
    choose.add_argument("--pick", metavar="N,M-K", help="entries to load, by number: 1,3-5")
    choose.add_argument("--all", action="store_true", help="load every entry")
    parser.add_argument("--analyze", action="store_true", help="print the analysis summary instead of opening the app")
    parser.add_argument("--json", action="store_true", help="print the analysis JSON instead of opening the app")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    return parser


def _choose_entries(count: int) -> str | None:
    """Ask which entries to open (terminal only); None to quit."""
    while True:
        try:
            answer = input("open which entries? (e.g. 1,3-5 or all; Enter to quit) ").strip()
        except EOFError:
            return None
        if not answer:
            return None
        from tuireader.sources.feeds import parse_pick

        try:
            parse_pick(answer, count)
        except ValueError as exc:
            print(f"  {safe_line(exc)}", file=sys.stderr)
            continue
        return answer


def cmd_feed(argv: Sequence[str]) -> int:
    args = _feed_parser().parse_args(argv)
    from tuireader.sources.feeds import FeedError, load_entries, parse_pick, read_feed
    from tuireader.sources.files import CorpusError

    settings = Settings.from_env(no_cache=args.no_cache)
    store = open_store(settings)
    options = fetch_options(settings)
    try:
        feed = read_feed(args.feed, options=options, store=store)
    except FeedError as exc:
        _fail(str(exc))
    if feed.note:
        _warn(feed.note)
    spec = "all" if args.all else args.pick
    if spec is None:
        print(safe_line(feed.title))
        width = len(str(len(feed.entries)))
        for entry in feed.entries:
            print(f"{entry.number:>{width}}. {safe_line(entry.title)}  ({safe_line(entry.published or 'no date')})")
            print(f"{'':>{width}}  {safe_line(entry.link or '(no link; the feed carries the text)')}")
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            print("choose entries with --pick 1,3-5 or --all", file=sys.stderr)
            return EXIT_OK
        spec = _choose_entries(len(feed.entries))
        if spec is None:
            return EXIT_OK
    try:
        numbers = parse_pick(spec, len(feed.entries))
    except ValueError as exc:
        _fail(f"--pick: {exc}")
    chosen = [feed.entries[n - 1] for n in numbers]
    try:
        corpus = load_entries(feed, chosen, options=options, store=store, progress=fetch_progress())
    except CorpusError as exc:
        _fail(str(exc))
    _warn_all(corpus.warnings)
    if args.json or args.analyze:
        from tuireader.core.pipeline import analyze

        analysis = analyze(corpus.articles, store=store, workers=settings.workers)
        if args.json:
            from tuireader.views.analysis_json import dumps

            sys.stdout.write(dumps(analysis))
        else:
            from tuireader.views.summary import print_summary

            print_summary(analysis)
        return EXIT_OK
    return _open_app_on(corpus, store, settings)


def _open_app_on(
    source: Corpus | list[str],
    store: Store | None,
    settings: Settings,
    warnings: Sequence[str] = (),
    titles: Sequence[TitleRow] | None = None,
) -> int:
    """Open the app on paths (loaded in the app) or on articles already loaded (pages, feed entries)."""
    import gc

    # No cyclic garbage collection until the titles are drawn (the app turns it back on then):
    # importing and starting Textual allocates enough to set off collections that find nothing
    # (first frame on the seeds, 9 runs alternating: 0.367 -> 0.353 CPU s).
    gc.disable()
    try:
        from tuireader.ui.app import make_app

        options: dict[str, object] = {"warnings": list(warnings)} if warnings else {}
        if titles:
            options["titles"] = titles
        app = make_app(source, store, settings=settings, **options)
        app.run()
    finally:
        gc.enable()
    return int(app.return_code or 0)


def _report_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tuireader report",
        description="Write the comparison (articles, entities, quotes, coverage, disagreements) to share.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH|URL", help="articles (default: the seeds)")
    parser.add_argument("--format", choices=["md", "html", "json"], help="default: from -o's suffix, else md")
    parser.add_argument("-o", "--output", default="-", metavar="FILE", help="where to write (default -: stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    return parser


def cmd_report(argv: Sequence[str]) -> int:
    args = _report_parser().parse_args(argv)
    from pathlib import Path

    from tuireader.core.pipeline import analyze
    from tuireader.views.formats import format_for_path, write_report

    out = None if args.output == "-" else Path(args.output).expanduser()
    fmt = args.format or (format_for_path(out) if out else None) or "md"
    if out is not None:
        if out.is_dir():
            _fail(f"{out} is a folder; give a file name")
        if out.exists() and not args.force:
            _fail(f"{out} already exists; add --force to overwrite it")
        if not out.parent.is_dir():
            _fail(f"{out.parent}: no such folder")
    settings = Settings.from_env(no_cache=args.no_cache)
    store = open_store(settings)
    corpus = load(args.paths, store, settings)
    text = write_report(analyze(corpus.articles, store=store, workers=settings.workers), fmt)
    if out is None:
        sys.stdout.write(text)
        return EXIT_OK
    partial = out.with_name(f".{out.name}.partial")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, out)
    except (OSError, UnicodeError) as exc:
        partial.unlink(missing_ok=True)
        _fail(f"{out}: cannot write ({getattr(exc, 'strerror', None) or exc})")
    print(f"tuireader: wrote {safe_line(out)} ({fmt}, {len(corpus.articles)} articles)", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"analyze": cmd_analyze, "cache": cmd_cache, "feed": cmd_feed, "report": cmd_report}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return cmd_app(argv)
    except UsageError as exc:
        print(f"tuireader: error: {safe_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error.
        sys.stderr.close()
        return EXIT_OK
