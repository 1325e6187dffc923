import SXUI
import Testing

@Suite("Kit: key decoder")
struct KitKeyDecoderTests {
  private func decode(_ inputs: [KeyDecoder.Input]) -> [InputEvent] {
    var d = KeyDecoder()
    return d.feed(inputs)
  }

  private func scalars(_ s: String) -> [KeyDecoder.Input] {
    s.unicodeScalars.map { .scalar($0.value) }
  }

  @Test func escapeFollowedByCharacterIsAlt() {
    #expect(decode([.scalar(0x1B), .scalar(0x78)]) == [.key(.alt("x"))])
    #expect(decode([.scalar(0x1B), .scalar(0x1EC7)]) == [.key(.alt("ệ"))])
  }

  @Test func escapeFollowedByTimeoutIsEscape() {
    var d = KeyDecoder()
    check(d.feed(.scalar(0x1B)).isEmpty)
    #expect(d.needsQuickFollowUp)
    check(d.feed(.timeout) == [.key(.escape)])
    #expect(!d.needsQuickFollowUp)
    #expect(decode([.scalar(0x1B), .scalar(0x1B), .timeout]) == [.key(.escape), .key(.escape)])
  }

  @Test func escapeThenFunctionKeyGivesBoth() {
    #expect(decode([.scalar(0x1B), .event(.key(.f(2)))]) == [.key(.escape), .key(.f(2))])
  }

  @Test func deleteAndBackspaceBytesAreBackspace() {
    #expect(decode([.scalar(0x7F)]) == [.key(.backspace)])
    #expect(decode([.scalar(0x08)]) == [.key(.backspace)])
  }

  @Test func controlLettersAndTerminalControls() {
    #expect(decode([.scalar(0x13)]) == [.key(.ctrl("s"))])
    #expect(decode([.scalar(0x11)]) == [.key(.ctrl("q"))])
    #expect(decode([.scalar(0x03)]) == [.key(.ctrl("c"))])
    #expect(decode([.scalar(0x01)]) == [.key(.ctrl("a"))])
    #expect(decode([.scalar(0x1A)]) == [.key(.ctrl("z"))])
    #expect(decode([.scalar(0x09)]) == [.key(.tab)])
    #expect(decode([.scalar(0x0D)]) == [.key(.enter)])
    #expect(decode([.scalar(0x0A)]) == [.key(.enter)])
    #expect(decode([.scalar(0x00)]) == [.key(.ctrl(" "))])
  }

  @Test func printableAndCombiningScalarsAreCharacters() {
    #expect(decode(scalars("ệ")) == [.key(.char("ệ"))])
    #expect(decode(scalars("e\u{323}\u{302}")) == [.key(.char("e")), .key(.char("\u{323}")), .key(.char("\u{302}"))])
    #expect(decode([.scalar(0x85)]).isEmpty)  // C1 control
  }

  @Test func undecodedCSIAndSS3SequencesBecomeKeys() {
    #expect(decode([.scalar(0x1B)] + scalars("[1;5C")) == [.key(.right)])
    #expect(decode([.scalar(0x1B)] + scalars("[A")) == [.key(.up)])
    #expect(decode([.scalar(0x1B)] + scalars("[3~")) == [.key(.delete)])
    #expect(decode([.scalar(0x1B)] + scalars("[6~")) == [.key(.pageDown)])
    #expect(decode([.scalar(0x1B)] + scalars("[15~")) == [.key(.f(5))])
    #expect(decode([.scalar(0x1B)] + scalars("[24~")) == [.key(.f(12))])
    #expect(decode([.scalar(0x1B)] + scalars("[Z")) == [.key(.backTab)])
    #expect(decode([.scalar(0x1B)] + scalars("OP")) == [.key(.f(1))])
    #expect(decode([.scalar(0x1B)] + scalars("OH")) == [.key(.home)])
  }

  @Test func unknownSequencesAreDroppedNotTyped() {
    #expect(decode([.scalar(0x1B)] + scalars("[?1;2c") + scalars("a")) == [.key(.char("a"))])
    #expect(decode([.scalar(0x1B)] + scalars("[I")).isEmpty)  // focus in
    #expect(decode([.scalar(0x1B), .scalar(0x5B), .timeout]) == [.key(.alt("["))])
  }

  @Test func bracketedPasteArrivesAsOneEvent() {
    let pasted = "Lò hơi 1\r\nNồi \u{1B}x\u{7}đun"
    let inputs = [.scalar(0x1B)] + scalars("[200~") + scalars(pasted) + [.scalar(0x1B)] + scalars("[201~") + scalars("q")
    #expect(decode(inputs) == [.paste("Lò hơi 1\nNồi xđun"), .key(.char("q"))])
  }

  @Test func pasteWithoutEndMarkerIsDeliveredOnTimeout() {
    var d = KeyDecoder()
    _ = d.feed([.scalar(0x1B)] + scalars("[200~") + scalars("abc"))
    #expect(d.isInPaste)
    check(d.feed(.timeout) == [.paste("abc")])
    #expect(!d.isInPaste)
  }

  @Test func keyLabelsForTheKeyBar() {
    #expect(Key.f(10).label() == "F10")
    #expect(Key.ctrl("s").label() == "^S")
    #expect(Key.alt("x").label() == "Alt-x")
    #expect(Key.up.label() == "↑")
    #expect(Key.up.label(asciiOnly: true) == "Up")
    #expect(Key.char(" ").label() == "Space")
  }
}
