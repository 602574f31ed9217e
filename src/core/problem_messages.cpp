// The words of every problem (dataset_loader.hpp): its stable code name, and its message in
// French and in English. The loaders only set codes and values; all the text is here.
#include "core/dataset_loader.hpp"

#include <array>
#include <string>
#include <utility>

namespace explorer {

namespace {

std::string quoted(std::string_view value, Lang lang) {
    return lang == Lang::Fr ? "« " + std::string(value) + " »" : "\"" + std::string(value) + "\"";
}

std::string jsonTypePhrase(std::string_view type, Lang lang) {
    struct Phrase {
        std::string_view type, fr, en;
    };
    constexpr std::array kPhrases = {
        Phrase{"string", "une chaîne de caractères", "a string"},
        Phrase{"whole_number", "un nombre entier", "a whole number"},
        Phrase{"number", "un nombre", "a number"},
        Phrase{"boolean", "un booléen (true ou false)", "a boolean (true or false)"},
        Phrase{"null", "null", "null"},
        Phrase{"array", "un tableau [ … ]", "an array [ … ]"},
        Phrase{"object", "un objet { … }", "an object { … }"},
    };
    for (const Phrase& phrase : kPhrases) {
        if (phrase.type == type) return std::string(lang == Lang::Fr ? phrase.fr : phrase.en);
    }
    return std::string(type);
}

std::string kindPhrase(std::string_view kind, Lang lang) {
    const auto parsed = entityKindFromString(kind);
    if (!parsed) return std::string(kind);
    switch (*parsed) {
    case EntityKind::Project: return lang == Lang::Fr ? "un projet" : "a project";
    case EntityKind::Organisation: return lang == Lang::Fr ? "une organisation" : "an organisation";
    case EntityKind::Model: return lang == Lang::Fr ? "un modèle" : "a model";
    case EntityKind::Initiative: return lang == Lang::Fr ? "une initiative" : "an initiative";
    }
    return std::string(kind);
}

std::string pick(Lang lang, std::string fr, std::string en) { return lang == Lang::Fr ? std::move(fr) : std::move(en); }

} // namespace

std::string_view toString(ProblemCode code) {
    switch (code) {
    case ProblemCode::InputTooLarge: return "input_too_large";
    case ProblemCode::EmptyInput: return "empty_input";
    case ProblemCode::Utf16Encoding: return "utf16_encoding";
    case ProblemCode::InvalidUtf8: return "invalid_utf8";
    case ProblemCode::NulByte: return "nul_byte";
    case ProblemCode::JsonUnexpectedEnd: return "json_unexpected_end";
    case ProblemCode::JsonTrailingComma: return "json_trailing_comma";
    case ProblemCode::JsonMissingComma: return "json_missing_comma";
    case ProblemCode::JsonMissingColon: return "json_missing_colon";
    case ProblemCode::JsonComment: return "json_comment";
    case ProblemCode::JsonSingleQuote: return "json_single_quote";
    case ProblemCode::JsonControlCharacter: return "json_control_character";
    case ProblemCode::JsonBadEscape: return "json_bad_escape";
    case ProblemCode::JsonNumberOutOfRange: return "json_number_out_of_range";
    case ProblemCode::JsonBadNumber: return "json_bad_number";
    case ProblemCode::JsonBareWord: return "json_bare_word";
    case ProblemCode::JsonTrailingContent: return "json_trailing_content";
    case ProblemCode::JsonUnexpectedToken: return "json_unexpected_token";
    case ProblemCode::TooDeep: return "too_deep";
    case ProblemCode::TooManyMembers: return "too_many_members";
    case ProblemCode::NotAnObject: return "not_an_object";
    case ProblemCode::DuplicateKey: return "duplicate_key";
    case ProblemCode::UnknownField: return "unknown_field";
    case ProblemCode::InferenceNotStored: return "inference_not_stored";
    case ProblemCode::MissingField: return "missing_field";
    case ProblemCode::WrongType: return "wrong_type";
    case ProblemCode::WrongFormat: return "wrong_format";
    case ProblemCode::EmptyString: return "empty_string";
    case ProblemCode::MissingTranslation: return "missing_translation";
    case ProblemCode::FieldNotForKind: return "field_not_for_kind";
    case ProblemCode::TooManyEntities: return "too_many_entities";
    case ProblemCode::TooManyRelations: return "too_many_relations";
    case ProblemCode::InvalidId: return "invalid_id";
    case ProblemCode::InvalidDate: return "invalid_date";
    case ProblemCode::InvalidUrl: return "invalid_url";
    case ProblemCode::InvalidCountry: return "invalid_country";
    case ProblemCode::InvalidDuration: return "invalid_duration";
    case ProblemCode::InvalidPosition: return "invalid_position";
    case ProblemCode::InvalidLicence: return "invalid_licence";
    case ProblemCode::UnknownKind: return "unknown_kind";
    case ProblemCode::UnknownLayer: return "unknown_layer";
    case ProblemCode::DuplicateEntityId: return "duplicate_entity_id";
    case ProblemCode::DuplicateSourceId: return "duplicate_source_id";
    case ProblemCode::DuplicateTermId: return "duplicate_term_id";
    case ProblemCode::DuplicateRelation: return "duplicate_relation";
    case ProblemCode::DuplicateItem: return "duplicate_item";
    case ProblemCode::MissingOrganisationType: return "missing_organisation_type";
    case ProblemCode::UnknownType: return "unknown_type";
    case ProblemCode::UnknownRole: return "unknown_role";
    case ProblemCode::UnknownAxis: return "unknown_axis";
    case ProblemCode::UnknownSector: return "unknown_sector";
    case ProblemCode::UnknownEntity: return "unknown_entity";
    case ProblemCode::SelfRelation: return "self_relation";
    case ProblemCode::UnknownSource: return "unknown_source";
    case ProblemCode::EmptySourceList: return "empty_source_list";
    case ProblemCode::TooManyProblems: return "too_many_problems";
    case ProblemCode::CsvBadQuote: return "csv_bad_quote";
    case ProblemCode::CsvNoRows: return "csv_no_rows";
    case ProblemCode::CsvFieldCount: return "csv_field_count";
    case ProblemCode::CsvTypeConflict: return "csv_type_conflict";
    case ProblemCode::CsvTooManyRoles: return "csv_too_many_roles";
    case ProblemCode::CsvTooManyFields: return "csv_too_many_fields";
    case ProblemCode::TooManyValues: return "too_many_values";
    case ProblemCode::HiddenCharacter: return "hidden_character";
    }
    return "unknown";
}

std::string problemMessage(const Problem& problem, Lang lang) {
    const std::string value = quoted(problem.value, lang);
    const std::string number = std::to_string(problem.number);
    switch (problem.code) {
    case ProblemCode::InputTooLarge:
        return pick(lang, "le fichier est trop volumineux (" + problem.detail + " octets, au plus " + number + ")",
                    "the file is too large (" + problem.detail + " bytes, at most " + number + ")");
    case ProblemCode::EmptyInput:
        return pick(lang, "le fichier est vide : un jeu de données est un objet JSON, qui commence par {",
                    "the file is empty: a dataset is a JSON object, starting with {");
    case ProblemCode::Utf16Encoding:
        return pick(lang, "le fichier est encodé en UTF-16 ; enregistrez-le en UTF-8",
                    "the file is encoded as UTF-16; save it as UTF-8");
    case ProblemCode::InvalidUtf8:
        return pick(lang, "cet octet n’est pas de l’UTF-8 valide ; enregistrez le fichier en UTF-8",
                    "this byte is not valid UTF-8; save the file as UTF-8");
    case ProblemCode::NulByte:
        return pick(lang, "le fichier contient un octet nul : ce n’est pas du texte UTF-8 (serait-il en UTF-16 ?)",
                    "the file contains a NUL byte: it is not UTF-8 text (could it be UTF-16?)");
    case ProblemCode::JsonUnexpectedEnd:
        return pick(lang,
                    "le fichier s’arrête avant la fin du JSON : il manque un guillemet, un crochet ou une "
                    "accolade fermante",
                    "the file ends before the JSON does: a closing quote, bracket or brace is missing");
    case ProblemCode::JsonTrailingComma:
        return pick(lang, "virgule en trop avant la fermeture : JSON n’admet pas de virgule après le dernier élément",
                    "extra comma before the closing bracket: JSON allows no comma after the last item");
    case ProblemCode::JsonMissingComma:
        return pick(lang, "il manque une virgule avant cette valeur", "a comma is missing before this value");
    case ProblemCode::JsonMissingColon:
        return pick(lang, "il manque deux-points (:) entre le nom du champ et sa valeur",
                    "a colon (:) is missing between the field name and its value");
    case ProblemCode::JsonComment:
        return pick(lang, "JSON n’admet pas de commentaires", "JSON does not allow comments");
    case ProblemCode::JsonSingleQuote:
        return pick(lang, "en JSON, les textes s’écrivent entre guillemets doubles (\"), pas entre apostrophes",
                    "JSON texts are written between double quotes (\"), not single quotes");
    case ProblemCode::JsonControlCharacter:
        return pick(lang,
                    "un texte contient le caractère de contrôle " + problem.value +
                        " ; écrivez un retour à la ligne \\n et une tabulation \\t",
                    "a text contains the control character " + problem.value +
                        "; write a line break as \\n and a tab as \\t");
    case ProblemCode::JsonBadEscape:
        return pick(lang, "séquence d’échappement invalide dans un texte (une barre oblique inverse s’écrit \\\\)",
                    "invalid escape sequence in a text (a backslash is written \\\\)");
    case ProblemCode::JsonNumberOutOfRange:
        return pick(lang, "le nombre " + value + " est trop grand", "the number " + value + " is too large");
    case ProblemCode::JsonBadNumber:
        return pick(lang, value + " n’est pas un nombre JSON valide", value + " is not a valid JSON number");
    case ProblemCode::JsonBareWord:
        return pick(lang,
                    value + " n’est pas une valeur JSON : un texte s’écrit entre guillemets doubles, et true, "
                            "false, null en minuscules",
                    value + " is not a JSON value: texts go between double quotes, and true, false, null are "
                            "written in lower case");
    case ProblemCode::JsonTrailingContent:
        return pick(lang, value + " se trouve après la fin du document JSON",
                    value + " comes after the end of the JSON document");
    case ProblemCode::JsonUnexpectedToken:
        return pick(lang, value + " n’a pas sa place ici", value + " was not expected here");
    case ProblemCode::TooManyValues:
        return pick(lang, "le fichier contient plus de " + number + " valeurs JSON, la limite que l’explorateur lit",
                    "the file holds more than " + number + " JSON values, the most the explorer reads");
    case ProblemCode::TooManyMembers:
        return pick(lang, "cet objet a plus de " + number + " noms de membres différents ; aucun objet du format n’en a autant",
                    "this object has more than " + number + " distinct member names; no object of the format has that many");
    case ProblemCode::TooDeep:
        return pick(lang, "objets et tableaux sont imbriqués sur plus de " + number + " niveaux",
                    "objects and arrays are nested more than " + number + " levels deep");
    case ProblemCode::NotAnObject:
        return pick(lang, "un jeu de données est un objet JSON { … }, pas " + jsonTypePhrase(problem.value, lang),
                    "a dataset is a JSON object { … }, not " + jsonTypePhrase(problem.value, lang));
    case ProblemCode::DuplicateKey:
        return pick(lang, "le champ " + value + " figure deux fois dans cet objet ; un seul serait lu",
                    "the field " + value + " appears twice in this object; only one would be read");
    case ProblemCode::UnknownField:
        return pick(lang, value + " n’est pas un champ prévu par le format à cet endroit (faute de frappe ?)",
                    value + " is not a field the format expects here (a typo?)");
    case ProblemCode::InferenceNotStored:
        return pick(lang,
                    "le format ne stocke pas de déductions : une relation ou un fait est ce qu’une source affirme ; "
                    "retirez-le ou citez une source qui l’affirme",
                    "the format stores no inferences: a relation or a fact is what a source states; remove it or "
                    "cite a source that states it");
    case ProblemCode::MissingField:
        return pick(lang, "le champ obligatoire " + value + " manque", "the required field " + value + " is missing");
    case ProblemCode::WrongType:
        return pick(lang,
                    "il faut " + jsonTypePhrase(problem.detail, lang) + ", pas " + jsonTypePhrase(problem.value, lang),
                    "expected " + jsonTypePhrase(problem.detail, lang) + ", found " +
                        jsonTypePhrase(problem.value, lang));
    case ProblemCode::WrongFormat:
        return pick(lang,
                    "le format est " + value + " ; cet explorateur lit « " + std::string(kDatasetFormat) + " »",
                    "the format is " + value + "; this explorer reads \"" + std::string(kDatasetFormat) + "\"");
    case ProblemCode::EmptyString:
        return pick(lang, "ce texte est vide", "this text is empty");
    case ProblemCode::HiddenCharacter: {
        // Say why, not only what: the character is invisible, so the owner cannot see the fault.
        const bool bidi = problem.value >= "U+2000"; // the only ones past U+009F: U+202A–U+202E, U+2066–U+2069
        const std::string place = std::to_string(problem.number);
        return bidi ? pick(lang,
                           "le caractère " + place + " de ce texte est " + problem.value +
                               ", une commande de sens d’écriture invisible : elle peut réordonner l’affichage et faire "
                               "passer un nom pour un autre ; retirez-la",
                           "character " + place + " of this text is " + problem.value +
                               ", an invisible bidirectional control: it can reorder what is shown and make one name "
                               "look like another; remove it")
                    : pick(lang,
                           "le caractère " + place + " de ce texte est " + problem.value +
                               ", un caractère de contrôle invisible : il peut faire passer un nom pour un autre ; "
                               "retirez-le",
                           "character " + place + " of this text is " + problem.value +
                               ", an invisible control character: it can make one name look like another; remove it");
    }
    case ProblemCode::MissingTranslation:
        return problem.value == "fr"
                   ? pick(lang, "la version française (fr) manque : chaque texte est donné en français et en anglais",
                          "the French version (fr) is missing: every text is given in French and in English")
                   : pick(lang, "la version anglaise (en) manque : chaque texte est donné en français et en anglais",
                          "the English version (en) is missing: every text is given in French and in English");
    case ProblemCode::FieldNotForKind:
        return pick(lang, "le champ " + value + " ne s’applique pas à " + kindPhrase(problem.detail, lang),
                    "the field " + value + " does not apply to " + kindPhrase(problem.detail, lang));
    case ProblemCode::TooManyEntities:
        return pick(lang, problem.detail + " entités : l’explorateur en lit au plus " + number,
                    problem.detail + " entities: the explorer reads at most " + number);
    case ProblemCode::TooManyRelations:
        return pick(lang, problem.detail + " relations : l’explorateur en lit au plus " + number,
                    problem.detail + " relations: the explorer reads at most " + number);
    case ProblemCode::InvalidId:
        return pick(lang,
                    value + " n’est pas un identifiant valide : 1 à 64 caractères parmi les lettres sans accent, "
                            "les chiffres et : . _ -, en commençant par une lettre ou un chiffre",
                    value + " is not a valid id: 1 to 64 characters among unaccented letters, digits and : . _ -, "
                            "starting with a letter or a digit");
    case ProblemCode::InvalidDate:
        return pick(lang,
                    value + " n’est pas une date de la forme 2024, 2024-05 ou 2024-05-21, suivie de ~ si elle est estimée",
                    value + " is not a date written 2024, 2024-05 or 2024-05-21, followed by ~ when it is an estimate");
    case ProblemCode::InvalidUrl:
        return pick(lang, value + " n’est pas une adresse web commençant par https:// ou http://",
                    value + " is not a web address starting with https:// or http://");
    case ProblemCode::InvalidCountry:
        return pick(lang, value + " n’est pas un code pays de deux lettres majuscules (ISO 3166-1, par exemple FR)",
                    value + " is not a country code of two capital letters (ISO 3166-1, for example FR)");
    case ProblemCode::InvalidDuration:
        return pick(lang, problem.value + " n’est pas une durée en mois comprise entre 1 et 600",
                    problem.value + " is not a duration in months between 1 and 600");
    case ProblemCode::InvalidPosition:
        if (problem.detail == "count") {
            return pick(lang, "une position est deux nombres [x, y], pas " + problem.value + " éléments",
                        "a position is two numbers [x, y], not " + problem.value + " items");
        }
        if (problem.detail == "type") {
            return pick(lang, "une coordonnée est un nombre, pas " + jsonTypePhrase(problem.value, lang),
                        "a coordinate is a number, not " + jsonTypePhrase(problem.value, lang));
        }
        return pick(lang, problem.value + " est hors des coordonnées possibles (au plus 1e9 en valeur absolue)",
                    problem.value + " is out of the coordinate range (at most 1e9 in absolute value)");
    case ProblemCode::InvalidLicence:
        return pick(lang, value + " n’est pas un identifiant de licence SPDX (par exemple Apache-2.0 ou CC-BY-4.0)",
                    value + " is not an SPDX licence identifier (for example Apache-2.0 or CC-BY-4.0)");
    case ProblemCode::UnknownKind:
        return pick(lang, value + " n’est pas une sorte d’entité : project, organisation, model ou initiative",
                    value + " is not a kind of entity: project, organisation, model or initiative");
    case ProblemCode::UnknownLayer:
        return pick(lang, value + " n’est pas une couche de source : article ou external",
                    value + " is not a source layer: article or external");
    case ProblemCode::DuplicateEntityId:
        return pick(lang, "l’identifiant d’entité " + value + " est déjà pris par " + problem.detail,
                    "the entity id " + value + " is already taken by " + problem.detail);
    case ProblemCode::DuplicateSourceId:
        return pick(lang, "l’identifiant de source " + value + " est déjà pris par " + problem.detail,
                    "the source id " + value + " is already taken by " + problem.detail);
    case ProblemCode::DuplicateTermId:
        if (problem.detail.empty()) {
            return pick(lang, value + " fait déjà partie du vocabulaire intégré : inutile de le déclarer",
                        value + " is already part of the built-in vocabulary: do not declare it");
        }
        return pick(lang, "l’identifiant " + value + " est déjà déclaré en " + problem.detail,
                    "the id " + value + " is already declared at " + problem.detail);
    case ProblemCode::DuplicateRelation:
        return pick(lang, "cette relation (même source, même rôle, même cible) figure déjà en " + problem.detail,
                    "this relation (same source, role and target) is already given at " + problem.detail);
    case ProblemCode::DuplicateItem:
        return pick(lang, value + " figure déjà dans cette liste, en " + problem.detail,
                    value + " is already in this list, at " + problem.detail);
    case ProblemCode::MissingOrganisationType:
        return pick(lang, "une organisation doit avoir un type (company, public_research, nonprofit…)",
                    "an organisation needs a type (company, public_research, nonprofit…)");
    case ProblemCode::UnknownType:
        return pick(lang, value + " n’est pas un type d’organisation, ni intégré ni déclaré dans vocabulary.types",
                    value + " is not an organisation type, neither built in nor declared in vocabulary.types");
    case ProblemCode::UnknownRole:
        return pick(lang, value + " n’est pas un rôle, ni intégré ni déclaré dans vocabulary.roles",
                    value + " is not a role, neither built in nor declared in vocabulary.roles");
    case ProblemCode::UnknownAxis:
        return pick(lang, value + " n’est pas un axe déclaré dans vocabulary.axes",
                    value + " is not an axis declared in vocabulary.axes");
    case ProblemCode::UnknownSector:
        return pick(lang, value + " n’est pas un secteur déclaré dans vocabulary.sectors",
                    value + " is not a sector declared in vocabulary.sectors");
    case ProblemCode::UnknownEntity:
        return pick(lang, value + " n’est l’identifiant d’aucune entité", value + " is not a known entity id");
    case ProblemCode::SelfRelation:
        return pick(lang, "la relation relie " + value + " à elle-même", "the relation links " + value + " to itself");
    case ProblemCode::UnknownSource:
        return pick(lang, value + " n’est l’identifiant d’aucune source déclarée",
                    value + " is not the id of a declared source");
    case ProblemCode::EmptySourceList:
        return pick(lang, "la liste des sources est vide : citez-en au moins une",
                    "the list of sources is empty: cite at least one");
    case ProblemCode::TooManyProblems:
        return problem.number == 1 ? pick(lang, "et 1 autre problème", "and 1 more problem")
                                   : pick(lang, "et " + number + " autres problèmes", "and " + number + " more problems");
    case ProblemCode::CsvBadQuote:
        return pick(lang,
                    "ce champ entre guillemets est mal fermé : après le guillemet final vient le séparateur ou "
                    "la fin de la ligne, et un guillemet à l’intérieur du champ s’écrit deux fois (\"\")",
                    "this quoted field is not closed properly: the closing quote must be followed by the "
                    "separator or the end of the line, and a quote inside the field is written twice (\"\")");
    case ProblemCode::CsvNoRows:
        return pick(lang,
                    "le fichier ne contient aucune relation : une ligne d’en-tête (source,target,role) puis "
                    "une ligne par relation",
                    "the file holds no relation: a header line (source,target,role), then one line per "
                    "relation");
    case ProblemCode::CsvFieldCount:
        return pick(lang,
                    "cette ligne a " + problem.value + " champs et l’en-tête " + number +
                        " ; un texte qui contient le séparateur se met entre guillemets doubles",
                    "this line has " + problem.value + " fields and the header " + number +
                        "; a text containing the separator goes between double quotes");
    case ProblemCode::CsvTypeConflict:
        return pick(lang,
                    value + " contredit le type " + quoted(problem.detail, lang) +
                        " donné à la même entité ligne " + number,
                    value + " contradicts the type " + quoted(problem.detail, lang) +
                        " given to the same entity on line " + number);
    case ProblemCode::CsvTooManyRoles:
        return pick(lang,
                    problem.detail + " rôles différents écrits en texte libre : l’explorateur en lit au plus " +
                        number + " ; employez les rôles intégrés (chef de file, partenaire…) quand ils conviennent",
                    problem.detail + " different roles written as free text: the explorer reads at most " + number +
                        "; use the built-in roles (lead, partner…) where they fit");
    case ProblemCode::CsvTooManyFields:
        return pick(lang,
                    "l’en-tête a " + problem.value + " champs : l’explorateur lit au plus " + number +
                        " colonnes (des colonnes vides au-delà sont permises)",
                    "the header has " + problem.value + " fields: the explorer reads at most " + number +
                        " columns (empty columns past them are allowed)");
    }
    return std::string(toString(problem.code));
}

std::string describe(const Problem& problem, Lang lang) {
    const std::string message = problemMessage(problem, lang);
    if (problem.line == 0) return message;
    const std::string pointer = problem.pointer.empty() ? pick(lang, "(racine)", "(root)") : problem.pointer;
    const std::string line = std::to_string(problem.line);
    const std::string column = std::to_string(problem.column);
    return pick(lang, pointer + " : " + message + " (ligne " + line + ", colonne " + column + ")",
                pointer + ": " + message + " (line " + line + ", column " + column + ")");
}

} // namespace explorer
