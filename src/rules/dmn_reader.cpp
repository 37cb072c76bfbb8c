// Reading DMN XML: definitions, imports, item definitions and the decision requirements graph;
// model sets whose models import each other. Limits on size and depth are checked first.
#include "rules/dmn_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "rules/dmn.hpp"

namespace ow::rules {

using namespace dmn_xml;

std::string LoadError::ToString() const {
    return element_id.empty() ? message : element_id + ": " + message;
}

namespace {

struct Document {
    std::string file;
    pugi::xml_document doc;
    pugi::xml_node root;  // <definitions>
    std::string ns;
    std::string error;
};

// Size and depth are checked before anything walks the tree (pugixml's own parser does not
// recurse, so an over-deep document is safe to parse and then reject).
void ParseDocument(std::string_view xml, const ReaderLimits& limits, Document& d) {
    if (xml.size() > limits.max_bytes) {
        d.error = "the model is " + std::to_string(xml.size()) + " bytes; at most " +
                  std::to_string(limits.max_bytes) + " are accepted";
        return;
    }
    pugi::xml_parse_result r = d.doc.load_buffer(xml.data(), xml.size(), pugi::parse_default);
    if (!r) {
        d.error =
            std::string("not XML: ") + r.description() + " at byte " + std::to_string(r.offset);
        return;
    }
    // Iterative walk: depth of every element.
    int depth = 0;
    pugi::xml_node n = d.doc.first_child();
    while (n) {
        if (n.first_child()) {
            n = n.first_child();
            if (++depth > limits.max_depth) {
                d.error =
                    "elements are nested more than " + std::to_string(limits.max_depth) + " deep";
                d.doc.reset();
                return;
            }
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
        }
        if (n) n = n.next_sibling();
    }
    for (pugi::xml_node c = d.doc.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element && LocalName(c) == "definitions") d.root = c;
    }
    if (!d.root) {
        d.error = "no <definitions> element: not a DMN model";
        return;
    }
    d.ns = d.root.attribute("namespace").value();
}

Href ParseHref(std::string_view href, const std::string& own_ns) {
    size_t hash = href.find('#');
    if (hash == std::string_view::npos) return {"", std::string(href)};
    std::string ns(href.substr(0, hash));
    if (ns == own_ns) ns.clear();
    return {ns, std::string(href.substr(hash + 1))};
}

void CollectNames(const pugi::xml_node& root, std::vector<std::string>& names) {
    static const std::set<std::string_view> kNamed = {
        "inputData",     "decision", "businessKnowledgeModel", "decisionService", "itemDefinition",
        "itemComponent", "variable", "formalParameter",        "parameter",       "column",
        "parameters"};
    pugi::xml_node n = root;
    while (n) {
        if (n.type() == pugi::node_element) {
            std::string_view local = LocalName(n);
            if (kNamed.count(local)) {
                if (auto a = n.attribute("name"); a && *a.value()) names.emplace_back(a.value());
            }
            if (auto a = n.attribute("iteratorVariable"); a && *a.value())
                names.emplace_back(a.value());
        }
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != root && !n.next_sibling()) n = n.parent();
        if (!n || n == root) break;
        n = n.next_sibling();
    }
}

class DrgReader {
public:
    DrgReader(Model& m, ParseContext pc) : m_(m), r_(m, std::move(pc)) {}

    void Read(const pugi::xml_node& root) {
        for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view local = LocalName(c);
            if (local == "itemDefinition") {
                m_.item_definitions.push_back(Item(c));
            } else if (local == "inputData") {
                pugi::xml_node var = Child(c, "variable");
                m_.inputs.push_back(
                    {c.attribute("id").value(), c.attribute("name").value(), TypeRefOf(var)});
            } else if (local == "decision") {
                ReadDecision(c);
            } else if (local == "businessKnowledgeModel") {
                ReadBkm(c);
            } else if (local == "decisionService") {
                ReadService(c);
            }
        }
    }

