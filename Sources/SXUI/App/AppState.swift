import Foundation
import SXCore
import SXEngine

/// One row of the Home list (the store's summary, seen through ``AssessmentRepository``).
public struct AssessmentListItem: Hashable, Sendable {
  public var id: String
  public var plant: String
  public var sector: String
  public var province: String
  public var periodStart: String
  public var periodEnd: String
  public var status: String
  public var isSample: Bool
  public var updatedAt: String

  public init(
    id: String, plant: String, sector: String, province: String = "", periodStart: String, periodEnd: String, status: String,
    isSample: Bool = false, updatedAt: String
  ) {
    self.id = id
    self.plant = plant
    self.sector = sector
    self.province = province
    self.periodStart = periodStart
    self.periodEnd = periodEnd
    self.status = status
    self.isSample = isSample
    self.updatedAt = updatedAt
  }
}

/// What the app needs from storage. The executable adapts `AppDatabase`; tests adapt an in-memory one.
/// Every call is one durable transaction; a failure throws (the screen then says NOT SAVED).
public protocol AssessmentRepository {
  func list() throws -> [AssessmentListItem]
  func load(_ id: String) throws -> Assessment
  func create(_ assessment: Assessment) throws
  func delete(_ id: String) throws
  /// Stores edits as one undoable group and returns them as stored (with provenance).
  func commit(_ edits: [Edit], to id: String, label: String) throws -> [Edit]
  func undo(_ id: String) throws -> (label: String, edits: [Edit])?
  func redo(_ id: String) throws -> (label: String, edits: [Edit])?
  func saveUIState(_ id: String, _ state: String) throws
  func loadUIState(_ id: String) throws -> String?
  /// The header of an assessment without its rows (to paint a worksheet of the header alone sooner).
  func loadHeader(_ id: String) throws -> AssessmentHeader
  /// The current time, ISO 8601 (injectable so snapshots are stable).
  func now() -> String
  /// A new unique id.
  func newId() -> String
  /// Upkeep after a commit whose outcome is shown (the store's checkpoint, when one is due). Never fails.
  func afterCommit()
}

extension AssessmentRepository {
  public func loadHeader(_ id: String) throws -> AssessmentHeader { try load(id).header }
  public func afterCommit() {}
}

/// What `update` asks the loop to do; the loop (``AppDriver``) executes it against the repository.
public enum Effect: Hashable, Sendable {
  case reloadList
  case create(plant: String)
  case duplicate(id: String)
  case delete(id: String)
  case open(id: String)
  case commit([Edit], label: String)
  case undo
  case redo
  case saveUIState
  case export(ExportRequest)
  case quit
}

/// What to export, where, in which language (the export dialog, `^E` or the palette).
public struct ExportRequest: Hashable, Sendable {
  public var assessmentId: String
  /// `xlsx`, `csv`, `json`, `html`, `md` or `blank` (the names of `sxsh export --format`).
  public var format: String
  public var language: Language
  public var path: String
  /// Replace an existing file (asked first in a confirm dialog, like `--force`).
  public var overwrite: Bool
  public init(assessmentId: String, format: String, language: Language, path: String, overwrite: Bool = false) {
    self.assessmentId = assessmentId
    self.format = format
    self.language = language
    self.path = path
    self.overwrite = overwrite
  }
}

/// What an export did.
public enum ExportOutcome: Hashable, Sendable {
  /// Written (atomically, owner-only) at this path.
  case written(String)
  /// The path exists; nothing was written (the app asks before overwriting).
  case exists(String)
}

/// The top-level screens.
public enum Route: String, Hashable, Sendable, Codable {
  case home, assessment
}

/// The views inside an open assessment.
public enum DocView: String, Hashable, Sendable, Codable {
  case sheet, balance, results, opportunities, calculators
}

/// The save state shown on the status line.
public enum SaveState: Hashable, Sendable {
  case idle
  case saved
  case notSaved(String)
}

/// A transient message on the status line.
public struct StatusMessage: Hashable, Sendable {
  public var text: String
  public var kind: StatusLine.Kind
  public init(_ text: String = "", kind: StatusLine.Kind = .info) {
    self.text = text
    self.kind = kind
  }
}

/// A value chosen in a picker.
public enum PickValue: Hashable, Sendable {
  case none
  case string(String)
  case bool(Bool)
}

/// The field a picker or editor writes to.
public struct FieldTarget: Hashable, Sendable {
  /// Index into the worksheet's fields.
  public var fieldIndex: Int
  /// The row edited; nil for the header (W0) or a row not yet stored.
  public var recordId: String?
  /// A row being created (not stored until its first value is committed).
  public var newRecord: AnyRecord?
  /// A field of a nested list row (savings); `fieldIndex` is then unused.
  public var list: ListTarget?
}

