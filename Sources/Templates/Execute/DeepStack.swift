import Foundation

/// Runs work on a thread with a large stack. Templates recurse through `include` and
/// `template` (Helm allows 1,000 nested includes); Go grows goroutine stacks on demand, so the
/// engine gives itself room up front instead of crashing on the caller's 8 MB stack.
enum DeepStack {
    static let size = 1 << 30

    static func run<T>(_ work: @escaping () throws -> T) throws -> T {
        if Thread.current.stackSize >= size { return try work() }
        let box = ResultBox<T>(work)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try box.work() }
            done.signal()
        }
        thread.stackSize = size
        thread.start()
        done.wait()
        return try box.result!.get()
    }

    /// Hands the work to the other thread and the result back; the semaphore orders access.
    private final class ResultBox<T>: @unchecked Sendable {
        let work: () throws -> T
        var result: Result<T, Error>?
        init(_ work: @escaping () throws -> T) { self.work = work }
    }
}
