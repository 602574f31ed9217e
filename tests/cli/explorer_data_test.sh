#!/bin/sh
# Tests of the explorer-data command line: exit codes, exact output, CSV quoting. CTest runs
# one case per test (tests/CMakeLists.txt):
#   sh tests/cli/explorer_data_test.sh CASE PATH/TO/explorer-data SOURCE_DIR
# Commands run inside tests/fixtures, so file names in the output are short and stable.
set -u
case_name=$1
exe=$2
root=$3
fixtures=$root/tests/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
  echo "FAIL [$case_name]: $*" >&2
  exit 1
}

# run ARGS...: runs explorer-data, keeping stdout, stderr and the exit code.
run() {
  last_args="$*"
  (cd "$fixtures" && "$exe" "$@") >"$work/out" 2>"$work/err"
  code=$?
}

expect_code() {
  [ "$code" -eq "$1" ] || { cat "$work/err" >&2; fail "explorer-data $last_args: exit code $code, expected $1"; }
}

# expect_stdout < EXPECTED: stdout must be exactly the expected bytes.
expect_stdout() {
  cat >"$work/expected"
  cmp -s "$work/expected" "$work/out" || {
    diff -u "$work/expected" "$work/out" >&2
    fail "explorer-data $last_args: standard output differs"
  }
}

expect_empty_stdout() {
  [ ! -s "$work/out" ] || { cat "$work/out" >&2; fail "explorer-data $last_args: standard output should be empty"; }
}

expect_empty_stderr() {
  [ ! -s "$work/err" ] || { cat "$work/err" >&2; fail "explorer-data $last_args: standard error should be empty"; }
}

expect_in() { # expect_in out|err TEXT
  grep -qF -- "$2" "$work/$1" || { cat "$work/$1" >&2; fail "explorer-data $last_args: '$2' missing from std$1"; }
}

usage_error() { # usage_error ARGS...: exit 2, nothing on stdout, a hint on stderr
  run "$@"
  expect_code 2
  expect_empty_stdout
  expect_in err "explorer-data: "
  expect_in err "--help"
}

case "$case_name" in
help)
  run --help
  expect_code 0
  expect_empty_stderr
  expect_in out "Usage: explorer-data COMMAND [OPTIONS] FILE..."
  expect_in out "FILE:LINE:COLUMN: POINTER: message"
  expect_in out "Exit status:"
  run validate -h
  expect_code 0
  expect_in out "Usage: explorer-data"
  ;;
usage_errors)
  usage_error
  usage_error frobnicate valid_small.json
  usage_error validate
  usage_error validate --bogus valid_small.json
  usage_error validate --lang
  usage_error validate --lang de valid_small.json
  usage_error links valid_small.json valid_minimal.json
  usage_error links --json valid_small.json
  usage_error stats --csv valid_small.json
  ;;
unreadable_file)
  run validate missing.json
  expect_code 2
  expect_empty_stdout
  expect_in err "cannot read missing.json"
  run validate valid_minimal.json missing.json
  expect_code 2
  expect_stdout <<'EOF'
valid_minimal.json: valid (2 entities, 1 relations, 1 sources)
EOF
  run validate .
  expect_code 2
  expect_in err "not a regular file"
  run links --csv missing.json
  expect_code 2
  expect_empty_stdout
  ;;
validate_valid)
  run validate valid_small.json
  expect_code 0
  expect_empty_stderr
  expect_stdout <<'EOF'
valid_small.json: valid (9 entities, 10 relations, 2 sources)
EOF
  ;;
validate_csv)
  # A CSV list of links is checked with the same tool, by its extension.
  run validate csv/unicode_names.csv
  expect_code 0
  expect_in out "csv/unicode_names.csv: valid ("
  run validate csv/self_relation.csv
  expect_code 1
  expect_in out "csv/self_relation.csv:"
  expect_in out "itself"
  ;;
convert_csv)
  # convert writes the CSV in the JSON format: it parses, and names every entity of the CSV.
  run convert csv/free_text_roles.csv
  expect_code 0
  expect_empty_stderr
  expect_in out '"format": "communs-explorer/1"'
  run convert csv/missing_column.csv
  expect_code 1
  expect_empty_stdout
  ;;
validate_invalid)
  run validate several_problems.json
  expect_code 1
  expect_stdout <<'EOF'
several_problems.json:4:3: /comment: "comment" is not a field the format expects here (a typo?)
several_problems.json:13:141: /entities/0/sources/0: "gazete" is not the id of a declared source
several_problems.json:14:5: /entities/1/name: the required field "name" is missing
several_problems.json:17:37: /relations/0/role: "leader" is not a role, neither built in nor declared in vocabulary.roles
EOF
  run validate malformed_json.json
  expect_code 1
  expect_stdout <<'EOF'
malformed_json.json:13:67: (root): a comma is missing before this value
EOF
  ;;
validate_french)
  run validate --lang fr several_problems.json valid_small.json
  expect_code 1
  expect_stdout <<'EOF'
