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
  expect_in out "synth             Write a synthetic dataset"
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
validate_hidden)
  # Invisible characters that can make one name look like another, in JSON and in CSV: each at
  # its place, with the reason; a CSV of names in nine scripts (with no such character) is valid.
  run validate hidden_character.json csv/hidden_character.csv csv/world-scripts.csv
  expect_code 1
  expect_stdout <<'EOF'
hidden_character.json:9:57: /sources/0/title: character 13 of this text is U+2066, an invisible bidirectional control: it can reorder what is shown and make one name look like another; remove it
hidden_character.json:13:93: /entities/1/name: character 9 of this text is U+202E, an invisible bidirectional control: it can reorder what is shown and make one name look like another; remove it
hidden_character.json:13:127: /entities/1/aliases/0: character 5 of this text is U+0007, an invisible control character: it can make one name look like another; remove it
hidden_character.json:13:189: /entities/1/description/fr: character 11 of this text is U+0085, an invisible control character: it can make one name look like another; remove it
csv/hidden_character.csv:2:2: target: character 5 of this text is U+202E, an invisible bidirectional control: it can reorder what is shown and make one name look like another; remove it
csv/hidden_character.csv:3:3: role: character 5 of this text is U+0007, an invisible control character: it can make one name look like another; remove it
csv/hidden_character.csv:4:1: source: character 7 of this text is U+2067, an invisible bidirectional control: it can reorder what is shown and make one name look like another; remove it
csv/hidden_character.csv:7:1: source: character 8 of this text is U+0085, an invisible control character: it can make one name look like another; remove it
csv/world-scripts.csv: valid (20 entities, 14 relations, 10 sources)
EOF
  run validate --json --lang fr csv/hidden_character.csv
  expect_code 1
  expect_in out '"code": "hidden_character"'
  expect_in out 'une commande de sens d’écriture invisible'
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
links_csv_formula)
  # A name a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe, the
  # same field the widget's CSV download writes (core's csvField, src/core/data_export.hpp).
  printf '%s\n' 'source,target,role' \
    '"=HYPERLINK(""https://evil.example"",""x"")",+Cmd Corp,lead' \
    '@SUM(A1),-1 Minus,partner' >"$work/formula.csv"
  run links --csv "$work/formula.csv"
  expect_code 0
  expect_empty_stderr
  expect_stdout <<'EOF'
source_id,source_name,target_id,target_name,role,sources
org:cmd-corp,'+Cmd Corp,project:hyperlink-https-evil-example-x,"'=HYPERLINK(""https://evil.example"",""x"")",lead,import
org:1-minus,'-1 Minus,project:sum-a1,'@SUM(A1),partner,import
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
Organisations connected to projects they are not members of: 0
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
  "organisations_in_several_projects": [],
  "organisations_connected_to_projects": []
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
  # Members only: CNRS and Inria, nobody else; Mistral AI and GENCI are connected, not counted.
  expect_in out "Organisations in two or more projects: 2"
  expect_in out "CNRS (org:cnrs), 2 projects: AI for Democracy, Scribe"
  expect_in out "Inria (org:inria), 2 projects: AI for Democracy, Scribe"
  expect_in out "Mistral AI (org:mistral-ai) → OpenLLM-France through Mistral 7B: Mistral AI develops Mistral 7B"
  expect_in out "Inria (org:inria) → CC-SWH through Software Heritage: Software Heritage is a programme or project of Inria"
  expect_in out "GENCI (org:genci) → OpenLLM-France through Lucie-7B"
  run stats --json ../../data/laureates.json
  expect_code 0
  expect_in out '"organisations_connected_to_projects": ['
  python3 - "$work/out" <<'PY' || fail "stats --json: members and connections of the shipped data"
import json, sys
report = json.load(open(sys.argv[1]))
several = [o["id"] for o in report["organisations_in_several_projects"]]
assert several == ["org:cnrs", "org:inria"] or several == ["org:inria", "org:cnrs"], several
connected = {o["id"]: [p["id"] for p in o["projects"]] for o in report["organisations_connected_to_projects"]}
assert connected.get("org:mistral-ai") == ["project:openllm-france"], connected
assert connected.get("org:genci") == ["project:openllm-france"], connected
assert connected.get("org:inria") == ["project:cc-swh"], connected
PY
  run links --csv ../../data/laureates.json
  expect_code 0
  expect_in out "source_id,source_name,target_id,target_name,role,sources"
  ;;
tree)
  # What a screen reader reaches in the widget, for a view state: Inria selected in the network.
  run tree ../../data/laureates.json --state 'view=network&sel=org:inria&lang=en'
  expect_code 0
  expect_empty_stderr
  python3 - "$work/out" <<'PY' || fail "tree: not the semantic tree of Inria in the network"
