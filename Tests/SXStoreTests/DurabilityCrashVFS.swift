import Foundation
import GRDBSQLite

/// A crash-simulating SQLite VFS, in the manner of SQLite's own `src/test6.c`, written against the system
/// libsqlite3's C API (GRDB's `GRDBSQLite` module). It wraps the default `unix` VFS:
///
/// - `xWrite` and `xTruncate` are held in a per-file list in memory; reads see them (read-your-writes);
/// - `xSync` applies the held list to the real file, then really syncs it: only synced data reaches "the disk";
/// - ``powerCut()`` drops every held (unsynced) write, as a power failure would, and from then on every write,
///   truncate, sync and delete is a silent no-op (the machine is off), so closing the connections afterwards
///   cannot flush, checkpoint or delete anything;
/// - ``reboot()`` turns the disk back on; the database is then reopened through the plain `unix` VFS.
///
/// ``cutAfterWrites(_:)`` arms a power cut in the middle of I/O: after the N-th write call, whatever transaction is
/// in flight. Registered as the default VFS only for the duration of one test (XCTest runs tests serially).
/// Shared memory (`-shm`) is passed through: it is not durable state, and the first connection after the reboot
/// rebuilds it from the WAL.
enum CrashVFS {
  struct FileOps {
    enum Op {
      case write(Int64, [UInt8])
      case truncate(Int64)
    }
    var ops: [Op] = []
  }

  // All state below is guarded by `lock`; SQLite calls the VFS from GRDB's queues.
  private static let lock = NSLock()
  nonisolated(unsafe) private static var files: [String: FileOps] = [:]
  nonisolated(unsafe) private static var handles: [Int: String] = [:]
  nonisolated(unsafe) private static var nextHandle = 1
  nonisolated(unsafe) private static var crashed = false
  nonisolated(unsafe) private static var writesLeft: Int?
  nonisolated(unsafe) private static var writeCalls = 0
  nonisolated(unsafe) private static var droppedBytes = 0
  nonisolated(unsafe) private static var vfs: UnsafeMutablePointer<sqlite3_vfs>?
  nonisolated(unsafe) private static var methods: UnsafeMutablePointer<sqlite3_io_methods>?
  nonisolated(unsafe) private static var unix: UnsafeMutablePointer<sqlite3_vfs>?

  static let headerSize = 16  // sqlite3_file (one pointer) + our handle id, then the unix file
  static let shortRead: Int32 = 522  // SQLITE_IOERR_SHORT_READ

