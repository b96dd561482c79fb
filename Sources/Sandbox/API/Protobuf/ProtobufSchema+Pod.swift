/// core/v1 pods and everything a pod template holds: containers, environment, resources,
/// probes, security contexts, scheduling (k8s.io/api core/v1 generated.proto).
extension ProtobufSchema {
    static let podMessages: [ProtoMessage] = [
        ProtoMessage(core + "Pod", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", core + "PodSpec"), .message(3, "status", core + "PodStatus"),
        ]),
        ProtoMessage(core + "PodTemplateSpec", [.message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", core + "PodSpec")]),
        ProtoMessage(core + "PodSpec", [
            .messages(1, "volumes", core + "Volume"), .messages(20, "initContainers", core + "Container"),
            .messages(2, "containers", core + "Container"), .string(3, "restartPolicy"),
            .int64(4, "terminationGracePeriodSeconds", pointer: true), .int64(5, "activeDeadlineSeconds", pointer: true),
            .string(6, "dnsPolicy"), .stringMap(7, "nodeSelector"), .string(8, "serviceAccountName"), .string(9, "serviceAccount"),
            .bool(21, "automountServiceAccountToken", pointer: true), .string(10, "nodeName"), .bool(11, "hostNetwork"),
            .bool(12, "hostPID"), .bool(13, "hostIPC"), .bool(27, "shareProcessNamespace", pointer: true),
            .message(14, "securityContext", core + "PodSecurityContext"), .messages(15, "imagePullSecrets", core + "LocalObjectReference"),
            .string(16, "hostname"), .string(17, "subdomain"), .message(18, "affinity", core + "Affinity"), .string(19, "schedulerName"),
            .messages(22, "tolerations", core + "Toleration"), .messages(23, "hostAliases", core + "HostAlias"),
            .string(24, "priorityClassName"), .int32(25, "priority", pointer: true), .message(26, "dnsConfig", core + "PodDNSConfig"),
            .messages(28, "readinessGates", core + "PodReadinessGate"), .string(29, "runtimeClassName", pointer: true),
            .bool(30, "enableServiceLinks", pointer: true), .string(31, "preemptionPolicy", pointer: true),
            .messageMap(32, "overhead", quantity), .messages(33, "topologySpreadConstraints", core + "TopologySpreadConstraint"),
            .bool(35, "setHostnameAsFQDN", pointer: true), .message(36, "os", core + "PodOS"), .bool(37, "hostUsers", pointer: true),
            .messages(38, "schedulingGates", core + "PodSchedulingGate"), .message(40, "resources", core + "ResourceRequirements"),
            .string(41, "hostnameOverride", pointer: true),
        ]),
        ProtoMessage(core + "PodStatus", [
            .string(1, "phase"), .messages(2, "conditions", core + "PodCondition"), .string(3, "message"), .string(4, "reason"),
            .string(11, "nominatedNodeName"), .string(5, "hostIP"), .string(6, "podIP"), .message(7, "startTime", time),
            .string(9, "qosClass"),
        ]),
        ProtoMessage(core + "PodCondition", [
            .string(1, "type"), .string(2, "status"), .message(3, "lastProbeTime", time), .message(4, "lastTransitionTime", time),
            .string(5, "reason"), .string(6, "message"),
        ]),
        ProtoMessage(core + "Container", [
            .string(1, "name"), .string(2, "image"), .strings(3, "command"), .strings(4, "args"), .string(5, "workingDir"),
            .messages(6, "ports", core + "ContainerPort"), .messages(19, "envFrom", core + "EnvFromSource"),
            .messages(7, "env", core + "EnvVar"), .message(8, "resources", core + "ResourceRequirements"),
            .messages(23, "resizePolicy", core + "ContainerResizePolicy"), .string(24, "restartPolicy", pointer: true),
            .messages(9, "volumeMounts", core + "VolumeMount"), .messages(21, "volumeDevices", core + "VolumeDevice"),
            .message(10, "livenessProbe", core + "Probe"), .message(11, "readinessProbe", core + "Probe"),
            .message(22, "startupProbe", core + "Probe"), .message(12, "lifecycle", core + "Lifecycle"),
            .string(13, "terminationMessagePath"), .string(20, "terminationMessagePolicy"), .string(14, "imagePullPolicy"),
            .message(15, "securityContext", core + "SecurityContext"), .bool(16, "stdin"), .bool(17, "stdinOnce"), .bool(18, "tty"),
        ]),
        ProtoMessage(core + "ContainerPort", [
            .string(1, "name"), .int32(2, "hostPort"), .int32(3, "containerPort"), .string(4, "protocol"), .string(5, "hostIP"),
        ]),
        ProtoMessage(core + "ContainerResizePolicy", [.string(1, "resourceName"), .string(2, "restartPolicy")]),
        ProtoMessage(core + "EnvVar", [.string(1, "name"), .string(2, "value"), .message(3, "valueFrom", core + "EnvVarSource")]),
        ProtoMessage(core + "EnvVarSource", [
            .message(1, "fieldRef", core + "ObjectFieldSelector"), .message(2, "resourceFieldRef", core + "ResourceFieldSelector"),
            .message(3, "configMapKeyRef", core + "ConfigMapKeySelector"), .message(4, "secretKeyRef", core + "SecretKeySelector"),
        ]),
        ProtoMessage(core + "EnvFromSource", [
            .string(1, "prefix"), .message(2, "configMapRef", core + "ConfigMapEnvSource"), .message(3, "secretRef", core + "SecretEnvSource"),
        ]),
        ProtoMessage(core + "ConfigMapEnvSource", [.inline(1, core + "LocalObjectReference"), .bool(2, "optional", pointer: true)]),
        ProtoMessage(core + "SecretEnvSource", [.inline(1, core + "LocalObjectReference"), .bool(2, "optional", pointer: true)]),
        ProtoMessage(core + "ConfigMapKeySelector", [
            .inline(1, core + "LocalObjectReference"), .string(2, "key"), .bool(3, "optional", pointer: true),
        ]),
        ProtoMessage(core + "SecretKeySelector", [
            .inline(1, core + "LocalObjectReference"), .string(2, "key"), .bool(3, "optional", pointer: true),
        ]),
        ProtoMessage(core + "ObjectFieldSelector", [.string(1, "apiVersion"), .string(2, "fieldPath")]),
        ProtoMessage(core + "ResourceFieldSelector", [.string(1, "containerName"), .string(2, "resource"), .message(3, "divisor", quantity)]),
        ProtoMessage(core + "ResourceRequirements", [
            .messageMap(1, "limits", quantity), .messageMap(2, "requests", quantity), .messages(3, "claims", core + "ResourceClaim"),
        ]),
        ProtoMessage(core + "ResourceClaim", [.string(1, "name"), .string(2, "request")]),
        ProtoMessage(core + "VolumeMount", [
            .string(1, "name"), .bool(2, "readOnly"), .string(7, "recursiveReadOnly", pointer: true), .string(3, "mountPath"),
            .string(4, "subPath"), .string(5, "mountPropagation", pointer: true), .string(6, "subPathExpr"),
        ]),
        ProtoMessage(core + "VolumeDevice", [.string(1, "name"), .string(2, "devicePath")]),
        ProtoMessage(core + "Probe", [
            .inline(1, core + "ProbeHandler"), .int32(2, "initialDelaySeconds"), .int32(3, "timeoutSeconds"),
            .int32(4, "periodSeconds"), .int32(5, "successThreshold"), .int32(6, "failureThreshold"),
            .int64(7, "terminationGracePeriodSeconds", pointer: true),
        ]),
        ProtoMessage(core + "ProbeHandler", [
            .message(1, "exec", core + "ExecAction"), .message(2, "httpGet", core + "HTTPGetAction"),
            .message(3, "tcpSocket", core + "TCPSocketAction"), .message(4, "grpc", core + "GRPCAction"),
        ]),
        ProtoMessage(core + "ExecAction", [.strings(1, "command")]),
        ProtoMessage(core + "HTTPGetAction", [
            .string(1, "path"), .message(2, "port", intOrString), .string(3, "host"), .string(4, "scheme"),
            .messages(5, "httpHeaders", core + "HTTPHeader"),
        ]),
        ProtoMessage(core + "HTTPHeader", [.string(1, "name"), .string(2, "value")]),
        ProtoMessage(core + "TCPSocketAction", [.message(1, "port", intOrString), .string(2, "host")]),
        ProtoMessage(core + "GRPCAction", [.int32(1, "port"), .string(2, "service", pointer: true)]),
        ProtoMessage(core + "Lifecycle", [
            .message(1, "postStart", core + "LifecycleHandler"), .message(2, "preStop", core + "LifecycleHandler"),
        ]),
        ProtoMessage(core + "LifecycleHandler", [
            .message(1, "exec", core + "ExecAction"), .message(2, "httpGet", core + "HTTPGetAction"),
            .message(3, "tcpSocket", core + "TCPSocketAction"), .message(4, "sleep", core + "SleepAction"),
        ]),
        ProtoMessage(core + "SleepAction", [.int64(1, "seconds")]),
        ProtoMessage(core + "SecurityContext", [
            .message(1, "capabilities", core + "Capabilities"), .bool(2, "privileged", pointer: true),
            .message(3, "seLinuxOptions", core + "SELinuxOptions"), .message(10, "windowsOptions", core + "WindowsSecurityContextOptions"),
            .int64(4, "runAsUser", pointer: true), .int64(8, "runAsGroup", pointer: true), .bool(5, "runAsNonRoot", pointer: true),
            .bool(6, "readOnlyRootFilesystem", pointer: true), .bool(7, "allowPrivilegeEscalation", pointer: true),
            .string(9, "procMount", pointer: true), .message(11, "seccompProfile", core + "SeccompProfile"),
            .message(12, "appArmorProfile", core + "AppArmorProfile"),
        ]),
        ProtoMessage(core + "Capabilities", [.strings(1, "add"), .strings(2, "drop")]),
        ProtoMessage(core + "SELinuxOptions", [.string(1, "user"), .string(2, "role"), .string(3, "type"), .string(4, "level")]),
        ProtoMessage(core + "WindowsSecurityContextOptions", [
            .string(1, "gmsaCredentialSpecName", pointer: true), .string(2, "gmsaCredentialSpec", pointer: true),
            .string(3, "runAsUserName", pointer: true), .bool(4, "hostProcess", pointer: true),
        ]),
        ProtoMessage(core + "SeccompProfile", [.string(1, "type"), .string(2, "localhostProfile", pointer: true)]),
        ProtoMessage(core + "AppArmorProfile", [.string(1, "type"), .string(2, "localhostProfile", pointer: true)]),
        ProtoMessage(core + "PodSecurityContext", [
            .message(1, "seLinuxOptions", core + "SELinuxOptions"), .message(8, "windowsOptions", core + "WindowsSecurityContextOptions"),
            .int64(2, "runAsUser", pointer: true), .int64(6, "runAsGroup", pointer: true), .bool(3, "runAsNonRoot", pointer: true),
            .int64s(4, "supplementalGroups"), .string(12, "supplementalGroupsPolicy", pointer: true), .int64(5, "fsGroup", pointer: true),
            .messages(7, "sysctls", core + "Sysctl"), .string(9, "fsGroupChangePolicy", pointer: true),
            .message(10, "seccompProfile", core + "SeccompProfile"), .message(11, "appArmorProfile", core + "AppArmorProfile"),
            .string(13, "seLinuxChangePolicy", pointer: true),
        ]),
        ProtoMessage(core + "Sysctl", [.string(1, "name"), .string(2, "value")]),
        ProtoMessage(core + "Toleration", [
            .string(1, "key"), .string(2, "operator"), .string(3, "value"), .string(4, "effect"),
            .int64(5, "tolerationSeconds", pointer: true),
        ]),
        ProtoMessage(core + "Affinity", [
            .message(1, "nodeAffinity", core + "NodeAffinity"), .message(2, "podAffinity", core + "PodAffinity"),
            .message(3, "podAntiAffinity", core + "PodAntiAffinity"),
        ]),
        ProtoMessage(core + "NodeAffinity", [
            .message(1, "requiredDuringSchedulingIgnoredDuringExecution", core + "NodeSelector"),
            .messages(2, "preferredDuringSchedulingIgnoredDuringExecution", core + "PreferredSchedulingTerm"),
        ]),
        ProtoMessage(core + "NodeSelector", [.messages(1, "nodeSelectorTerms", core + "NodeSelectorTerm")]),
        ProtoMessage(core + "NodeSelectorTerm", [
            .messages(1, "matchExpressions", core + "NodeSelectorRequirement"), .messages(2, "matchFields", core + "NodeSelectorRequirement"),
        ]),
        ProtoMessage(core + "NodeSelectorRequirement", [.string(1, "key"), .string(2, "operator"), .strings(3, "values")]),
        ProtoMessage(core + "PreferredSchedulingTerm", [.int32(1, "weight"), .message(2, "preference", core + "NodeSelectorTerm")]),
        ProtoMessage(core + "PodAffinity", [
            .messages(1, "requiredDuringSchedulingIgnoredDuringExecution", core + "PodAffinityTerm"),
            .messages(2, "preferredDuringSchedulingIgnoredDuringExecution", core + "WeightedPodAffinityTerm"),
        ]),
        ProtoMessage(core + "PodAntiAffinity", [
            .messages(1, "requiredDuringSchedulingIgnoredDuringExecution", core + "PodAffinityTerm"),
            .messages(2, "preferredDuringSchedulingIgnoredDuringExecution", core + "WeightedPodAffinityTerm"),
        ]),
        ProtoMessage(core + "PodAffinityTerm", [
            .message(1, "labelSelector", meta + "LabelSelector"), .strings(2, "namespaces"), .string(3, "topologyKey"),
            .message(4, "namespaceSelector", meta + "LabelSelector"), .strings(5, "matchLabelKeys"), .strings(6, "mismatchLabelKeys"),
        ]),
        ProtoMessage(core + "WeightedPodAffinityTerm", [.int32(1, "weight"), .message(2, "podAffinityTerm", core + "PodAffinityTerm")]),
        ProtoMessage(core + "TopologySpreadConstraint", [
            .int32(1, "maxSkew"), .string(2, "topologyKey"), .string(3, "whenUnsatisfiable"),
            .message(4, "labelSelector", meta + "LabelSelector"), .int32(5, "minDomains", pointer: true),
            .string(6, "nodeAffinityPolicy", pointer: true), .string(7, "nodeTaintsPolicy", pointer: true), .strings(8, "matchLabelKeys"),
        ]),
        ProtoMessage(core + "HostAlias", [.string(1, "ip"), .strings(2, "hostnames")]),
        ProtoMessage(core + "PodDNSConfig", [
            .strings(1, "nameservers"), .strings(2, "searches"), .messages(3, "options", core + "PodDNSConfigOption"),
        ]),
        ProtoMessage(core + "PodDNSConfigOption", [.string(1, "name"), .string(2, "value", pointer: true)]),
        ProtoMessage(core + "PodReadinessGate", [.string(1, "conditionType")]),
        ProtoMessage(core + "PodOS", [.string(1, "name")]),
        ProtoMessage(core + "PodSchedulingGate", [.string(1, "name")]),
    ]
}
