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
