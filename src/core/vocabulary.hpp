// The vocabulary every dataset gets without declaring it: the organisation types and relation
// roles listed in data/README.md, each labelled in French and English.
//
// A loaded Dataset's `types` and `roles` are these built-ins first, in the order below, then the
// terms the file declares in `vocabulary.types` / `vocabulary.roles` (which may not reuse a
// built-in id). Axes and sectors have no built-ins: they belong to each call for projects.
//
// Roles also carry two verb phrases, for sentences in the details panel. A relation reads
// "source ROLE target": `reads` is said from the source ("LINAGORA leads OpenLLM-France"),
// `readBy` from the target ("OpenLLM-France is led by LINAGORA").
#pragma once

#include "model.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace explorer {

// A pair of compile-time strings; the owning counterpart is LocalText.
struct BilingualText {
    std::string_view fr;
    std::string_view en;
    std::string_view get(Lang lang) const { return lang == Lang::Fr ? fr : en; }
};

struct BuiltinType {
    std::string_view id;
    BilingualText label;  // singular, capitalised, for legends and filters: "Entreprise"
    BilingualText plural; // for group headings and counts: "Entreprises"
};

struct BuiltinRole {
    std::string_view id;
    BilingualText label;  // capitalised noun phrase for legends and filters: "Chef de file"
    BilingualText reads;  // verb phrase from the source: "est chef de file de" / "leads"
    BilingualText readBy; // verb phrase from the target: "a pour chef de file" / "is led by"
};

std::span<const BuiltinType> builtinTypes();
std::span<const BuiltinRole> builtinRoles();

// nullptr when the id is not built in (it may still be declared by the dataset).
const BuiltinType* findBuiltinType(std::string_view id);
const BuiltinRole* findBuiltinRole(std::string_view id);

// The built-ins as Terms, in the order above, ready to be completed by a dataset's own terms.
std::vector<Term> builtinTypeTerms();
std::vector<Term> builtinRoleTerms();

// How a relation of this role reads, from its source or from its target, in `lang`. Built-in
// roles use their phrases; a role the dataset declares has no phrase, so its label stands in,
// as written. An id that is neither comes back as is.
std::string roleReading(const Dataset& dataset, std::string_view roleId, Lang lang);
std::string roleReadingFromTarget(const Dataset& dataset, std::string_view roleId, Lang lang);

} // namespace explorer
