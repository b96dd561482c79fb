import Charts
import Foundation
import XCTest

/// Writes chart files into a fresh temporary directory, so loading is tested on real files.
struct ChartFixture {
    let root: URL

    init(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    var path: String { root.path }

    func load() throws -> Chart { try ChartLoader.load(directory: path) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// An umbrella chart with two subcharts (one aliased twice), globals, conditions and tags.
enum UmbrellaFiles {
    static let files: [String: String] = [
        "Chart.yaml": """
            apiVersion: v2
            name: shop
            version: 1.0.0
            dependencies:
              - name: backend
                version: "~0.1.0"
                condition: backend.enabled
              - name: cache
                version: "0.2.x"
                alias: sessions
                tags: [caching]
                import-values:
                  - data
                  - child: conn
                    parent: sessionConn
              - name: cache
                version: ">=0.2.0"
                alias: pages
                condition: pages.enabled,global.pages
            """,
        "values.yaml": """
            global:
              env: prod
              db: {host: main}
            backend:
              enabled: true
              replicaCount: 2
              image: {tag: "1.0"}
            """,
        "templates/_helpers.tpl": "{{/* helpers */}}",
        "templates/NOTES.txt": "thanks",
        "templates/.hidden.yaml": "ignored by the default rule",
        "crds/widget.yaml": "kind: CustomResourceDefinition",
        "README.md": "# shop",
        "secret.key": "ignored by .helmignore",
        ".helmignore": "# comment\n*.key\nscratch/\n",
        "scratch/notes.txt": "ignored directory",
        "charts/backend/Chart.yaml": "apiVersion: v2\nname: backend\nversion: 0.1.3\n",
        "charts/backend/values.yaml": "replicaCount: 1\nimage:\n  repo: shop/backend\n  tag: latest\nresources: null\nglobal:\n  env: dev\n  region: eu\n",
        "charts/backend/templates/deployment.yaml": "kind: Deployment",
        "charts/cache/Chart.yaml": "apiVersion: v2\nname: cache\nversion: 0.2.1\n",
        "charts/cache/values.yaml": "enabled: true\nexports:\n  data:\n    cachePort: 6379\nconn:\n  url: redis://cache\n",
        "charts/cache/crds/cache.yaml": "kind: CustomResourceDefinition",
        "charts/_skipped/Chart.yaml": "not a chart",
    ]
}
