import Foundation
import YAML

/// The receivers' checks of what the direct sinks send, against the services' documented JSON:
/// PagerDuty's Events API v2 (`/v2/enqueue`), Slack's incoming webhooks (text, Block Kit
/// blocks) and Alertmanager's webhook payload (version 4). Each returns the problems found
/// (empty: the payload has the documented shape).
enum PayloadShapes {
    static func keys(_ v: Value?) -> Set<String> { Set(v?.object?.keys.map { $0 } ?? []) }

    static func isRFC3339(_ s: String?) -> Bool {
        guard let s else { return false }
        return ISO8601DateFormatter().date(from: s) != nil
    }

    /// PagerDuty Events API v2: routing_key, event_action (trigger, acknowledge, resolve) and
    /// dedup_key (at most 255 characters); a trigger's payload has summary (at most 1024),
    /// source and severity (critical, error, warning, info), and optionally timestamp,
    /// component, group, class, custom_details; nothing else at either level.
    static func pagerDuty(_ v: Value) -> [String] {
        var p: [String] = []
        let top: Set = ["routing_key", "event_action", "dedup_key", "payload", "images", "links", "client", "client_url"]
        if !keys(v).isSubset(of: top) { p.append("unknown keys \(keys(v).subtracting(top).sorted())") }
        if (v["routing_key"]?.string ?? "").isEmpty { p.append("routing_key missing") }
        guard let action = v["event_action"]?.string, ["trigger", "acknowledge", "resolve"].contains(action) else {
            return p + ["event_action must be trigger, acknowledge or resolve"]
        }
        let dedup = v["dedup_key"]?.string ?? ""
        if dedup.isEmpty || dedup.count > 255 { p.append("dedup_key must be 1-255 characters") }
        if action == "trigger" {
            let payload = v["payload"]
            let allowed: Set = ["summary", "source", "severity", "timestamp", "component", "group", "class", "custom_details"]
            if !keys(payload).isSubset(of: allowed) { p.append("unknown payload keys \(keys(payload).subtracting(allowed).sorted())") }
            let summary = payload?["summary"]?.string ?? ""
            if summary.isEmpty || summary.count > 1024 { p.append("payload.summary must be 1-1024 characters") }
            if (payload?["source"]?.string ?? "").isEmpty { p.append("payload.source missing") }
            if !["critical", "error", "warning", "info"].contains(payload?["severity"]?.string ?? "") { p.append("payload.severity invalid") }
            if let t = payload?["timestamp"], !isRFC3339(t.string) { p.append("payload.timestamp is not ISO 8601") }
            if let d = payload?["custom_details"], d.object == nil { p.append("payload.custom_details must be an object") }
        }
        return p
    }

    /// Slack incoming webhook: `text` and/or `blocks` (at most 50); a section's text object is
    /// mrkdwn or plain_text of at most 3000 characters; a context has 1-10 elements.
    static func slack(_ v: Value) -> [String] {
        var p: [String] = []
        let top: Set = ["text", "blocks", "attachments", "thread_ts", "mrkdwn", "username", "icon_emoji", "icon_url", "channel"]
        if !keys(v).isSubset(of: top) { p.append("unknown keys \(keys(v).subtracting(top).sorted())") }
        if v["text"]?.string == nil && v["blocks"] == nil { p.append("text or blocks is required") }
        let blocks = v["blocks"]?.array ?? []
        if blocks.count > 50 { p.append("more than 50 blocks") }
        func textObject(_ t: Value?, _ place: String) {
            guard let type = t?["type"]?.string, ["mrkdwn", "plain_text"].contains(type) else { p.append("\(place).type must be mrkdwn or plain_text"); return }
            let text = t?["text"]?.string ?? ""
            if text.isEmpty || text.count > 3000 { p.append("\(place).text must be 1-3000 characters") }
        }
        for (i, b) in blocks.enumerated() {
            switch b["type"]?.string {
            case "section": textObject(b["text"], "blocks[\(i)].text")
            case "context":
                let elements = b["elements"]?.array ?? []
                if elements.isEmpty || elements.count > 10 { p.append("blocks[\(i)].elements must have 1-10 elements") }
                for (j, e) in elements.enumerated() { textObject(e, "blocks[\(i)].elements[\(j)]") }
            case "header", "divider": break
            default: p.append("blocks[\(i)].type \(b["type"]?.string ?? "none") is not a known block")
            }
        }
        return p
    }

    /// Alertmanager's webhook payload, version 4, with its alerts' fields.
    static func alertmanagerWebhook(_ v: Value) -> [String] {
        var p: [String] = []
        let top: Set = ["version", "groupKey", "truncatedAlerts", "status", "receiver", "groupLabels", "commonLabels", "commonAnnotations", "externalURL", "alerts"]
        if keys(v) != top { p.append("keys \(keys(v).sorted()) are not \(top.sorted())") }
        if v["version"]?.string != "4" { p.append("version must be \"4\"") }
        if !["firing", "resolved"].contains(v["status"]?.string ?? "") { p.append("status must be firing or resolved") }
        for k in ["groupLabels", "commonLabels", "commonAnnotations"] where v[k]?.object == nil { p.append("\(k) must be an object") }
        let alertKeys: Set = ["status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint"]
        for (i, a) in (v["alerts"]?.array ?? []).enumerated() {
            if keys(a) != alertKeys { p.append("alerts[\(i)] keys \(keys(a).sorted())") }
            if !isRFC3339(a["startsAt"]?.string) || !isRFC3339(a["endsAt"]?.string) { p.append("alerts[\(i)] times are not RFC 3339") }
            if (a["fingerprint"]?.string ?? "").count != 16 { p.append("alerts[\(i)].fingerprint is not 16 hex digits") }
        }
        if (v["alerts"]?.array ?? []).isEmpty { p.append("alerts is empty") }
        return p
    }
}
