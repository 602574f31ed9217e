// "Bring your own data" from a spreadsheet: reads a list of relations in CSV and builds a
// Dataset from it, for people who have a table of "who does what with whom" but no JSON.
//
// Contract: the same as loadDataset (dataset_loader.hpp). loadCsvDataset never aborts, never
// throws and never half-loads: it returns either a Dataset and no problems, or no Dataset and
// every problem found (at most kMaxProblems, then TooManyProblems), sorted by line then column.
// It keeps the limits kMaxInputBytes, kMaxEntities, kMaxRelations, kMaxCsvFreeRoles and
// kMaxCsvFields.
//
// Cost, guaranteed for any text within those limits (n bytes, n ≤ 128 MiB, whatever the shape):
// O(n) time and O(n) memory (expected: hash tables).
// - The raw-text gate (raw_text.hpp, shared with loadDataset) reads the bytes once.
// - Records are read in one pass, each byte looked at a bounded number of times whatever the
//   quoting; a record keeps at most kMaxCsvFields fields, the others (empty columns) are only
//   counted, so a line of millions of separators costs no memory.
// - Each name, role, type and URL cell is cleaned and folded once (linear in its length) and
//   looked up in a hash table: entities by folded name, free-text roles, URLs, relations by
//   (source, role, target). Repeated names, spellings, URLs or lines therefore stay linear;
//   aliases are capped at 16 per entity, and ids made unique with "-2", "-3"… remember the next
//   suffix per base. Lines past kMaxRelations are only counted; free-text roles past
//   kMaxCsvFreeRoles only counted (no id, no term).
// - Only the first kMaxProblems problems are kept (problem_collector.hpp), the others counted:
//   a file where every line is faulty costs no more than a valid one.
// - The Dataset built holds at most 200,000 entities, 1,000,000 relations, 1,000,000 URL sources
//   and 1,000 free-text roles, each O(its text); building it and its index is linear in them.
// Measured (RelWithDebInfo, x86-64, one core, the other busy): the synthetic 199,936 entities
// and 953,887 relations (`explorer-data synth --participation 222 --format csv`, 98 MB) load in
// 5.4 s, 840 MB peak; tests/core/loader_limits_test.cpp builds the worst inputs at the limits
// (1,000,000 relations, 200,000 entities, 1,000,000 URLs, 1,000 free roles in 128 MiB; a million
// lines each with a new role; a line of 128 million separators; one quoted field of 128 MiB),
// each well under 20 s. At the former limits (20 MiB): 0.5 s and 200 MB for the largest file;
// a line of 20 million separators 0.3 s, 65 MB peak (was 2.6 s and 1.8 GB when every field was
// kept).
//
// ---- The format (for the README)
//
//   source,target,role,source_type,target_type,source_url
//   OpenLLM-France,LINAGORA,chef de file,,,https://example.org/article
//   ALMAnaCH,Inria,team_of,research_team,public_research,
//   "Claire (Mistral 7B)",Mistral 7B,based_on,model,model,
//
// - One relation per line: by default a project, a participant and the participant's role
//   (LINAGORA is the lead of OpenLLM-France); see "Kinds" and "Direction" below. A header line is required; `source`, `target` and `role`
//   are required columns, `source_type`, `target_type` and `source_url` optional ones. Columns
//   come in any order; header names ignore case, accents and surrounding spaces, and a space or
//   a hyphen counts as an underscore ("Source Type"). Any other non-empty header name is a
//   problem (UnknownField: a misspelt "souce_url" must not silently drop the sources); a column
//   whose header is empty is ignored. A column named twice is a problem (DuplicateKey).
// - Text: UTF-8, with or without a byte order mark; lines end with LF, CRLF or CR. Quoting as
//   in RFC 4180: a field between double quotes may hold separators, line breaks and quotes
//   written twice (""). Spaces around a quoted field are ignored. Quotes inside an unquoted
//   field are kept as written.
// - Separator: a comma, a semicolon (spreadsheets in French locales) or a tab (a table copied
//   from a spreadsheet), whichever occurs most often, outside quotes, in the header line (a
//   comma on a tie).
// - Empty lines, and lines whose fields are all blank, are skipped. Every other line has as many
//   fields as the header (extra fields are allowed only if they are blank); otherwise it is a
//   problem (CsvFieldCount, placed at the line's last field when some are missing, at the first
//   extra field holding text when there are too many) and the line is not read further.
// - Only the first kMaxCsvFields (1,000) fields of a line are read: past them the header may
//   only have empty names (trailing empty columns, as spreadsheets export them), else it is a
//   problem (CsvTooManyFields, at the first name past the limit).
// - Entities are named by their names. Names are trimmed and their inner runs of spaces and line
//   breaks become one space; two names are the same entity when they are equal once folded
//   (foldForSearch: case, accents, typographic quotes): "Éducation nationale" and
//   "education nationale" are one entity, shown with the spelling met first; the other
//   spellings (up to 16) become its aliases, so that search finds them.
// - Kinds: `source_type` / `target_type` may be `project`, `organisation` (or `organization`,
//   `org`), `model`, `initiative` (French `projet`, `organisme`, `modèle` too), or an
//   organisation type of the built-in vocabulary, by id or label in either language
//   (`university`, `public research`, `Start-up`, `Université ou école`…), which makes the
//   entity an organisation of that type. Anything else is a problem (UnknownKind) at that cell.
//   An entity that is never given a type is a project when it appears at least once in the
//   `source` column, and an organisation otherwise (it is only ever a target): a table of
//   "project, participant, role" needs no type column.
// - Direction: a line whose source is a project and whose target is not is stored participant
//   first, the way the dataset format reads ("Scribe, LightOn, partner" becomes "LightOn partner
//   Scribe"), except under the roles by which a project acts on something: develops, based_on,
//   trained_on, part_of, builds_on, team_of, programme_of ("OpenLLM-France, Lucie-7B, develops"
//   stays as written).
//   Organisations without a type keep an empty `type` (the UI then shows "Organisation").
//   Two different types given for one entity are a problem (CsvTypeConflict) at the later cell;
//   `organisation` and then `university` are not different, the second only adds precision.
// - Roles: the built-in roles (vocabulary.hpp) are recognised by id or by usual words in
//   French and English, ignoring case, accents and punctuation: "lead", "chef de file",
//   "porteur", "coordinator" → lead; "partner", "partenaire", "member", "membre" → partner;
//   "supporter", "soutien" → supporter; "investor", "investisseur" → investor; "scientific
//   council", "conseil scientifique" → scientific_council; "founding member", "membre
//   fondateur", "founder" → founding_member; every built-in id and label ("Équipe de",
//   "based on"…). The words are the roles' labels and `synonyms` in the traits table
//   (vocabulary.cpp), where a new role brings its own. Any other text is kept as a role of its own, declared in Dataset::roles after
//   the built-ins: its id is a slug of the text ("sous-traitant"), its label the text as first
//   written, in both languages. Texts that differ only by case, accents or punctuation are one
//   role. At most kMaxCsvFreeRoles (1,000) such roles: a file with more distinct free-text roles
//   is refused with one problem (CsvTooManyRoles, at the role cell of the first line over the
//   limit, with the number of distinct roles found): a legend or a filter of thousands of roles
//   is a spreadsheet column that is not a role (a note, a date, a sentence per line).
// - Sources: a `source_url` (http:// or https://, else InvalidUrl) becomes a Source: id
//   "url-1", "url-2"… in order of first appearance, one per distinct URL; outlet = the URL's
//   host, title = the URL, no date, layer "external". A relation whose lines give no URL cites
//   one shared source, id "import" (outlet "Fichier importé / Imported file", layer
//   "external"), created only when needed, so that every relation has a source. Each entity
//   cites the sources of its relations.
// - Duplicates: lines with the same source, role and target (after folding names and
//   recognising roles) are one relation; it cites the URLs of all those lines. This is not a
//   problem and is not reported.
// - Problems (besides those of the JSON loader's raw-text checks: InputTooLarge,
//   Utf16Encoding, NulByte, InvalidUtf8): CsvBadQuote (a quoted field not closed, or followed
//   by text before the next separator), CsvNoRows (empty file, blank file, or header only),
//   MissingField (a required column), UnknownField, DuplicateKey, CsvFieldCount, EmptyString
//   (an empty source, target or role), HiddenCharacter (a control or bidi override character in
//   a source, target or role: findHiddenCharacter; number: its place in the cell), UnknownKind, CsvTypeConflict, InvalidUrl, SelfRelation
//   (source and target name one entity; value: the name), TooManyEntities, TooManyRelations
//   (counted as non-blank lines, before duplicates are merged), CsvTooManyRoles,
//   CsvTooManyFields. A problem of reading the text (size, encoding, quotes) comes alone, as in
//   the JSON loader.
//
// Places of problems: Problem::line is the line in the file, 1-based, the header being line 1
// (a field spanning several lines is placed on the line where it starts); Problem::column is
// the FIELD number, 1-based, not a character position; describe() therefore reads "line 4,
// column 2" for the second field of line 4. Problem::pointer is the column's name for a
// problem about a cell or a column (the canonical lower-case name, or the header text as written
// for UnknownField), and "" for a problem about the whole file or a whole line.
//
// The dataset: title "Données importées" / "Imported data"; no call, axes or sectors; types
// and roles are the built-ins (plus the free-text roles); entity ids are a kind prefix and a
// slug of the name ("org:mistral-ai", "project:scribe", "model:…", "initiative:…"), made unique
// with "-2", "-3"…; a name with no Latin letter or digit gets a short hash instead
// ("org:1f3a9c2e"). Entities come in order of first appearance, relations too. Descriptions,
// countries and dates are empty: the CSV does not give them. buildIndex() has been called.
#pragma once

#include "core/dataset_loader.hpp"

#include <cstddef>
#include <string_view>

namespace explorer {

// Distinct free-text roles (roles that are not built in) one CSV file may introduce.
inline constexpr std::size_t kMaxCsvFreeRoles = 1'000;
// Fields of a line that are read; past them fields are counted, not kept, and the header may
// only have empty names there (a spreadsheet exports trailing empty columns).
inline constexpr std::size_t kMaxCsvFields = 1'000;

LoadResult loadCsvDataset(std::string_view text);

// Whether a dropped or pasted file should go to loadDataset rather than loadCsvDataset: its
// first character that is not a space or a byte order mark is '{' (or '[', which loadDataset
// then reports as NotAnObject). A CSV header never starts that way.
bool looksLikeJson(std::string_view text);

} // namespace explorer