import json, sys
tree = json.load(open(sys.argv[1], encoding='utf-8'))
assert tree['lang'] == 'en' and tree['view'] == 'network', (tree['lang'], tree['view'])
ids = {}
def walk(node):
    ids[node['id']] = node
    for child in node.get('children', []):
        walk(child)
walk(tree['root'])
details = ids['details']
assert details['role'] == 'region' and details['name'] == 'Inria', details['name']
text = json.dumps(details, ensure_ascii=False)
assert 'AI for Democracy' in text and 'Scribe' in text
assert ids['network/focus/org:inria']['role'] == 'article'
assert ids['search']['role'] == 'combobox'
assert ids['settings/lang/en']['pressed'] is True
PY
  # A search lists its hits as options.
  run tree ../../data/laureates.json --state 'view=table&q=inria'
  expect_code 0
  expect_in out '"id":"search/results/org:inria","role":"option","name":"Inria"'
  usage_error tree ../../data/laureates.json --csv
  ;;
svg)
  # The network as the widget's "SVG of the network" draws it for a view state (that the bytes are
  # the widget's own is checked by tests/ui/network_svg_test.cpp).
  run svg ../../data/laureates.json --state 'view=network&multi=1&lang=en'
  expect_code 0
  expect_empty_stderr
  cp "$work/out" "$work/multi.svg"
  python3 - "$work/multi.svg" <<'PY' || fail "svg: not the picture of the multi=1 view"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = '{http://www.w3.org/2000/svg}'
assert root.tag == ns + 'svg', root.tag
labels = [t.text for t in root.iter(ns + 'text')]
assert 'Inria' in labels and 'CNRS' in labels, labels
assert 'Mistral AI' not in labels, 'Mistral AI is a member of one project only'
assert 'Organisation' in labels and 'Project' in labels, 'English legend'
nodes = [e for e in root.iter() if (e.get('class') or '').startswith('node ')]
assert len(nodes) >= 4, len(nodes)
assert not any(e.tag == ns + 'script' for e in root.iter())
PY
  # The same state gives the same bytes; the view does not change the picture.
  run svg ../../data/laureates.json --state 'multi=1&lang=en'
  expect_code 0
  cmp -s "$work/multi.svg" "$work/out" || fail "svg: the same state gave other bytes"
  # Parts of the state that do not apply are named on standard error; the rest applies.
  run svg ../../data/laureates.json --state 'multi=1&zoom=3&type=no_such_type&lang=en'
  expect_code 0
  expect_in err "explorer-data: --state: "
  cmp -s "$work/multi.svg" "$work/out" || fail "svg: a bad piece of the state changed the rest"
  # --lang gives the language the state does not; the state's theme applies.
  run svg --lang fr ../../data/laureates.json --state=theme=dark
  expect_code 0
  expect_in out '>Modèle</text>'
  expect_in out 'fill="#16181C"'
  run svg ../../data/laureates.json
  expect_code 0
  expect_in out '>Model</text>'
  expect_in out 'fill="#FFFFFF"'
  usage_error svg
  usage_error svg ../../data/laureates.json --state
  usage_error svg --json ../../data/laureates.json
  usage_error stats --state multi=1 valid_small.json
  run svg missing.json
  expect_code 2
  expect_empty_stdout
  run svg unknown_entity.json
  expect_code 1
  expect_empty_stdout
  ;;
html)
  # The text version a page shows without JavaScript or WebGL 2 (src/core/static_page.hpp; its rules
  # are tested in tests/core/static_page_test.cpp): every text escaped, one language with --lang.
  run html --lang en valid_small.json
  expect_code 0
  expect_empty_stderr
  expect_stdout <<'EOF'
