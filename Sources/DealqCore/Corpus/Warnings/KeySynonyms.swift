/// Names people give built-in fields, written as a key is normalised
/// (lower case, `-`, `.` and spaces as `_`): the index's column names, CRM
/// field names and plain synonyms.
enum KeySynonyms {
    static let topLevel: [String: BuiltinKey] = {
        var table: [String: BuiltinKey] = [:]
        func add(_ names: [String], _ key: BuiltinKey) { for name in names { table[name] = key } }
        add(["deal_id", "opportunity_id"], BuiltinKey("id"))
        add(["company", "customer", "client", "account_name", "company_name", "customer_name"], BuiltinKey("account"))
        add(["status", "result", "won_lost", "win_loss", "deal_outcome"], BuiltinKey("outcome"))
        add(["close_date", "closed_date", "date", "closed_at", "closed_on", "close", "date_closed", "closing_date"], BuiltinKey("closed"))
        add(["amount", "value", "arr", "deal_value", "deal_size", "contract_value", "annual_contract_value", "acv_usd"],
            BuiltinKey("acv"))
        add(["market_segment"], BuiltinKey("segment"))
        add(["geo", "territory"], BuiltinKey("region"))
        add(["product_line", "products"], BuiltinKey("product"))
        add(["owner", "sales_rep", "ae", "account_executive", "rep_name", "deal_owner", "opportunity_owner"], BuiltinKey("rep"))
        add(["deal_stage", "sales_stage"], BuiltinKey("stage"))
        add(["competitor", "competition"], BuiltinKey("competitors"))
        add(["primary_competitor", "main_competitor", "competitor_primary"], BuiltinKey("competitors", "primary"))
        add(["incumbent", "incumbent_competitor", "competitor_incumbent"], BuiltinKey("competitors", "incumbent"))
        add(["selected_competitor", "competitor_selected", "winner", "lost_to", "chosen_competitor", "won_by"],
            BuiltinKey("competitors", "selected"))
        add(["other_competitors", "competitor_others", "competitors_others"], BuiltinKey("competitors", "others"))
        add(["loss_reason", "lost_reason", "reason_lost", "closed_lost_reason", "crm_loss_reason"], BuiltinKey("crm", "loss_reason"))
        add(["win_reason", "won_reason", "reason_won", "closed_won_reason", "crm_win_reason"], BuiltinKey("crm", "win_reason"))
        add(["crm_competitor"], BuiltinKey("crm", "competitor"))
        add(["driver", "reasons", "decision_drivers"], BuiltinKey("drivers"))
        add(["topic"], BuiltinKey("topics"))
        add(["tag", "labels"], BuiltinKey("tags"))
        add(["source"], BuiltinKey("sources"))
        add(["confidence_score"], BuiltinKey("confidence"))
        add(["insight", "product_insights"], BuiltinKey("insights"))
        return table
    }()

    /// The synonyms' names in code-point order, for a deterministic nearest one.
    static let sortedNames: [String] = topLevel.keys.sorted()

    /// Synonyms of the keys inside a built-in mapping or list item, by parent.
    static let nested: [String: [String: String]] = [
        "competitors": [
            "winner": "selected", "won_by": "selected", "lost_to": "selected", "chosen": "selected", "selected_competitor": "selected",
            "main": "primary", "competitor": "primary", "primary_competitor": "primary", "main_competitor": "primary",
            "current": "incumbent", "existing": "incumbent", "replaced": "incumbent", "status_quo": "incumbent",
            "other": "others", "also_evaluated": "others", "evaluated": "others", "alternatives": "others", "shortlist": "others",
        ],
        "crm": [
            "reason": "loss_reason", "loss": "loss_reason", "lost_reason": "loss_reason", "reason_lost": "loss_reason",
            "closed_lost_reason": "loss_reason",
            "win": "win_reason", "won_reason": "win_reason", "reason_won": "win_reason", "closed_won_reason": "win_reason",
            "competitors": "competitor", "competitor_name": "competitor", "lost_to": "competitor",
        ],
        "drivers": [
            "weighting": "weight", "share": "weight", "percent": "weight", "pct": "weight", "score": "weight",
            "type": "category", "kind": "category",
            "name": "driver", "reason": "driver", "description": "driver",
            "why": "explanation", "note": "explanation", "notes": "explanation", "evidence": "explanation",
        ],
        "insights": [
            "feature": "area", "topic": "area", "product_area": "area", "capability": "area",
            "type": "label", "kind": "label", "category": "label",
            "notes": "note", "description": "note", "detail": "note", "explanation": "note",
        ],
    ]

    /// Lower case, with `-`, `.` and spaces as `_`.
    static func normalized(_ key: String) -> String {
        String(key.lowercased().map { $0 == "-" || $0 == "." || $0 == " " ? "_" : $0 })
    }
}
