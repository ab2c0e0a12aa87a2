// swift-tools-version: 6.0
import PackageDescription

/// The Swift runtime and Foundation linked into the release binary, as `--static-swift-stdlib`
/// does, so the binary a plain `swift build -c release` makes is the fast one the scripts measure:
/// loading the shared runtime costs every command several milliseconds. Compiling with the flag
/// too makes the objects ask for Foundation's static dependencies (CoreFoundation, ICU), which
/// the link alone does not find.
let staticRuntime: [SwiftSetting] = [
  .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
]

let package = Package(
  name: "biostore",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "biostore", targets: ["BiostoreCLI"]),
    // For Fuzz/, the libFuzzer package Scripts/fuzz builds beside this one.
    .library(name: "BioStore", targets: ["BioStore"]),
    .library(name: "ProseDiff", targets: ["ProseDiff"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // YAML front matter and the engagements file of the plain-text export format.
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "Clibgit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
    ),
    .target(name: "Git", dependencies: ["Clibgit2"], swiftSettings: staticRuntime),
    // The prose diff knows nothing of stores or git: words in, changes out.
    .target(name: "ProseDiff", swiftSettings: staticRuntime),
    .target(
      name: "BioStore",
      dependencies: ["Git", "ProseDiff", .product(name: "Yams", package: "Yams")],
      swiftSettings: staticRuntime),
    .executableTarget(
      name: "BiostoreCLI",
      dependencies: [
        "BioStore", "ProseDiff",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: staticRuntime,
      linkerSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ]
    ),
    .testTarget(name: "GitTests", dependencies: ["Git"]),
    .testTarget(name: "ProseDiffTests", dependencies: ["ProseDiff"]),
    .testTarget(name: "BioStoreTests", dependencies: ["BioStore", "Git", "ProseDiff"]),
    .testTarget(name: "BiostoreCLITests", dependencies: ["BiostoreCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