<section lang="en">
<h2>Small test dataset</h2>
<p>Text version of the interactive explorer, which needs JavaScript and WebGL 2: the projects and their members, the organisations members of several projects, the connections that are not memberships, and the sources.</p>
<h3>Projects (2)</h3>
<h4>Alpha</h4>
<p>A models project. [1]</p>
<dl>
<dt>Lead</dt><dd>Acme, &quot;Le Labo&quot; [1]</dd>
<dt>Partner</dt><dd>Lab X (Institut d&#39;essai) [1, 2]</dd>
<dt>Develops</dt><dd>Modèle Un [1]</dd>
</dl>
<h4>Bêta</h4>
<p>A data project. [1]</p>
<dl>
<dt>Lead</dt><dd>Acme, &quot;Le Labo&quot; [1]</dd>
<dt>Partner</dt><dd>Équipe Y (Lab X) [1]</dd>
<dt>Advises</dt><dd>Coop Zêta [1]</dd>
</dl>
<h3>Organisations members of two or more projects (3)</h3>
<ul>
<li><b>Acme, &quot;Le Labo&quot;</b> — leads Alpha, leads Bêta</li>
<li><b>Institut d&#39;essai</b> — is a partner of Alpha (through Lab X), is a partner of Bêta (through Équipe Y)</li>
<li><b>Lab X</b> — is a partner of Alpha, is a partner of Bêta (through Équipe Y)</li>
</ul>
<h3>Sources</h3>
<ol>
<li><a href="https://example.org/gazette" target="_blank" rel="noopener">La Gazette, “Sept projets retenus”, June 2024</a></li>
<li><a href="https://example.org/registre" target="_blank" rel="noopener">Registre public, “Fiche de l&#39;institut”, 2024</a></li>
</ol>
</section>
EOF
  # Without --lang: French open, English folded; the seven laureates and their members.
  run html ../../data/laureates.json
  expect_code 0
  expect_empty_stderr
  expect_in out '<section lang="fr">'
  expect_in out '<details lang="en"><summary>English version</summary>'
  for name in 'AI for Democracy' ArGiMi CC-SWH OpenLLM-France Photoroom PODRIA Scribe; do
    expect_in out "<h4>$name</h4>"
  done
  expect_in out '<li><b>Inria</b> — '
  expect_in out '<dt>Chef de file</dt><dd>LINAGORA ['
  expect_in out '<li><b>Mistral AI</b> → OpenLLM-France (via Mistral 7B)'
  expect_in out 'target="_blank" rel="noopener">Silicon.fr, «'
  run html --lang fr ../../data/laureates.json
  expect_code 0
  expect_in out '<section lang="fr">'
  grep -q '<details' "$work/out" && fail "html --lang fr: one language only"
  python3 - "$work/out" <<'PY' || fail "html: not well-formed, or a link that is not http(s)"
import sys
from html.parser import HTMLParser
class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack = []
    def handle_starttag(self, tag, attrs):
        assert tag not in ('script', 'style', 'iframe', 'img'), tag
        attrs = dict(attrs)
        assert not any(name.startswith('on') for name in attrs), attrs
        if tag == 'a':
            assert attrs['href'].startswith(('https://', 'http://')), attrs
            assert attrs.get('rel') == 'noopener', attrs
        self.stack.append(tag)
    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, (tag, self.stack)
check = Check()
check.feed(open(sys.argv[1], encoding='utf-8').read())
check.close()
assert not check.stack, check.stack
PY
  usage_error html
  usage_error html --json ../../data/laureates.json
  usage_error html valid_small.json valid_minimal.json
  run html missing.json
  expect_code 2
  expect_empty_stdout
  run html unknown_entity.json
  expect_code 1
  expect_empty_stdout
  ;;
synth)
  # A synthetic consortium (src/core/synthetic_dataset.hpp): a valid dataset on standard output,
  # the same bytes for the same options, other bytes for another seed.
  run synth --projects 12 --orgs 100 --seed 7
  expect_code 0
  expect_empty_stderr
  cp "$work/out" "$work/synth.json"
  run validate "$work/synth.json"
  expect_code 0
  expect_in out "valid (113 entities, "
  python3 - "$work/synth.json" <<'PY' || fail "synth: not the shape it claims"