  static func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }

  /// True once the power is off.
  static var isCrashed: Bool { locked { crashed } }
  /// Bytes of unsynced writes dropped by the last power cut.
  static var lastDroppedBytes: Int { locked { droppedBytes } }
  /// Write calls seen since ``install()``.
  static var writeCount: Int { locked { writeCalls } }

  /// Registers the VFS as the process default (idempotent) and clears all state.
  static func install() {
    locked {
      files = [:]
      handles = [:]
      crashed = false
      writesLeft = nil
      writeCalls = 0
      droppedBytes = 0
    }
    if vfs == nil {
      guard let base = sqlite3_vfs_find("unix") else { return }
      unix = base
      let m = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
      m.initialize(to: makeMethods())
      methods = m
      var v = base.pointee
      v.szOsFile = Int32(headerSize) + base.pointee.szOsFile
      v.zName = UnsafePointer(strdup("sxsh-crash"))
      v.pNext = nil
      v.xOpen = xOpen
      v.xDelete = { vfs, name, syncDir in
        if CrashVFS.isCrashed { return SQLITE_OK }
        guard let u = CrashVFS.unix, let del = u.pointee.xDelete else { return SQLITE_ERROR }
        if let name { CrashVFS.locked { CrashVFS.files[String(cString: name)] = nil } }
        return del(u, name, syncDir)
      }
      let p = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)
      p.initialize(to: v)
      vfs = p
    }
    sqlite3_vfs_register(vfs, 1)
  }

  /// Makes `unix` the default again (the crash VFS stays registered but unused).
  static func uninstall() {
    if let unix { sqlite3_vfs_register(unix, 1) }
    locked { crashed = false }
  }

  /// Power failure now: every unsynced write is lost and the disk stops.
  static func powerCut() {
    locked {
      crashed = true
      for (k, f) in files {
        for op in f.ops { if case .write(_, let d) = op { droppedBytes += d.count } }
        files[k]?.ops = []
      }
    }
  }

  /// Power failure right after the `n`-th write call from now (n ≥ 1).
  static func cutAfterWrites(_ n: Int) { locked { writesLeft = n } }

  /// Power back on (close every connection first).
  static func reboot() {
    locked {
      crashed = false
      writesLeft = nil
      files = [:]
    }
  }

  // MARK: file plumbing

  static func real(_ f: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<sqlite3_file> {
    UnsafeMutableRawPointer(f).advanced(by: headerSize).assumingMemoryBound(to: sqlite3_file.self)
  }

  static func handle(_ f: UnsafeMutablePointer<sqlite3_file>) -> Int {
    UnsafeMutableRawPointer(f).advanced(by: 8).load(as: Int.self)
  }

  static func key(_ f: UnsafeMutablePointer<sqlite3_file>) -> String { locked { handles[handle(f)] ?? "?" } }

  static let xOpen: @convention(c) (
    UnsafeMutablePointer<sqlite3_vfs>?, UnsafePointer<CChar>?, UnsafeMutablePointer<sqlite3_file>?, Int32, UnsafeMutablePointer<Int32>?
  ) -> Int32 = { _, name, file, flags, outFlags in
    guard let file, let u = CrashVFS.unix, let open = u.pointee.xOpen else { return SQLITE_ERROR }
    file.pointee.pMethods = nil
    let rc = open(u, name, CrashVFS.real(file), flags, outFlags)
    guard rc == SQLITE_OK else { return rc }
    let id = CrashVFS.locked { () -> Int in
      let id = CrashVFS.nextHandle
      CrashVFS.nextHandle += 1
      let k = name.map { String(cString: $0) } ?? "temp-\(id)"
      CrashVFS.handles[id] = k
      if CrashVFS.files[k] == nil { CrashVFS.files[k] = FileOps() }
      return id
    }
    UnsafeMutableRawPointer(file).advanced(by: 8).storeBytes(of: id, as: Int.self)
    file.pointee.pMethods = UnsafePointer(CrashVFS.methods)
    return SQLITE_OK
  }

  /// The real file's size through its own methods.
  static func realSize(_ f: UnsafeMutablePointer<sqlite3_file>) -> Int64 {
    var size: sqlite3_int64 = 0
    let r = real(f)
    _ = r.pointee.pMethods.pointee.xFileSize(r, &size)
    return size
  }

  static func logicalSize(_ f: UnsafeMutablePointer<sqlite3_file>, ops: [FileOps.Op]) -> Int64 {
    var size = realSize(f)
    for op in ops {
      switch op {
      case .write(let off, let d): size = max(size, off + Int64(d.count))
      case .truncate(let n): size = n
      }
    }
    return size
  }

  static func makeMethods() -> sqlite3_io_methods {
    var m = sqlite3_io_methods()
    m.iVersion = 3
    m.xClose = { f in
      guard let f else { return SQLITE_OK }
      let r = CrashVFS.real(f)
      let rc = r.pointee.pMethods.pointee.xClose(r)
      CrashVFS.locked { _ = CrashVFS.handles.removeValue(forKey: CrashVFS.handle(f)) }
      return rc
    }
    m.xRead = { f, buf, amt, off in
      guard let f, let buf else { return SQLITE_IOERR }
      let r = CrashVFS.real(f)
      let out = buf.assumingMemoryBound(to: UInt8.self)
      let rc = r.pointee.pMethods.pointee.xRead(r, buf, amt, off)
      if rc != SQLITE_OK && rc != CrashVFS.shortRead { return rc }
      let k = CrashVFS.key(f)
      let ops = CrashVFS.locked { CrashVFS.files[k]?.ops ?? [] }
      let end = off + Int64(amt)
      for op in ops {
        switch op {
        case .truncate(let n) where n < end:
          let from = Int(max(n, off) - off)
          for i in from..<Int(amt) { out[i] = 0 }
        case .write(let wOff, let d):
          let lo = max(off, wOff), hi = min(end, wOff + Int64(d.count))
          if lo < hi { for i in lo..<hi { out[Int(i - off)] = d[Int(i - wOff)] } }
        default: break
        }
      }
      return CrashVFS.logicalSize(f, ops: ops) < end ? CrashVFS.shortRead : SQLITE_OK
    }
    m.xWrite = { f, buf, amt, off in
      guard let f, let buf else { return SQLITE_IOERR }
      let bytes = Array(UnsafeRawBufferPointer(start: buf, count: Int(amt)))
      let k = CrashVFS.key(f)
      CrashVFS.locked {
        CrashVFS.writeCalls += 1
        if !CrashVFS.crashed { CrashVFS.files[k, default: FileOps()].ops.append(.write(off, bytes)) }
        if let left = CrashVFS.writesLeft {
          CrashVFS.writesLeft = left - 1
          if left - 1 <= 0 {
            CrashVFS.writesLeft = nil
            CrashVFS.crashed = true
            for (key, file) in CrashVFS.files {
              for op in file.ops { if case .write(_, let d) = op { CrashVFS.droppedBytes += d.count } }
              CrashVFS.files[key]?.ops = []
            }
          }
        }
      }
      return SQLITE_OK
    }
    m.xTruncate = { f, size in
      guard let f else { return SQLITE_IOERR }
      let k = CrashVFS.key(f)
      CrashVFS.locked { if !CrashVFS.crashed { CrashVFS.files[k, default: FileOps()].ops.append(.truncate(size)) } }
      return SQLITE_OK
    }
    m.xSync = { f, flags in
      guard let f else { return SQLITE_IOERR }
      let r = CrashVFS.real(f)
      let k = CrashVFS.key(f)
      let ops: [FileOps.Op]? = CrashVFS.locked {
        if CrashVFS.crashed { return nil }
        let o = CrashVFS.files[k]?.ops ?? []
        CrashVFS.files[k]?.ops = []
        return o
      }
      guard let ops else { return SQLITE_OK }
      let io = r.pointee.pMethods.pointee
      for op in ops {
        switch op {
        case .write(let off, let d):
          let rc = d.withUnsafeBytes { io.xWrite(r, $0.baseAddress, Int32(d.count), off) }
          if rc != SQLITE_OK { return rc }
        case .truncate(let n):
          let rc = io.xTruncate(r, n)
          if rc != SQLITE_OK { return rc }
        }
      }
      return io.xSync(r, flags)
    }
    m.xFileSize = { f, size in
      guard let f, let size else { return SQLITE_IOERR }
      let k = CrashVFS.key(f)
      let ops = CrashVFS.locked { CrashVFS.files[k]?.ops ?? [] }
      size.pointee = CrashVFS.logicalSize(f, ops: ops)
      return SQLITE_OK
    }
    m.xLock = { f, l in f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xLock($0, l) } ?? SQLITE_IOERR }
    m.xUnlock = { f, l in f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xUnlock($0, l) } ?? SQLITE_IOERR }
    m.xCheckReservedLock = { f, out in
      f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xCheckReservedLock($0, out) } ?? SQLITE_IOERR
    }
    m.xFileControl = { f, op, arg in
      // Size hints and chunk sizes would resize the real file behind the held writes; they are only hints.
      if op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_CHUNK_SIZE || op == SQLITE_FCNTL_MMAP_SIZE { return SQLITE_NOTFOUND }
      return f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xFileControl($0, op, arg) } ?? SQLITE_NOTFOUND
    }
    m.xSectorSize = { f in f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xSectorSize($0) } ?? 4096 }
    m.xDeviceCharacteristics = { _ in 0 }
    m.xShmMap = { f, pg, sz, extend, pp in
      f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xShmMap($0, pg, sz, extend, pp) } ?? SQLITE_IOERR
    }
    m.xShmLock = { f, off, n, fl in
      f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xShmLock($0, off, n, fl) } ?? SQLITE_IOERR
    }
    m.xShmBarrier = { f in
      if let r = f.map({ CrashVFS.real($0) }) { r.pointee.pMethods.pointee.xShmBarrier(r) }
    }
    m.xShmUnmap = { f, del in
      f.map { CrashVFS.real($0) }.map { $0.pointee.pMethods.pointee.xShmUnmap($0, CrashVFS.isCrashed ? 0 : del) } ?? SQLITE_IOERR
    }
    // No memory-mapped I/O: every read goes through xRead and sees the held writes.
    m.xFetch = { _, _, _, pp in
      pp?.pointee = nil
      return SQLITE_OK
    }
    m.xUnfetch = { _, _, _ in SQLITE_OK }
    return m
  }
}
