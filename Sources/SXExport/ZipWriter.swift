import CZlib
import Foundation

/// Writes in-memory zip archives (deflate) with a fixed timestamp, so that the same input gives the same bytes. The
/// headers are those ZIPFoundation writes (made by Unix, version 2.0 to extract, UTF-8 names, mode 0600, 2026-01-01
/// 00:00 UTC, no data descriptor); each entry is deflated in one zlib call at a fast level, straight into the archive,
/// or stored as it is (`compress: false`). `ArchiveImport` (and any zip reader) reads it back.
enum Zip {
  /// zlib level: 1 is about three times faster than the default 6 on these XML/CSV parts, for files about 15% larger.
  static let level: Int32 = 1
  /// MS-DOS date and time of 2026-01-01 00:00:00 (UTC).
  static let dosDate: UInt16 = 0x5C21  // day 1 + month 1 × 32 + (2026 − 1980) × 512
  static let dosTime: UInt16 = 0
  /// Regular file, mode 0600, in the high half (Unix).
  static let externalAttributes: UInt32 = UInt32(0o100600) << 16

  /// The archive of `entries`, in order; each deflated (method 8), or stored (method 0) when not `compress`.
  static func archive(_ entries: [(name: String, data: Data)], compress: Bool = true) throws -> Data {
    let method: UInt16 = compress ? 8 : 0
    var out: [UInt8] = []
    out.reserveCapacity(entries.reduce(1024) { $0 + (compress ? $1.data.count / 3 : $1.data.count) + 128 })
    var central: [UInt8] = []
    central.reserveCapacity(entries.count * 80)
    for e in entries {
      let name = Array(e.name.utf8)
      guard name.count <= Int(UInt16.max), e.data.count < Int(UInt32.max) else { throw ExportError.zipFailed }
      let offset = out.count
      guard offset < Int(UInt32.max) else { throw ExportError.zipFailed }
      let crc = crc32Of(e.data)
      // Local header with placeholder sizes, then the deflated data written in place, then the sizes patched.
      out.le32(0x0403_4B50)
      out.le16(20)  // version needed to extract
      out.le16(0x0800)  // UTF-8 names
      out.le16(method)
      out.le16(dosTime)
      out.le16(dosDate)
      out.le32(crc)
      let sizes = out.count
      out.le32(0)
      out.le32(UInt32(e.data.count))
      out.le16(UInt16(name.count))
      out.le16(0)
      out += name
      let compressed: Int
      if compress {
        compressed = try deflateRaw(e.data, into: &out)
      } else {
        out.append(contentsOf: e.data)
        compressed = e.data.count
      }
      guard compressed < Int(UInt32.max) else { throw ExportError.zipFailed }
      out.patch32(UInt32(compressed), at: sizes)

      central.le32(0x0201_4B50)
      central.le16(0x0315)  // made by: Unix, 2.1
      central.le16(20)
      central.le16(0x0800)
      central.le16(method)
      central.le16(dosTime)
      central.le16(dosDate)
      central.le32(crc)
      central.le32(UInt32(compressed))
      central.le32(UInt32(e.data.count))
      central.le16(UInt16(name.count))
      central.le16(0)  // extra
      central.le16(0)  // comment
      central.le16(0)  // disk
      central.le16(0)  // internal attributes
      central.le32(externalAttributes)
      central.le32(UInt32(offset))
      central += name
    }
    let start = out.count
    guard entries.count < Int(UInt16.max), start + central.count < Int(UInt32.max) else { throw ExportError.zipFailed }
    out += central
    out.le32(0x0605_4B50)
    out.le16(0)
    out.le16(0)
    out.le16(UInt16(entries.count))
    out.le16(UInt16(entries.count))
    out.le32(UInt32(central.count))
    out.le32(UInt32(start))
    out.le16(0)
    return Data(out)
  }

  static func crc32Of(_ data: Data) -> UInt32 {
    data.withUnsafeBytes { buf in
      UInt32(CZlib.crc32(0, buf.bindMemory(to: UInt8.self).baseAddress, uInt(buf.count)))
    }
  }

  /// Appends the raw deflate stream of `data` to `out`; returns its length.
  static func deflateRaw(_ data: Data, into out: inout [UInt8]) throws -> Int {
    // The window and hash table sized to the entry (most parts are a few KiB): zlib clears the hash table and
    // allocates the window per stream, so a 32 KiB window and 64 Ki-entry hash cost more than deflating a small part.
    var bits: Int32 = 9
    while bits < MAX_WBITS, (1 << bits) < data.count + 262 { bits += 1 }
    let memLevel = max(1, min(9, bits - 6))
    var stream = z_stream()
    guard deflateInit2_(&stream, level, Z_DEFLATED, -bits, memLevel, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw ExportError.zipFailed }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, uLong(data.count)))
    let start = out.count
    out.append(contentsOf: repeatElement(0, count: bound))
    let written: Int = try data.withUnsafeBytes { src in
      try out.withUnsafeMutableBufferPointer { dst in
        stream.next_in = UnsafeMutablePointer(mutating: src.bindMemory(to: UInt8.self).baseAddress)
        stream.avail_in = uInt(src.count)
        stream.next_out = dst.baseAddress.map { $0 + start }
        stream.avail_out = uInt(bound)
        guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { throw ExportError.zipFailed }
        return bound - Int(stream.avail_out)
      }
    }
    out.removeLast(bound - written)
    return written
  }
}

extension [UInt8] {
  mutating func le16(_ v: UInt16) {
    append(UInt8(v & 0xFF))
    append(UInt8(v >> 8))
  }

  mutating func le32(_ v: UInt32) {
    append(UInt8(v & 0xFF))
    append(UInt8((v >> 8) & 0xFF))
    append(UInt8((v >> 16) & 0xFF))
    append(UInt8(v >> 24))
  }

  mutating func patch32(_ v: UInt32, at i: Int) {
    self[i] = UInt8(v & 0xFF)
    self[i + 1] = UInt8((v >> 8) & 0xFF)
    self[i + 2] = UInt8((v >> 16) & 0xFF)
    self[i + 3] = UInt8(v >> 24)
  }
}
