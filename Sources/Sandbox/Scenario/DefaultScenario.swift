/// The scenario that ships with the binary: the todo chatbot (frontend on 3000, backend on
/// 8000, Shipshape's own jobs) under a diurnal load with a lunchtime spike, plus the images
/// tests commonly use. `shipshape sandbox` and `make demo` run on it without setup.
extension Scenario {
    public static let defaultText = """
    # The default Sandbox scenario: docs/sandbox.md describes every field.
    node:
      cpu: "8"
      memory: 32Gi
    images:
      # A build that crashes 5 s after starting, for crash-loop tests and demos: each short
      # life retries its database in a tight loop, logging a burst of connection errors,
      # then the crash report (a Python trace).
      - match: "todo-chatbot/backend:*-crash"
        startup: 3s
        crashAfter: 5s
        crashExitCode: 1
        memory: {baselineMi: 150}
        logs:
          - {level: info, ratePerMinute: 20, template: "starting todo-chatbot backend on :8000"}
          - {level: error, ratePerMinute: 360, template: "database connection refused: dial tcp 10.96.0.20:5432: connect: connection refused"}
      # A build that leaks memory until the OOM killer steps in.
      - match: "todo-chatbot/backend:*-leak"
        startup: 8s
        cpu: {baseMillicores: 20, perRequestMillicores: 8}
        memory: {baselineMi: 180, perRequestMi: 2, leakMiPerHour: 600}
        logs:
          - {level: none, ratePerMinute: 6, perRequest: true, template: "{ip} - - \\"GET {path} HTTP/1.1\\" 200 {latency}ms"}
      # A bad release: it runs as the good one does, but one endpoint now fails with an
      # error never logged before.
      - match: "todo-chatbot/backend:*-bad"
        startup: 8s
        cpu: {baseMillicores: 20, perRequestMillicores: 8}
        memory: {baselineMi: 180, perRequestMi: 2}
        logs:
          - {level: none, ratePerMinute: 6, perRequest: true, template: "{ip} - - \\"GET {path} HTTP/1.1\\" 200 {latency}ms"}
          - {level: info, ratePerMinute: 0.5, perRequest: true, template: "chat session {id} started for user {user} model=todo-assistant tokens={n}"}
          - {level: info, ratePerMinute: 0.3, perRequest: true, template: "todo {n} updated by {user} in {latency}ms"}
          - {level: warning, ratePerMinute: 0.05, perRequest: true, template: "slow request: GET {path} took {slowLatency}ms"}
          - {level: error, ratePerMinute: 0.02, perRequest: true, template: "POST /api/chat {status} upstream model timeout request_id={id}"}
          - {level: error, ratePerMinute: 0.01, perRequest: true, template: "unhandled exception in /api/todos\\nTraceback (most recent call last):\\n  File \\"/app/todos.py\\", line 88, in update\\n    todo = db.get(todo_id)\\nKeyError: {n}"}
          - {level: error, ratePerMinute: 0.1, perRequest: true, template: "PUT /api/todos/{n} 500 schema mismatch: column due_date does not exist request_id={id}"}
      # Request rates are per pod at 1 request/s: at the default 40-60 requests/s over two
      # pods, access lines come a few per second, errors a minute or two, well under the
      # users' alert thresholds except in the lunchtime spike.
      - match: "todo-chatbot/backend:*"
        startup: 8s
        cpu: {baseMillicores: 20, perRequestMillicores: 8}
        memory: {baselineMi: 180, perRequestMi: 2}
        logs:
          - {level: none, ratePerMinute: 6, perRequest: true, template: "{ip} - - \\"GET {path} HTTP/1.1\\" 200 {latency}ms"}
          - {level: info, ratePerMinute: 0.5, perRequest: true, template: "chat session {id} started for user {user} model=todo-assistant tokens={n}"}
          - {level: info, ratePerMinute: 0.3, perRequest: true, template: "todo {n} updated by {user} in {latency}ms"}
          - {level: warning, ratePerMinute: 0.05, perRequest: true, template: "slow request: GET {path} took {slowLatency}ms"}
          - {level: error, ratePerMinute: 0.02, perRequest: true, template: "POST /api/chat {status} upstream model timeout request_id={id}"}
          - {level: error, ratePerMinute: 0.01, perRequest: true, template: "unhandled exception in /api/todos\\nTraceback (most recent call last):\\n  File \\"/app/todos.py\\", line 88, in update\\n    todo = db.get(todo_id)\\nKeyError: {n}"}
      # The frontend logs JSON lines.
      - match: "todo-chatbot/frontend:*"
        startup: 4s
        cpu: {baseMillicores: 10, perRequestMillicores: 3}
        memory: {baselineMi: 90, perRequestMi: 0.5}
        logs:
          - {level: info, ratePerMinute: 3, perRequest: true, template: "{\\"level\\":\\"info\\",\\"msg\\":\\"GET {path} 200\\",\\"latency_ms\\":{latency}}"}
          - {level: warning, ratePerMinute: 0.03, perRequest: true, template: "{\\"level\\":\\"warn\\",\\"msg\\":\\"backend responded slowly\\",\\"latency_ms\\":{slowLatency}}"}
      # Shipshape's own jobs run for real: the Sandbox's shipshape binary (or --exec-binary)
      # as the image's entrypoint, under the pod's service account (docs/sandbox.md).
      - match: "shipshape/shipshape:*"
        execute: true
        startup: 0s
        cpu: {baseMillicores: 50, perRequestMillicores: 0}
        memory: {baselineMi: 40, perRequestMi: 0}
      - match: "nginx*"
        startup: 1s
        memory: {baselineMi: 8}
        logs:
          - {level: info, ratePerMinute: 6, template: "GET / 200 {latency}ms"}
      - match: "busybox*"
        startup: 0s
        completeAfter: 5s
        memory: {baselineMi: 1}
      - match: "registry.k8s.io/pause*"
        startup: 0s
        memory: {baselineMi: 1}
    traffic:
      - target: backend
        baseRPS: 40
        diurnalAmplitude: 0.5
        peakHour: 14
        spikes:
          - {at: 30m, duration: 10m, multiplier: 4}
      - target: frontend
        baseRPS: 60
        diurnalAmplitude: 0.5
        peakHour: 14
        spikes:
          - {at: 30m, duration: 10m, multiplier: 4}
    """

    /// The parsed default scenario.
    public static let `default`: Scenario = {
        do { return try ScenarioLoader.parse(defaultText, file: "default-scenario.yaml") } catch {
            fatalError("the built-in scenario does not parse: \(error)")
        }
    }()
}
