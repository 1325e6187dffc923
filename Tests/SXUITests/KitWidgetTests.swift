import Foundation
import SXCore
import SXUI
import Testing

@Suite("Kit: widgets")
struct KitWidgetTests {
  private func energyTable(selected: Int = 1, highlight: SelectionHighlight = .marker) -> TableView {
    var t = TableView(
      columns: [
        TableColumn("Thiết bị", width: .flexible(min: 8, weight: 1)),
        TableColumn("Nhiên liệu", width: .fit(min: 4, max: 12)),
        TableColumn("kWh/năm", width: .fit(min: 6, max: 12), alignment: .right),
      ],
      rows: [
        ["Lò hơi ống lửa 6 tấn/giờ", "Than cám", "1.250.000"],
        ["Máy nén khí 75 kW", "Điện", "540.000"],
        ["Máy nhuộm cao áp", "Hơi", "—"],
        ["冷却塔 (tháp giải nhiệt)", "Điện", "88.000"],
        ["Chiếu sáng xưởng", "Điện", "45.500"],
      ],
      footer: ["Tổng", "", "1.923.500"], selected: selected, highlight: highlight)
    t.rowStyles[2] = .warning
    return t
  }

  @Test func tableSnapshot() {
    #expect(kitLocaleReady)
    var t = energyTable()
    var b = ScreenBuffer(rows: 8, cols: 50)
    t.render(into: &b, in: b.bounds)
    assertSnapshot(b, named: "KitTable", includeStyles: true)
  }

