// yaml-bench: how fast Shipshape reads and writes Kubernetes manifest streams, next to the
// physical limit for reading them (libyaml's own event parser over the same bytes).
//
//   swift run -c release yaml-bench [--objects 10000] [--repeat 3]
//
// It prints figures; it never fails on time.
import ArgumentParser
import CYAML
import Glibc
import YAML

struct Options: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml-bench",
        abstract: "How fast Shipshape reads and writes Kubernetes manifest streams, next to libyaml's own event parser over the same bytes.")

    @Option(help: "Objects in the generated manifest stream.")
    var objects = 10_000
    @Option(name: .customLong("repeat"), help: "Runs of each measurement; the best is shown.")
    var repeats = 3
}

let options = Options.parseOrExit()
let stream = ManifestStreamGenerator(objects: options.objects).generate()
let megabytes = Double(stream.utf8.count) / 1_048_576
print("input: \(options.objects) objects, \(String(format2: megabytes)) MB of YAML, \(options.repeats) runs each (best shown)")

/// libyaml's event parser alone: the rate no tree builder over libyaml can beat.
func rawEventParse(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { buffer -> Int in
        var parser = yaml_parser_t()
        yaml_parser_initialize(&parser)
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        var events = 0
        while yaml_parser_parse(&parser, &event) == 1 {
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            events += 1
            if done { break }
        }
        return events
    }
}

var events = 0
let raw = Stopwatch.best(of: options.repeats) { events = rawEventParse(stream) }
report("libyaml events (raw)", seconds: raw, megabytes: megabytes, extra: "\(events) events")

var documents: [Document] = []
let tree = Stopwatch.best(of: options.repeats, reset: { documents = [] }) { documents = try! YAMLParser.parse(stream) }
report("tree parse (YAMLParser)", seconds: tree, megabytes: megabytes, extra: "\(documents.count) documents")

var values: [Value] = []
let decode = Stopwatch.best(of: options.repeats, reset: { values = [] }) {
    var decoder = ValueDecoder()
    values = documents.map { try! decoder.decode($0.root) }
}
report("resolve to values (ValueDecoder)", seconds: decode, megabytes: megabytes, extra: "")

var buffer: [UInt8] = []
let emit = Stopwatch.best(of: options.repeats, reset: { buffer.removeAll(keepingCapacity: true) }) {
    YAMLEmitter.emitStream(values, into: &buffer)
}
let emittedMB = Double(buffer.count) / 1_048_576
report("emit to bytes (YAMLEmitter)", seconds: emit, megabytes: emittedMB,
       extra: "\(String(format2: emittedMB)) MB written, sigs.k8s.io/yaml style")

var emitted = ""
let emitString = Stopwatch.best(of: options.repeats, reset: { emitted = "" }) { emitted = YAMLEmitter.emitStream(values) }
report("emit to a String (YAMLEmitter)", seconds: emitString, megabytes: emittedMB, extra: "includes building the String")

print("")
print("tree parse / raw libyaml rate: \(String(format2: 100 * raw / tree))% (target: at least 50%)")
print("emit rate / tree parse rate:   \(String(format2: (emittedMB / emit) / (megabytes / tree)))x (target: at least 1x)")
print("peak memory (max RSS):         \(String(format2: Double(peakResidentBytes()) / 1_048_576)) MB")

func report(_ name: String, seconds: Double, megabytes: Double, extra: String) {
    let padded = name.padded(to: 44)
    print("\(padded) \(String(format2: seconds * 1000)) ms  \(String(format2: megabytes / seconds)) MB/s  \(extra)")
}