import collections, json, sys
d = json.load(open(sys.argv[1], encoding='utf-8'))
kinds = collections.Counter(e['kind'] for e in d['entities'])
assert kinds == {'project': 12, 'organisation': 100, 'model': 1}, kinds
assert all(r['sources'] for r in d['relations']) and all(e['sources'] for e in d['entities'])
roles = collections.Counter(r['role'] for r in d['relations'])
assert roles['lead'] >= 10 and roles['partner'] > 0 and len(roles) >= 6, roles
projects = collections.Counter(r['source'] for r in d['relations'] if r['target'].startswith('project:'))
assert max(projects.values()) >= 2 and list(projects.values()).count(1) > len(projects) / 2, projects
PY
  run synth --seed 7 --orgs 100 --projects 12
  expect_code 0
  cmp -s "$work/synth.json" "$work/out" || fail "synth: the same options gave other bytes"
  run synth --projects 12 --orgs 100 --seed 8
  expect_code 0
  cmp -s "$work/synth.json" "$work/out" && fail "synth: another seed gave the same bytes"
  run synth
  expect_code 0
  expect_in out '"format": "communs-explorer/1"'
  usage_error synth valid_small.json
  usage_error synth --projects
  usage_error synth --projects 0
  usage_error synth --orgs ten
  usage_error synth --seed -1
  usage_error synth --json
  usage_error validate --seed 3 valid_small.json
  ;;
synth_csv)
  # The compact form: the same consortium as a CSV list of links, which validate reads back with
  # the same relations; --participation makes it denser.
  run synth --projects 12 --orgs 100 --seed 7 --format csv
  expect_code 0
  cp "$work/out" "$work/synth.csv"
  head -n 1 "$work/synth.csv" | grep -qx 'source,target,role,source_type,target_type,source_url' || fail "synth_csv: header"
  run synth --projects 12 --orgs 100 --seed 7
  cp "$work/out" "$work/synth.json"
  run validate "$work/synth.csv"
  expect_code 0
  relations=$(($(wc -l < "$work/synth.csv") - 1))
  expect_in out "$relations relations"
  grep -c '"role":' "$work/synth.json" | grep -qx "$relations" || fail "synth_csv: not the JSON's relations"
  run synth --projects 12 --orgs 100 --seed 7 --format csv --participation 300
  expect_code 0
  [ $(($(wc -l < "$work/out") - 1)) -gt $((relations + 50)) ] || fail "synth_csv: --participation 300 is not denser"
  usage_error synth --format xml
  usage_error synth --participation 99
  usage_error validate --format csv valid_small.json
  ;;
layout)
  # Positions carried by the dataset: every entity gets "position": [x, y]; the output validates,
  # is the same bytes for the same input, and laying it out again changes nothing (the positions
  # are taken as the settled layout). A CSV is read too.
  run synth --projects 40 --orgs 400 --seed 5
  cp "$work/out" "$work/synth.json"
  run layout "$work/synth.json"
  expect_code 0
  expect_in err "laid out in"
  cp "$work/out" "$work/laid.json"
  run validate "$work/laid.json"
  expect_code 0
  python3 - "$work/synth.json" "$work/laid.json" <<'PY' || fail "layout: positions missing or the rest changed"
import json, math, sys
before = json.load(open(sys.argv[1], encoding='utf-8'))
after = json.load(open(sys.argv[2], encoding='utf-8'))
assert len(after['entities']) == len(before['entities'])
places = set()
for b, a in zip(before['entities'], after['entities']):
    p = a.pop('position')
    assert len(p) == 2 and all(isinstance(v, (int, float)) and math.isfinite(v) for v in p), p
    places.add(tuple(p))
    assert a == b, a['id']
assert len(places) == len(after['entities']), "two entities at one place"
assert after['relations'] == before['relations']
PY
  run layout "$work/synth.json"
  cmp -s "$work/laid.json" "$work/out" || fail "layout: the same file gave other bytes"
  run layout "$work/laid.json"
  expect_code 0
  cmp -s "$work/laid.json" "$work/out" || fail "layout: laying out a laid-out file moved something"
  run synth --projects 40 --orgs 400 --seed 6
  cp "$work/out" "$work/other.json"
  run layout "$work/other.json"
  cmp -s "$work/laid.json" "$work/out" && fail "layout: another seed's dataset gave the same bytes"
  run synth --projects 12 --orgs 100 --seed 7 --format csv
  cp "$work/out" "$work/synth.csv"
  run layout "$work/synth.csv"
  expect_code 0
  expect_in out '"position": ['
  run layout invalid_date.json
  expect_code 1
  expect_empty_stdout
  usage_error layout
  usage_error layout --json valid_small.json
  ;;
*)
  fail "unknown case (see tests/CMakeLists.txt)"
  ;;
esac
