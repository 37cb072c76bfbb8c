#!/usr/bin/env python3
"""Check a service catalog file (onewindow-catalog/1) against docs/catalog-format.md.

Usage: scripts/check-catalog.py [--summary] [--no-warnings] FILE

Prints one line per problem, naming the item (or document type, bundle) and the field:
    ERROR items[AMR-001].materials[application].legal_basis: must be a non-empty string
Exits 1 if there is any error, 0 otherwise. Warnings (W) never change the exit status; they
flag things the format allows but that are probably mistakes (a license type nobody issues,
a document type nobody uses, ...). --summary prints counts of the catalog after the check.

Rules beyond the letter of the format document are marked "(importer rule)": they are enforced
by the C++ validator (src/catalog/catalog_validation.cpp), so a file breaking them will not
import either.
"""
import json
import re
import sys
from collections import Counter, OrderedDict

DEPARTMENTS = ["drc", "psb", "civil", "finance", "hrss", "nr", "eco", "housing", "transport",
               "water", "agri", "commerce", "health", "emergency", "amr", "tax", "hpf", "mi"]
KINDS = ["licensing", "confirmation", "public_service", "payment", "registration", "other"]
SUBJECTS = ["person", "enterprise", "both"]
LEVELS = ["city", "district", "town", "village"]
CHANNELS = ["window", "online", "kiosk", "bank", "mobile"]
LIFE_EVENTS = ["birth", "education", "employment", "marriage", "housing", "business_startup",
               "business_operation", "construction", "retirement", "social_security", "health",
               "transport", "agriculture", "death"]
DELIVERY = ["window_pickup", "express", "download"]
FIELD_TYPES = ["text", "textarea", "integer", "money", "date", "boolean", "select", "id_number",
               "credit_code", "phone", "email"]
TEXT_TYPES = ["text", "textarea"]
REQUIREMENTS = ["required", "conditional", "optional"]

ITEM_CODE = re.compile(r"[A-Z0-9-]{3,40}")
LOWER_CODE = re.compile(r"[a-z0-9_]{2,40}")
FIELD_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
AMOUNT = re.compile(r"[0-9]+(\.[0-9]{1,2})?")

TOP_FIELDS = ["format", "document_types", "items", "bundles"]
DOCTYPE_FIELDS = ["code", "name_zh", "name_en", "kind"]
DOCTYPE_OPTIONAL = ["validity_days", "license"]
LICENSE_FIELDS = ["type_code", "issuer", "validity", "fields"]
LICENSE_FIELD_FIELDS = ["key", "label_zh", "label_en", "source"]
TYPE_CODE = re.compile(r"[0-9A-Z]{1,32}")
LICENSE_FIELD_KEY = re.compile(r"[a-z0-9_]{1,40}")
LICENSE_SOURCE = re.compile(r"form\.[a-z][a-z0-9_]{0,39}|applicant\.name|applicant\.id|case\.id|fixed:.+")
ITEM_FIELDS = ["code", "name_zh", "name_en", "department", "kind", "subject", "levels", "channels",
               "life_events", "statutory_limit_days", "promised_limit_days", "max_visits",
               "acceptance_conditions_zh", "acceptance_conditions_en", "review_requirements_zh",
               "review_requirements_en", "fees", "legal_basis", "result", "delivery", "form",
               "deficiency_tolerant", "fully_online", "instant_approval", "materials", "workflow"]
