import Foundation
import SXCore

/// HTML building blocks: escaping, the page shell (self-contained, A4 print CSS, restrictive CSP) and tables.
enum HTML {
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        // C0/C1 controls other than tab and newline never reach the page.
        if ch.value < 0x20 && ch != "\n" && ch != "\t" || (0x7F...0x9F).contains(ch.value) { continue }
        out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// The one inline script: marks the page as rendered and counts the SVGs (a sentinel for headless checks).
  /// The CSP allows exactly this script by its hash, and nothing else.
  static let sentinelScript =
    "document.addEventListener('DOMContentLoaded',function(){var m=document.createElement('meta');"
    + "m.id='sx-rendered';m.setAttribute('content',String(document.querySelectorAll('svg').length));"
    + "document.head.appendChild(m);});"

  static var csp: String {
    let hash = Data(SHA256.hash(Data(utf8Of: sentinelScript))).base64EncodedString()
    return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-\(hash)'; base-uri 'none'; form-action 'none'"
  }

  static func page(title: String, language: Language, generator: String, body: String, extraCSS: String = "") -> String {
    """
    <!DOCTYPE html>
    <html lang="\(language.rawValue)">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="\(csp)">
    <meta name="generator" content="\(escape(generator))">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(escape(title))</title>
    <style>
    \(css)
    \(extraCSS)
    </style>
    <script>\(sentinelScript)</script>
    </head>
    <body>
    \(body)
    </body>
    </html>

    """
  }

  static let css = """
    @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
    :root { --ink: #1c2833; --muted: #5d6d7e; --rule: #d5dbdb; --head: #eaf2f8; }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); font-size: 10.5pt; line-height: 1.4;
      max-width: 186mm; margin: 0 auto; padding: 8mm 0; }
    h1 { font-size: 19pt; margin: 0 0 2mm; }
    h2 { font-size: 14pt; border-bottom: 2px solid var(--ink); padding-bottom: 1mm; margin: 8mm 0 3mm; break-after: avoid; }
    h3 { font-size: 11.5pt; margin: 5mm 0 2mm; break-after: avoid; }
    p, li { margin: 1mm 0; }
    .muted { color: var(--muted); font-size: 9pt; }
    table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
    th, td { border: 1px solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; }
    th { background: var(--head); text-align: left; }
    td.s { white-space: nowrap; }
    td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr { break-inside: avoid; }
    thead { display: table-header-group; }
    svg.chart { width: 100%; height: auto; display: block; margin: 2mm 0 4mm; break-inside: avoid; }
    svg .halo { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    .cover { border-left: 6px solid #2c3e50; padding-left: 4mm; margin-bottom: 6mm; }
    .kpis { display: flex; flex-wrap: wrap; gap: 3mm; margin: 3mm 0; }
    .kpi { border: 1px solid var(--rule); padding: 2mm 3mm; min-width: 40mm; }
    .kpi b { display: block; font-size: 13pt; }
    section { break-inside: auto; }
    .page { break-before: page; }
    @media print { body { padding: 0; } a { color: inherit; text-decoration: none; } }
    """

  /// A table from the shared row model; numbers right-aligned and formatted for the language.
  static func table(_ t: ExportTable, _ l: Language, caption: Bool = false, maxRows: Int? = nil) -> String {
    var s = "<table data-table=\"\(escape(t.id))\">"
    if caption { s += "<caption>\(escape(t.title))</caption>" }
    s += "<thead><tr>" + t.columns.map { "<th>\(escape($0.header))</th>" }.joined() + "</tr></thead><tbody>\n"
    for row in maxRows.map({ Array(t.rows.prefix($0)) }) ?? t.rows {
      s += "<tr>"
      for (c, col) in zip(row, t.columns) {
        if case .number = c {
          s += "<td class=\"n\">\(escape(Fmt.cell(c, col, l)))</td>"
        } else {
          let text = Fmt.cell(c, col, l)
          s += (text.count <= 12 ? "<td class=\"s\">" : "<td>") + escape(text).replacingOccurrences(of: "\n", with: "<br>") + "</td>"
        }
      }
      s += "</tr>\n"
    }
    return s + "</tbody></table>\n"
  }
}

/// SHA-256 (FIPS 180-4), for the CSP hash of the inline script. Small and dependency-free.
enum SHA256 {
  static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  static func hash(_ data: Data) -> [UInt8] {
    var h: [UInt32] = [0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19]
    var msg = [UInt8](data)
    let bitLen = UInt64(msg.count) * 8
    msg.append(0x80)
    while msg.count % 64 != 56 { msg.append(0) }
    for i in (0..<8).reversed() { msg.append(UInt8((bitLen >> (UInt64(i) * 8)) & 0xff)) }
    func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    var w = [UInt32](repeating: 0, count: 64)
    for chunk in stride(from: 0, to: msg.count, by: 64) {
      for i in 0..<16 {
        let b = chunk + i * 4
        w[i] = UInt32(msg[b]) << 24 | UInt32(msg[b + 1]) << 16 | UInt32(msg[b + 2]) << 8 | UInt32(msg[b + 3])
      }
      for i in 16..<64 {
        let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
        let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
      for i in 0..<64 {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = (e & f) ^ (~e & g)
        let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) ^ (a & c) ^ (b & c)
        let t2 = s0 &+ maj
        hh = g
        g = f
        f = e
        e = d &+ t1
        d = c
        c = b
        b = a
        a = t1 &+ t2
      }
      h[0] = h[0] &+ a
      h[1] = h[1] &+ b
      h[2] = h[2] &+ c
      h[3] = h[3] &+ d
      h[4] = h[4] &+ e
      h[5] = h[5] &+ f
      h[6] = h[6] &+ g
      h[7] = h[7] &+ hh
    }
    return h.flatMap { v in (0..<4).map { UInt8((v >> (24 - UInt32($0) * 8)) & 0xff) } }
  }
}
