// swift-tools-version: 6.0
import PackageDescription

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
    .target(name: "Git", dependencies: ["Clibgit2"]),
    // The prose diff knows nothing of stores or git: words in, changes out.
    .target(name: "ProseDiff"),
    .target(
      name: "BioStore",
      dependencies: ["Git", "ProseDiff", .product(name: "Yams", package: "Yams")]),
    .executableTarget(
      name: "BiostoreCLI",
      dependencies: [
        "BioStore", "ProseDiff",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "GitTests", dependencies: ["Git"]),
    .testTarget(name: "ProseDiffTests", dependencies: ["ProseDiff"]),
    .testTarget(name: "BioStoreTests", dependencies: ["BioStore", "Git", "ProseDiff"]),
    .testTarget(name: "BiostoreCLITests", dependencies: ["BiostoreCLI"]),
  ],
  swiftLanguageModes: [.v6]
)
