/// core/v1 objects other than pods: namespaces, nodes, configuration, services, accounts,
/// quotas, events (k8s.io/api core/v1 generated.proto).
extension ProtobufSchema {
    static let coreMessages: [ProtoMessage] = [
        ProtoMessage(core + "Namespace", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", core + "NamespaceSpec"),
            .message(3, "status", core + "NamespaceStatus"),
        ]),
        ProtoMessage(core + "NamespaceSpec", [.strings(1, "finalizers")]),
        ProtoMessage(core + "NamespaceStatus", [.string(1, "phase"), .messages(2, "conditions", core + "NamespaceCondition")]),
        ProtoMessage(core + "NamespaceCondition", [
            .string(1, "type"), .string(2, "status"), .message(4, "lastTransitionTime", time), .string(5, "reason"), .string(6, "message"),
        ]),
        ProtoMessage(core + "ConfigMap", [
            .message(1, "metadata", meta + "ObjectMeta"), .bool(4, "immutable", pointer: true),
            .stringMap(2, "data"), .bytesMap(3, "binaryData"),
        ]),
        ProtoMessage(core + "Secret", [
            .message(1, "metadata", meta + "ObjectMeta"), .bool(5, "immutable", pointer: true),
            .bytesMap(2, "data"), .stringMap(4, "stringData"), .string(3, "type"),
        ]),
        ProtoMessage(core + "ServiceAccount", [
            .message(1, "metadata", meta + "ObjectMeta"), .messages(2, "secrets", core + "ObjectReference"),
            .messages(3, "imagePullSecrets", core + "LocalObjectReference"), .bool(4, "automountServiceAccountToken", pointer: true),
        ]),
        ProtoMessage(core + "ObjectReference", [
            .string(1, "kind"), .string(2, "namespace"), .string(3, "name"), .string(4, "uid"), .string(5, "apiVersion"),
            .string(6, "resourceVersion"), .string(7, "fieldPath"),
        ]),
        ProtoMessage(core + "LocalObjectReference", [.string(1, "name")]),
        ProtoMessage(core + "Service", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", core + "ServiceSpec"),
            .message(3, "status", core + "ServiceStatus"),
        ]),
        ProtoMessage(core + "ServiceSpec", [
            .messages(1, "ports", core + "ServicePort"), .stringMap(2, "selector"), .string(3, "clusterIP"),
            .strings(18, "clusterIPs"), .string(4, "type"), .strings(5, "externalIPs"), .string(7, "sessionAffinity"),
            .string(8, "loadBalancerIP"), .strings(9, "loadBalancerSourceRanges"), .string(10, "externalName"),
            .string(11, "externalTrafficPolicy"), .int32(12, "healthCheckNodePort"), .bool(13, "publishNotReadyAddresses"),
            .message(14, "sessionAffinityConfig", core + "SessionAffinityConfig"), .strings(19, "ipFamilies"),
            .string(17, "ipFamilyPolicy", pointer: true), .bool(20, "allocateLoadBalancerNodePorts", pointer: true),
            .string(21, "loadBalancerClass", pointer: true), .string(22, "internalTrafficPolicy", pointer: true),
            .string(23, "trafficDistribution", pointer: true),
        ]),
        ProtoMessage(core + "ServicePort", [
            .string(1, "name"), .string(2, "protocol"), .string(6, "appProtocol", pointer: true), .int32(3, "port"),
            .message(4, "targetPort", intOrString), .int32(5, "nodePort"),
        ]),
        ProtoMessage(core + "SessionAffinityConfig", [.message(1, "clientIP", core + "ClientIPConfig")]),
        ProtoMessage(core + "ClientIPConfig", [.int32(1, "timeoutSeconds", pointer: true)]),
        ProtoMessage(core + "ServiceStatus", [
            .message(1, "loadBalancer", core + "LoadBalancerStatus"), .messages(2, "conditions", meta + "Condition"),
        ]),
        ProtoMessage(core + "LoadBalancerStatus", [.messages(1, "ingress", core + "LoadBalancerIngress")]),
        ProtoMessage(core + "LoadBalancerIngress", [
            .string(1, "ip"), .string(2, "hostname"), .string(3, "ipMode", pointer: true), .messages(4, "ports", core + "PortStatus"),
        ]),
        ProtoMessage(core + "PortStatus", [.int32(1, "port"), .string(2, "protocol"), .string(3, "error", pointer: true)]),
        ProtoMessage(core + "ResourceQuota", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", core + "ResourceQuotaSpec"),
            .message(3, "status", core + "ResourceQuotaStatus"),
        ]),
        ProtoMessage(core + "ResourceQuotaSpec", [
            .messageMap(1, "hard", quantity), .strings(2, "scopes"), .message(3, "scopeSelector", core + "ScopeSelector"),
        ]),
        ProtoMessage(core + "ScopeSelector", [.messages(1, "matchExpressions", core + "ScopedResourceSelectorRequirement")]),
        ProtoMessage(core + "ScopedResourceSelectorRequirement", [.string(1, "scopeName"), .string(2, "operator"), .strings(3, "values")]),
        ProtoMessage(core + "ResourceQuotaStatus", [.messageMap(1, "hard", quantity), .messageMap(2, "used", quantity)]),
        ProtoMessage(core + "Event", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "involvedObject", core + "ObjectReference"),
            .string(3, "reason"), .string(4, "message"), .message(5, "source", core + "EventSource"),
            .message(6, "firstTimestamp", time), .message(7, "lastTimestamp", time), .int32(8, "count"), .string(9, "type"),
            .message(10, "eventTime", microTime), .message(11, "series", core + "EventSeries"), .string(12, "action"),
            .message(13, "related", core + "ObjectReference"), .string(14, "reportingComponent"), .string(15, "reportingInstance"),
        ]),
        ProtoMessage(core + "EventSource", [.string(1, "component"), .string(2, "host")]),
        ProtoMessage(core + "EventSeries", [.int32(1, "count"), .message(2, "lastObservedTime", microTime)]),
        ProtoMessage(core + "Node", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", core + "NodeSpec"), .message(3, "status", core + "NodeStatus"),
        ]),
        ProtoMessage(core + "NodeSpec", [
            .string(1, "podCIDR"), .strings(7, "podCIDRs"), .string(3, "providerID"), .bool(4, "unschedulable"),
            .messages(5, "taints", core + "Taint"),
        ]),
        ProtoMessage(core + "Taint", [.string(1, "key"), .string(2, "value"), .string(3, "effect"), .message(4, "timeAdded", time)]),
        ProtoMessage(core + "NodeStatus", [
            .messageMap(1, "capacity", quantity), .messageMap(2, "allocatable", quantity), .string(3, "phase"),
            .messages(4, "conditions", core + "NodeCondition"), .messages(5, "addresses", core + "NodeAddress"),
            .message(7, "nodeInfo", core + "NodeSystemInfo"),
        ]),
        ProtoMessage(core + "NodeCondition", [
            .string(1, "type"), .string(2, "status"), .message(3, "lastHeartbeatTime", time), .message(4, "lastTransitionTime", time),
            .string(5, "reason"), .string(6, "message"),
        ]),
        ProtoMessage(core + "NodeAddress", [.string(1, "type"), .string(2, "address")]),
        ProtoMessage(core + "NodeSystemInfo", [
            .string(1, "machineID"), .string(2, "systemUUID"), .string(3, "bootID"), .string(4, "kernelVersion"), .string(5, "osImage"),
            .string(6, "containerRuntimeVersion"), .string(7, "kubeletVersion"), .string(8, "kubeProxyVersion"),
            .string(9, "operatingSystem"), .string(10, "architecture"),
        ]),
        ProtoMessage(core + "TypedLocalObjectReference", [.string(1, "apiGroup", pointer: true), .string(2, "kind"), .string(3, "name")]),
    ]
}