/// A cell of a nested list (W10/W11 savings): the list field, the sub-field and the row (nil: a new row).
public struct ListTarget: Hashable, Sendable {
  /// Index into the worksheet's `fields` (the list field).
  public var listField: Int
  /// Index into the list field's `subfields`.
  public var subfield: Int
  public var row: Int?
}

/// A list of choices for an enum, reference or yes/no field.
public struct PickerState: Hashable, Sendable {
  public var title: String
  public var values: [PickValue]
  public var list: ListView
  public var target: FieldTarget
  /// Multiple-choice fields: the values currently chosen (toggled with Enter).
  public var multiple: Bool
  public var chosen: Set<String>
  /// Set when the choice applies a calculator output as a saving of this resource (the output's name).
  public var applyOutput: String?
}

/// A one-line question (new assessment name).
public struct PromptState: Hashable, Sendable {
  public enum Purpose: Hashable, Sendable { case newAssessment }
  public var title: String
  public var label: String
  public var field: TextField
  public var purpose: Purpose
}

/// A yes/no confirmation and what "yes" does.
public struct ConfirmState: Hashable, Sendable {
  public enum Action: Hashable, Sendable {
    case quit
    case deleteAssessment(String)
    case deleteRow(RecordKind, String)
    case deleteListRow(recordId: String, listField: Int, row: Int)
    case overwriteExport(ExportRequest)
  }
  public var dialog: ConfirmDialog
  public var action: Action
}

/// The command palette: every action by name, filtered as you type.
public struct PaletteState: Hashable, Sendable {
  public var field = TextField()
  public var list = ListView()
}

/// The export dialog: format, language and output path.
public struct ExportDialogState: Hashable, Sendable {
  public enum Focus: Int, Hashable, Sendable { case format, language, path }
  public var assessmentId: String
  /// The base of the default file name (the plant name folded to ASCII).
  public var baseName: String
  public var directory: String
  public var formats: ListView
  public var language: Language
  public var path: TextField
  public var focus: Focus = .format
  /// True once the user typed in the path: changing the format then keeps it as typed.
  public var pathEdited = false
  public var message: String?
}

/// Overlays drawn above the current screen; they take the keys first.
public enum Overlay: Hashable, Sendable {
  case help(scroll: Int)
  case keys(scroll: Int)
  case palette(PaletteState)
  case confirm(ConfirmState)
  case picker(PickerState)
  case prompt(PromptState)
  case explain(path: String, scroll: Int)
  case export(ExportDialogState)
}

/// The whole state of the app. Pure data; `update` changes it and returns effects.
public struct AppState: Sendable {
  public var language: Language
  public var rows: Int
  public var cols: Int
  public var asciiOnly: Bool
  public var catalog: WorksheetCatalog
  public var route: Route = .home
  public var home = HomeState()
  public var doc: DocState?
  public var overlay: Overlay?
  public var status = StatusMessage()
  public var saveState: SaveState = .idle
  public var shouldQuit = false
  /// Quantities as typed or in sensible SI-derived units (palette; shown on the status line).
  public var unitMode: UnitMode = .si
  /// Where the export dialog proposes to write (the app sets the working folder).
  public var exportDirectory = "."
  /// The export dialog as last confirmed: reopened with the same choices, and with the error when writing failed.
  public var lastExport: ExportDialogState?

  /// The smallest usable terminal.
  public static let minRows = 24
  public static let minCols = 80

  public init(language: Language, rows: Int = 24, cols: Int = 80, asciiOnly: Bool = false, catalog: WorksheetCatalog) {
    self.language = language
    self.rows = rows
    self.cols = cols
    self.asciiOnly = asciiOnly
    self.catalog = catalog
  }

  /// True when the terminal is below the minimum size.
  public var isTooSmall: Bool { rows < Self.minRows || cols < Self.minCols }

  /// Shows a message on the status line.
  mutating func say(_ text: String, _ kind: StatusLine.Kind = .info) { status = StatusMessage(text, kind: kind) }
}

