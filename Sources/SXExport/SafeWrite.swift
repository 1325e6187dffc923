import Foundation
import SXCore

#if canImport(Glibc)
  import Glibc
#endif

/// A failure to write an export, with its reason in both languages.
public struct ExportWriteError: LocalizedFailure, Equatable {
  public var message: LocalizedText
  public init(vi: String, en: String) { message = LocalizedText(vi: vi, en: en) }
}

/// The safe writers shared by `sxsh export`, the TUI's export dialog and the benchmark: atomic (temporary name in
/// the same folder, synced, then renamed), owner-only from the start, never through a symbolic link, never over an
/// existing path without `force`.
public enum SafeWrite {
  /// Writes `output` to `path` (a file, or a folder for a csv folder).
  public static func output(_ output: ExportOutput, to path: String, force: Bool) throws {
    switch output {
    case .file(let data): try file(data, to: path, force: force)
    case .folder(let files): try folder(files, to: path, force: force)
    }
  }

  /// Writes `data` to `path` atomically (temporary file in the same folder, synced, then rename), owner-only,
  /// refusing to overwrite without `force` and refusing to write through a symlink.
  public static func file(_ data: Data, to path: String, force: Bool) throws {
    let tmp = try writeTemporary(data, for: path, force: force, suffix: "\(getpid())") { fsync($0) == 0 ? 0 : errno }
    guard rename(tmp, path) == 0 else {
      unlink(tmp)
      throw ExportWriteError(vi: "không đổi tên được thành «\(path)»", en: "cannot rename to «\(path)»")
    }
  }

