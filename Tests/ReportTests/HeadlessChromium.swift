import Foundation
import TestSupport
import XCTest

/// Debian's `chromium` run headless on a file: the DOM after scripts ran (`--dump-dom`) and a
/// screenshot. Missing Chromium fails the test (scripts/install-deps.sh installs it).
enum HeadlessChromium {
    static func executable(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard let path = Subprocess.find("chromium") ?? Subprocess.find("chromium-browser") else {
            XCTFail("chromium is not on the PATH; run scripts/install-deps.sh", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    /// Flags for a container without a display or a user namespace sandbox, and a profile of
    /// its own so runs do not share state.
    static func flags(profile: String) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars",
         "--user-data-dir=\(profile)", "--virtual-time-budget=2000"]
    }

    static func dumpDOM(_ html: String) throws -> String {
        let chromium = try executable()
        let r = try Subprocess.run(chromium, flags(profile: html + ".profile") + ["--dump-dom", "file://" + html])
        guard r.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "chromium --dump-dom \(html) exited \(r.status): \(r.stderr)"]) }
        return r.stdout
    }

    static func screenshot(_ html: String, to png: String, width: Int = 1100, height: Int) throws {
        let chromium = try executable()
        let r = try Subprocess.run(chromium, flags(profile: html + ".profile") + ["--window-size=\(width),\(height)", "--screenshot=\(png)", "file://" + html])
        guard r.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "chromium --screenshot \(html) exited \(r.status): \(r.stderr)"]) }
    }

    /// A script that writes, for every `svg.chart`, its laid-out size and how many of its
    /// marks (lines, bars) have a non-zero box, as JSON into `<pre id="chart-sizes">`.
    static let probe = """
    <script>
    (function () {
      var out = [];
      document.querySelectorAll('svg.chart').forEach(function (svg) {
        var box = svg.getBoundingClientRect(), content = svg.getBBox(), marks = 0, all = 0;
        svg.querySelectorAll('polyline.series, rect.bar').forEach(function (m) {
          var b = m.getBBox(); all++;
          if (b.width > 0 && b.height > 0 || (m.tagName === 'polyline' && (b.width > 0 || b.height > 0))) marks++;
        });
        out.push({id: svg.getAttribute('data-chart'), width: box.width, height: box.height,
                  contentWidth: content.width, contentHeight: content.height, marks: marks, allMarks: all});
      });
      var pre = document.createElement('pre');
      pre.id = 'chart-sizes';
      pre.textContent = JSON.stringify(out);
      document.body.appendChild(pre);
    })();
    </script>
    """
}