/// An open assessment and where the user is in it.
public struct DocState: Sendable {
  /// The open assessment as stored; every change counts one ``revision``.
  public var assessment: Assessment {
    didSet { revision &+= 1 }
  }
  /// Counts the changes of ``assessment`` since it was opened (the key of what is derived from it).
  public private(set) var revision = 0
  /// Engine results of the assessment at ``derivedRevision`` (shown as updating while that is behind).
  public var results: Results?
  /// Validator findings of the assessment at ``derivedRevision``.
  public var issues: [DataIssue] = []
  /// The navigation markers (one per worksheet of the catalogue) at ``derivedRevision``; nil until computed.
  var progress: [SheetModel.Progress]?
  /// The revision that ``results``, ``issues`` and ``progress`` belong to (-1: none yet).
  public var derivedRevision = -1
  /// What changed since the markers were last derived: the header, and the kinds of rows; nil when anything may
  /// have (just opened, undo, redo).
  var changedKinds: Set<RecordKind>?
  var headerChanged = true
  /// Per worksheet of the catalogue: whether it has rows (or header values) and whether every required field is
  /// filled; the part of the navigation marker that reads every row.
  var fill: [SheetModel.Fill]?
  /// The longest value of each numeric column of the current table over all its rows.
  public var columnWidths: ColumnWidths?

  /// True while results, findings or markers belong to an earlier revision (they are being recomputed).
  public var isUpdating: Bool { derivedRevision != revision }
  public var view: DocView = .sheet
  public var navFocused = true
  /// Index into the catalogue's sheets.
  public var sheetIndex = 0
  public var sheet = SheetState()
  public var balanceStep = 0
  public var resultsTab = 0
  public var resultsRow = 0
  public var opp = OppState()
  public var calc = CalcViewState()

  /// Tells this opened document from another (or the same assessment opened again), for work derived elsewhere.
  public let instance = UUID()

  public init(assessment: Assessment) { self.assessment = assessment }
}

/// The longest display width of each numeric column of one table, for the revision, language and unit mode
/// it was measured in.
public struct ColumnWidths: Hashable, Sendable {
  public var sheetIndex: Int
  public var revision: Int
  public var language: Language
  public var unitMode: UnitMode
  /// The typed filter in force (the widths are those of the rows it shows).
  public var filter: String
  /// By editable field; 0 for columns that are not numeric. While ``complete`` is false, the longest of the first
  /// ``scanned`` rows (the rows on screen are measured as they are drawn).
  public var longest: [Int]
  /// Rows measured so far (the driver measures a large table a slice at a time, between keystrokes).
  public var scanned = 0
  public var complete = false
}

/// Where the user is on one worksheet.
public struct SheetState: Hashable, Sendable {
  /// Selected row (index into the visible rows) or, for forms, unused.
  public var row = 0
  /// Selected field (table column or form line), index into the sheet's editable fields.
  public var col = 0
  /// First table column shown (horizontal scrolling).
  public var colOffset = 0
  /// First table row shown (kept while the selection stays on screen).
  public var rowOffset = 0
  /// The cell or line being edited.
  public var editor: EditorState?
  /// Search or filter text being typed (`/` or `f`), with its mode.
  public var query: TextField?
  public var queryIsFilter = false
  /// Active filter (rows whose cells match).
  public var filter = ""
  /// Sort by field index, ascending or descending; nil keeps the stored order.
  public var sortField: Int?
  public var sortDescending = false
  /// A table row opened as a form (F8), or a record-form worksheet (W11).
  public var detail = false
  /// The nested-list editor (F9: savings of an opportunity), when open.
  public var list: ListEditState?

  public init() {}
}

/// A field being edited: the text typed, the validation message and whether a save is under way.
public struct EditorState: Hashable, Sendable {
  public var target: FieldTarget
  public var field: TextField
  public var message: String?
  public init(target: FieldTarget, field: TextField, message: String? = nil) {
    self.target = target
    self.field = field
    self.message = message
  }
}

/// The nested-list editor of one row: which list, the selected sub-row and column, the cell being typed.
public struct ListEditState: Hashable, Sendable {
  public var recordId: String
  /// Index into the worksheet's `fields` (the list field).
  public var listField: Int
  public var row = 0
  public var col = 0
  public var editor: TextField?
  public var message: String?
  public init(recordId: String, listField: Int) {
    self.recordId = recordId
    self.listField = listField
  }
}

/// The opportunities view: sort, filters and selection.
public struct OppState: Hashable, Sendable {
  /// 0 entry order, 1 payback, 2 NPV, 3 savings, 4 effort.
  public var sort = 0
  /// Index into CPTechnique.allCases + 1 (0 = all).
  public var technique = 0
  /// Index into ScreeningClass.allCases + 1 (0 = all).
  public var screening = 0
  public var row = 0
  public var detail = false
  /// The calculator panel of the opportunity in detail (`c`).
  public var calc: OppCalcState?
  public init() {}
}

/// The persisted "where the user was" of one assessment.
public struct SavedUIState: Codable, Hashable, Sendable {
  public var sheet: String
  public var view: String
  public var row: Int
  public var col: Int
  public var language: String?
  public var unitMode: String?
}
