// Synthetic consortia; the shape and the guarantees are in synthetic_dataset.hpp.
//
// [SECTION] randomness (splitmix64, integer draws, the power law)
// [SECTION] names, dates, sources
// [SECTION] the dataset: organisations and participation, roles, units, models, initiatives
#include "core/synthetic_dataset.hpp"

#include "core/data_export.hpp"
#include "core/filters.hpp"
#include "core/vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace explorer {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// [SECTION] randomness ------------------------------------------------------------------------

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // In [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    // True with probability percent / 100.
    bool chance(unsigned percent) { return next() % 100 < percent; }
    // In (0, 1], exactly representable.
    double unit() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }
    // An index drawn with the given integer weights (not all zero).
    template <std::size_t N>
    std::size_t weighted(const std::array<unsigned, N>& weights) {
        unsigned total = 0;
        for (unsigned w : weights) total += w;
        auto pick = static_cast<unsigned>(next() % total);
        for (std::size_t i = 0; i < N; ++i) {
            if (pick < weights[i]) return i;
            pick -= weights[i];
        }
        return N - 1;
    }

private:
    std::uint64_t state_;
};

// Participation counts with P(k >= x) = x^-1.5 for x in [1, cap]: the largest x whose survival
// 1 / (x sqrt x) is at least a uniform draw. Only * / and sqrt: the same table on every platform.
class PowerLaw {
public:
    explicit PowerLaw(std::size_t cap) : survival_(cap) {
        for (std::size_t x = 1; x <= cap; ++x) {
            const auto v = static_cast<double>(x);
            survival_[x - 1] = 1.0 / (v * std::sqrt(v));
        }
    }
    std::size_t draw(Random& random) const {
        const double u = random.unit();
        // survival_ decreases; count the entries >= u.
        const auto end = std::partition_point(survival_.begin(), survival_.end(), [u](double s) { return s >= u; });
        return std::max<std::size_t>(1, static_cast<std::size_t>(end - survival_.begin()));
    }

private:
    std::vector<double> survival_;
};

// [SECTION] names, dates, sources -------------------------------------------------------------

constexpr std::array<std::string_view, 26> kSyllables = {
    "ar", "bel", "cor", "dé", "el", "fa", "gal", "hé", "is", "jo", "ka", "lu", "mar",
    "no", "or", "pel", "qui", "ra", "sel", "té", "ul", "va", "wen", "xa", "yo", "zé"};
constexpr std::array<std::string_view, 20> kAsciiSyllables = {
    "AR", "BEL", "COR", "DA", "EL", "FA", "GAL", "HE", "IS", "KA",
    "LU", "MAR", "NO", "OR", "PEL", "RA", "SEL", "TE", "VA", "ZE"};

