import Foundation
import SXCalc
import SXCore

/// The calculator panel of one opportunity (F6, Enter, then `c`): pick a calculator, type its inputs (a bare number
/// is in the input's unit; "7 barg", "8000 h" carry their own), see the outputs, and apply one output as a saving of the
/// opportunity — resource, amount with unit, and the calculator id and inputs — in one committed, undoable edit.
public struct OppCalcState: Hashable, Sendable {
  /// The opportunity the panel works for.
  public var oppId: String
  /// Choosing the calculator (true) or filling it in.
  public var picking = true
  public var selection = 0
  /// Focused line: the inputs, then the outputs.
  public var line = 0
  public var inputs: [String: String] = [:]
  public var editor: TextField?
  public var message: String?
  public init(oppId: String) { self.oppId = oppId }
}

enum OppCalcPanel {
  static var all: [Calculator] { CalculatorCatalog.all }

  /// Opens the panel for an opportunity, on its stored calculator and inputs when it has some.
  static func open(_ o: Opportunity) -> OppCalcState {
    var st = OppCalcState(oppId: o.id)
    if let id = o.calculatorId, let i = all.firstIndex(where: { $0.id == id }) {
      st.selection = i
      st.picking = false
      st.inputs = o.calculatorInputs
    }
    return st
  }

  /// Input values in SI (typed, else the default) and the first error.
  static func values(_ calc: Calculator, _ st: OppCalcState, _ lang: Language) -> ([String: Double], String?) {
    var out: [String: Double] = [:]
    var error: String?
    for input in calc.inputs where input.kind != .list {
      if let t = st.inputs[input.name], !t.trimmingCharacters(in: .whitespaces).isEmpty {
        do {
          out[input.name] = try CalcCLI.value(t, for: input, language: lang)
        } catch let e as LocalizedFailure {
          error = error ?? e.text(lang)
        } catch {
          return (out, "\(error)")
        }
      }
    }
    return (out, error)
  }

  /// The outputs in their display units, or the error of the run.
  static func run(_ calc: Calculator, _ st: OppCalcState, _ lang: Language) -> Result<[String: Double], CalcRunError> {
    let (v, error) = values(calc, st, lang)
    if let error { return .failure(CalcRunError(text: error)) }
    do {
      let r = try calc.compute(v)
      var out: [String: Double] = [:]
      for o in calc.outputs { if let si = r.values[o.name] { out[o.name] = (try? CalcUnits.fromSI(si, o.unit)) ?? si } }
      return .success(out)
    } catch let e as LocalizedFailure {
      return .failure(CalcRunError(text: e.text(lang)))
    } catch {
      return .failure(CalcRunError(text: "\(error)"))
    }
  }

  struct CalcRunError: Error { var text: String }

  static func update(_ s: inout AppState, _ key: Key) -> [Effect] {
    guard var d = s.doc, var st = d.opp.calc else { return [] }
    defer {
      if d.opp.calc != nil { d.opp.calc = st }
      s.doc = d
    }
    let lang = s.language
    if var ed = st.editor {
      switch key {
      case .enter, .tab:
        let calc = all[st.selection]
        if st.line < calc.inputs.count { st.inputs[calc.inputs[st.line].name] = ed.committedText }
        st.editor = nil
        if case .failure(let e) = run(calc, st, lang) { st.message = e.text } else { st.message = nil }
      case .escape: st.editor = nil
      default:
        ed.handle(key)
        st.editor = ed
      }
      return []
    }
    if st.picking {
      switch key {
      case .up, .char("k"): st.selection = max(0, st.selection - 1)
      case .down, .char("j"): st.selection = min(max(0, all.count - 1), st.selection + 1)
      case .pageUp: st.selection = max(0, st.selection - 10)
      case .pageDown: st.selection = min(max(0, all.count - 1), st.selection + 10)
      case .enter:
        st.picking = false
        st.line = 0
        st.inputs = [:]
        st.message = nil
      case .escape, .char("c"): d.opp.calc = nil
      default: break
      }
      return []
    }
    let calc = all[st.selection]
    let lines = calc.inputs.count + calc.outputs.count
    switch key {
    case .up, .char("k"), .backTab: st.line = max(0, st.line - 1)
    case .down, .char("j"), .tab: st.line = min(max(0, lines - 1), st.line + 1)
    case .enter:
      if st.line < calc.inputs.count {
        let input = calc.inputs[st.line]
        st.editor = TextField(st.inputs[input.name] ?? defaultText(input, lang))
      } else {
        let output = calc.outputs[st.line - calc.inputs.count]
        guard case .success(let out) = run(calc, st, lang), out[output.name] != nil else {
          st.message = Strings.calcNoValue(lang)
          return []
        }
        guard let unit = UnitSystem.standard.unit(output.unit), [.energy, .mass, .volume, .money].contains(unit.dimension) else {
          st.message = Strings.calcNotASaving(lang)
          return []
        }
        s.overlay = .picker(resourcePicker(output: output.name, guess: guess(unit), lang: lang))
      }
    case .escape:
      st.picking = true
      st.message = nil
    case .char("c"): d.opp.calc = nil
    default: break
    }
    return []
  }