FEE_FIELDS = ["name_zh", "name_en", "amount", "basis"]
FIELD_REQUIRED = ["key", "label_zh", "label_en", "type", "required"]
FIELD_OPTIONAL = ["max_length", "min", "max", "options", "help_zh", "help_en"]
OPTION_FIELDS = ["value", "label_zh", "label_en"]
MATERIAL_REQUIRED = ["code", "name_zh", "name_en", "legal_basis", "requirement", "deferrable"]
MATERIAL_OPTIONAL = ["condition_zh", "condition_en", "document_type", "copies"]
STAGE_FIELDS = ["name_zh", "name_en", "limit_days", "departments"]
BUNDLE_FIELDS = ["code", "name_zh", "name_en", "items", "life_events"]


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, path, message):
        self.errors.append(f"ERROR {path}: {message}")

    def warn(self, path, message):
        self.warnings.append(f"W     {path}: {message}")

    # ---------------------------------------------------------------- primitives
    def fields(self, obj, path, required, optional=()):
        """The object has every required field and no unknown one. Returns False if not an object."""
        if not isinstance(obj, dict):
            self.error(path, "must be an object")
            return False
        for name in required:
            if name not in obj:
                self.error(f"{path}.{name}", "missing")
        for name in obj:
            if name not in required and name not in optional:
                self.error(f"{path}.{name}", "unknown field")
        return True

    def string(self, obj, name, path, non_empty=False):
        if name not in obj:
            return None
        v = obj[name]
        if not isinstance(v, str):
            self.error(f"{path}.{name}", "must be a string")
            return None
        if non_empty and not v.strip():
            self.error(f"{path}.{name}", "must be a non-empty string")
        if any(ord(c) < 0x20 and c not in "\n\r\t" or ord(c) == 0x7F for c in v):
            self.error(f"{path}.{name}", "contains control characters")
        return v

    def name(self, obj, name, path, limit=100):
        """A citizen-facing name: 1..limit characters, no control characters, not blank."""
        v = self.string(obj, name, path)
        if v is None:
            return None
        if len(v) < 1 or len(v) > limit:
            self.error(f"{path}.{name}", f"must be 1-{limit} characters (has {len(v)})")
        elif not v.strip(" "):
            self.error(f"{path}.{name}", "must not be blank")
        elif any(ord(c) < 0x20 or ord(c) == 0x7F for c in v):
            self.error(f"{path}.{name}", "must not contain control characters or line breaks")
        return v

    def names(self, obj, stem, path):
        self.name(obj, stem + "_zh", path)
        self.name(obj, stem + "_en", path)

    def long_text(self, obj, stem, path):
        for suffix in ("_zh", "_en"):
            v = self.string(obj, stem + suffix, path)
            if v is not None and len(v) > 4000:
                self.warn(f"{path}.{stem}{suffix}", "longer than 4000 characters (the importer's limit)")

    def boolean(self, obj, name, path):
        if name not in obj:
            return None
        v = obj[name]
        if not isinstance(v, bool):
            self.error(f"{path}.{name}", "must be true or false")
            return None
        return v

    def integer(self, obj, name, path, lo=None, hi=None):
        if name not in obj:
            return None
        v = obj[name]
        if isinstance(v, bool) or not isinstance(v, int):
            self.error(f"{path}.{name}", "must be an integer")
            return None
        if lo is not None and v < lo or hi is not None and v > hi:
            rng = f"{lo if lo is not None else '-inf'}..{hi if hi is not None else 'inf'}"
            self.error(f"{path}.{name}", f"must be in {rng} (is {v})")
        return v

    def code(self, obj, name, path, pattern, what):
        v = self.string(obj, name, path)
        if v is not None and not pattern.fullmatch(v):
            self.error(f"{path}.{name}", f"{v!r} is not a valid {what} ({pattern.pattern})")
        return v

    def vocab(self, obj, name, path, allowed):
        v = self.string(obj, name, path)
        if v is not None and v not in allowed:
            self.error(f"{path}.{name}", f"unknown value {v!r} (one of {', '.join(allowed)})")
        return v

    def vocab_list(self, obj, name, path, allowed, non_empty):
        if name not in obj:
            return []
        v = obj[name]
        if not isinstance(v, list):
            self.error(f"{path}.{name}", "must be an array")
            return []
        if non_empty and not v:
            self.error(f"{path}.{name}", "must not be empty")
        seen = set()
        for x in v:
            if not isinstance(x, str) or x not in allowed:
                self.error(f"{path}.{name}", f"unknown value {x!r}")
            elif x in seen:
                self.error(f"{path}.{name}", f"duplicate value {x!r}")
            seen.add(x) if isinstance(x, str) else None
        return [x for x in v if isinstance(x, str)]

    def array(self, obj, name, path):
        if name not in obj:
            return []
        v = obj[name]
        if not isinstance(v, list):
            self.error(f"{path}.{name}", "must be an array")
            return []
        return v

    # ---------------------------------------------------------------- parts
    def check(self, cat):
        if not self.fields(cat, "catalog", TOP_FIELDS):
            return
        if cat.get("format") != "onewindow-catalog/1":
            self.error("format", f"must be \"onewindow-catalog/1\" (is {cat.get('format')!r})")
        self.types = OrderedDict()
        self.license_type_codes = {}
        self.license_form_sources = {}
        self.license_issuers = {}
        for i, t in enumerate(self.array(cat, "document_types", "catalog")):
            self.document_type(t, i)
        self.item_codes = []
        for i, it in enumerate(self.array(cat, "items", "catalog")):
            self.item(it, i)
        counts = Counter(self.item_codes)
        for c, n in counts.items():
            if n > 1:
                self.error(f"items[{c}].code", f"duplicate item code ({n} items)")
        self.bundle_codes = []
        for i, b in enumerate(self.array(cat, "bundles", "catalog")):
            self.bundle(b, i, set(self.item_codes))
        self.cross_checks(cat)

    def document_type(self, t, i):
        code = t.get("code") if isinstance(t, dict) else None
        path = f"document_types[{code if isinstance(code, str) else i}]"
        if not self.fields(t, path, DOCTYPE_FIELDS, DOCTYPE_OPTIONAL):
            return
        code = self.code(t, "code", path, LOWER_CODE, "document type code")
        self.names(t, "name", path)
        kind = self.vocab(t, "kind", path, ["document", "license"])
        reuse = self.integer(t, "validity_days", path, lo=0)
        if isinstance(code, str):
            if code in self.types:
                self.error(f"{path}.code", "duplicate document type code")
            self.types[code] = kind
        if kind == "license" and "license" not in t:
            self.error(f"{path}.license", "missing: a license type has a license section")
        elif kind != "license" and "license" in t:
            self.error(f"{path}.license", "only a document type of kind \"license\" has one")
        elif "license" in t:
            self.license_spec(t["license"], f"{path}.license", code, reuse)

    def license_spec(self, spec, path, code, reuse):
        if not self.fields(spec, path, LICENSE_FIELDS):
            return
        type_code = self.code(spec, "type_code", path, TYPE_CODE, "license type code")
        if isinstance(type_code, str):
            if type_code in self.license_type_codes.values():
                self.error(f"{path}.type_code", f"duplicate license type code {type_code!r}")
            self.license_type_codes[code] = type_code
        self.vocab(spec, "issuer", path, DEPARTMENTS)
        validity = spec.get("validity")
        min_days = 0
        if validity == "permanent":
            pass
        elif isinstance(validity, dict) and len(validity) == 1 and (
                validity.get("years") in range(1, 101) or validity.get("days") in range(1, 36501)):
            n = validity.get("years")
            min_days = n * 365 + n // 4 if n else validity["days"]
        else:
            self.error(f"{path}.validity",
                       'must be "permanent", {"years": 1-100} or {"days": 1-36500}')
        if min_days and reuse is not None and not 1 <= reuse <= min_days:
            self.error(f"{path[:-len('.license')]}.validity_days",
                       f"a kept copy is reused 1-{min_days} days (while the license is valid)")
        fields = self.array(spec, "fields", path)
        if not fields:
            self.error(f"{path}.fields", "must list at least one field")
        keys = set()
        sources = []
        for j, f in enumerate(fields):
            key = f.get("key") if isinstance(f, dict) else None
            fpath = f"{path}.fields[{key if isinstance(key, str) else j}]"
            if not self.fields(f, fpath, LICENSE_FIELD_FIELDS):
                continue
            key = self.code(f, "key", fpath, LICENSE_FIELD_KEY, "license field key")
            if key in keys:
                self.error(f"{fpath}.key", "duplicate license field key")
            keys.add(key)
            self.names(f, "label", fpath)
            source = self.code(f, "source", fpath, LICENSE_SOURCE, "source")
            if isinstance(source, str) and source.startswith("fixed:") and len(source) > 206:
                self.error(f"{fpath}.source", "fixed text is at most 200 characters")
            if isinstance(source, str) and source.startswith("form."):
                sources.append((f"{fpath}.source", source[len("form."):]))
        self.license_form_sources[code] = sources
        self.license_issuers[code] = spec.get("issuer")

    def item(self, it, i):
        code = it.get("code") if isinstance(it, dict) else None
        path = f"items[{code if isinstance(code, str) else '#' + str(i)}]"
        if not self.fields(it, path, ITEM_FIELDS):
            return
        code = self.code(it, "code", path, ITEM_CODE, "item code")
        if isinstance(code, str):
            self.item_codes.append(code)
        self.names(it, "name", path)
        self.vocab(it, "department", path, DEPARTMENTS)
        self.vocab(it, "kind", path, KINDS)
        self.vocab(it, "subject", path, SUBJECTS)
        self.vocab_list(it, "levels", path, LEVELS, True)
        channels = self.vocab_list(it, "channels", path, CHANNELS, True)
        self.vocab_list(it, "life_events", path, LIFE_EVENTS, False)
        statutory = self.integer(it, "statutory_limit_days", path, lo=0)
        promised = self.integer(it, "promised_limit_days", path, lo=0)
        if statutory is not None and promised is not None and promised > statutory:
            self.error(f"{path}.promised_limit_days", f"{promised} exceeds statutory_limit_days {statutory}")
        visits = self.integer(it, "max_visits", path, lo=0, hi=5)
        self.long_text(it, "acceptance_conditions", path)
        self.long_text(it, "review_requirements", path)
        for j, f in enumerate(self.array(it, "fees", path)):
            self.fee(f, f"{path}.fees[{j}]")
        self.string(it, "legal_basis", path, non_empty=True)
        if "result" in it:
            self.result(it["result"], f"{path}.result")
        self.vocab_list(it, "delivery", path, DELIVERY, True)
        keys = set()
        form = self.array(it, "form", path)
        for j, f in enumerate(form):
            self.form_field(f, j, path, keys)
        deficiency = self.boolean(it, "deficiency_tolerant", path)
        fully_online = self.boolean(it, "fully_online", path)
        instant = self.boolean(it, "instant_approval", path)
        workflow = self.array(it, "workflow", path)
        if fully_online:
            if "online" not in channels:
                self.error(f"{path}.fully_online", "needs \"online\" in channels")
            if visits is not None and visits != 0:
                self.error(f"{path}.fully_online", f"needs max_visits 0 (is {visits})")
        if instant:
            if promised is not None and promised != 0:
                self.error(f"{path}.instant_approval", f"needs promised_limit_days 0 (is {promised})")
            if workflow:
                self.error(f"{path}.instant_approval", "needs an empty workflow")
        mcodes = set()
        materials = self.array(it, "materials", path)
        for j, m in enumerate(materials):
            self.material(m, j, path, mcodes, deficiency)
        if deficiency:
            ms = [m for m in materials if isinstance(m, dict)]
            if not any(m.get("deferrable") is True for m in ms):
                self.error(f"{path}.materials", "deficiency_tolerant item has no deferrable material (importer rule)")
            if not any(m.get("requirement") == "required" and m.get("deferrable") is not True for m in ms):
                self.error(f"{path}.materials",
                           "deficiency_tolerant item has no required, non-deferrable (main) material (importer rule)")
        total = 0
        for j, s in enumerate(workflow):
            total += self.stage(s, f"{path}.workflow[{j}]") or 0
        if promised is not None:
            if not workflow and promised != 0:
                self.error(f"{path}.workflow", f"empty, but promised_limit_days is {promised} (only on-the-spot items may have none)")
            if total > promised:
                self.error(f"{path}.workflow", f"stage limits sum to {total}, more than promised_limit_days {promised}")
        # soft checks
        if not form:
            self.warn(f"{path}.form", "no form fields")
        if "fully_online" in it and fully_online and it.get("delivery") == ["window_pickup"]:
            self.warn(f"{path}.delivery", "fully online, but the result can only be picked up at a window")

    def fee(self, f, path):
        if not self.fields(f, path, FEE_FIELDS):
            return
        self.names(f, "name", path)
        a = self.string(f, "amount", path)
        if a is not None and not AMOUNT.fullmatch(a):
            self.error(f"{path}.amount", f"{a!r} is not a decimal string in yuan with at most two decimals, >= 0")
        b = self.string(f, "basis", path)
        if b is not None and not b.strip():
            self.warn(f"{path}.basis", "empty")

    def result(self, r, path):
        if not isinstance(r, dict):
            self.error(path, "must be an object")
            return
        t = r.get("type")
        if t == "license":
            self.fields(r, path, ["type", "document_type"])
            dt = self.string(r, "document_type", path)
            if isinstance(dt, str):
                if dt not in self.types:
                    self.error(f"{path}.document_type", f"unknown document type {dt!r}")
                elif self.types[dt] != "license":
                    self.error(f"{path}.document_type", f"{dt!r} is not of kind \"license\"")
        elif t == "document":
            self.fields(r, path, ["type", "name_zh", "name_en"])
            self.names(r, "name", path)
        else:
            self.error(f"{path}.type", f"must be \"license\" or \"document\" (is {t!r})")

    def form_field(self, f, j, ipath, keys):
        key = f.get("key") if isinstance(f, dict) else None
        path = f"{ipath}.form[{key if isinstance(key, str) else j}]"
        if not self.fields(f, path, FIELD_REQUIRED, FIELD_OPTIONAL):
            return
        key = self.code(f, "key", path, FIELD_KEY, "form key")
        if isinstance(key, str):
            if key in keys:
                self.error(f"{path}.key", "duplicate key in the form")
            keys.add(key)
        self.names(f, "label", path)
        t = self.vocab(f, "type", path, FIELD_TYPES)
        self.boolean(f, "required", path)
        if "max_length" in f:
            self.integer(f, "max_length", path, lo=1)
            if t not in TEXT_TYPES:
                self.error(f"{path}.max_length", f"only for text types ({', '.join(TEXT_TYPES)}), not {t!r}")
        lo = self.integer(f, "min", path)
        hi = self.integer(f, "max", path)
        if ("min" in f or "max" in f) and t != "integer":
            self.error(f"{path}.min", f"min/max only for the integer type, not {t!r}")
        if lo is not None and hi is not None and lo > hi:
            self.error(f"{path}.min", f"min {lo} > max {hi}")
        if t == "select":
            opts = self.array(f, "options", path)
            if not opts:
                self.error(f"{path}.options", "a select needs a non-empty options array")
            values = set()
            for k, o in enumerate(opts):
                op = f"{path}.options[{k}]"
                if not self.fields(o, op, OPTION_FIELDS):
                    continue
                v = self.string(o, "value", op, non_empty=True)
                if isinstance(v, str):
                    if v in values:
                        self.error(f"{op}.value", f"duplicate option value {v!r}")
                    values.add(v)
                self.names(o, "label", op)
        elif "options" in f:
            self.error(f"{path}.options", f"options only for the select type, not {t!r}")
        for suffix in ("_zh", "_en"):
            self.string(f, "help" + suffix, path)
        if ("help_zh" in f) != ("help_en" in f):
            self.warn(f"{path}.help", "help text in only one language")

    def material(self, m, j, ipath, codes, deficiency):
        code = m.get("code") if isinstance(m, dict) else None
        path = f"{ipath}.materials[{code if isinstance(code, str) else j}]"
        if not self.fields(m, path, MATERIAL_REQUIRED, MATERIAL_OPTIONAL):
            return
        code = self.code(m, "code", path, LOWER_CODE, "material code")
        if isinstance(code, str):
            if code in codes:
                self.error(f"{path}.code", "duplicate material code in the item")
            codes.add(code)
        self.names(m, "name", path)
        self.string(m, "legal_basis", path, non_empty=True)
        req = self.vocab(m, "requirement", path, REQUIREMENTS)
        for suffix in ("_zh", "_en"):
            v = self.string(m, "condition" + suffix, path)
            if req == "conditional" and (v is None or not v.strip()):
                self.error(f"{path}.condition{suffix}", "must be non-empty for a conditional material")
        deferrable = self.boolean(m, "deferrable", path)
        if deferrable and deficiency is not True:
            self.error(f"{path}.deferrable", "only allowed when the item is deficiency_tolerant")
        dt = self.string(m, "document_type", path)
        if isinstance(dt, str) and dt not in self.types:
            self.error(f"{path}.document_type", f"unknown document type {dt!r}")
        self.integer(m, "copies", path, lo=1, hi=5)

    def stage(self, s, path):
        if not self.fields(s, path, STAGE_FIELDS):
            return None
        self.names(s, "name", path)
        days = self.integer(s, "limit_days", path, lo=1)
        self.vocab_list(s, "departments", path, DEPARTMENTS, True)
        return days if isinstance(days, int) and days >= 1 else None

    def bundle(self, b, i, item_codes):
        code = b.get("code") if isinstance(b, dict) else None
        path = f"bundles[{code if isinstance(code, str) else '#' + str(i)}]"
        if not self.fields(b, path, BUNDLE_FIELDS):
            return
        code = self.code(b, "code", path, ITEM_CODE, "bundle code")
        if isinstance(code, str):
            if code in self.bundle_codes:
                self.error(f"{path}.code", "duplicate bundle code")
            if code in item_codes:
                self.error(f"{path}.code", "same code as an item (importer rule)")
            self.bundle_codes.append(code)
        self.names(b, "name", path)
        items = self.array(b, "items", path)
        if len(items) < 2:
            self.error(f"{path}.items", "a bundle joins at least two items")
        seen = set()
        for c in items:
            if c not in item_codes:
                self.error(f"{path}.items", f"unknown item {c!r}")
            if c in seen:
                self.error(f"{path}.items", f"duplicate item {c!r}")
            seen.add(c) if isinstance(c, str) else None
        self.vocab_list(b, "life_events", path, LIFE_EVENTS, False)

    def cross_checks(self, cat):
        items = [it for it in cat.get("items", []) if isinstance(it, dict)]
        issued = {it["result"].get("document_type") for it in items
                  if isinstance(it.get("result"), dict) and it["result"].get("type") == "license"}
        used = {m.get("document_type") for it in items for m in it.get("materials", []) if isinstance(m, dict)}
        for it in items:
            result = it.get("result")
            if not isinstance(result, dict) or result.get("type") != "license":
                continue
            dt = result.get("document_type")
            form_keys = {f.get("key") for f in it.get("form", []) if isinstance(f, dict)}
            for path, key in self.license_form_sources.get(dt, []):
                if key not in form_keys:
                    self.error(path, f"form field {key!r} is not in the form of {it.get('code')} "
                                     "(importer rule: every issuing item asks for it)")
            issuer = self.license_issuers.get(dt)
            if issuer is not None and it.get("department") != issuer:
                self.warn(f"items[{it.get('code')}].department",
                          f"issues {dt} whose issuer is {issuer!r}")
        for code, kind in self.types.items():
            if kind == "license" and code not in issued:
                self.warn(f"document_types[{code}]", "a license type that no item issues")
            if code not in used and code not in issued:
                self.warn(f"document_types[{code}]", "not used by any material or result")


