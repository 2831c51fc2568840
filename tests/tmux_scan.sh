#!/usr/bin/env bash
# Drive a real `ontwikkelscan scan` in tmux as a person would, and check the answer file.
#   answer a few (a value, n.v.t., a value), go back and change one, Ctrl-C,
#   resume, finish, then compare the file with the keys sent; then kill -9 a scan
#   after three answers and check that those three are on disk.
# Run by tests/test_tmux_scan.py (skipped there when tmux is missing); by hand: tests/tmux_scan.sh
# Exits 0 with a message when tmux is not installed.
set -euo pipefail

if ! command -v tmux >/dev/null 2>&1; then
    echo "tmux_scan: tmux is not installed; skipped"
    exit 0
fi

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${ONTWIKKELSCAN_BIN:-$ROOT/.venv/bin/ontwikkelscan}
PY=${PYTHON:-$ROOT/.venv/bin/python}
WORK=$(mktemp -d)
SOCKET="ontwikkelscan-test-$$"          # a private tmux server: never touches the user's sessions
T=(tmux -L "$SOCKET")
FILE="$WORK/scan.yaml"
cleanup() { "${T[@]}" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

fail() { echo "tmux_scan: FAIL: $*"; echo "--- screen ---"; "${T[@]}" capture-pane -p -t "scan$RUN:" 2>/dev/null || true; exit 1; }
screen() { "${T[@]}" capture-pane -p -t "scan$RUN:"; }
wait_for() {  # wait_for TEXT: until TEXT is on screen (10 s at most)
    for _ in $(seq 1 100); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    fail "waited for '$1'"
}
keys() { "${T[@]}" send-keys -t "scan$RUN:" "$@"; }
RUN=0
start() {  # start ARGS...: a scan in a fresh 120x40 session; its shell's pid goes to $WORK/pid
    [[ $RUN -gt 0 ]] && "${T[@]}" kill-session -t "scan$RUN:"
    RUN=$((RUN + 1))
    "${T[@]}" new-session -d -s "scan$RUN" -x 120 -y 40 \
        "echo \$\$ > '$WORK/pid'; cd '$WORK'; '$BIN' scan $*; echo EXIT=\$?; sleep 600"
}
on_question() {  # on_question N: question N is the newest on screen and its choices are drawn
    for _ in $(seq 1 100); do
        local now
        now=$(screen)
        if [[ $(grep -o "Vraag [0-9]* van" <<<"$now" | tail -1) == "Vraag $1 van" ]] \
            && [[ $(grep -v '^ *$' <<<"$now" | tail -1) == *pauzeren ]]; then
            return 0
        fi
        sleep 0.1
    done
    fail "waited for question $1"
}
answer() {  # answer N KEY: wait for question N, press KEY and Enter
    on_question "$1"
    keys "$2"
    keys Enter
}

mapfile -t IDS < <("$PY" -c 'from ontwikkelscan.files.bank import load_bank
for q in load_bank().questions:
    if not q.contexts: print(q.id)')
TOTAL=${#IDS[@]}

# 1. Three answers, back to question 3 and change it, Ctrl-C at question 4.
start --out "'$FILE'" --order bank --type regie
wait_for "Uw naam"
keys "Test Persoon" Enter
wait_for "Uw gemeente"
keys Enter
answer 1 4
answer 2 0
answer 3 2
answer 4 v
on_question 3
screen | grep -qF "» 2) soms" || fail "going back does not highlight the earlier answer"
keys 5 Enter
on_question 4
keys C-c
wait_for "EXIT=130"
screen | grep -qF "Verder gaan: ontwikkelscan scan --resume $FILE" || fail "no resume hint after Ctrl-C"

"$PY" - "$FILE" "${IDS[0]}" "${IDS[1]}" "${IDS[2]}" <<'EOF' || fail "answer file after Ctrl-C"
import os, stat, sys, yaml
path, a, b, c = sys.argv[1:]
data = yaml.safe_load(open(path, encoding="utf-8"))
assert data["answers"] == {a: 4, b: None, c: 5}, data["answers"]
assert data["respondent"] == {"name": "Test Persoon"}, data["respondent"]
assert data["municipality_type"] == "regie"
assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
EOF

# 2. Resume: starts at question 4; answer every remaining question with 3, except the last with 1.
#    That is a straight-lined scan: the answer-pattern check speaks before the report (Enter: the report).
start --resume "'$FILE'"
wait_for "Welkom terug"
for ((n = 4; n < TOTAL; n++)); do answer "$n" 3; done
answer "$TOTAL" 1
wait_for "Wat wilt u doen?"
keys Enter
# The open questions: told first that the words are shown as written; two lines, then Enter on an
# empty line ends the answer; Enter alone skips the second question.
wait_for "Open vraag 1 van 2"
screen | grep -qF "komt letterlijk" || fail "no notice before the open questions"
wait_for "Uw antwoord (Enter = overslaan)"
keys "Rust brengen." Enter
wait_for "Verder (lege regel = klaar)"
keys "In het college." Enter
keys Enter
wait_for "Open vraag 2 van 2"
keys Enter
wait_for "EXIT=0"
screen | grep -qF "Let op" || fail "no answer-pattern note in the report"
screen | grep -qF "Uw antwoorden staan in $FILE" || fail "no saved path at the end"

"$PY" - "$FILE" "${IDS[@]}" <<'EOF' || fail "answer file after finishing"
import sys, yaml
path, *ids = sys.argv[1:]
data = yaml.safe_load(open(path, encoding="utf-8"))
expected = {qid: 3 for qid in ids}
expected.update({ids[0]: 4, ids[1]: None, ids[2]: 5, ids[-1]: 1})
assert data["answers"] == expected, {k: v for k, v in data["answers"].items() if expected.get(k) != v}
assert data["comments"] == {"blijven": "Rust brengen.\nIn het college."}, data.get("comments")
EOF

# 3. kill -9 while question 4 is on screen: the three answers before it are on disk.
rm -f "$FILE"
start --out "'$FILE'" --type beheer
wait_for "Uw naam"
keys Enter
wait_for "Uw gemeente"
keys Enter
answer 1 1
answer 2 2
answer 3 5
on_question 4
SCAN_PID=$(pgrep -P "$(cat "$WORK/pid")" -f "scan --out")
kill -9 "$SCAN_PID"
wait_for "EXIT=137"
"$PY" - "$FILE" <<'EOF' || fail "answer file after kill -9"
import sys, yaml
data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
assert sorted(data["answers"].values()) == [1, 2, 5], data["answers"]
assert data["municipality_type"] == "beheer" and isinstance(data["order_seed"], int)
EOF
ls -a "$WORK" | grep -q '\.tmp$' && fail "a temporary file was left behind"

# 4. Typing ahead, 30 ms between keys, without waiting for the questions: a bare Enter on the first
#    question records nothing, no key is echoed between questions, none is lost; then pause.
rm -f "$FILE"
start --out "'$FILE'" --order bank --type regie
wait_for "Uw naam"
keys Enter
wait_for "Uw gemeente"
keys Enter
on_question 1
for key in Enter 4 Enter 2 Enter 5 Enter 1 Enter 3 Enter p Enter; do keys "$key"; sleep 0.03; done
wait_for "EXIT=0"
screen | grep -qE '^[0-9p]+$' && fail "a key typed ahead was echoed on a line of its own"
"$PY" - "$FILE" "${IDS[0]}" "${IDS[1]}" "${IDS[2]}" "${IDS[3]}" "${IDS[4]}" <<'EOF' || fail "answer file after typing ahead"
import sys, yaml
path, *ids = sys.argv[1:]
data = yaml.safe_load(open(path, encoding="utf-8"))
assert data["answers"] == dict(zip(ids, [4, 2, 5, 1, 3])), data["answers"]
EOF

echo "tmux_scan: ok ($TOTAL questions; Ctrl-C, resume, finish, kill -9 and typing ahead checked)"