  /// Checks `path` (``checkTarget(_:force:)``), then writes `data` to a new temporary file next to it named with
  /// `suffix`, created O_EXCL | O_NOFOLLOW (never through a link or a file planted under that name) and owner-only from
  /// the start; `finish` runs on the descriptor after a complete write and returns an errno (0: fine). Returns the
  /// temporary name; on any failure the temporary file is removed and the error thrown.
  static func writeTemporary(
    _ data: Data, for path: String, force: Bool, suffix: String, then finish: (Int32) -> Int32
  ) throws -> String {
    try checkTarget(path, force: force)
    let dir = (path as NSString).deletingLastPathComponent
    let shown = dir.isEmpty ? "." : dir
    let tmp = shown + "/.\((path as NSString).lastPathComponent).\(suffix).tmp"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw ExportWriteError(vi: "không tạo được tệp trong «\(shown)»", en: "cannot create a file in «\(shown)»")
    }
    let written = writeAll(fd, data)
    let finished = written == 0 ? finish(fd) : written
    let closed = close(fd) == 0 ? 0 : errno
    let failure = finished != 0 ? finished : closed
    guard failure == 0 else {
      unlink(tmp)
      let reason = String(cString: strerror(failure))
      throw ExportWriteError(vi: "ghi «\(path)» thất bại: \(reason)", en: "writing «\(path)» failed: \(reason)")
    }
    return tmp
  }

  /// Throws unless `path` may be written: absent, or (with `force`) a regular file; never a symbolic link.
  static func checkTarget(_ path: String, force: Bool) throws {
    var st = stat()
    if lstat(path, &st) == 0 {
      let type = st.st_mode & S_IFMT
      if type == S_IFLNK {
        throw ExportWriteError(vi: "«\(path)» là liên kết tượng trưng; không ghi qua nó", en: "«\(path)» is a symbolic link; not writing through it")
      }
      // Never replace a device, a socket or a folder, even with --force: only regular files are overwritten.
      if type != S_IFREG {
        throw ExportWriteError(vi: "«\(path)» không phải tệp thường; không ghi đè", en: "«\(path)» is not a regular file; not overwriting it")
      }
      if !force {
        throw ExportWriteError(vi: "«\(path)» đã tồn tại; dùng --force để ghi đè", en: "«\(path)» exists; use --force to overwrite")
      }
    }
  }

  /// A file of a batch written under its temporary name, not yet synced nor renamed (`stage`, then `place`).
  public struct Staged: Sendable {
    let tmp: String
    let path: String
    let force: Bool
  }

  /// The first half of `file` for a batch of files in one folder: checks `path` as `file` does, writes `data` to a
  /// temporary name next to it (O_CREAT|O_EXCL|O_NOFOLLOW, 0600; `tag` keeps the names of one batch apart) and asks
  /// the kernel to start writing it out, without waiting. Nothing appears under `path` until `place`.
  public static func stage(_ data: Data, to path: String, force: Bool, tag: Int) throws -> Staged {
    let tmp = try writeTemporary(data, for: path, force: force, suffix: "\(getpid()).\(tag)") { fd in
      if let start = syncFileRange { _ = start(fd, 0, 0, 2) }  // SYNC_FILE_RANGE_WRITE: start, do not wait
      return 0
    }
    return Staged(tmp: tmp, path: path, force: force)
  }

  /// Syncs the staged file (its data was already on its way, so the sync mostly finds it written), then renames it to
  /// its name after checking that name again. Nil when it is in place, else the error (its temporary file removed).
  /// The new name is durable once the folder is synced (`syncFolder`).
  public static func place(_ s: Staged) -> Error? {
    let fd = open(s.tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    let failure = fd < 0 ? errno : (fsync(fd) == 0 ? 0 : errno)
    if fd >= 0 { close(fd) }
    return placeSynced(s, failure: failure)
  }

  /// `place` for many staged files of one folder, with one sync for all: the file system holding `dir` synced
  /// (`syncfs`: every file's data and metadata on disk), then each renamed as `place` renames it. Nil per file in
  /// place, else its error (its temporary file removed; all of them when the sync failed). Without `syncfs` each
  /// file is synced on its own (`place`).
  public static func place(_ staged: [Staged], in dir: String) -> [Error?] {
    guard !staged.isEmpty else { return [] }
    guard let syncAll = syncFileSystem else { return staged.map { place($0) } }
    let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    let failure = dfd < 0 ? errno : (syncAll(dfd) == 0 ? 0 : errno)
    if dfd >= 0 { close(dfd) }
    return staged.map { placeSynced($0, failure: failure) }
  }

  /// The second half of `place`: after the sync (`failure`: its errno, or 0), the staged file renamed to its name.
  static func placeSynced(_ s: Staged, failure: Int32) -> Error? {
    if failure != 0 {
      unlink(s.tmp)
      let reason = String(cString: strerror(failure))
      return ExportWriteError(vi: "ghi «\(s.path)» thất bại: \(reason)", en: "writing «\(s.path)» failed: \(reason)")
    }
    do {
      try checkTarget(s.path, force: s.force)
      guard rename(s.tmp, s.path) == 0 else {
        throw ExportWriteError(vi: "không đổi tên được thành «\(s.path)»", en: "cannot rename to «\(s.path)»")
      }
      return nil
    } catch {
      unlink(s.tmp)
      return error
    }
  }

  /// Syncs the folder `dir` (its entries: the names given by `place`).
  public static func syncFolder(_ dir: String) {
    let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dfd >= 0 {
      fsync(dfd)
      close(dfd)
    }
  }

  /// `syncfs(2)` when the C library has it (a Linux call the Swift module does not import).
  static let syncFileSystem: (@convention(c) (Int32) -> Int32)? = {
    guard let p = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs") else { return nil }
    return unsafeBitCast(p, to: (@convention(c) (Int32) -> Int32).self)
  }()

  /// `sync_file_range(2)` when the C library has it (a Linux call the Swift module does not import).
  static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
    guard let p = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
    return unsafeBitCast(p, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
  }()

  /// Writes all of `data` to `fd`; 0, or the errno of the failing write.
  static func writeAll(_ fd: Int32, _ data: Data) -> Int32 {
    data.withUnsafeBytes { buf -> Int32 in
      var off = 0
      while off < buf.count {
        let n = write(fd, buf.baseAddress.map { $0 + off }, buf.count - off)
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if n == 0 { return EIO }
        off += n
      }
      return 0
    }
  }

  /// Writes a folder of files atomically: a temporary owner-only folder (0700) next to the target, each file created
  /// with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600 and synced, then one rename. An existing folder is replaced only
  /// with `force`, and only when it holds nothing but regular .csv files (so a wrong path never deletes other data).
  public static func folder(_ files: [(name: String, data: Data)], to path: String, force: Bool) throws {
    let fm = FileManager.default
    var replacing = false
    if let attrs = try? fm.attributesOfItem(atPath: path) {
      if attrs[.type] as? FileAttributeType == .typeSymbolicLink {
        throw ExportWriteError(vi: "«\(path)» là liên kết tượng trưng; không ghi qua nó", en: "«\(path)» is a symbolic link; not writing through it")
      }
      guard force else { throw ExportWriteError(vi: "«\(path)» đã tồn tại; dùng --force để ghi đè", en: "«\(path)» exists; use --force to overwrite") }
      let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
      let onlyCSV = attrs[.type] as? FileAttributeType == .typeDirectory
        && entries.allSatisfy { e in
          e.hasSuffix(".csv") && (try? fm.attributesOfItem(atPath: path + "/" + e))?[.type] as? FileAttributeType == .typeRegular
        }
      guard onlyCSV else {
        throw ExportWriteError(
          vi: "«\(path)» không phải thư mục csv do sxsh tạo; không ghi đè", en: "«\(path)» is not a csv folder made by sxsh; not replacing it")
      }
      replacing = true
    }
    let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
    let parent = (trimmed as NSString).deletingLastPathComponent
    let dir = parent.isEmpty ? "." : parent
    let base = (trimmed as NSString).lastPathComponent
    let tmp = dir + "/.\(base).\(getpid()).tmp"
    let old = dir + "/.\(base).\(getpid()).old"
    guard mkdir(tmp, 0o700) == 0 else {
      throw ExportWriteError(vi: "không tạo được thư mục trong «\(dir)»", en: "cannot create a folder in «\(dir)»")
    }
    func cleanup() {
      for f in files { unlink(tmp + "/" + f.name) }
      rmdir(tmp)
    }
    do {
      for f in files {
        guard !f.name.contains("/"), !f.name.hasPrefix(".") else { throw ExportWriteError(vi: "tên tệp không hợp lệ", en: "invalid file name") }
        let fd = open(tmp + "/" + f.name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw ExportWriteError(vi: "không tạo được «\(f.name)»", en: "cannot create «\(f.name)»") }
        let ok = writeAll(fd, f.data) == 0
        let synced = fsync(fd) == 0
        close(fd)
        guard ok, synced else { throw ExportWriteError(vi: "ghi «\(f.name)» thất bại", en: "writing «\(f.name)» failed") }
      }
      if replacing {
        guard rename(trimmed, old) == 0 else { throw ExportWriteError(vi: "không thay được «\(path)»", en: "cannot replace «\(path)»") }
      }
      guard rename(tmp, trimmed) == 0 else {
        if replacing { rename(old, trimmed) }
        throw ExportWriteError(vi: "không đổi tên được thành «\(path)»", en: "cannot rename to «\(path)»")
      }
      if replacing {
        for e in (try? fm.contentsOfDirectory(atPath: old)) ?? [] { unlink(old + "/" + e) }
        rmdir(old)
      }
      let dfd = open(dir, O_RDONLY)
      if dfd >= 0 {
        fsync(dfd)
        close(dfd)
      }
    } catch {
      cleanup()
      throw error
    }
  }
}
