import GRDB

/// The schema, by migrations with literal names (they never change once released).
enum Schema {
  /// The identifiers of every migration below, in order (a test checks they are the migrator's). A database whose
  /// applied migrations are exactly these is current: opening it needs neither the migrator's checks nor `migrate`.
  static let identifiers = ["v1-create-assessment-record-editlog", "v1-views", "v2-editlog-undone-index"]

  /// The newest migration this build knows. A database with a later one was written by a newer sxsh.
  static let migrator: DatabaseMigrator = {
    var m = DatabaseMigrator()
    m.registerMigration("v1-create-assessment-record-editlog") { db in
      try db.execute(
        sql: """
          CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
          );
          CREATE TABLE assessment (
            id TEXT PRIMARY KEY NOT NULL,
            plantName TEXT NOT NULL,
            sector TEXT NOT NULL,
            province TEXT NOT NULL,
            periodStart TEXT NOT NULL,
            periodEnd TEXT NOT NULL,
            status TEXT NOT NULL,
            isSample INTEGER NOT NULL DEFAULT 0,
            searchKey TEXT NOT NULL,
            createdAt TEXT NOT NULL,
            updatedAt TEXT NOT NULL,
            body TEXT NOT NULL CHECK (json_valid(body))
          );
          CREATE TABLE record (
            assessmentId TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            searchKey TEXT NOT NULL,
            updatedAt TEXT NOT NULL,
            body TEXT NOT NULL CHECK (json_valid(body)),
            PRIMARY KEY (assessmentId, kind, id)
          );
          CREATE INDEX record_order ON record(assessmentId, kind, position);
          CREATE TABLE editLog (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            assessmentId TEXT NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            groupId INTEGER NOT NULL,
            at TEXT NOT NULL,
            label TEXT NOT NULL,
            undone INTEGER NOT NULL DEFAULT 0,
            forward TEXT NOT NULL CHECK (json_valid(forward)),
            inverse TEXT NOT NULL CHECK (json_valid(inverse))
          );
          CREATE INDEX editLog_group ON editLog(assessmentId, groupId);
          CREATE TABLE uiState (
            assessmentId TEXT PRIMARY KEY NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
            state TEXT NOT NULL
          );
          """)
    }
    m.registerMigration("v1-views") { db in
      // Read-only views for sqlite3 / DB Browser users (documented in the README).
      try db.execute(
        sql: """
          CREATE VIEW v_assessment_summary AS
            SELECT a.id, a.plantName AS plant, a.sector, a.province, a.periodStart, a.periodEnd, a.status,
                   a.isSample, a.updatedAt,
                   (SELECT count(*) FROM record r WHERE r.assessmentId = a.id AND r.kind = 'processStep') AS steps,
                   (SELECT count(*) FROM record r WHERE r.assessmentId = a.id AND r.kind = 'flow') AS flows,
                   (SELECT count(*) FROM record r WHERE r.assessmentId = a.id AND r.kind = 'wasteStream') AS wasteStreams,
                   (SELECT count(*) FROM record r WHERE r.assessmentId = a.id AND r.kind = 'opportunity') AS opportunities
            FROM assessment a;
          CREATE VIEW v_flow AS
            SELECT f.assessmentId, f.id, f.position,
                   json_extract(f.body, '$.stepId') AS stepId,
                   json_extract(s.body, '$.name') AS step,
                   json_extract(f.body, '$.direction') AS direction,
                   json_extract(f.body, '$.kind') AS kind,
                   json_extract(f.body, '$.name') AS name,
                   json_extract(f.body, '$.quantity.value') AS quantity,
                   json_extract(f.body, '$.quantity.unit') AS unit,
                   json_extract(f.body, '$.quantity.si') AS quantitySI,
                   json_extract(f.body, '$.unitPrice.amount.value') AS price,
                   json_extract(f.body, '$.unitPrice.amount.unit') AS priceCurrency,
                   json_extract(f.body, '$.unitPrice.perUnit') AS pricePerUnit,
                   json_extract(f.body, '$.dataSource') AS dataSource,
                   json_extract(f.body, '$.note') AS note
            FROM record f
            LEFT JOIN record s ON s.assessmentId = f.assessmentId AND s.kind = 'processStep'
                              AND s.id = json_extract(f.body, '$.stepId')
            WHERE f.kind = 'flow';
          CREATE VIEW v_waste_stream AS
            SELECT w.assessmentId, w.id, w.position,
                   json_extract(w.body, '$.name') AS name,
                   json_extract(s.body, '$.name') AS sourceStep,
                   json_extract(w.body, '$.kind') AS kind,
                   json_extract(w.body, '$.quantity.value') AS quantity,
                   json_extract(w.body, '$.quantity.unit') AS unit,
                   json_extract(w.body, '$.composition') AS composition,
                   json_extract(w.body, '$.destination') AS destination,
                   json_extract(w.body, '$.disposalCost.si') AS disposalCostVND,
                   json_extract(w.body, '$.causes') AS causes
            FROM record w
            LEFT JOIN record s ON s.assessmentId = w.assessmentId AND s.kind = 'processStep'
                              AND s.id = json_extract(w.body, '$.sourceStepId')
            WHERE w.kind = 'wasteStream';
          CREATE VIEW v_opportunity AS
            SELECT o.assessmentId, o.id, o.position,
                   json_extract(o.body, '$.title') AS title,
                   json_extract(o.body, '$.technique') AS technique,
                   json_extract(o.body, '$.screening') AS screening,
                   json_extract(o.body, '$.status') AS status,
                   json_extract(o.body, '$.owner') AS owner,
                   json_extract(o.body, '$.effort') AS effort,
                   coalesce(json_extract(o.body, '$.investment.equipment.si'), 0)
                     + coalesce(json_extract(o.body, '$.investment.installation.si'), 0)
                     + coalesce(json_extract(o.body, '$.investment.engineering.si'), 0)
                     + coalesce(json_extract(o.body, '$.investment.other.si'), 0) AS investmentVND,
                   json_extract(o.body, '$.lifetimeYears') AS lifetimeYears,
                   json_extract(o.body, '$.ruleId') AS ruleId,
                   json_extract(o.body, '$.followUpDate') AS followUpDate
            FROM record o WHERE o.kind = 'opportunity';
          """)
    }
    m.registerMigration("v2-editlog-undone-index") { db in
      // Every commit deletes the undone (redo) entries of its assessment; without this index that DELETE read the
      // whole edit history of the assessment. Only undone entries are indexed, so a commit writes no index page for it.
      try db.execute(sql: "CREATE INDEX editLog_undone ON editLog(assessmentId, groupId) WHERE undone = 1")
    }
    return m
  }()
}
