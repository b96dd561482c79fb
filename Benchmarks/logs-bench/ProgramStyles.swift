/// Three held-out styles generated from real programs' source: the log statements a program
/// really has, with the wording, keys, file names and header the real lines print, and values
/// shaped like a chatbot's cluster gives them (pods of `chatbot-dev`, UIDs, container ids, IPs,
/// Go durations). Each template is one log statement of the program (one label); events that
/// share leading words or lengths, values of several words (error strings, quoted messages)
/// and one statement's message printed by two statements with other fields are kept as the
/// programs have them. They were written before either miner ran on them.
///
/// - `kubelet`: klog text lines of the kubelet (kubernetes/kubernetes v1.29, as AKS nodes print
///   them): structured `klog.InfoS`/`ErrorS` lines and printf-style `klog.Infof`/`Errorf` lines.
/// - `argocd`: Argo CD's application controller (argoproj/argo-cd v2.13 with gitops-engine) with
///   `--logformat json`: logrus's JSONFormatter, fields sorted by key, `<`, `>` and `&` escaped.
/// - `prometheus`: Prometheus 2.45.0's go-kit logfmt lines (prometheus/prometheus).
extension Corpus {
    static let programStyles: [Style] = {
        var styles: [Style] = []

        // kubelet: klog's header `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`, the thread id
        // the kubelet's pid right-aligned in seven columns. Wording, keys and files from
        // kubernetes/kubernetes: pkg/kubelet/kubelet.go (SyncLoop ADD/UPDATE/REMOVE/DELETE,
        // SyncLoop (PLEG), SyncLoop (probe), Container runtime network not ready),
        // pkg/kubelet/prober/prober.go (Probe failed), pkg/kubelet/util.go (No sandbox for pod),
        // pkg/kubelet/volumemanager/reconciler/reconciler_common.go (operationExecutor.* started,
        // Volume detached), pkg/volume/util/operationexecutor/operation_generator.go
        // (MountVolume.SetUp succeeded; UnmountVolume.TearDown succeeded, a printf-style
        // klog.Infof), pkg/kubelet/kuberuntime/kuberuntime_container.go (Killing container with a
        // grace period), pkg/kubelet/pleg/generic.go (Generic (PLEG): container finished),
        // pkg/kubelet/pod_workers.go (Error syncing pod, skipping),
        // pkg/kubelet/cri/remote/remote_image.go and remote_runtime.go (PullImage / ContainerStatus
        // from runtime service failed), pkg/kubelet/util/pod_startup_latency_tracker.go (Observed
        // pod startup duration), pkg/kubelet/eviction/eviction_manager.go (Eviction manager: ...),
        // pkg/kubelet/kubelet_node_status.go (Error updating node status, will retry) and the
        // vendored cAdvisor's manager/manager.go (Failed to create existing container, printf).
        // Line numbers are those real v1.29 kubelet lines print (SyncLoop, PLEG, volumes, probes,
        // containers, runtime, cAdvisor), near them where no real line was at hand (SyncLoop
        // (probe), eviction, node status, network). klog quotes a structured value and
        // escapes its quotes (`err="failed to \"StartContainer\" ..."`), so an error nested in an
        // error carries `\\\"`.
        func kubelet(_ level: String, _ file: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, ts in
                let pid = r.pick(["2775", "2871", "3224", "4052"])
                return "\(level)1202 \(ts.dropFirst(11).prefix(8)).\(r.digits(6)) \(String(repeating: " ", count: 7 - pid.count))\(pid) \(file)] \(body(&r))"
            }
        }
        let nodes = ["aks-nodepool1-23707431-vmss000000", "aks-nodepool1-23707431-vmss000001", "aks-nodepool1-23707431-vmss000002"]
        let probes: [(probe: String, status: String)] = [("readiness", "ready"), ("readiness", ""), ("liveness", "unhealthy"), ("startup", "started"), ("startup", "unhealthy")]
        styles.append(Style(name: "kubelet", templates: [
            kubelet("I", "kubelet.go:2433") { r in let p = r.kubePod(); return #""SyncLoop ADD" source="api" pods=["\#(p.namespace)/\#(p.name)"]"# },
            kubelet("I", "kubelet.go:2440") { r in let p = r.kubePod(); return #""SyncLoop UPDATE" source="api" pods=["\#(p.namespace)/\#(p.name)"]"# },
            kubelet("I", "kubelet.go:2449") { r in let p = r.kubePod(); return #""SyncLoop DELETE" source="api" pods=["\#(p.namespace)/\#(p.name)"]"# },
            kubelet("I", "kubelet.go:2443") { r in let p = r.kubePod(); return #""SyncLoop REMOVE" source="api" pods=["\#(p.namespace)/\#(p.name)"]"# },
            kubelet("I", "kubelet.go:2465") { r in
                let p = r.kubePod()
                return #""SyncLoop (PLEG): event for pod" pod="\#(p.namespace)/\#(p.name)" event={"ID":"\#(r.uuid())","Type":"\#(r.pick(["ContainerStarted", "ContainerStarted", "ContainerDied"]))","Data":"\#(r.hex(64))"}"#
            },
            kubelet("I", "kubelet.go:2542") { r in
                let p = r.kubePod(), probe = probes[r.int(probes.count)]
                return #""SyncLoop (probe)" probe="\#(probe.probe)" status="\#(probe.status)" pod="\#(p.namespace)/\#(p.name)""#
            },
            kubelet("I", "prober.go:107") { r in
                let p = r.chatbotPod(), ip = r.podIP(), port = r.pick(["8000", "8080", "3000"])
                let output = switch r.int(3) {
                case 0: "HTTP probe failed with statuscode: \(r.pick(["500", "502", "503"]))"
                case 1: #"Get \"http://\#(ip):\#(port)/healthz\": dial tcp \#(ip):\#(port): connect: connection refused"#
                default: #"Get \"http://\#(ip):\#(port)/readyz\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"#
                }
                return #""Probe failed" probeType="\#(r.pick(["Readiness", "Readiness", "Liveness", "Startup"]))" pod="\#(p.namespace)/\#(p.name)" podUID="\#(r.uuid())" containerName="\#(p.container)" probeResult="failure" output="\#(output)""#
            },
            kubelet("I", "util.go:30") { r in let p = r.kubePod(); return #""No sandbox for pod can be found. Need to start a new one" pod="\#(p.namespace)/\#(p.name)""# },
            kubelet("I", "reconciler_common.go:258") { r in
                let p = r.kubePod(), uid = r.uuid(), v = r.podVolume(uid)
                return #""operationExecutor.VerifyControllerAttachedVolume started for volume \"\#(v.name)\" (UniqueName: \"\#(v.unique)\") pod \"\#(p.name)\" (UID: \"\#(uid)\") " pod="\#(p.namespace)/\#(p.name)""#
            },
            kubelet("I", "reconciler_common.go:231") { r in
                let p = r.kubePod(), uid = r.uuid(), v = r.podVolume(uid)
                return #""operationExecutor.MountVolume started for volume \"\#(v.name)\" (UniqueName: \"\#(v.unique)\") pod \"\#(p.name)\" (UID: \"\#(uid)\") " pod="\#(p.namespace)/\#(p.name)""#
            },
            kubelet("I", "operation_generator.go:721") { r in
                let p = r.kubePod(), uid = r.uuid(), v = r.podVolume(uid)
                return #""MountVolume.SetUp succeeded for volume \"\#(v.name)\" (UniqueName: \"\#(v.unique)\") pod \"\#(p.name)\" (UID: \"\#(uid)\") " pod="\#(p.namespace)/\#(p.name)""#
            },
            kubelet("I", "reconciler_common.go:172") { r in
                let uid = r.uuid(), v = r.podVolume(uid)
                return #""operationExecutor.UnmountVolume started for volume \"\#(v.name)\" (UniqueName: \"\#(v.unique)\") pod \"\#(uid)\" (UID: \"\#(uid)\") ""#
            },
            kubelet("I", "operation_generator.go:888") { r in
                let uid = r.uuid(), v = r.podVolume(uid)
                return #"UnmountVolume.TearDown succeeded for volume "\#(v.unique)" (OuterVolumeSpecName: "\#(v.name)") pod "\#(uid)" (UID: "\#(uid)"). InnerVolumeSpecName "\#(v.name)". PluginName "\#(v.plugin)", VolumeGidValue """#
            },
            kubelet("I", "reconciler_common.go:300") { r in
                let uid = r.uuid(), v = r.podVolume(uid)
                return #""Volume detached for volume \"\#(v.name)\" (UniqueName: \"\#(v.unique)\") on node \"\#(r.pick(nodes))\" DevicePath \"\"""#
            },
            kubelet("I", "kuberuntime_container.go:770") { r in
                let p = r.kubePod()
                return #""Killing container with a grace period" pod="\#(p.namespace)/\#(p.name)" podUID="\#(r.uuid())" containerName="\#(p.container)" containerID="containerd://\#(r.hex(64))" gracePeriod=\#(r.pick(["30", "30", "30", "60", "10"]))"#
            },
            kubelet("I", "generic.go:334") { r in
                #""Generic (PLEG): container finished" podID="\#(r.uuid())" containerID="\#(r.hex(64))" exitCode=\#(r.pick(["0", "0", "1", "2", "137", "143"]))"#
            },
            kubelet("E", "pod_workers.go:1300") { r in
                let p = r.chatbotPod(), uid = r.uuid(), image = "ghcr.io/acme/chatbot-\(p.container):\(r.imageTag())"
                let err = switch r.int(3) {
                case 0: #"failed to \"StartContainer\" for \"\#(p.container)\" with CrashLoopBackOff: \"back-off \#(r.pick(["10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s"])) restarting failed container=\#(p.container) pod=\#(p.name)_\#(p.namespace)(\#(uid))\""#
                case 1: #"failed to \"StartContainer\" for \"\#(p.container)\" with ImagePullBackOff: \"Back-off pulling image \\\"\#(image)\\\"\""#
                default: #"failed to \"StartContainer\" for \"\#(p.container)\" with CreateContainerConfigError: \"secret \\\"\#(p.container)-\#(r.pick(["env", "secrets", "openai-key"]))\\\" not found\""#
                }
                return #""Error syncing pod, skipping" err="\#(err)" pod="\#(p.namespace)/\#(p.name)" podUID="\#(uid)""#
            },
            kubelet("E", "remote_image.go:180") { r in
                let repository = "chatbot-\(r.pick(["backend", "frontend", "agents", "worker"]))", tag = r.imageTag()
                let image = "ghcr.io/acme/\(repository):\(tag)"
                let err = r.int(2) == 0
                    ? #"rpc error: code = NotFound desc = failed to pull and unpack image \"\#(image)\": failed to resolve reference \"\#(image)\": \#(image): not found"#
                    : #"rpc error: code = Unknown desc = failed to pull and unpack image \"\#(image)\": failed to resolve reference \"\#(image)\": unexpected status from HEAD request to https://ghcr.io/v2/acme/\#(repository)/manifests/\#(tag): 403 Forbidden"#
                return #""PullImage from image service failed" err="\#(err)" image="\#(image)""#
            },
            kubelet("E", "remote_runtime.go:432") { r in
                let id = r.hex(64)
                return #""ContainerStatus from runtime service failed" err="rpc error: code = NotFound desc = an error occurred when try to find container \"\#(id)\": not found" containerID="\#(id)""#
            },
            kubelet("I", "pod_startup_latency_tracker.go:102") { r in
                // The pod's creation, then (when its image was pulled) the pull's start and end,
                // then running and watched running, in nanoseconds after the creation; each stamp
                // is a Go time's String with the monotonic reading since the kubelet started.
                let p = r.kubePod(), created = 36_000 + r.int(7_200), boot = 1_000 + r.int(90_000), pulled = r.int(3) != 0
                let pullStart = 50_000_000 + r.int(900_000_000), pullEnd = pullStart + 200_000_000 + r.int(r.int(4) == 0 ? 90_000_000_000 : 3_000_000_000)
                let running = (pulled ? pullEnd : 0) + 300_000_000 + r.int(2_000_000_000), watched = running + r.int(60_000_000)
                let clock: @Sendable (Int) -> String = { seconds in
                    "\(Random.twoDigits(seconds / 3600 % 24)):\(Random.twoDigits(seconds / 60 % 60)):\(Random.twoDigits(seconds % 60))"
                }
                let nine: @Sendable (Int) -> String = { n in let digits = String(n); return String(repeating: "0", count: 9 - digits.count) + digits }
                let stamp: @Sendable (Int) -> String = { nanos in
                    let at = 1_000_000_000 * created + nanos, since = 1_000_000_000 * boot + nanos
                    return "2024-12-02 \(clock(at / 1_000_000_000)).\(nine(at % 1_000_000_000)) +0000 UTC m=+\(since / 1_000_000_000).\(nine(since % 1_000_000_000))"
                }
                let never = "0001-01-01 00:00:00 +0000 UTC"
                let slo = Double(watched - (pulled ? pullEnd - pullStart : 0)) / 1e9
                return #""Observed pod startup duration" pod="\#(p.namespace)/\#(p.name)" podStartSLOduration=\#(slo) podStartE2EDuration="\#(Corpus.Random.goDuration(watched))" podCreationTimestamp="2024-12-02 \#(clock(created)) +0000 UTC" firstStartedPulling="\#(pulled ? stamp(pullStart) : never)" lastFinishedPulling="\#(pulled ? stamp(pullEnd) : never)" observedRunningTime="\#(stamp(running))" watchObservedRunningTime="\#(stamp(watched))""#
            },
            kubelet("I", "eviction_manager.go:366") { r in #""Eviction manager: attempting to reclaim" resourceName="\#(r.pick(["memory", "memory", "ephemeral-storage", "pids"]))""# },
            kubelet("I", "eviction_manager.go:616") { r in let p = r.kubePod(); return #""Eviction manager: pod is evicted successfully" pod="\#(p.namespace)/\#(p.name)""# },
            kubelet("E", "kubelet_node_status.go:540") { r in
                let node = r.pick(nodes), api = "https://chatbot-aks-dns-8f3k2l1q.hcp.westeurope.azmk8s.io:443"
                let cause = r.pick([
                    "net/http: request canceled (Client.Timeout exceeded while awaiting headers)", "context deadline exceeded",
                    "dial tcp 20.76.181.34:443: connect: connection refused", "http2: client connection lost",
                ])
                return #""Error updating node status, will retry" err="error getting node \"\#(node)\": Get \"\#(api)/api/v1/nodes/\#(node)\#(r.int(2) == 0 ? "?resourceVersion=0&timeout=10s" : "?timeout=10s")\": \#(cause)""#
            },
            kubelet("E", "kubelet.go:2880") { _ in
                #""Container runtime network not ready" networkReady="NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized""#
            },
            kubelet("E", "manager.go:1116") { r in
                let uid = String(r.uuid().map { $0 == "-" ? "_" : $0 }), id = r.hex(64)
                let slice = switch r.int(3) {
                case 0: "kubepods-pod\(uid).slice"
                case 1: "kubepods-burstable.slice/kubepods-burstable-pod\(uid).slice"
                default: "kubepods-besteffort.slice/kubepods-besteffort-pod\(uid).slice"
                }
                return "Failed to create existing container: /kubepods.slice/\(slice)/cri-containerd-\(id).scope: task \(id) not found: not found"
            },
        ]))

        // Argo CD's application controller with `--logformat json`: logrus's JSONFormatter writes
        // the entry's fields, `level`, `msg` and `time` (RFC 3339, seconds) as one JSON object,
        // keys sorted as encoding/json sorts a map, `<`, `>` and `&` escaped (`OutOfSync -\u003e
        // Synced`), a time.Duration as nanoseconds. Wording and fields from argoproj/argo-cd:
        // controller/appcontroller.go (getAppLog's application, app-namespace,
        // app-qualified-name and project; Refreshing app status, Reconciliation completed with
        // its dest-* fields and the timings of each step, Skipping auto-sync, Initiated automated
        // sync, Update successful, No status changes, updated ... operation, Resuming in-progress
        // operation, Skipping retrying in-progress operation), controller/state.go (Comparing app
        // state), controller/sync.go (sync/terminate complete with application and syncId),
        // util/argo/audit_logger.go (the events logged with type, reason, dest-server and
        // dest-namespace: Updated sync status, Updated health status, Initiated automated sync,
        // Sync operation to ... succeeded), and gitops-engine's pkg/sync/sync_context.go (Adding
        // resource result, Updating operation state), pkg/utils/kube/resource_ops.go (Applying
        // resource) and pkg/cache/cluster.go (Start syncing cluster, Cluster successfully synced,
        // with the server field Argo CD's cache gives the logger). `Reconciliation completed`
        // prints every step's timing after a comparison, only patch, setop and time after a
        // tree-only refresh (comparison level 0): two shapes, two events, as are the two
        // `Initiated automated sync` lines (the controller's and the audit log's).
        func argocd(_ message: @escaping @Sendable (inout Random) -> (level: String, msg: String, fields: [(String, String)])) -> Template {
            { r, ts in
                let entry = message(&r)
                let fields = entry.fields + [("level", goJSON(entry.level)), ("msg", goJSON(entry.msg)), ("time", goJSON("\(ts.prefix(19))Z"))]
                return "{" + fields.sorted { $0.0 < $1.0 }.map { "\(goJSON($0.0)):\($0.1)" }.joined(separator: ",") + "}"
            }
        }
        let server = "https://kubernetes.default.svc"
        let apps: [(name: String, namespace: String, project: String)] = [
            ("backend", "chatbot-dev", "chatbot"), ("frontend", "chatbot-dev", "chatbot"), ("agents", "chatbot-dev", "chatbot"),
            ("postgres", "chatbot-dev", "chatbot"), ("redis", "chatbot-dev", "chatbot"), ("backend-prod", "chatbot-prod", "chatbot"),
            ("frontend-prod", "chatbot-prod", "chatbot"), ("kube-prometheus-stack", "monitoring", "platform"), ("ingress-nginx", "ingress-nginx", "platform"),
        ]
        let app: @Sendable (inout Random) -> (name: String, namespace: String, fields: [(String, String)]) = { r in
            let a = apps[r.int(apps.count)]
            return (a.name, a.namespace, [("application", goJSON(a.name)), ("app-namespace", goJSON("argocd")), ("app-qualified-name", goJSON("argocd/\(a.name)")), ("project", goJSON(a.project))])
        }
        let destination: @Sendable (String) -> [(String, String)] = { namespace in
            [("dest-name", goJSON("")), ("dest-namespace", goJSON(namespace)), ("dest-server", goJSON(server))]
        }
        let audit: @Sendable (String, String, String, String) -> [(String, String)] = { name, namespace, type, reason in
            [("application", goJSON(name)), ("dest-namespace", goJSON(namespace)), ("dest-server", goJSON(server)), ("type", goJSON(type)), ("reason", goJSON(reason))]
        }
        let syncId: @Sendable (inout Random) -> String = { r in
            let prefix = String(1 + r.int(400))
            return String(repeating: "0", count: 5 - prefix.count) + prefix + "-" + String((0..<5).map { _ in Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")[r.int(52)] })
        }
        let healths = ["Healthy", "Progressing", "Degraded", "Missing"]
        let kinds: [(kind: String, resource: String)] = [("Deployment", "deployment.apps"), ("Service", "service"), ("ConfigMap", "configmap"), ("Ingress", "ingress.networking.k8s.io"), ("ServiceMonitor", "servicemonitor.monitoring.coreos.com")]
        styles.append(Style(name: "argocd", templates: [
            argocd { r in
                let a = app(&r)
                let reason = switch r.int(5) {
                case 0: ("normal refresh requested", 3)
                case 1: ("spec.source differs", 3)
                case 2: ("comparison expired, requesting refresh. reconciledAt: 2024-12-02 \(r.clock()) +0000 UTC, expiry: 3m0s", 2)
                default: ("controller refresh requested", r.int(3))
                }
                return ("info", "Refreshing app status (\(reason.0)), level (\(reason.1))", a.fields)
            },
            argocd { r in
                let a = app(&r)
                return ("info", "Comparing app state (cluster: \(server), namespace: \(a.namespace))", a.fields)
            },
            argocd { r in
                let a = app(&r)
                let steps = [
                    "app_status_update_ms", "auto_sync_ms", "compare_app_state_ms", "comparison_with_nothing_ms", "dedup_ms", "diff_ms", "git_ms", "health_ms",
                    "live_ms", "normalize_application_ms", "persist_app_status_ms", "process_finalizers_ms", "refresh_app_conditions_ms", "set_app_managed_resources_ms", "settings_ms",
                ]
                var total = 0
                var timings: [(String, String)] = steps.map { step in
                    let ms = step == "git_ms" || step == "compare_app_state_ms" ? r.int(4) == 0 ? 100 + r.int(2000) : r.int(40) : r.int(5) == 0 ? r.int(30) : 0
                    total += ms
                    return (step, String(ms))
                }
                let patch = r.int(3) == 0 ? 5 + r.int(60) : 0
                timings += [("comparison-level", String(1 + r.int(3))), ("patch_ms", String(patch)), ("setop_ms", "0"), ("time_ms", String(total + patch + r.int(20)))]
                return ("info", "Reconciliation completed", a.fields + destination(a.namespace) + timings)
            },
            argocd { r in
                let a = app(&r), patch = r.int(3) == 0 ? 5 + r.int(60) : 0
                return ("info", "Reconciliation completed", a.fields + destination(a.namespace) + [("comparison-level", "0"), ("patch_ms", String(patch)), ("setop_ms", "0"), ("time_ms", String(patch + r.int(40)))])
            },
            argocd { r in ("info", "Skipping auto-sync: application status is \(r.pick(["Synced", "Synced", "Synced", "Unknown"]))", app(&r).fields) },
            argocd { r in
                let a = app(&r)
                return ("info", "Skipping auto-sync: most recent sync already to \(r.hex(40))", a.fields)
            },
            argocd { r in
                let a = app(&r)
                return ("info", "Initiated automated sync to '\(r.hex(40))'", a.fields)
            },
            argocd { r in
                let a = app(&r)
                return ("info", "Initiated automated sync to '\(r.hex(40))'", audit(a.name, a.namespace, "Normal", "OperationStarted"))
            },
            argocd { r in
                let a = app(&r), change = r.pick(["OutOfSync -> Synced", "Synced -> OutOfSync", "Unknown -> Synced", "OutOfSync -> Unknown"])
                return ("info", "Updated sync status: \(change)", audit(a.name, a.namespace, "Normal", "ResourceUpdated"))
            },
            argocd { r in
                let a = app(&r), from = r.int(healths.count), to = (from + 1 + r.int(healths.count - 1)) % healths.count
                return ("info", "Updated health status: \(healths[from]) -> \(healths[to])", audit(a.name, a.namespace, "Normal", "ResourceUpdated"))
            },
            argocd { r in ("info", "Update successful", app(&r).fields) },
            argocd { r in ("info", "No status changes. Skipping patch", app(&r).fields) },
            argocd { r in
                let a = app(&r)
                return ("info", "updated 'argocd/\(a.name)' operation (phase: \(r.pick(["Running", "Running", "Succeeded", "Failed"])))", a.fields)
            },
            argocd { r in
                let a = app(&r)
                return ("info", "Sync operation to \(r.hex(40)) succeeded", audit(a.name, a.namespace, "Normal", "OperationCompleted"))
            },
            argocd { r in
                let a = app(&r), nanos = r.int(3) == 0 ? 2_000_000_000 + r.int(60_000_000_000) : 20_000_000 + r.int(1_500_000_000)
                return ("info", "sync/terminate complete", [("application", goJSON("argocd/\(a.name)")), ("syncId", goJSON(syncId(&r))), ("duration", String(nanos))])
            },
            argocd { r in
                let a = app(&r), k = kinds[r.int(kinds.count)]
                return ("info", "Applying resource \(k.kind)/\(a.name)\(r.pick(["", "", "-config", "-headless"])) in cluster: https://10.0.0.1:443, namespace: \(a.namespace)",
                        [("dry-run", goJSON("none")), ("manager", goJSON("argocd-controller")), ("serverSideApply", r.pick(["false", "false", "true"]))])
            },
            argocd { r in
                let a = app(&r), k = kinds[r.int(kinds.count)], name = a.name + r.pick(["", "", "-config", "-headless"])
                return ("info", "Adding resource result, status: 'Synced', phase: 'Running', message: '\(k.resource)/\(name) \(r.pick(["configured", "configured", "unchanged", "created", "serverside-applied"]))'",
                        [("application", goJSON("argocd/\(a.name)")), ("syncId", goJSON(syncId(&r))), ("kind", goJSON(k.kind)), ("name", goJSON(name)), ("namespace", goJSON(a.namespace)), ("phase", goJSON("Sync"))])
            },
            argocd { r in
                let a = app(&r)
                let change = r.int(2) == 0
                    ? "phase: Running -> Running, message: '' -> 'one or more tasks are running'"
                    : "phase: Running -> Succeeded, message: 'one or more tasks are running' -> 'successfully synced (all tasks run)'"
                return ("info", "Updating operation state. \(change)", [("application", goJSON("argocd/\(a.name)")), ("syncId", goJSON(syncId(&r)))])
            },
            argocd { r in ("info", "Start syncing cluster", [("server", goJSON(r.int(4) == 0 ? "https://10.20.\(r.int(4)).\(4 + r.int(3)):6443" : server))]) },
            argocd { r in ("info", "Cluster successfully synced", [("server", goJSON(r.int(4) == 0 ? "https://10.20.\(r.int(4)).\(4 + r.int(3)):6443" : server))]) },
            argocd { r in
                let a = app(&r)
                return ("warning", "Ignoring temporary failed attempt to compare app state against repo: failed to get repo objects",
                        a.fields + destination(a.namespace) + [("comparison-level", String(1 + r.int(3)))])
            },
            argocd { r in
                let a = app(&r)
                return ("warning", "Skipping auto-sync: failed previous sync attempt to \(r.hex(40))", a.fields)
            },
            argocd { r in
                let a = app(&r)
                return ("info", "Resuming in-progress operation. phase: Running, message: \(r.pick(["one or more tasks are running", "", "waiting for completion of hook batch/Job/\(a.name)-migrate"]))", a.fields)
            },
            argocd { r in
                let a = app(&r)
                return ("info", "Skipping retrying in-progress operation. Attempting again at: 2024-12-02T\(r.clock())Z", a.fields)
            },
        ]))

        // Prometheus 2.45.0: go-kit's logfmt with the `ts` (milliseconds, UTC) and `caller`
        // promlog adds, then the level and each component's context (`component=tsdb`,
        // `component="scrape manager" scrape_pool=... target=...`), then the call's own pairs; a
        // value with a space, `=` or `"` is quoted with `\"` and `\n` escapes. The remote-write
        // queue logs through a deduper, so its caller is dedupe.go:112 and its level follows the
        // component. Wording and keys from prometheus/prometheus v2.45.0: cmd/prometheus/main.go
        // (Starting Prometheus Server, build_context, host_details, fd_limits, vm_limits, TSDB
        // started, Loading configuration file, Completed loading of configuration file, Server is
        // ready to receive web requests.), web/web.go (Start listening for connections),
        // tsdb/head.go and head_wal.go (WAL segment loaded, WAL replay completed, Head GC completed
        // with its own `caller=truncateMemory`, WAL checkpoint complete), tsdb/wlog/checkpoint.go
        // (Creating checkpoint), tsdb/compact.go (write block, compact blocks), tsdb/db.go
        // (Deleting obsolete block), scrape/scrape.go (Append failed, Error on ingesting samples
        // that are too old or are too far into the future), rules/manager.go (Evaluating rule
        // failed, the rule printed as its YAML), notifier/notifier.go (Error sending alert),
        // storage/remote/queue_manager.go (Failed to send batch, retrying) and the Kubernetes
        // discovery's client-go logged through util/klog (func=Warningf / func=ErrorDepth).
        // Callers as real 2.4x lines print them; scrape.go's, manager.go's and compact blocks'
        // line numbers are near theirs.
        func prometheus(_ caller: String, _ level: String, _ body: @escaping @Sendable (inout Random) -> String) -> Template {
            { r, ts in "ts=\(ts.prefix(19)).\(r.digits(3))Z caller=\(caller) level=\(level) \(body(&r))" }
        }
        let promConfig = "/etc/prometheus/config_out/prometheus.env.yaml"
        let blockStart: @Sendable (inout Random) -> Int = { r in 1_733_097_600_000 + 7_200_000 * r.int(12) }
        let scrapeTarget: @Sendable (inout Random) -> String = { r in
            switch r.int(5) {
            case 0: "scrape_pool=serviceMonitor/monitoring/node-exporter/0 target=https://10.224.0.\(4 + r.int(3)):9100/metrics"
            case 1: "scrape_pool=serviceMonitor/monitoring/kubelet/1 target=https://10.224.0.\(4 + r.int(3)):10250/metrics/cadvisor"
            case 2: "scrape_pool=serviceMonitor/monitoring/kube-state-metrics/0 target=https://\(r.podIP()):8443/metrics"
            case 3: "scrape_pool=podMonitor/chatbot-dev/backend/0 target=http://\(r.podIP()):8000/metrics"
            default: #"scrape_pool=probe/monitoring/chatbot-http target="http://blackbox-exporter.monitoring.svc:19115/probe?module=http_2xx&target=https%3A%2F%2Fchat.example.com%2F\#(r.pick(["healthz", "api%2Fhealth"]))""#
            }
        }
        let rules: [(group: String, name: String, index: Int, yaml: String)] = [
            ("k8s.rules.container_resource", "namespace_cpu:kube_pod_container_resource_requests:sum", 3,
             #"record: namespace_cpu:kube_pod_container_resource_requests:sum\nexpr: sum by (namespace) (kube_pod_container_resource_requests{resource=\"cpu\"})\n"#),
            ("kubernetes-apps", "KubePodCrashLooping", 0,
             #"alert: KubePodCrashLooping\nexpr: increase(kube_pod_container_status_restarts_total[10m]) > 3\nfor: 15m\nlabels:\n  severity: warning\nannotations:\n  summary: Pod is crash looping.\n"#),
            ("kubernetes-system-kubelet", "KubeletDown", 7,
             #"alert: KubeletDown\nexpr: absent(up{job=\"kubelet\",metrics_path=\"/metrics\"} == 1)\nfor: 15m\nlabels:\n  severity: critical\nannotations:\n  summary: Target disappeared from Prometheus target discovery.\n"#),
        ]
        let resources: [(type: String, plural: String, group: String)] = [("Pod", "pods", ""), ("Service", "services", ""), ("Endpoints", "endpoints", ""), ("EndpointSlice", "endpointslices", "discovery.k8s.io")]
        let forbidden: @Sendable (inout Random) -> (type: String, reason: String) = { r in
            let res = resources[r.int(resources.count)]
            let plural = res.group.isEmpty ? res.plural : "\(res.plural).\(res.group)"
            return ("*v1.\(res.type)", #"\#(plural) is forbidden: User \"system:serviceaccount:monitoring:prometheus-k8s\" cannot list resource \"\#(res.plural)\" in API group \"\#(res.group)\" in the namespace \"\#(r.pick(["chatbot-dev", "chatbot-prod", "ingress-nginx"]))\""#)
        }
        styles.append(Style(name: "prometheus", templates: [
            prometheus("main.go:578", "info") { _ in #"msg="Starting Prometheus Server" mode=server version="(version=2.45.0, branch=HEAD, revision=8ef767e396bf8445f009f945b0162fd71827f445)""# },
            prometheus("main.go:583", "info") { _ in #"build_context="(go=go1.20.5, platform=linux/amd64, user=root@920118f645b7, date=20230623-15:09:49, tags=netgo,builtinassets,stringlabels)""# },
            prometheus("main.go:584", "info") { r in #"host_details="(Linux 5.15.0-1074-azure #83-Ubuntu SMP Wed Oct 2 18:14:49 UTC 2024 x86_64 prometheus-k8s-\#(r.int(2)) (none))""# },
            prometheus("main.go:585", "info") { r in #"fd_limits="(soft=\#(r.pick(["1048576", "1048576", "65536"])), hard=\#(r.pick(["1048576", "1048576", "524288"])))""# },
            prometheus("main.go:586", "info") { _ in #"vm_limits="(soft=unlimited, hard=unlimited)""# },
            prometheus("web.go:562", "info") { _ in #"component=web msg="Start listening for connections" address=0.0.0.0:9090"# },
            prometheus("head.go:755", "info") { r in
                let last = 20 + r.int(200)
                return #"component=tsdb msg="WAL segment loaded" segment=\#(last - r.int(4)) maxSegment=\#(last)"#
            },
            prometheus("head.go:792", "info") { r in
                let checkpoint = r.nanos(10_000, 3_000_000_000), wal = r.nanos(100_000, 40_000_000_000), wbl = r.nanos(100, 2_000)
                return #"component=tsdb msg="WAL replay completed" checkpoint_replay_duration=\#(Random.goDuration(checkpoint)) wal_replay_duration=\#(Random.goDuration(wal)) wbl_replay_duration=\#(Random.goDuration(wbl)) total_replay_duration=\#(Random.goDuration(checkpoint + wal + wbl + r.nanos(1_000, 900_000)))"#
            },
            prometheus("main.go:1043", "info") { _ in #"msg="TSDB started""# },
            prometheus("main.go:1224", "info") { _ in #"msg="Loading configuration file" filename=\#(promConfig)"# },
            prometheus("main.go:1261", "info") { r in
                // Each step's time in the range the real lines print it, the total their sum.
                let steps: [(String, Int)] = [
                    ("db_storage", r.nanos(500, 5_000)), ("remote_storage", r.nanos(1_000, 10_000)), ("web_handler", r.nanos(200, 2_000)),
                    ("query_engine", r.nanos(500, 5_000)), ("scrape", r.nanos(100_000, 80_000_000)), ("scrape_sd", r.nanos(10_000, 2_000_000)),
                    ("notify", r.nanos(10_000, 300_000)), ("notify_sd", r.nanos(5_000, 400_000)), ("rules", r.nanos(2_000, 80_000_000)), ("tracing", r.nanos(3_000, 30_000)),
                ]
                let total = steps.map(\.1).reduce(0, +) + r.nanos(10_000, 900_000)
                return #"msg="Completed loading of configuration file" filename=\#(promConfig) totalDuration=\#(Random.goDuration(total)) "# +
                    steps.map { "\($0.0)=\(Random.goDuration($0.1))" }.joined(separator: " ")
            },
            prometheus("main.go:1004", "info") { _ in #"msg="Server is ready to receive web requests.""# },
            prometheus("compact.go:519", "info") { r in
                let mint = blockStart(&r)
                return #"component=tsdb msg="write block" mint=\#(mint + r.int(3) * r.int(2000)) maxt=\#(mint + 7_200_000) ulid=\#(r.ulid()) duration=\#(r.goDuration(80_000_000, 4_000_000_000))"#
            },
            prometheus("head.go:1286", "info") { r in #"component=tsdb msg="Head GC completed" caller=truncateMemory duration=\#(r.goDuration(1_000_000, 200_000_000))"# },
            prometheus("checkpoint.go:100", "info") { r in
                let segment = 20 + r.int(400)
                return #"component=tsdb msg="Creating checkpoint" from_segment=\#(segment) to_segment=\#(segment + 1 + r.int(2)) mint=\#(blockStart(&r) + 7_200_000)"#
            },
            prometheus("head.go:1254", "info") { r in
                let segment = 20 + r.int(400)
                return #"component=tsdb msg="WAL checkpoint complete" first=\#(segment) last=\#(segment + 1 + r.int(2)) duration=\#(r.goDuration(5_000_000, 2_000_000_000))"#
            },
            prometheus("compact.go:461", "info") { r in
                let count = 2 + r.int(2), mint = 1_733_097_600_000 + 21_600_000 * r.int(4)
                let sources = (0..<count).map { _ in r.ulid() }.joined(separator: " ")
                return #"component=tsdb msg="compact blocks" count=\#(count) mint=\#(mint) maxt=\#(mint + 7_200_000 * count) ulid=\#(r.ulid()) sources="[\#(sources)]" duration=\#(r.goDuration(100_000_000, 6_000_000_000))"#
            },
            prometheus("db.go:1552", "info") { r in #"component=tsdb msg="Deleting obsolete block" block=\#(r.ulid())"# },
            prometheus("scrape.go:1351", "warn") { r in
                #"component="scrape manager" \#(scrapeTarget(&r)) msg="Append failed" err="\#(r.pick(["out of bounds", "out of order sample", "duplicate sample for timestamp"]))""#
            },
            prometheus("scrape.go:1717", "warn") { r in
                #"component="scrape manager" \#(scrapeTarget(&r)) msg="Error on ingesting samples that are too old or are too far into the future" num_dropped=\#(1 + r.int(r.int(2) == 0 ? 30 : 30000))"#
            },
            prometheus("manager.go:663", "warn") { r in
                let rule = rules[r.int(rules.count)]
                let err = r.pick([
                    "query timed out in expression evaluation", "expanding series: context deadline exceeded",
                    "vector contains metrics with the same labelset after applying rule labels",
                    #"found duplicate series for the match group {namespace=\"chatbot-dev\", pod=\"\#(r.chatbotPod().name)\"} on the right hand-side of the operation: [{__name__=\"kube_pod_owner\", namespace=\"chatbot-dev\"}, {__name__=\"kube_pod_owner\", namespace=\"chatbot-dev\"}];many-to-many matching not allowed: matching labels must be unique on one side"#,
                ])
                return #"component="rule manager" file=/etc/prometheus/rules/prometheus-k8s-rulefiles-0/monitoring-kube-prometheus-rules-\#(r.uuid()).yaml group=\#(rule.group) name=\#(rule.name) index=\#(rule.index) msg="Evaluating rule failed" rule="\#(rule.yaml)" err="\#(err)""#
            },
            prometheus("notifier.go:530", "error") { r in
                let url = "http://10.244.\(r.int(3)).\(2 + r.int(250)):9093/api/v2/alerts"
                let cause = r.pick(["context deadline exceeded", "dial tcp \(url.dropFirst(7).prefix { $0 != "/" }): connect: connection refused", "dial tcp \(url.dropFirst(7).prefix { $0 != "/" }): connect: no route to host"])
                return #"component=notifier alertmanager=\#(url) count=\#(1 + r.int(r.int(3) == 0 ? 40 : 3)) msg="Error sending alert" err="Post \"\#(url)\": \#(cause)""#
            },
            { r, ts in
                let url = "https://prometheus-prod-24-prod-eu-west-2.grafana.net/api/prom/push"
                let err = r.pick([
                    #"Post \"\#(url)\": context deadline exceeded"#,
                    "server returned HTTP status 503 Service Unavailable: upstream connect error or disconnect/reset before headers. reset reason: connection termination",
                    "server returned HTTP status 500 Internal Server Error: rpc error: code = Unavailable desc = error reading from server: EOF",
                ])
                return #"ts=\#(ts.prefix(19)).\#(r.digits(3))Z caller=dedupe.go:112 component=remote level=warn remote_name=\#(r.pick(["3f2a1b", "9c04e7"])) url=\#(url) msg="Failed to send batch, retrying" err="\#(err)""#
            },
            prometheus("klog.go:108", "warn") { r in
                let f = forbidden(&r)
                return #"component=k8s_client_runtime func=Warningf msg="pkg/mod/k8s.io/client-go@v0.27.2/tools/cache/reflector.go:231: failed to list \#(f.type): \#(f.reason)""#
            },
            prometheus("klog.go:116", "error") { r in
                let f = forbidden(&r)
                return #"component=k8s_client_runtime func=ErrorDepth msg="pkg/mod/k8s.io/client-go@v0.27.2/tools/cache/reflector.go:231: Failed to watch \#(f.type): failed to list \#(f.type): \#(f.reason)""#
            },
        ]))
        return styles
    }()
}

/// A string as encoding/json writes it with HTML escaping on (logrus's JSONFormatter).
private func goJSON(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
        switch c {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "<": out += "\\u003c"
        case ">": out += "\\u003e"
        case "&": out += "\\u0026"
        default: out.unicodeScalars.append(c)
        }
    }
    return out + "\""
}

private extension Corpus.Random {
    /// `n` characters of the alphabet Kubernetes draws generated names from.
    mutating func k8sName(_ n: Int) -> String { String((0..<n).map { _ in Array("bcdfghjklmnpqrstvwxz2456789")[int(27)] }) }

    /// A pod of the chatbot's cluster (Deployment, StatefulSet or DaemonSet), with its container.
    mutating func kubePod() -> (namespace: String, name: String, container: String) {
        switch int(10) {
        case 0..<6: return chatbotPod()
        case 6, 7:
            let pods = [("chatbot-dev", "postgres-0", "postgres"), ("chatbot-dev", "redis-master-0", "redis"), ("monitoring", "prometheus-k8s-0", "prometheus"), ("monitoring", "prometheus-k8s-1", "prometheus")]
            return pods[int(pods.count)]
        default:
            let sets = [("kube-system", "kube-proxy"), ("monitoring", "node-exporter"), ("calico-system", "calico-node"), ("kube-system", "coredns-5d78c9869d")]
            let set = sets[int(sets.count)]
            return (set.0, "\(set.1)-\(k8sName(5))", set.1.hasPrefix("coredns") ? "coredns" : set.1)
        }
    }

    /// A pod of one of the chatbot's Deployments: `app-<replica set hash>-<5 characters>`.
    mutating func chatbotPod() -> (namespace: String, name: String, container: String) {
        let deployments = [
            ("chatbot-dev", "backend", "7d9f8c6b5"), ("chatbot-dev", "backend", "7d9f8c6b5"), ("chatbot-prod", "backend", "6f8b9c7d4"),
            ("chatbot-dev", "frontend", "5c8d7f9b4"), ("chatbot-dev", "agents", "6b4f9d7c8"), ("chatbot-dev", "worker", "84c7d5b9f6"),
        ]
        let d = deployments[int(deployments.count)]
        return (d.0, "\(d.1)-\(d.2)-\(k8sName(5))", d.1)
    }

    /// A pod's address in the cluster's pod CIDR.
    mutating func podIP() -> String { "10.244.\(int(3)).\(2 + int(250))" }

    /// An image tag as the chatbot's CI pushes them.
    mutating func imageTag() -> String { "1.\(int(6)).\(int(20))" }

    /// A pod volume: its name, the unique name the volume manager prints and its plugin.
    mutating func podVolume(_ uid: String) -> (name: String, unique: String, plugin: String) {
        let (name, plugin) = switch int(6) {
        case 0, 1, 2: ("kube-api-access-\(k8sName(5))", "kubernetes.io/projected")
        case 3: (pick(["config", "nginx-conf", "app-config"]), "kubernetes.io/configmap")
        case 4: (pick(["tls-certs", "openai-key", "db-credentials"]), "kubernetes.io/secret")
        default: (pick(["tmp", "cache"]), "kubernetes.io/empty-dir")
        }
        return (name, "\(plugin)/\(uid)-\(name)", plugin)
    }

    /// A ULID as Prometheus names its blocks (the first characters: December 2024).
    mutating func ulid() -> String { "01JE" + String((0..<22).map { _ in Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")[int(32)] }) }

    /// Nanoseconds from `low` to `high`, spread over their orders of magnitude (as many in
    /// microseconds as in milliseconds when the range spans both).
    mutating func nanos(_ low: Int, _ high: Int) -> Int {
        let fewest = String(low).count, most = String(high).count
        let digits = fewest + int(most - fewest + 1)
        var power = 1
        for _ in 1..<digits { power *= 10 }
        let from = max(low, power), to = min(high, power * 10 - 1)
        return from + int(to - from + 1)
    }

    /// A duration from `low` to `high` nanoseconds as Go's time.Duration prints it.
    mutating func goDuration(_ low: Int, _ high: Int) -> String { Self.goDuration(nanos(low, high)) }

    /// `nanos` as Go's time.Duration prints it: `175ns`, `440.59µs`, `16.760054ms`,
    /// `1.253260987s`, `1m8.8s`.
    static func goDuration(_ nanos: Int) -> String {
        func fraction(_ value: Int, _ unit: Int, _ digits: Int) -> String {
            let whole = value / unit, part = value % unit
            guard part > 0 else { return "\(whole)" }
            var decimals = String(part)
            decimals = String(repeating: "0", count: digits - decimals.count) + decimals
            while decimals.hasSuffix("0") { decimals.removeLast() }
            return "\(whole).\(decimals)"
        }
        switch nanos {
        case ..<1_000: return "\(nanos)ns"
        case ..<1_000_000: return fraction(nanos, 1_000, 3) + "\u{00B5}s"
        case ..<1_000_000_000: return fraction(nanos, 1_000_000, 6) + "ms"
        case ..<60_000_000_000: return fraction(nanos, 1_000_000_000, 9) + "s"
        default:
            let minutes = nanos / 60_000_000_000
            return "\(minutes)m" + fraction(nanos % 60_000_000_000, 1_000_000_000, 9) + "s"
        }
    }
}
