#!/usr/bin/env bash
# Drive the installed `tuireader` in a real terminal (tmux) through the main flows, at 120x40
# and 80x24, and fail on a traceback or on missing content.
#
#   scripts/tmux_check.sh [PATH ...]     (default: the bundled seed articles)
#
# Env: TUIREADER (the command, default: tuireader on PATH), KEEP=1 keeps the tmux session.
set -euo pipefail

CMD=${TUIREADER:-tuireader}
command -v tmux >/dev/null || { echo "tmux_check: tmux is not installed" >&2; exit 77; }
command -v "$CMD" >/dev/null || [ -x "$CMD" ] || { echo "tmux_check: $CMD not found" >&2; exit 2; }

SESSION="tuireader-check-$$"
# A private tmux server per terminal size: other tmux users on the machine cannot disturb the
# check, nor it them. A fresh server per size, because a new session started on a server whose
# last session was just killed can race the server's exit ("server exited unexpectedly").
SOCKET="$SESSION"
tmux() { command tmux -L "$SOCKET" "$@"; }
WORK=$(mktemp -d)
export TUIREADER_CONFIG_DIR="$WORK/config" TUIREADER_NO_CACHE=1
ARGS=("$@")
cleanup() { [ -n "${KEEP:-}" ] || tmux kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

fail() {
    echo "tmux_check: FAIL ($SIZE): $1" >&2
    echo "----- screen -----" >&2
    tmux capture-pane -p -t "$SESSION" >&2 || true
    exit 1
}

screen() { tmux capture-pane -p -t "$SESSION"; }

# Wait until the screen shows $1 (a grep -E pattern); fail after ~15 s.
wait_for() {
    local pattern=$1 what=${2:-$1}
    for _ in $(seq 1 75); do
        if screen | grep -q "Traceback"; then fail "traceback on screen"; fi
        if screen | grep -Eq -- "$pattern"; then return 0; fi
        sleep 0.2
    done
    fail "expected $what"
}

# Wait until the screen no longer shows $1.
wait_gone() {
    local pattern=$1 what=${2:-$1}
    for _ in $(seq 1 150); do
        if screen | grep -q "Traceback"; then fail "traceback on screen"; fi
        if ! screen | grep -Eq -- "$pattern"; then return 0; fi
        sleep 0.2
    done
    fail "$what"
}

keys() { tmux send-keys -t "$SESSION" "$@"; sleep 0.4; }

run_flows() {
    local width=$1 height=$2
    SIZE="${width}x${height}"
    SOCKET="$SESSION-$SIZE"
    # escape-time 0: tmux must not glue Escape to the next key as Alt+key.
    tmux new-session -d -s "$SESSION" -x "$width" -y "$height" \
        "$CMD ${ARGS[*]:-}; echo \"EXIT=\$?\"; sleep 60"
    tmux set-option -t "$SESSION" escape-time 0 >/dev/null
    tmux set-option -t "$SESSION" remain-on-exit on >/dev/null 2>&1 || true

    # First frame: the list with titles and the reader.
    wait_for "search:" "the filter box"
    wait_for " · (undated|[0-9]{4}-[0-9]{2}-[0-9]{2})" "article rows with source and date"
    wait_for "mentions? · [0-9]+ quotes? · [0-9]+ disagreements?" "the reading pane status"
    wait_gone "Loading articles|Analysing" "the analysis to finish within 30 s"
    if screen | grep -q "Analysis failed"; then fail "the analysis failed"; fi

    # Help lists the bindings.
    keys "?"
    wait_for "tuireader: keys" "the help screen"
    wait_for "Quit" "bindings in the help"
    keys Escape
    wait_for "search:" "the main screen after help"

    # Fuzzy filter: a misspelt word still matches; Escape clears.
    keys /
    keys -l "ceasfire"
    wait_for "[0-9]+ of [0-9]+ articles match" "filtered list"
    keys Escape
    wait_for "search:" "cleared filter"

    # A word of the article text (in no title, name or topic of the seeds): the article is
    # listed with a snippet of the matching sentence, and the reader opens at that sentence.
    keys /
    keys -l "swap"
    wait_for "[1-9][0-9]* of [0-9]+ articles? match" "an article found by a word of its text"
    wait_for "[^ ]+ swap|swap [^ ]+" "the matching sentence under the title"
    keys Enter
    sleep 0.6
    if [ "$(screen | grep -ci "swap")" -lt 2 ]; then fail "the reader at the matching sentence"; fi
    keys Escape
    keys /
    keys C-u
    keys Escape
    wait_for "search:" "cleared search"

    # Read the highlighted article and jump through it.
    keys Enter
    keys m
    wait_for "mention 1 of [0-9]+" "the first mention"
    keys m
    wait_for "mention 2 of [0-9]+" "the second mention"
    keys M
    wait_for "mention 1 of [0-9]+" "back to the first mention"
    keys "'"
    wait_for "quote [0-9]+ of [0-9]+|No quotes" "a quote"
    keys d
    wait_for "disagreement [0-9]+ of [0-9]+|No disagreements" "a disagreement"
    # d through every disagreement: k goes 1..n in order, then wraps to 1.
    local total k
    total=$(screen | grep -Eo "disagreement [0-9]+ of [0-9]+" | head -1 | awk '{print $4}')
    if [ -n "$total" ]; then
        keys Escape
        for k in $(seq 1 "$total") 1; do
            keys d
            wait_for "disagreement $k of $total:" "disagreement $k of $total"
        done
    fi

    # Entity details for the current quote's speaker or a mention.
    keys m
    keys Enter
    wait_for "Also written|No details" "the entity popup"
    keys Escape

    # People & topics panel.
    keys e
    wait_for "People \\(|Topics \\(|No people" "the people & topics panel"
    keys e

    # Command palette offers the app's actions.
    keys C-p
    wait_for "Search for commands" "the command palette"
    keys -l "next quote"
    wait_for "Next quote" "a reader command in the palette"
    keys Escape
    sleep 0.5

    # Compare view: side by side, n jumps to a disagreement, ] changes the right-hand source.
    keys c
    wait_for "[0-9]+ matched" "the compare view"
    keys n
    wait_for "disagreement [0-9]+/[0-9]+|No disagreement|no disagreement" "a disagreement in compare"
    keys "]"
    wait_for "[0-9]+ matched" "the compare view with the next source"
    keys Escape
    wait_for "search:" "the main screen after compare"

    # Story overview: the fact x source matrix and the quote ledger; Enter opens compare.
    keys o
    wait_for "Story overview" "the story overview"
    wait_for "Quotes by speaker" "the quote ledger"
    keys Enter
    wait_for "[0-9]+ matched" "compare from an overview cell"
    keys Escape
    keys Escape
    wait_for "search:" "the main screen after the overview"

    # A tiny terminal must not crash.
    tmux resize-window -t "$SESSION" -x 20 -y 5 2>/dev/null || true
    sleep 0.8
    tmux resize-window -t "$SESSION" -x "$width" -y "$height" 2>/dev/null || true
    wait_for "search" "the app after a tiny resize"

    keys q
    wait_for "EXIT=0" "a clean exit"
    if screen | grep -q "Traceback"; then fail "traceback after exit"; fi
    [ -n "${KEEP:-}" ] || tmux kill-server 2>/dev/null || true
    echo "tmux_check: ok ($SIZE)"
}

run_flows 120 40
run_flows 80 24
