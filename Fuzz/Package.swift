// swift-tools-version: 6.0
// libFuzzer targets for biostore's parsers and prose diff; built and run by Scripts/fuzz only.
import PackageDescription

let package = Package(
  name: "biostore-fuzz",
  // Scripts/fuzz links Fuzz/biostore to the project, so the dependency's identity is "biostore"
  // wherever the project is cloned.
  dependencies: [.package(path: "biostore")],
  targets: [
    .executableTarget(
      name: "BiostoreFuzz",
      dependencies: [
        .product(name: "BioStore", package: "biostore"),
        .product(name: "ProseDiff", package: "biostore"),
      ]
    )
  ],
  swiftLanguageModes: [.v6]
)
