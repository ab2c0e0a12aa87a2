/// Makes mbedTLS's CA-bundle loader a no-op, because Debian's libgit2 parses the whole bundle inside `git_libgit2_init`.
///
/// libgit2 1.5 built with mbedTLS reads `/etc/ssl/certs/ca-certificates.crt` at start-up to be
/// ready for HTTPS: about 4 ms, a third of a read command's run. biostore only reads and writes a
/// local repository and never opens a connection, so this definition, which the dynamic linker
/// prefers to mbedTLS's own, skips the work. Were HTTPS ever used, it would fail closed: with no
/// trusted certificates every server is refused.
@_cdecl("mbedtls_x509_crt_parse_file")
public func skipCertificateBundle(_ chain: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
  0
}
