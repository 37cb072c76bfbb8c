// Look-ups on a loaded model: elements by name and id, the model an href points into.
#include "rules/dmn_model.hpp"

namespace ow::rules {

namespace {

template <class T>
const std::string* NameById(const std::vector<T>& items, std::string_view id) {
    const T* t = FindById(items, id);
    return t ? &t->name : nullptr;
}

}  // namespace

const ItemDefinition* Model::FindItem(std::string_view n) const {
    return FindByName(item_definitions, n);
}
const InputData* Model::FindInput(std::string_view n) const {
    return FindByName(inputs, n);
}
const Decision* Model::FindDecision(std::string_view n) const {
    return FindByName(decisions, n);
}
const BusinessKnowledgeModel* Model::FindBkm(std::string_view n) const {
    return FindByName(bkms, n);
}
const DecisionService* Model::FindService(std::string_view n) const {
    return FindByName(services, n);
}

const Model* Model::ModelOf(const Href& href) const {
    if (href.ns.empty() || href.ns == ns) return this;
    for (const Import& imp : imports) {
        if (imp.ns == href.ns) return imp.model.get();
    }
    return nullptr;
}

const Import* Model::ImportOf(const Model* other) const {
    for (const Import& imp : imports) {
        if (imp.model.get() == other) return &imp;
    }
    return nullptr;
}

const std::string* Model::NameOfId(std::string_view id) const {
    if (const std::string* n = NameById(decisions, id)) return n;
    if (const std::string* n = NameById(inputs, id)) return n;
    if (const std::string* n = NameById(bkms, id)) return n;
    return NameById(services, id);
}

}  // namespace ow::rules
