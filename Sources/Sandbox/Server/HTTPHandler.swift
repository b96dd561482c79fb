import Foundation
import NIOCore
import NIOHTTP1

/// One HTTP/1.1 connection: collects each request, consults the fault injector, answers from
/// the cluster, and for watches keeps the response open, writing each event as a chunk.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let cluster: Cluster
    /// Whether this connection is HTTPS (credential-less requests are then anonymous).
    private let secure: Bool
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    /// The request body passed `maxRequestBody`: the rest is dropped and the answer is 413.
    private var bodyTooLarge = false
    private var watch: WatchStream?
    /// Bytes of watch events written to the channel and not yet taken by the socket.
    private var watchBacklog = 0

    /// The API server's request body limit (`MaxRequestBodyBytes`, 3 MiB).
    static let maxRequestBody = 3 << 20

    /// The most watch-event bytes kept for a client that has stopped reading. kube-apiserver
    /// gives each watcher a bounded buffer and closes a watcher that stays full ("Forcing
    /// watcher close due to unresponsiveness"); past this backlog the Sandbox ends the watch
    /// and closes the connection, so a stalled client cannot grow the server's memory.
    static let maxWatchBacklog = 8 << 20

    /// Seconds the cluster spent on the request, excluding network and fault delays.
    static let handlerTimeHeader = "X-Sandbox-Handler-Seconds"

    init(cluster: Cluster, secure: Bool) {
        self.cluster = cluster
        self.secure = secure
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body.removeAll(keepingCapacity: true)
            bodyTooLarge = false
        case .body(var buffer):
            guard !bodyTooLarge, buffer.readableBytes <= Self.maxRequestBody - body.count else {
                bodyTooLarge = true
                body.removeAll()
                return
            }
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
        case .end:
            guard let head else { return }
            self.head = nil
            if bodyTooLarge {
                bodyTooLarge = false
                let error = APIError(code: 413, reason: "RequestEntityTooLarge", message: "Request entity too large: limit is \(Self.maxRequestBody)")
                write(.error(error), context: context, version: head.version, keepAlive: false)
                return
            }
            var headers: [String: String] = [:]
            // Repeated headers (one Impersonate-Group per group) join with ", " as HTTP allows.
            for (name, value) in head.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { $0 + ", " + value } ?? value
            }
            var request = APIRequest(method: head.method.rawValue, target: head.uri, headers: headers, body: body)
            request.fromNetwork = true
            request.overTLS = secure
            let decision = cluster.faults.decide(request, elapsed: cluster.elapsed)
            let keepAlive = head.isKeepAlive
            let version = head.version
            let respond = { [self] in
                if let error = decision.error {
                    self.write(.error(error), context: context, version: version, keepAlive: keepAlive)
                    return
                }
                let started = SimClock.monotonicNow()
                switch self.cluster.handle(request, applyFaults: false) {
                case .response(var response):
                    // Time spent answering (routing, the store, encoding), for benchmarks.
                    response.headers.append((Self.handlerTimeHeader, String(format: "%.6f", SimClock.monotonicNow() - started)))
                    self.write(response, context: context, version: version, keepAlive: keepAlive)
                case .watch(let stream):
                    self.startWatch(stream, context: context, version: version, dropAfter: decision.dropWatchAfterSeconds)
                }
            }
            if decision.delaySeconds > 0 {
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(clamping: decision.delaySeconds * 1000, to: 0...600_000))) { respond() }
            } else {
                respond()
            }
        }
    }

    private func write(_ response: APIResponse, context: ChannelHandlerContext, version: HTTPVersion, keepAlive: Bool) {
        var headers = HTTPHeaders()
        for (k, v) in response.headers { headers.add(name: k, value: v) }
        headers.add(name: "Content-Length", value: String(response.body.count))
        // The server's clock is the simulated one: clients that measure time by the API
        // server (heal's restart windows) see the cluster's time, as on a real cluster.
        headers.add(name: "Date", value: Timestamp.httpDate(cluster.publishedNow.value))
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive { done.whenComplete { _ in context.close(promise: nil) } }
    }

    private func startWatch(_ stream: WatchStream, context: ChannelHandlerContext, version: HTTPVersion, dropAfter: Double?) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Transfer-Encoding", value: "chunked")
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .ok, headers: headers))), promise: nil)
        watch = stream
        let loop = context.eventLoop
        let channel = context.channel
        let boxed = NIOLoopBound((self, context), eventLoop: loop)
        stream.start { bytes in
            loop.execute {
                let (handler, ctx) = boxed.value
                guard channel.isActive, handler.watch === stream else { return }
                guard handler.watchBacklog + bytes.count <= Self.maxWatchBacklog else {
                    handler.endWatch()
                    ctx.close(promise: nil)
                    return
                }
                var buffer = channel.allocator.buffer(capacity: bytes.count)
                buffer.writeBytes(bytes)
                handler.watchBacklog += bytes.count
                let written = loop.makePromise(of: Void.self)
                written.futureResult.whenComplete { _ in boxed.value.0.watchBacklog -= bytes.count }
                ctx.writeAndFlush(handler.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: written)
            }
        }
        let limit = min(stream.timeoutSeconds, dropAfter ?? .infinity)
        loop.scheduleTask(in: .milliseconds(Int64(clamping: limit * 1000, to: 0...3_600_000))) {
            let (handler, ctx) = boxed.value
            guard handler.watch === stream else { return }
            handler.endWatch()
            if dropAfter != nil && dropAfter! <= stream.timeoutSeconds {
                ctx.close(promise: nil)
            } else {
                ctx.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }

    private func endWatch() {
        watch?.stop()
        watch = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        endWatch()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        endWatch()
        context.close(promise: nil)
    }
}

extension Timestamp {
    /// RFC 7231 date for the Date header.
    static func httpDate(_ seconds: Double) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func pad(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(days[Int(parts.tm_wday)]), \(pad(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) \(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec)) GMT"
    }
}