  @Test func tableScrollsAndFitsNarrowWidths() {
    #expect(kitLocaleReady)
    var t = energyTable(selected: 4, highlight: .row)
    var b = ScreenBuffer(rows: 5, cols: 30)
    t.render(into: &b, in: b.bounds)
    #expect(t.selection.offset == 2)
    assertSnapshot(b, named: "KitTableNarrow", includeStyles: true)
    // Every row fits the width.
    for line in b.snapshotLines() { #expect(DisplayWidth.width(of: line) <= 30) }
  }

  @Test func tableColumnWidthsShareAndShrink() {
    #expect(kitLocaleReady)
    let t = energyTable()
    let wide = t.columnWidths(available: 60)
    #expect(wide.reduce(0, +) + 2 == 60)
    #expect(wide[1] == 10 && wide[2] == 9)
    let narrow = t.columnWidths(available: 14)
    #expect(narrow.filter { $0 > 0 }.reduce(0, +) + narrow.filter { $0 > 0 }.count - 1 <= 14)
    #expect(narrow[0] >= 3)
  }

  @Test func tableKeysMoveSelection() {
    var t = energyTable(selected: 0)
    check(t.handle(.down, pageSize: 3))
    check(t.handle(.char("j"), pageSize: 3))
    #expect(t.selectedIndex == 2)
    check(t.handle(.pageDown, pageSize: 3))
    #expect(t.selectedIndex == 4)
    check(t.handle(.home, pageSize: 3))
    #expect(t.selectedIndex == 0)
    check(!t.handle(.char("x"), pageSize: 3))
    t.rows = []
    #expect(t.selectedIndex == nil)
  }

  @Test func markerSelectionChangesFewCellsWhenMovingOneRow() {
    #expect(kitLocaleReady)
    var t = energyTable(selected: 1)
    var before = ScreenBuffer(rows: 8, cols: 50)
    t.render(into: &before, in: before.bounds)
    _ = t.handle(.down, pageSize: 6)
    var after = ScreenBuffer(rows: 8, cols: 50)
    t.render(into: &after, in: after.bounds)
    let changed = zip(before.cells, after.cells).filter { $0 != $1 }.count
    #expect(changed == 2)
  }

  @Test func barChartSnapshotUnicode() {
    #expect(kitLocaleReady)
    let chart = BarChart(bars: [
      .init(label: "Than", value: 1250, valueText: "1.250 t"),
      .init(label: "Điện", value: 540, valueText: "540 MWh", style: .warning),
      .init(label: "Dầu FO", value: 93.75, valueText: "93,75 t"),
      .init(label: "Nước", value: 0, valueText: "0 m³"),
    ], maxValue: 1500)
    var b = ScreenBuffer(rows: 4, cols: 40)
    chart.render(into: &b, in: b.bounds)
    assertSnapshot(b, named: "KitBarChartUnicode")
  }

  @Test func barChartSnapshotASCII() {
    #expect(kitLocaleReady)
    let chart = BarChart(bars: [
      .init(label: "Than", value: 1250, valueText: "1.250 t"),
      .init(label: "Điện", value: 540, valueText: "540 MWh"),
      .init(label: "Dầu FO", value: 93.75, valueText: "93,75 t"),
    ], maxValue: 1500)
    var b = ScreenBuffer(rows: 3, cols: 40, asciiOnly: true)
    chart.render(into: &b, in: b.bounds)
    assertSnapshot(b, named: "KitBarChartASCII")
  }

  @Test func barStringUsesEighths() {
    #expect(BarChart.barString(fraction: 0.5, width: 4, asciiOnly: false) == "██")
    #expect(BarChart.barString(fraction: 1.0 / 32.0, width: 4, asciiOnly: false) == "▏")
    #expect(BarChart.barString(fraction: 0.3, width: 5, asciiOnly: false) == "█▌")
    #expect(BarChart.barString(fraction: 2, width: 3, asciiOnly: false) == "███")
    #expect(BarChart.barString(fraction: .nan, width: 3, asciiOnly: false) == "")
    #expect(BarChart.barString(fraction: -1, width: 3, asciiOnly: true) == "")
    #expect(BarChart.barString(fraction: 0.5, width: 5, asciiOnly: true) == "###")
  }

  @Test func listViewScrollsToSelection() {
    var list = ListView(items: (1...10).map { "Phân xưởng \($0)" })
    var b = ScreenBuffer(rows: 3, cols: 20)
    _ = list.handle(.end, pageSize: 3)
    list.render(into: &b, in: b.bounds)
    #expect(list.selection.offset == 7)
    #expect(b.snapshotLines() == ["  Phân xưởng 8     ↑", "  Phân xưởng 9", "▶ Phân xưởng 10"])
    var empty = ListView(items: [], emptyText: "(trống)")
    empty.render(into: &b, in: b.bounds)
    #expect(b.lineText(0) == "(trống)")
    #expect(empty.selectedIndex == nil)
  }

  @Test func formSnapshotWithEditorAndMessage() {
    #expect(kitLocaleReady)
    var form = FormView(rows: [
      FormRow(label: "Tên nhà máy", value: "Dệt Nam Định"),
      FormRow(label: "Áp suất hơi", value: "abc", unit: "bar", message: "Không phải là số"),
      FormRow(label: "Nhiệt độ", value: "180", unit: "°C"),
      FormRow(label: "Hiệu suất", value: "82,5", unit: "%", isReadOnly: true),
    ], focusedIndex: 1)
    var editor = TextField("abc")
    editor.handle(.left)
    var b = ScreenBuffer(rows: 6, cols: 36)
    form.render(into: &b, in: b.bounds, editor: editor)
    #expect(b.cursor == CursorPosition(row: 1, col: 15))
    assertSnapshot(b, named: "KitForm", includeStyles: true)
    check(form.moveFocus(by: 1) == 2)
    check(form.moveFocus(by: 1) == 0)  // read-only row skipped, wraps
    check(form.handleFocusKey(.backTab))
    #expect(form.focusedIndex == 2)
  }

  @Test func confirmDialogSnapshotAndKeys() {
    #expect(kitLocaleReady)
    var d = ConfirmDialog(title: "Xóa thiết bị", message: "Xóa \"Lò hơi 6 tấn/giờ\" và 12 số liệu đo?", language: .vi)
    var b = ScreenBuffer(rows: 9, cols: 44)
    b.fill(b.bounds, with: "·", style: .muted)
    d.render(into: &b)
    assertSnapshot(b, named: "KitConfirmDialog")
    check(d.handle(.enter) == false)  // "Không" is the default
    check(d.handle(.left) == nil)
    check(d.handle(.enter) == true)
    check(d.handle(.escape) == false)
    check(d.handle(.char("c")) == true)
    check(d.handle(.char("n")) == false)
    var en = ConfirmDialog(title: "Quit", message: "Quit?", language: .en, defaultYes: true)
    #expect(en.dialog.buttons == ["Yes", "No"])
    check(en.handle(.enter) == true)
  }

  @Test func keyBarAndStatusLineSnapshot() {
    #expect(kitLocaleReady)
    var b = ScreenBuffer(rows: 3, cols: 48)
    StatusLine("Áp suất phải lớn hơn 0", kind: .error, right: "Đã lưu 10:42").render(into: &b, row: 0)
    StatusLine("Một thông báo rất dài sẽ bị cắt bớt khi không đủ chỗ", right: "3/40").render(into: &b, row: 1)
    KeyBar([
      .init(.f(1), "Trợ giúp"), .init(.f(2), "Lưu"), .init(.f(3), "Tìm"), .init(.f(5), "Thêm"),
      .init(.escape, "Quay lại"), .init(.f(10), "Thoát"),
    ]).render(into: &b, row: 2)
    assertSnapshot(b, named: "KitBars", includeStyles: true)
  }

  @Test func themeHonoursNoColor() {
    #expect(Theme.resolve(environment: ["NO_COLOR": "1"], terminalHasColors: true) == .monochrome)
    #expect(Theme.resolve(environment: ["NO_COLOR": ""], terminalHasColors: true) == .standard)
    #expect(Theme.resolve(environment: [:], terminalHasColors: false) == .monochrome)
    let sel = Theme.monochrome.appearance(for: Style.Role.selected)
    #expect(sel.reverse && sel.bold)
    #expect(!Theme.monochrome.appearances.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault })
    #expect(Theme.standard.appearance(for: Style.normal.reversed).reverse)
  }
}
