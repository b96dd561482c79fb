import Foundation

/// Runs work on a thread with a large stack. Templates recurse through `include` and
/// `template` (Helm allows 1,000 nested includes); Go grows goroutine stacks on demand, so the
/// engine gives itself room up front instead of crashing on the caller's 8 MB stack.
enum DeepStack {
    static let size = 1 << 30

    /// Runs `work` on a new thread with a `size` stack and waits for it. The thread is created
    /// with pthread_create, whose failure (a memory limit such as `ulimit -v` leaves no room
    /// for the stack) is an error, never a wait for a thread that will not run.
    static func run<T>(_ work: @escaping () throws -> T) throws -> T {
        if Thread.current.stackSize >= size { return try work() }
        let box = ResultBox<T>(work)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        var thread = pthread_t()
        let unmanaged = Unmanaged.passRetained(Job { box.result = Result { try box.work() } })
        let created = pthread_create(&thread, &attributes, { context in
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, unmanaged.toOpaque())
        guard created == 0 else {
            unmanaged.release()
            throw TemplateError.execution("cannot start the template engine: a thread with a \(size >> 20) MiB stack could not be created (\(String(cString: strerror(created)))); "
                + "a virtual memory limit (ulimit -v) must leave room for it")
        }
        pthread_join(thread, nil)
        return try box.result!.get()
    }

    /// The thread's body, without generic context (a C thread entry cannot capture any).
    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Hands the work to the other thread and the result back; the semaphore orders access.
    private final class ResultBox<T>: @unchecked Sendable {
        let work: () throws -> T
        var result: Result<T, Error>?
        init(_ work: @escaping () throws -> T) { self.work = work }
    }
}
