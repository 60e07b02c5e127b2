"""Command line: ``tuireader [PATH ...]`` opens the app; subcommands analyse and export.

The UI is imported only inside the command that launches it, so ``analyze`` and ``--help``
stay fast and never load textual.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from tuireader import __version__

if TYPE_CHECKING:
    from tuireader.core.corpus import Corpus

EXIT_OK = 0
EXIT_USAGE = 2  # unusable input or arguments

SUBCOMMANDS = ("analyze", "cache")

DESCRIPTION = "Read one news story across many sources: entities, quotes, facts and disagreements."
EPILOG = """\
commands:
  tuireader [PATH ...]                 open the reader (default: the bundled seed articles)
  tuireader analyze [PATH ...] --json  print the analysis as JSON (schema tuireader.analysis/1)
  tuireader cache clear                delete the analysis cache

PATH is a file or folder (searched recursively) of .txt, .md, .html, .json or .jsonl articles.
"""


class UsageError(Exception):
    """A one-line problem with the user's input: printed, exit status 2."""


def _fail(message: str) -> NoReturn:
    raise UsageError(message)


def _warn(message: str) -> None:
    print(f"tuireader: warning: {message}", file=sys.stderr)


def load(paths: Sequence[str]) -> Corpus:
    """Load articles, printing warnings; raise UsageError when nothing loads."""
    from tuireader.core.corpus import CorpusError, load_corpus

    try:
        corpus = load_corpus(paths)
    except CorpusError as exc:
        for message in exc.warnings:
            _warn(message)
        _fail(str(exc))
    for message in corpus.warnings:
        _warn(message)
    return corpus


def _cache(disabled: bool):  # type: ignore[no-untyped-def]
    """The analysis cache, or None when disabled or unavailable."""
    if disabled or os.environ.get("TUIREADER_NO_CACHE"):
        return None
    try:
        from tuireader.core.cache import open_cache
    except ImportError:
        return None
    return open_cache()


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

    corpus = load(args.paths)
    analysis = analyze(corpus.articles, cache=_cache(args.no_cache))
    if args.json:
        from tuireader.core.export import to_dict

        json.dump(to_dict(analysis), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    from tuireader.summary import print_summary

    print_summary(analysis)
    return EXIT_OK


def cmd_cache(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="tuireader cache", description="Manage the analysis cache.")
    parser.add_argument("action", choices=["clear", "path"])
    args = parser.parse_args(argv)
    try:
        from tuireader.core import cache
    except ImportError:
        _fail("the cache is not available in this build")
    if args.action == "path":
        print(cache.cache_path())
    else:
        removed = cache.clear_cache()
        print(f"cache cleared ({removed})")
    return EXIT_OK


def cmd_app(argv: Sequence[str]) -> int:
    args = _app_parser().parse_args(argv)
    from tuireader.ui.app import run_app

    return run_app(args.paths, no_cache=args.no_cache)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    commands = {"analyze": cmd_analyze, "cache": cmd_cache}
    try:
        if argv and argv[0] in commands:
            return commands[argv[0]](argv[1:])
        return cmd_app(argv)
    except UsageError as exc:
        print(f"tuireader: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and friends: not an error.
        sys.stderr.close()
        return EXIT_OK