private:
    static void Element(const pugi::xml_node& n, DrgElement& e) {
        e.id = n.attribute("id").value();
        e.name = n.attribute("name").value();
        e.type_ref = TypeRefOf(Child(n, "variable"));
    }

    ItemDefinition Item(const pugi::xml_node& n) {
        ItemDefinition item;
        item.id = n.attribute("id").value();
        item.name = n.attribute("name").value();
        item.type_ref = TypeRefOf(n);
        item.is_collection = n.attribute("isCollection").as_bool();
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view local = LocalName(c);
            if (local == "itemComponent") {
                item.components.push_back(Item(c));
            } else if (local == "allowedValues" || local == "typeConstraint") {
                item.allowed = r_.Tests(TextOf(c), item.id.empty() ? item.name : item.id);
            } else if (local == "functionItem") {
                item.is_function = true;
                item.function_output = c.attribute("outputTypeRef").value();
                for (pugi::xml_node p = c.first_child(); p; p = p.next_sibling()) {
                    if (p.type() == pugi::node_element && LocalName(p) == "parameters") {
                        item.function_parameters.emplace_back(p.attribute("name").value(),
                                                              TypeRefOf(p));
                    }
                }
            }
        }
        return item;
    }

    void Requirements(const pugi::xml_node& n, Decision* d, std::vector<Href>* knowledge) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view local = LocalName(c);
            if (local != "informationRequirement" && local != "knowledgeRequirement") continue;
            for (pugi::xml_node r = c.first_child(); r; r = r.next_sibling()) {
                if (r.type() != pugi::node_element) continue;
                std::string_view kind = LocalName(r);
                Href h = ParseHref(r.attribute("href").value(), m_.ns);
                if (kind == "requiredDecision" && d) d->required_decisions.push_back(h);
                if (kind == "requiredInput" && d) d->required_inputs.push_back(h);
                if (kind == "requiredKnowledge") knowledge->push_back(h);
            }
        }
    }

    void ReadDecision(const pugi::xml_node& n) {
        Decision d;
        Element(n, d);
        Requirements(n, &d, &d.required_knowledge);
        d.logic = r_.FirstBoxedChild(n);
        m_.decisions.push_back(std::move(d));
    }

    void ReadBkm(const pugi::xml_node& n) {
        BusinessKnowledgeModel b;
        Element(n, b);
        Requirements(n, nullptr, &b.required_knowledge);
        if (pugi::xml_node logic = Child(n, "encapsulatedLogic")) {
            if (auto k = logic.attribute("kind")) b.function_kind = k.value();
            b.result_type = TypeRefOf(logic);
            for (pugi::xml_node p = logic.first_child(); p; p = p.next_sibling()) {
                if (p.type() != pugi::node_element || LocalName(p) != "formalParameter") continue;
                b.parameters.emplace_back(p.attribute("name").value());
                b.parameter_types.push_back(TypeRefOf(p));
            }
            b.body = r_.FirstBoxedChild(logic);
        }
        m_.bkms.push_back(std::move(b));
    }

    void ReadService(const pugi::xml_node& n) {
        DecisionService s;
        Element(n, s);
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view local = LocalName(c);
            Href h = ParseHref(c.attribute("href").value(), m_.ns);
            if (local == "outputDecision") s.output_decisions.push_back(h);
            if (local == "encapsulatedDecision") s.encapsulated_decisions.push_back(h);
            if (local == "inputDecision") s.input_decisions.push_back(h);
            if (local == "inputData") s.input_data.push_back(h);
        }
        m_.services.push_back(std::move(s));
    }

    Model& m_;
    Reader r_;
};

std::shared_ptr<Model> BuildModel(
    const Document& d,
    const std::function<std::shared_ptr<const Model>(const std::string&)>& find) {
    auto m = std::make_shared<Model>();
    m->name = d.root.attribute("name").value();
    m->ns = d.ns;
    m->id = d.root.attribute("id").value();
    CollectNames(d.root, m->scope_names);
    ParseContext pc;
    pc.names = m->scope_names;
    for (pugi::xml_node c = d.root.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element || LocalName(c) != "import") continue;
        // Only DMN models are imported here (XSD or PMML imports are not evaluated).
        std::string_view type = c.attribute("importType").value();
        if (!type.empty() && type.find("MODEL") == std::string_view::npos &&
            type.find("dmn") == std::string_view::npos) {
            continue;
        }
        Import imp{c.attribute("name").value(), c.attribute("namespace").value(), nullptr};
        imp.model = find(imp.ns);
        if (!imp.model) {
            m->errors.push_back({imp.name, "imported model " + imp.ns + " was not found"});
        } else {
            if (!imp.name.empty()) pc.names.push_back(imp.name);
            for (const std::string& n : imp.model->scope_names) {
                pc.names.push_back(n);
                if (!imp.name.empty()) pc.names.push_back(imp.name + "." + n);
            }
        }
        m->imports.push_back(std::move(imp));
    }
    std::sort(pc.names.begin(), pc.names.end());
    pc.names.erase(std::unique(pc.names.begin(), pc.names.end()), pc.names.end());
    DrgReader(*m, std::move(pc)).Read(d.root);
    return m;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