def merged_materials(items):
    """The bundle's material list as docs/catalog-format.md defines it (dedup by document_type or code)."""
    out = OrderedDict()
    for it in items:
        for m in it.get("materials", []):
            key = ("type", m["document_type"]) if m.get("document_type") else ("code", m["code"])
            out.setdefault(key, []).append(it["code"])
    return out


def summary(cat):
    items = cat["items"]
    by = lambda f: Counter(f(it) for it in items)
    print(f"items: {len(items)}   document types: {len(cat['document_types'])} "
          f"({sum(1 for t in cat['document_types'] if t['kind'] == 'license')} licenses)   bundles: {len(cat['bundles'])}")
    deps = by(lambda it: it["department"])
    print("per department: " + ", ".join(f"{d} {deps.get(d, 0)}" for d in DEPARTMENTS))
    kinds = by(lambda it: it["kind"])
    print("per kind: " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in KINDS))
    subj = by(lambda it: it["subject"])
    print("per subject: " + ", ".join(f"{k} {subj.get(k, 0)}" for k in SUBJECTS))
    for lv in LEVELS:
        pass
    print("per level: " + ", ".join(f"{lv} {sum(lv in it['levels'] for it in items)}" for lv in LEVELS))
    print("per channel: " + ", ".join(f"{c} {sum(c in it['channels'] for it in items)}" for c in CHANNELS))
    spot = [it for it in items if it["promised_limit_days"] == 0]
    print(f"on the spot (promised 0): {len(spot)}  of which instant approval: {sum(it['instant_approval'] for it in spot)}"
          f"  (on the spot, not instant: {sum(not it['instant_approval'] for it in spot)})")
    print(f"fully online: {sum(it['fully_online'] for it in items)}   deficiency tolerant: "
          f"{sum(it['deficiency_tolerant'] for it in items)}   with fees: {sum(bool(it['fees']) for it in items)}   "
          f"e-license results: {sum(it['result']['type'] == 'license' for it in items)}")
    multi = [it["code"] for it in items if any(len(s["departments"]) > 1 for s in it["workflow"])]
    print(f"workflows: none {sum(not it['workflow'] for it in items)}, one stage "
          f"{sum(len(it['workflow']) == 1 for it in items)}, several stages {sum(len(it['workflow']) > 1 for it in items)}; "
          f"with parallel departments: {', '.join(multi)}")
    print(f"materials: {sum(len(it['materials']) for it in items)} "
          f"({sum(1 for it in items for m in it['materials'] if m.get('document_type'))} can come from the vault, "
          f"{sum(1 for it in items for m in it['materials'] if m['deferrable'])} deferrable)")
    index = {it["code"]: it for it in items}
    for b in cat["bundles"]:
        parts = [index[c] for c in b["items"] if c in index]
        total = sum(len(it["materials"]) for it in parts)
        merged = merged_materials(parts)
        shared = [f"{k[1]}×{len(v)}" for k, v in merged.items() if len(v) > 1]
        print(f"bundle {b['code']}: {len(parts)} items, {total} materials -> {len(merged)} after dedup"
              f" (shared: {', '.join(shared) or 'none'})")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    unknown = flags - {"--summary", "--no-warnings"}
    if len(args) != 1 or unknown:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as f:
            cat = json.load(f, object_pairs_hook=OrderedDict)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        print(f"ERROR {args[0]}: {e}")
        return 1
    c = Checker()
    c.check(cat)
    for line in c.errors:
        print(line)
    if "--no-warnings" not in flags:
        for line in c.warnings:
            print(line)
    if "--summary" in flags and not c.errors:
        summary(cat)
    print(f"{args[0]}: {len(c.errors)} error(s), {len(c.warnings)} warning(s)", file=sys.stderr)
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
