import Testing

@testable import SXUI

/// A field's key split into the path of its value (ASCII keys are split on bytes, others on Characters).
@Suite struct FieldPathTests {
  @Test func keysSplitIntoPathSegments() {
    #expect(FieldSpec.segments("header.profile.name") == ["profile", "name"])
    #expect(FieldSpec.segments("investment.equipment") == ["investment", "equipment"])
    #expect(FieldSpec.segments("quantity") == ["quantity"])
    #expect(FieldSpec.segments("header") == [])
    #expect(FieldSpec.segments("") == [])
    #expect(FieldSpec.segments("a..b.") == ["a", "b"])
    #expect(FieldSpec.segments(".header.x") == ["x"])
    #expect(FieldSpec.segments("x.header") == ["x", "header"])
    #expect(FieldSpec.segments("tên.đơn vị") == ["tên", "đơn vị"])
    // A "." carrying a combining mark is one Character, not a separator.
    #expect(FieldSpec.segments("a.\u{0301}b.c") == ["a.\u{0301}b", "c"])
  }
}

/// A sheet's editable fields (every field but the lists) follow its fields, at creation and when they change.
@Suite struct EditableFieldsTests {
  @Test func editableFieldsFollowTheFields() throws {
    let sheet = try #require(ScreenFixture.catalog.sheets.first { s in s.fields.contains { $0.kind == .list } })
    #expect(sheet.editableFields.map(\.key) == sheet.fields.compactMap { $0.kind == .list ? nil : $0.key })
    var changed = sheet
    changed.fields.removeAll { $0.kind != .list }
    #expect(changed.editableFields.isEmpty)
    changed.fields = sheet.fields.reversed()
    #expect(changed.editableFields.map(\.key) == sheet.editableFields.map(\.key).reversed())
  }
}