LoadResult LoadModel(std::string_view xml, const ReaderLimits& limits) {
    ModelSet set = LoadModels({{"model.dmn", std::string(xml)}}, limits);
    LoadResult r;
    r.model = set.models.empty() ? nullptr : set.models[0];
    for (LoadError& e : set.errors) {
        if (e.element_id.rfind("model.dmn: ", 0) == 0)
            e.element_id.erase(0, 11);
        else if (e.element_id == "model.dmn")
            e.element_id.clear();
        r.errors.push_back(std::move(e));
    }
    return r;
}

ModelSet LoadModels(const std::vector<std::pair<std::string, std::string>>& files_and_xml,
                    const ReaderLimits& limits) {
    ModelSet set;
    std::vector<std::unique_ptr<Document>> docs;
    for (const auto& [file, xml] : files_and_xml) {
        auto d = std::make_unique<Document>();
        d->file = file;
        ParseDocument(xml, limits, *d);
        if (!d->error.empty()) set.errors.push_back({file, d->error});
        docs.push_back(std::move(d));
        set.files.push_back(file);
    }
    set.models.resize(docs.size());
    std::vector<int> state(docs.size(), 0);  // 0 new, 1 loading, 2 done
    std::function<std::shared_ptr<const Model>(size_t)> load = [&](size_t i) {
        if (state[i] == 2) return std::shared_ptr<const Model>(set.models[i]);
        if (state[i] == 1 || !docs[i]->error.empty()) return std::shared_ptr<const Model>();
        state[i] = 1;  // an import cycle finds the model "loading" and leaves that import open
        auto find = [&](const std::string& ns) -> std::shared_ptr<const Model> {
            for (size_t j = 0; j < docs.size(); ++j) {
                if (j != i && docs[j]->error.empty() && docs[j]->ns == ns) return load(j);
            }
            return nullptr;
        };
        std::shared_ptr<Model> m = BuildModel(*docs[i], find);
        for (const LoadError& e : m->errors) {
            set.errors.push_back(
                {docs[i]->file + (e.element_id.empty() ? "" : ": " + e.element_id), e.message});
        }
        set.models[i] = m;
        state[i] = 2;
        return std::shared_ptr<const Model>(m);
    };
    for (size_t i = 0; i < docs.size(); ++i) load(i);
    return set;
}

ModelSet LoadModelDirectory(const std::string& dir, const ReaderLimits& limits) {
    namespace fs = std::filesystem;
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<LoadError> io_errors;
    std::error_code ec;
    std::vector<fs::path> paths;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.is_regular_file() && EndsWith(entry.path().filename().string(), ".dmn")) {
            paths.push_back(entry.path());
        }
    }
    if (ec) io_errors.push_back({dir, ec.message()});
    std::sort(paths.begin(), paths.end());
    for (const fs::path& p : paths) {
        if (fs::file_size(p, ec) > limits.max_bytes) {
            io_errors.push_back(
                {p.filename().string(),
                 "the model is larger than " + std::to_string(limits.max_bytes) + " bytes"});
            continue;
        }
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        files.emplace_back(p.filename().string(), ss.str());
    }
    ModelSet set = LoadModels(files, limits);
    set.errors.insert(set.errors.end(), io_errors.begin(), io_errors.end());
    return set;
}

std::shared_ptr<const Model> ModelSet::Find(std::string_view file_or_name) const {
    for (size_t i = 0; i < files.size(); ++i) {
        if (files[i] == file_or_name && models[i]) return models[i];
    }
    for (const auto& m : models) {
        if (m && m->name == file_or_name) return m;
    }
    return nullptr;
}

}  // namespace ow::rules
