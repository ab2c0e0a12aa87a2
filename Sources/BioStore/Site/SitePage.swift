/// One file of a site: its path inside the site's folder and its HTML.
struct SitePage {
  /// `index.html`, `engagements.html` or `VARIANT/NAME.html`.
  let path: String
  /// The whole page.
  let html: String
}
