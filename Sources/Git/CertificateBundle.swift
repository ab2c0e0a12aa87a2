import Foundation

/// Makes mbedTLS's CA-bundle loader a no-op until a network command asks for it, because Debian's libgit2 parses the whole bundle inside `git_libgit2_init`.
///
/// libgit2 1.5 built with mbedTLS reads `/etc/ssl/certs/ca-certificates.crt` at start-up to be
/// ready for HTTPS: about 4 ms, a third of a read command's run. Local commands never open a
/// connection, so this definition, which the dynamic linker prefers to mbedTLS's own, skips the
/// work; once `GitLibrary.loadCertificateAuthorities()` has set `CertificateBundle.loads`, it
/// forwards to mbedTLS's own loader (found with `dlsym(RTLD_NEXT)`).
@_cdecl("mbedtls_x509_crt_parse_file")
public func skipCertificateBundle(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
  guard CertificateBundle.loads, let real = CertificateBundle.mbedTLSLoader else { return 0 }
  return real(chain, path)
}

/// Whether the CA bundle is loaded for real, and mbedTLS's own loader.
enum CertificateBundle {
  /// Set once by a network command before libgit2 is asked to load certificates.
  nonisolated(unsafe) static var loads = false

  typealias Loader = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> Int32

  /// mbedTLS's `mbedtls_x509_crt_parse_file`, the next definition after this one.
  static let mbedTLSLoader: Loader? = {
    // RTLD_NEXT is ((void *) -1l) on glibc; Swift does not import the macro.
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: -1), "mbedtls_x509_crt_parse_file")
    else { return nil }
    return unsafeBitCast(symbol, to: Loader.self)
  }()
}