  static func defaultText(_ input: CalcInput, _ lang: Language) -> String {
    if !input.choices.isEmpty, let v = input.defaultValue, Int(v) < input.choices.count, v >= 0 { return input.choices[Int(v)].key }
    return input.defaultValue.map { NumberFormat.format($0, lang, maxFractionDigits: 6) } ?? ""
  }

  static func guess(_ unit: UnitDef) -> SavedResource {
    switch unit.dimension {
    case .energy: ["Wh", "kWh", "MWh", "GWh"].contains(unit.symbol) ? .electricity : .fuel
    case .volume: .water
    case .mass: .rawMaterial
    default: .other
    }
  }

  static func resourcePicker(output: String, guess: SavedResource, lang: Language) -> PickerState {
    let values = SavedResource.allCases.map { PickValue.string($0.rawValue) }
    let labels = SavedResource.allCases.map { $0.label.text(lang) }
    let i = SavedResource.allCases.firstIndex(of: guess) ?? 0
    var p = PickerState(
      title: Strings.calcApplyAs(lang), values: values, list: ListView(items: labels, selected: i, highlight: .row),
      target: FieldTarget(fieldIndex: 0), multiple: false, chosen: [])
    p.applyOutput = output
    return p
  }

  /// The chosen resource: the output becomes a saving of the opportunity, with the calculator and its inputs.
  static func apply(_ s: inout AppState, output name: String, _ value: PickValue) -> [Effect] {
    let lang = s.language
    guard let d = s.doc, let st = d.opp.calc, case .string(let raw) = value, let resource = SavedResource(rawValue: raw),
      var o = d.assessment.opportunities.first(where: { $0.id == st.oppId })
    else { return [] }
    let calc = all[st.selection]
    guard let output = calc.outputs.first(where: { $0.name == name }), case .success(let out) = run(calc, st, lang), let v = out[name],
      let q = try? Quantity(v, output.unit)
    else {
      s.say(Strings.calcNoValue(lang), .error)
      return []
    }
    var saving = ResourceSaving(resource: resource)
    if q.dimension() == .money { saving.value = q } else { saving.quantity = q }
    o.savings.append(saving)
    o.calculatorId = calc.id
    var inputs: [String: String] = [:]
    for input in calc.inputs where input.kind != .list {
      let t = st.inputs[input.name] ?? defaultText(input, lang)
      if !t.isEmpty { inputs[input.name] = t }
    }
    o.calculatorInputs = inputs
    let label = Strings.calcApplied(lang) + ": " + calc.title.text(lang) + " → " + q.formatted(lang)
    s.doc?.opp.calc = nil
    return [.commit([.upsert(.opportunity(o), position: nil)], label: label)]
  }

  // MARK: Drawing

  static func render(_ s: AppState, _ st: OppCalcState, _ o: Opportunity?, into b: inout ScreenBuffer, in rect: Rect) {
    let lang = s.language
    b.put(TextLayout.truncate(Strings.calcFor(lang) + ": " + (o?.title ?? st.oppId), to: rect.width), row: rect.row, col: rect.col, style: .header)
    let body = Rect(row: rect.row + 1, col: rect.col, height: rect.height - 1, width: rect.width)
    guard !all.isEmpty else {
      b.put(Strings.noCalculators(lang), row: body.row + 1, col: body.col, style: .muted)
      return
    }
    let sel = min(st.selection, all.count - 1)
    if st.picking {
      var list = ListView(items: all.map { $0.title.text(lang) }, selected: sel, highlight: .row)
      list.render(into: &b, in: Rect(row: body.row, col: body.col, height: body.height - 1, width: body.width))
      b.put(TextLayout.truncate(RowText.firstLine(all[sel].help.text(lang)), to: body.width), row: body.bottom - 1, col: body.col, style: .muted)
      return
    }
    let calc = all[sel]
    b.put(TextLayout.truncate(calc.title.text(lang), to: body.width), row: body.row, col: body.col, style: Style.title.bolded)
    let result = run(calc, st, lang)
    var rows: [FormRow] = calc.inputs.map { input in
      FormRow(label: input.name, value: st.inputs[input.name] ?? defaultText(input, lang), unit: input.unit)
    }
    for output in calc.outputs {
      var text = "—"
      if case .success(let out) = result, let v = out[output.name] { text = NumberFormat.auto(v, lang) }
      rows.append(FormRow(label: "= " + output.name, value: text, unit: output.unit))
    }
    let area = Rect(row: body.row + 1, col: body.col, height: max(1, body.height - 3), width: body.width)
    var form = FormView(rows: rows, focusedIndex: st.line, labelWidth: min(28, body.width / 3))
    form.render(into: &b, in: area, editor: st.editor)
    let y = body.bottom - 2
    b.horizontalLine(row: y, col: body.col, width: body.width, style: .muted)
    if let m = st.message ?? { if case .failure(let e) = result { return e.text } else { return nil } }() {
      b.put(TextLayout.truncate(m, to: body.width), row: y + 1, col: body.col, style: Style.error.bolded)
    } else {
      b.put(TextLayout.truncate(Strings.calcHint(lang), to: body.width), row: y + 1, col: body.col, style: .muted)
    }
  }
}