several_problems.json:4:3: /comment: « comment » n’est pas un champ prévu par le format à cet endroit (faute de frappe ?)
several_problems.json:13:141: /entities/0/sources/0: « gazete » n’est l’identifiant d’aucune source déclarée
several_problems.json:14:5: /entities/1/name: le champ obligatoire « name » manque
several_problems.json:17:37: /relations/0/role: « leader » n’est pas un rôle, ni intégré ni déclaré dans vocabulary.roles
valid_small.json : valide (9 entités, 10 relations, 2 sources)
EOF
  ;;
validate_several)
  run validate valid_small.json unknown_entity.json valid_minimal.json
  expect_code 1
  expect_stdout <<'EOF'
valid_small.json: valid (9 entities, 10 relations, 2 sources)
unknown_entity.json:16:55: /relations/0/target: "project:gamma" is not a known entity id
valid_minimal.json: valid (2 entities, 1 relations, 1 sources)
EOF
  ;;
validate_json)
  run validate --json unknown_entity.json valid_minimal.json
  expect_code 1
  expect_stdout <<'EOF'
[
  {
    "file": "unknown_entity.json",
    "valid": false,
    "problems": [
      {
        "pointer": "/relations/0/target",
        "line": 16,
        "column": 55,
        "code": "unknown_entity",
        "message": "\"project:gamma\" is not a known entity id"
      }
    ]
  },
  {
    "file": "valid_minimal.json",
    "valid": true,
    "entities": 2,
    "relations": 1,
    "sources": 1,
    "problems": []
  }
]
EOF
  run validate --json valid_minimal.json
  expect_code 0
  ;;
links_csv)
  # Fields with a comma or a quote are quoted, quotes doubled; several sources joined with ';'.
  run links valid_small.json --csv
  expect_code 0
  expect_empty_stderr
  expect_stdout <<'EOF'
source_id,source_name,target_id,target_name,role,sources
org:acme,"Acme, ""Le Labo""",project:alpha,Alpha,lead,gazette-2024-06
org:lab-x,Lab X,project:alpha,Alpha,partner,gazette-2024-06;registre-2024
org:team-y,Équipe Y,project:beta,Bêta,partner,gazette-2024-06
org:lab-x,Lab X,org:institut,Institut d'essai,team_of,registre-2024
org:team-y,Équipe Y,org:lab-x,Lab X,team_of,registre-2024
org:coop,Coop Zêta,project:beta,Bêta,advises,gazette-2024-06
org:acme,"Acme, ""Le Labo""",project:beta,Bêta,lead,gazette-2024-06
project:alpha,Alpha,model:m1,Modèle Un,develops,gazette-2024-06
model:m1,Modèle Un,initiative:commons,Communs,trained_on,registre-2024
org:institut,Institut d'essai,initiative:commons,Communs,supporter,registre-2024
EOF
  ;;
links_text)
  run links --lang fr valid_minimal.json
  expect_code 0
  expect_stdout <<'EOF'
Société Acmé — est chef de file de — Alpha  [gazette]
EOF
  ;;
links_invalid)
  run links --csv unknown_entity.json
  expect_code 1
  expect_empty_stdout
  expect_in err "unknown_entity.json:16:55: /relations/0/target: \"project:gamma\" is not a known entity id"
  ;;
stats_text)
  run stats valid_small.json
  expect_code 0
  expect_stdout <<'EOF'
valid_small.json
Entities: 9
     2  project
     5  organisation
     1  model
     1  initiative
Organisations by type:
     2  research_team  (Research team)
     1  company  (Company)
     1  cooperative  (Cooperative)
     1  public_research  (Public research body)
Relations by role: 10
     2  lead  (Lead)
     2  partner  (Partner)
     2  team_of  (Team of)
     1  advises  (Advises)
     1  develops  (Develops)
     1  supporter  (Supporter)
     1  trained_on  (Trained on)
Sources by layer: 2
     1  article
     1  external
Organisations in two or more projects: 3
  Acme, "Le Labo" (org:acme), 2 projects: Alpha, Bêta
  Institut d'essai (org:institut), 2 projects: Alpha, Bêta
  Lab X (org:lab-x), 2 projects: Alpha, Bêta
EOF
  ;;
stats_json)
  run stats --json valid_minimal.json
  expect_code 0
  expect_stdout <<'EOF'
{
  "file": "valid_minimal.json",
  "entities": 2,
  "relations": 1,
  "sources": 1,
  "entities_by_kind": {
    "project": 1,
    "organisation": 1,
    "model": 0,
    "initiative": 0
  },
  "organisations_by_type": {
    "company": 1
  },
  "relations_by_role": {
    "lead": 1
  },
  "sources_by_layer": {
    "article": 1
  },
  "organisations_in_several_projects": []
}
EOF
  run stats --json valid_small.json
  expect_code 0
  expect_in out '"id": "org:institut"'
  ;;
shipped_dataset)
  run validate ../../data/laureates.json
  expect_code 0
  expect_in out "../../data/laureates.json: valid ("
  run stats ../../data/laureates.json
  expect_code 0
  expect_in out "CNRS (org:cnrs), 2 projects:"
  expect_in out "Inria (org:inria), 3 projects:"
  run links --csv ../../data/laureates.json
  expect_code 0
  expect_in out "source_id,source_name,target_id,target_name,role,sources"
  ;;
*)
  fail "unknown case (see tests/CMakeLists.txt)"
  ;;
esac
