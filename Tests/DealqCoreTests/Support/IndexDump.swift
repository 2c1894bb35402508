import GRDB
@testable import DealqCore

/// The whole content of an index as text, with deals named by path instead
/// of rowid, so that an index refreshed step by step can be compared with
/// one built fresh.
func dumpIndex(_ path: String) throws -> String {
    let queue = try DatabaseQueue(path: path, configuration: IndexStore.readOnlyConfiguration())
    defer { try? queue.close() }
    return try queue.read { db in
        let queries = [
            "SELECT path, size, hash, status, deal_id, line, col, message FROM files ORDER BY path",
            """
            SELECT id, path, id_line, id_col, account, outcome, closed, acv, segment, region, product, rep, stage,
              competitor_primary, competitor_incumbent, competitor_selected, crm_loss_reason, crm_win_reason,
              crm_competitor, confidence, top_driver, quotes FROM deals ORDER BY path
            """,
            "SELECT d.path, f.facet, f.key, f.outcome, f.closed, f.value, f.first FROM deal_facet_values f JOIN deals d ON d.rowid = f.deal ORDER BY 1, 2, 3",
            "SELECT d.path, n.facet, n.num FROM deal_numbers n JOIN deals d ON d.rowid = n.deal ORDER BY 1, 2, 3",
            "SELECT d.path, x.ord, x.category, x.driver, x.weight, x.explanation FROM drivers x JOIN deals d ON d.rowid = x.deal ORDER BY 1, 2",
            "SELECT d.path, q.ord, q.text, q.speaker, q.source, q.date, q.section, q.line FROM quotes q JOIN deals d ON d.rowid = q.deal ORDER BY 1, 2",
            """
            SELECT d.path, q.ord, t.topic FROM quote_topics t JOIN quotes q ON q.rowid = t.quote JOIN deals d ON d.rowid = q.deal
            ORDER BY 1, 2, 3
            """,
            "SELECT d.path, i.ord, i.area, i.label, i.note FROM insights i JOIN deals d ON d.rowid = i.deal ORDER BY 1, 2",
            "SELECT d.path, c.name, c.kind, c.value FROM custom_fields c JOIN deals d ON d.rowid = c.deal ORDER BY 1, 2",
            "SELECT facet, key, value, deals, won, lost FROM facet_spellings ORDER BY 1, 2, 3",
            "SELECT facet, deals, won, lost FROM facet_presence ORDER BY 1",
            "SELECT path, mtime_ns FROM folders ORDER BY 1",
            "SELECT name, kind, deals FROM custom_kinds ORDER BY 1, 2",
            "SELECT d.path, f.body FROM deal_fts f JOIN deals d ON d.rowid = f.rowid ORDER BY 1",
            "SELECT d.path, q.ord, f.text FROM quote_fts f JOIN quotes q ON q.rowid = f.rowid JOIN deals d ON d.rowid = q.deal ORDER BY 1, 2",
            "SELECT count(*) FROM deal_fts",
            "SELECT count(*) FROM quote_fts",
            "SELECT value FROM meta WHERE key = 'config'",
        ]
        var out = ""
        for sql in queries {
            out += "## \(sql.prefix(60))\n"
            for row in try Row.fetchAll(db, sql: sql) {
                out += row.databaseValues.map { $0.description }.joined(separator: " | ") + "\n"
            }
        }
        return out
    }
}
