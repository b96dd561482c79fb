/// Kubernetes' `$(VAR)` expansion for env values, command and args, ported from
/// k8s.io/kubernetes/third_party/forked/golang/expansion: `$(NAME)` becomes NAME's value when
/// NAME is defined and stays as written when it is not; `$$` is an escaped `$`; an unclosed
/// `$(` and any other `$x` are kept.
enum VariableExpansion {
    static func expand(_ input: String, _ lookup: (String) -> String?) -> String {
        let bytes = Array(input.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var checkpoint = 0
        var cursor = 0
        while cursor < bytes.count {
            if bytes[cursor] == UInt8(ascii: "$"), cursor + 1 < bytes.count {
                out.append(contentsOf: bytes[checkpoint..<cursor])
                let (read, isVariable, advance) = readName(bytes[(cursor + 1)...])
                if isVariable {
                    let name = String(decoding: read, as: UTF8.self)
                    out.append(contentsOf: Array((lookup(name) ?? "$(\(name))").utf8))
                } else {
                    out.append(contentsOf: read)
                }
                cursor += advance
                checkpoint = cursor + 1
            }
            cursor += 1
        }
        out.append(contentsOf: bytes[min(checkpoint, bytes.count)...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `tryReadVariableName`: what the text after a `$` reads as, whether it is a variable
    /// reference, and how many bytes it consumed.
    private static func readName(_ input: ArraySlice<UInt8>) -> ([UInt8], Bool, Int) {
        let first = input[input.startIndex]
        switch first {
        case UInt8(ascii: "$"):
            return ([first], false, 1)
        case UInt8(ascii: "("):
            var i = input.startIndex + 1
            while i < input.endIndex {
                if input[i] == UInt8(ascii: ")") {
                    return (Array(input[(input.startIndex + 1)..<i]), true, i - input.startIndex + 1)
                }
                i += 1
            }
            return (Array("$(".utf8), false, 1)
        default:
            return ([UInt8(ascii: "$"), first], false, 1)
        }
    }
}