std::string word(Random& random) {
    std::string text;
    const std::size_t count = 2 + random.below(2);
    for (std::size_t i = 0; i < count; ++i) text += kSyllables[random.below(kSyllables.size())];
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

std::string acronym(Random& random) {
    std::string text;
    const std::size_t count = 2 + random.below(2);
    for (std::size_t i = 0; i < count; ++i) text += kAsciiSyllables[random.below(kAsciiSyllables.size())];
    return text;
}

// Names are unique: a repeated one gets " 2", " 3"…
class NameBook {
public:
    std::string unique(std::string name) {
        if (used_.insert(name).second) return name;
        for (std::size_t n = 2;; ++n) {
            std::string numbered = name + " " + std::to_string(n);
            if (used_.insert(numbered).second) return numbered;
        }
    }

private:
    std::unordered_set<std::string> used_;
};

std::string twoDigits(std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// A real date in 2023 or 2024, as precise as `precision` says: 0 day, 1 month, 2 year estimate.
std::string date(Random& random, int precision) {
    const std::string year = random.chance(70) ? "2024" : "2023";
    if (precision == 2) return year + "~";
    const std::string month = year + "-" + twoDigits(1 + random.below(12));
    if (precision == 1) return month;
    return month + "-" + twoDigits(1 + random.below(28));
}

enum class OrgType : std::size_t {
    Company, Startup, Investor, University, PublicResearch, ResearchTeam, PublicInstitution,
    Nonprofit, Community, Intergovernmental, Ministry
};
constexpr std::array<std::string_view, 11> kTypeIds = {
    "company", "startup", "investor", "university", "public_research", "research_team",
    "public_institution", "nonprofit", "community", "intergovernmental", "ministry"};
// Weights of each type (order of kTypeIds) for the busiest organisations and for the others.
constexpr std::array<unsigned, 11> kBusyTypeWeights = {14, 2, 0, 34, 34, 4, 6, 4, 0, 1, 1};
constexpr std::array<unsigned, 11> kTypeWeights = {22, 16, 5, 13, 5, 10, 6, 9, 6, 2, 2};
constexpr std::size_t kBusyFrom = 8; // projects

bool isPublic(OrgType type) {
    return type == OrgType::University || type == OrgType::PublicResearch || type == OrgType::ResearchTeam ||
           type == OrgType::PublicInstitution || type == OrgType::Intergovernmental || type == OrgType::Ministry;
}
bool isResearch(OrgType type) {
    return type == OrgType::University || type == OrgType::PublicResearch || type == OrgType::ResearchTeam;
}

std::string organisationName(Random& random, OrgType type) {
    const std::string w = word(random);
    switch (type) {
    case OrgType::Company: return w + (random.chance(50) ? " SAS" : " Technologies");
    case OrgType::Startup: return w + (random.chance(50) ? " AI" : " Labs");
    case OrgType::Investor: return w + (random.chance(50) ? " Capital" : " Ventures");
    case OrgType::University: return random.chance(50) ? "Université de " + w : w + " University";
    case OrgType::PublicResearch: return (random.chance(50) ? "Institut " : "Centre ") + w;
    case OrgType::ResearchTeam: return "Équipe " + acronym(random);
    case OrgType::PublicInstitution: return "Agence " + w;
    case OrgType::Nonprofit: return "Fondation " + w;
    case OrgType::Community: return "Communauté " + w;
    case OrgType::Intergovernmental: return "Organisation " + w;
    case OrgType::Ministry: return "Ministère de " + w;
    }
    return w;
}

constexpr std::array<std::string_view, 12> kCountries = {"FR", "DE", "IT", "ES", "NL", "BE",
                                                         "PT", "PL", "SE", "AT", "FI", "IE"};
constexpr std::array<unsigned, 12> kCountryWeights = {40, 14, 10, 9, 6, 5, 3, 3, 3, 3, 2, 2};

struct TermSpec {
    std::string_view id;
    std::string_view fr;
    std::string_view en;
};
constexpr std::array<TermSpec, 3> kAxes = {TermSpec{"models", "Modèles", "Models"},
                                           TermSpec{"data", "Données", "Data"},
                                           TermSpec{"uses", "Usages", "Uses"}};
constexpr std::array<TermSpec, 6> kSectors = {
    TermSpec{"health", "Santé", "Health"},          TermSpec{"law", "Droit", "Law"},
    TermSpec{"education", "Éducation", "Education"}, TermSpec{"culture", "Culture", "Culture"},
    TermSpec{"industry", "Industrie", "Industry"},   TermSpec{"public-services", "Services publics", "Public services"}};
constexpr std::array<std::string_view, 4> kLicences = {"Apache-2.0", "MIT", "CC-BY-4.0", "OpenRAIL-M"};
constexpr std::array<std::string_view, 4> kOutlets = {"Le Quotidien du numérique", "Tech Weekly",
                                                      "Revue de la recherche", "Gazette des communs"};

std::vector<Term> terms(const auto& specs) {
    std::vector<Term> out;
    for (const TermSpec& spec : specs) out.push_back({std::string(spec.id), {std::string(spec.fr), std::string(spec.en)}});
    return out;
}

// [SECTION] the dataset ------------------------------------------------------------------------
// Draws are sequenced one statement at a time: the order in which a call's arguments (or the
// operands of an overloaded +) are evaluated is unspecified, and GCC and clang differ on it.

class Builder {
public:
    explicit Builder(const SynthOptions& options)
        : projects_(std::max<std::size_t>(1, options.projects)),
          organisations_(std::max<std::size_t>(1, options.organisations)),
          models_(syntheticModelCount(projects_)), initiatives_(syntheticInitiativeCount(projects_)),
          participationPercent_(std::max<std::size_t>(100, options.participationPercent)), seed_(options.seed), random_(options.seed), base_("https://example.org/synth/" + std::to_string(seed_) + "/") {}

    Dataset build() {
        d_.title = {"Consortium synthétique : " + std::to_string(projects_) + " projets, " +
                        std::to_string(organisations_) + " organisations (graine " + std::to_string(seed_) + ")",
                    "Synthetic consortium: " + std::to_string(projects_) + " projects, " +
                        std::to_string(organisations_) + " organisations (seed " + std::to_string(seed_) + ")"};
        d_.axes = terms(kAxes);
        d_.sectors = terms(kSectors);
        d_.types = builtinTypeTerms();
        d_.roles = builtinRoleTerms();
        addSources();
        d_.call = Call{{"Appel à projets synthétique", "Synthetic call for projects"}, "", "2023-06", "2024-05-21",
                       {"Lauréats annoncés le 21 mai 2024.", "Laureates announced on 21 May 2024."}, {kArticle}};
        addProjects();
        drawParticipation();
        addOrganisations();
        addMemberships();
        addUnits();
        addModels();
        addInitiatives();
        addFoundations();
        d_.buildIndex();
        return std::move(d_);
    }

private:
    static constexpr std::size_t kArticle = 0; // the call's announcement, the only `article` source

    std::size_t project(std::size_t p) const { return p; }
    std::size_t organisation(std::size_t o) const { return projects_ + o; }
    std::size_t model(std::size_t m) const { return projects_ + organisations_ + m; }
    std::size_t initiative(std::size_t i) const { return projects_ + organisations_ + models_ + i; }

    std::size_t addSource(std::string id, std::string outlet, std::string title, std::string layer, int precision,
                          bool titleIsDescription = false) {
        Source source;
        source.url = base_ + id;
        source.id = std::move(id);
        source.outlet = std::move(outlet);
        source.title = std::move(title);
        source.date = date(random_, precision);
        source.layer = std::move(layer);
        source.titleIsDescription = titleIsDescription;
        d_.sources.push_back(std::move(source));
        return d_.sources.size() - 1;
    }

    void addSources() {
        Source article;
        article.id = "announcement";
        article.outlet = "Gazette des communs";
        article.title = "Appel à projets : " + std::to_string(projects_) + " lauréats";
        article.date = "2024-05-21";
        article.url = base_ + "announcement";
        article.layer = "article";
        d_.sources.push_back(std::move(article));
        const std::size_t press = std::max<std::size_t>(1, projects_ / 50);
        for (std::size_t s = 0; s < press; ++s) {
            const std::string_view outlet = kOutlets[random_.below(kOutlets.size())];
            addSource("press-" + std::to_string(s), std::string(outlet), "Qui finance les communs ? (" + std::to_string(s + 1) + ")",
                      "external", random_.chance(80) ? 1 : 0);
        }
        pressSources_ = press;
    }

    std::size_t pressSource() { return 1 + random_.below(pressSources_); }

    Entity entity(std::string id, EntityKind kind, std::string name, LocalText description, std::size_t source) {
        Entity e;
        e.id = std::move(id);
        e.kind = kind;
        e.name = names_.unique(std::move(name));
        e.description = std::move(description);
        e.sources = {source};
        return e;
    }

    void addRelation(std::size_t source, std::string_view role, std::size_t target, std::vector<std::size_t> sources) {
        Relation r;
        r.source = source;
        r.target = target;
        r.role = std::string(role);
        r.sources = std::move(sources);
        d_.relations.push_back(std::move(r));
    }

    void addProjects() {
        projectPage_.resize(projects_);
        for (std::size_t p = 0; p < projects_; ++p) {
            const std::string number = std::to_string(p + 1);
            std::string name = acronym(random_);
            projectPage_[p] = addSource("page-project-" + number, name, name + " : le projet", "external", 0);
            Entity e = entity("project:p" + number, EntityKind::Project, name,
                              {"Projet lauréat synthétique n° " + number + ".", "Synthetic laureate project no. " + number + "."},
                              projectPage_[p]);
            e.sources.push_back(kArticle);
            e.axes = {std::string(kAxes[random_.below(kAxes.size())].id)};
            const std::size_t first = random_.below(kSectors.size());
            e.sectors = {std::string(kSectors[first].id)};
            if (random_.chance(40)) e.sectors.push_back(std::string(kSectors[(first + 1 + random_.below(kSectors.size() - 1)) % kSectors.size()].id));
            e.durationMonths = static_cast<int>(12 + 6 * random_.below(9));
            e.url = base_ + "project/" + number;
            d_.entities.push_back(std::move(e));
        }
    }

    // How many projects each organisation is in, and which: weighted draws without repeats.
    void drawParticipation() {
        const PowerLaw law(std::max<std::size_t>(1, projects_ / 4));
        std::vector<std::uint64_t> cumulative(projects_);
        std::uint64_t total = 0;
        for (std::size_t p = 0; p < projects_; ++p) {
            total += std::uint64_t{1} << random_.below(4); // 1, 2, 4 or 8
            cumulative[p] = total;
        }
        members_.assign(projects_, {});
        projectsOf_.assign(organisations_, {});
        std::vector<std::size_t> mark(projects_, kNone);
        for (std::size_t o = 0; o < organisations_; ++o) {
            const std::size_t k = std::min((law.draw(random_) * participationPercent_ + 50) / 100, projects_);
            for (std::size_t t = 0; t < k; ++t) {
                std::size_t chosen = kNone;
                for (int attempt = 0; attempt < 32 && chosen == kNone; ++attempt) {
                    const std::uint64_t pick = random_.next() % total;
                    const auto p = static_cast<std::size_t>(
                        std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
                    if (mark[p] != o) chosen = p;
                }
                for (std::size_t start = random_.below(projects_), step = 0; chosen == kNone && step < projects_; ++step) {
                    const std::size_t p = (start + step) % projects_;
                    if (mark[p] != o) chosen = p;
                }
                mark[chosen] = o;
                members_[chosen].push_back(o);
                projectsOf_[o].push_back(chosen);
            }
        }
        // Every project gets at least two participants.
        for (std::size_t p = 0; p < projects_ && organisations_ >= 2; ++p) {
            while (members_[p].size() < std::min<std::size_t>(2, organisations_)) {
                const std::size_t o = random_.below(organisations_);
                if (std::find(members_[p].begin(), members_[p].end(), o) != members_[p].end()) continue;
                members_[p].push_back(o);
                projectsOf_[o].push_back(p);
            }
        }
        for (std::size_t o = 0; o < organisations_; ++o)
            for (std::size_t t = 0; t < projectsOf_[o].size(); ++t) slots_.push_back(o);
    }

    void addOrganisations() {
        types_.resize(organisations_);
        for (std::size_t o = 0; o < organisations_; ++o) {
            const bool busy = projectsOf_[o].size() >= kBusyFrom;
            const auto type = static_cast<OrgType>(random_.weighted(busy ? kBusyTypeWeights : kTypeWeights));
            types_[o] = type;
            const std::string_view typeId = kTypeIds[static_cast<std::size_t>(type)];
            const BuiltinType* builtin = findBuiltinType(typeId);
            const std::string number = std::to_string(o + 1);
            const std::size_t source = projectsOf_[o].empty() ? kArticle : projectPage_[projectsOf_[o].front()];
            Entity e = entity("org:o" + number, EntityKind::Organisation, organisationName(random_, type),
                              {"Organisation synthétique (" + std::string(builtin->label.fr) + ").",
                               "Synthetic organisation (" + std::string(builtin->label.en) + ")."},
                              source);
            e.type = std::string(typeId);
            if (type != OrgType::Intergovernmental) e.country = std::string(kCountries[random_.weighted(kCountryWeights)]);
            if (random_.chance(50)) e.url = base_ + "org/" + number;
            if (random_.chance(10)) e.aliases = {acronym(random_)};
            d_.entities.push_back(std::move(e));
            if (isResearch(type) && type != OrgType::ResearchTeam) wholes_.push_back(o);
        }
    }

    std::string_view memberRole(OrgType type) {
        if (type == OrgType::Investor) return "investor";
        const bool research = isResearch(type);
        const std::array<unsigned, 8> weights = {40, 15, 15, research ? 6U : 0U, 10, 6, 6, 4};
        switch (random_.weighted(weights)) {
        case 1: return isPublic(type) ? "public_partner" : "partner";
        case 2: return type == OrgType::Company || type == OrgType::Startup ? "private_partner" : "partner";
        case 3: return "joint_research_team";
        case 4: return "supporter";
        case 5: return "scientific_council";
        case 6: return "beneficiary";
        case 7: return "founding_member";
        default: return "partner";
        }
    }

    // The lead is most often the busiest participant; investors never lead.
    void addMemberships() {
        for (std::size_t p = 0; p < projects_; ++p) {
            const std::vector<std::size_t>& members = members_[p];
            std::size_t lead = kNone;
            if (random_.chance(67)) {
                for (std::size_t o : members)
                    if (types_[o] != OrgType::Investor && (lead == kNone || projectsOf_[o].size() > projectsOf_[lead].size()))
                        lead = o;
            } else {
                const std::size_t start = random_.below(members.size());
                for (std::size_t step = 0; step < members.size() && lead == kNone; ++step) {
                    const std::size_t o = members[(start + step) % members.size()];
                    if (types_[o] != OrgType::Investor) lead = o;
                }
            }
            const auto sourcesFor = [&] {
                std::vector<std::size_t> sources = {projectPage_[p]};
                if (random_.chance(10)) sources.push_back(pressSource());
                return sources;
            };
            if (lead != kNone) addRelation(organisation(lead), "lead", project(p), sourcesFor());
            for (std::size_t o : members) {
                if (o == lead) continue;
                const std::string_view role = memberRole(types_[o]);
                addRelation(organisation(o), role, project(p), sourcesFor());
            }
        }
    }

    // A public research body or university, the busier the likelier (best of three draws).
    std::size_t busyWhole() {
        std::size_t best = kNone;
        for (int draw = 0; draw < 3; ++draw) {
            const std::size_t o = wholes_[random_.below(wholes_.size())];
            if (best == kNone || projectsOf_[o].size() > projectsOf_[best].size()) best = o;
        }
        return best;
    }

    // Most research teams belong to a research body or a university.
    void addUnits() {
        if (wholes_.empty()) return;
        for (std::size_t o = 0; o < organisations_; ++o) {
            if (types_[o] != OrgType::ResearchTeam || !random_.chance(70)) continue;
            const std::size_t whole = busyWhole();
            addRelation(organisation(o), "team_of", organisation(whole), {pressSource()});
        }
    }

    // An organisation drawn in proportion to the number of projects it is in.
    std::size_t activeOrganisation() { return slots_[random_.below(slots_.size())]; }

    void addModels() {
        for (std::size_t m = 0; m < models_; ++m) {
            const std::string number = std::to_string(m + 1);
            std::string name = word(random_);
            name += "-" + std::to_string(1 + random_.below(70)) + "B";
            const std::size_t card = addSource("card-model-" + number, "Model card", name, "external", 1);
            Entity e = entity("model:m" + number, EntityKind::Model, name,
                              {"Modèle de langue synthétique n° " + number + ".", "Synthetic language model no. " + number + "."},
                              card);
            e.licences = {std::string(kLicences[random_.below(kLicences.size())])};
            d_.entities.push_back(std::move(e));
            const std::size_t first = activeOrganisation();
            addRelation(organisation(first), "develops", model(m), {card});
            if (random_.chance(50)) {
                const std::size_t second = activeOrganisation();
                if (second != first) addRelation(organisation(second), "develops", model(m), {card});
            }
            if (random_.chance(30)) addRelation(project(random_.below(projects_)), "develops", model(m), {card});
            if (m > 0 && random_.chance(40))
                addRelation(model(m), "based_on", model(random_.below(m)), {card});
            else if (m > 0 && random_.chance(15))
                addRelation(model(m), "part_of", model(random_.below(m)), {card});
            if (initiatives_ > 0 && random_.chance(25)) {
                const std::size_t archive = random_.below(initiatives_);
                addRelation(model(m), "trained_on", initiative(archive), {card, pressSource()});
            }
        }
    }

    void addInitiatives() {
        for (std::size_t i = 0; i < initiatives_; ++i) {
            const std::string number = std::to_string(i + 1);
            const std::string name = "Archive " + word(random_);
            const std::size_t page = addSource("page-initiative-" + number, name, "À propos", "external", 2, true);
            d_.entities.push_back(entity("initiative:i" + number, EntityKind::Initiative, name,
                                         {"Initiative ouverte synthétique n° " + number + ".",
                                          "Synthetic open initiative no. " + number + "."},
                                         page));
            if (!wholes_.empty() && random_.chance(60))
                addRelation(initiative(i), "programme_of", organisation(busyWhole()), {page});
        }
    }

    // About a quarter of the projects build on a model or an initiative: connections.
    void addFoundations() {
        const std::size_t foundations = models_ + initiatives_;
        if (foundations == 0) return;
        for (std::size_t p = 0; p < projects_; ++p) {
            if (!random_.chance(25)) continue;
            const std::size_t f = random_.below(foundations);
            addRelation(project(p), "builds_on", f < models_ ? model(f) : initiative(f - models_), {projectPage_[p]});
        }
    }

    const std::size_t projects_;
    const std::size_t organisations_;
    const std::size_t models_;
    const std::size_t initiatives_;
    const std::size_t participationPercent_;
    const std::uint64_t seed_;
    Random random_;
    const std::string base_;
    Dataset d_;
    NameBook names_;
    std::size_t pressSources_ = 1;
    std::vector<std::size_t> projectPage_;             // per project: its page (a source index)
    std::vector<std::vector<std::size_t>> members_;    // per project: organisations, in draw order
    std::vector<std::vector<std::size_t>> projectsOf_; // per organisation: projects
    std::vector<std::size_t> slots_;                   // one per participation: the organisation
    std::vector<OrgType> types_;
    std::vector<std::size_t> wholes_;                  // research bodies and universities
};

} // namespace

std::size_t syntheticModelCount(std::size_t projects) { return std::max<std::size_t>(1, projects) / 10; }
std::size_t syntheticInitiativeCount(std::size_t projects) { return std::max<std::size_t>(1, projects) / 20; }

SynthOptions syntheticOptionsForEntities(std::size_t entities, std::uint64_t seed) {
    entities = std::max<std::size_t>(4, entities);
    SynthOptions options;
    options.seed = seed;
    options.projects = std::max<std::size_t>(1, entities / 8);
    options.organisations = entities - options.projects - syntheticModelCount(options.projects) -
                            syntheticInitiativeCount(options.projects);
    return options;
}

Dataset syntheticDataset(const SynthOptions& options) { return Builder(options).build(); }

std::string syntheticDatasetJson(const SynthOptions& options) {
    const Dataset dataset = syntheticDataset(options);
    const VisibleSet everything{std::vector<bool>(dataset.entities.size(), true),
                                std::vector<bool>(dataset.relations.size(), true)};
    return visibleDatasetJson(dataset, everything);
}

std::string syntheticDatasetCsv(const SynthOptions& options) {
    const Dataset dataset = syntheticDataset(options);
    const auto typeOf = [](const Entity& entity) -> std::string_view {
        return entity.kind == EntityKind::Organisation ? std::string_view(entity.type) : toString(entity.kind);
    };
    std::string out;
    out.reserve(dataset.relations.size() * 96);
    appendCsvRow(out, {"source", "target", "role", "source_type", "target_type", "source_url"});
    for (const Relation& relation : dataset.relations) {
        const Entity& source = dataset.entities[relation.source];
        const Entity& target = dataset.entities[relation.target];
        const std::string_view url =
            relation.sources.empty() ? std::string_view() : std::string_view(dataset.sources[relation.sources.front()].url);
        appendCsvRow(out, {source.name, target.name, relation.role, typeOf(source), typeOf(target), url});
    }
    return out;
}

} // namespace explorer
