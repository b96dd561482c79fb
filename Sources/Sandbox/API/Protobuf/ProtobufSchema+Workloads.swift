/// Workloads and their scaling and disruption policies: apps/v1 Deployment, ReplicaSet,
/// DaemonSet and ControllerRevision,
/// batch/v1 Job and CronJob, autoscaling/v2 HorizontalPodAutoscaler (and autoscaling/v1's, which
/// `kubectl autoscale` sends, and its Scale subresource), policy/v1 PodDisruptionBudget (k8s.io/api generated.proto of each group).
extension ProtobufSchema {
    static let workloadMessages: [ProtoMessage] = [
        ProtoMessage(apps + "Deployment", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", apps + "DeploymentSpec"),
            .message(3, "status", apps + "DeploymentStatus"),
        ]),
        ProtoMessage(apps + "DeploymentSpec", [
            .int32(1, "replicas", pointer: true), .message(2, "selector", meta + "LabelSelector"),
            .message(3, "template", core + "PodTemplateSpec"), .message(4, "strategy", apps + "DeploymentStrategy"),
            .int32(5, "minReadySeconds"), .int32(6, "revisionHistoryLimit", pointer: true), .bool(7, "paused"),
            .int32(9, "progressDeadlineSeconds", pointer: true), .string(10, "podReplacementPolicy", pointer: true),
        ]),
        ProtoMessage(apps + "DeploymentStrategy", [.string(1, "type"), .message(2, "rollingUpdate", apps + "RollingUpdateDeployment")]),
        ProtoMessage(apps + "RollingUpdateDeployment", [.message(1, "maxUnavailable", intOrString), .message(2, "maxSurge", intOrString)]),
        ProtoMessage(apps + "DeploymentStatus", [
            .int64(1, "observedGeneration"), .int32(2, "replicas"), .int32(3, "updatedReplicas"), .int32(7, "readyReplicas"),
            .int32(4, "availableReplicas"), .int32(5, "unavailableReplicas"), .int32(9, "terminatingReplicas", pointer: true),
            .messages(6, "conditions", apps + "DeploymentCondition"), .int32(8, "collisionCount", pointer: true),
        ]),
        ProtoMessage(apps + "DeploymentCondition", [
            .string(1, "type"), .string(2, "status"), .message(6, "lastUpdateTime", time), .message(7, "lastTransitionTime", time),
            .string(4, "reason"), .string(5, "message"),
        ]),
        ProtoMessage(apps + "ReplicaSet", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", apps + "ReplicaSetSpec"),
            .message(3, "status", apps + "ReplicaSetStatus"),
        ]),
        ProtoMessage(apps + "ReplicaSetSpec", [
            .int32(1, "replicas", pointer: true), .int32(4, "minReadySeconds"), .message(2, "selector", meta + "LabelSelector"),
            .message(3, "template", core + "PodTemplateSpec"),
        ]),
        ProtoMessage(apps + "ReplicaSetStatus", [
            .int32(1, "replicas"), .int32(2, "fullyLabeledReplicas"), .int32(4, "readyReplicas"), .int32(5, "availableReplicas"),
            .int32(7, "terminatingReplicas", pointer: true), .int64(3, "observedGeneration"),
            .messages(6, "conditions", apps + "ReplicaSetCondition"),
        ]),
        ProtoMessage(apps + "ReplicaSetCondition", [
            .string(1, "type"), .string(2, "status"), .message(3, "lastTransitionTime", time), .string(4, "reason"), .string(5, "message"),
        ]),
        ProtoMessage(apps + "DaemonSet", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", apps + "DaemonSetSpec"),
            .message(3, "status", apps + "DaemonSetStatus"),
        ]),
        ProtoMessage(apps + "DaemonSetSpec", [
            .message(1, "selector", meta + "LabelSelector"), .message(2, "template", core + "PodTemplateSpec"),
            .message(3, "updateStrategy", apps + "DaemonSetUpdateStrategy"), .int32(4, "minReadySeconds"),
            .int32(6, "revisionHistoryLimit", pointer: true),
        ]),
        ProtoMessage(apps + "DaemonSetUpdateStrategy", [.string(1, "type"), .message(2, "rollingUpdate", apps + "RollingUpdateDaemonSet")]),
        ProtoMessage(apps + "RollingUpdateDaemonSet", [.message(1, "maxUnavailable", intOrString), .message(2, "maxSurge", intOrString)]),
        ProtoMessage(apps + "DaemonSetStatus", [
            .int32(1, "currentNumberScheduled"), .int32(2, "numberMisscheduled"), .int32(3, "desiredNumberScheduled"),
            .int32(4, "numberReady"), .int64(5, "observedGeneration"), .int32(6, "updatedNumberScheduled"),
            .int32(7, "numberAvailable"), .int32(8, "numberUnavailable"), .int32(9, "collisionCount", pointer: true),
            .messages(10, "conditions", apps + "DaemonSetCondition"),
        ]),
        ProtoMessage(apps + "DaemonSetCondition", [
            .string(1, "type"), .string(2, "status"), .message(3, "lastTransitionTime", time), .string(4, "reason"), .string(5, "message"),
        ]),
        ProtoMessage(apps + "ControllerRevision", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "data", rawExtension), .int64(3, "revision"),
        ]),
        ProtoMessage(batch + "Job", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", batch + "JobSpec"), .message(3, "status", batch + "JobStatus"),
        ]),
        ProtoMessage(batch + "JobSpec", [
            .int32(1, "parallelism", pointer: true), .int32(2, "completions", pointer: true),
            .int64(3, "activeDeadlineSeconds", pointer: true), .message(11, "podFailurePolicy", batch + "PodFailurePolicy"),
            .message(16, "successPolicy", batch + "SuccessPolicy"), .int32(7, "backoffLimit", pointer: true),
            .int32(12, "backoffLimitPerIndex", pointer: true), .int32(13, "maxFailedIndexes", pointer: true),
            .message(4, "selector", meta + "LabelSelector"), .bool(5, "manualSelector", pointer: true),
            .message(6, "template", core + "PodTemplateSpec"), .int32(8, "ttlSecondsAfterFinished", pointer: true),
            .string(9, "completionMode", pointer: true), .bool(10, "suspend", pointer: true),
            .string(14, "podReplacementPolicy", pointer: true), .string(15, "managedBy", pointer: true),
        ]),
        ProtoMessage(batch + "PodFailurePolicy", [.messages(1, "rules", batch + "PodFailurePolicyRule")]),
        ProtoMessage(batch + "PodFailurePolicyRule", [
            .string(1, "action"), .message(2, "onExitCodes", batch + "PodFailurePolicyOnExitCodesRequirement"),
            .messages(3, "onPodConditions", batch + "PodFailurePolicyOnPodConditionsPattern"),
        ]),
        ProtoMessage(batch + "PodFailurePolicyOnExitCodesRequirement", [
            .string(1, "containerName", pointer: true), .string(2, "operator"), .int32s(3, "values"),
        ]),
        ProtoMessage(batch + "PodFailurePolicyOnPodConditionsPattern", [.string(1, "type"), .string(2, "status")]),
        ProtoMessage(batch + "SuccessPolicy", [.messages(1, "rules", batch + "SuccessPolicyRule")]),
        ProtoMessage(batch + "SuccessPolicyRule", [
            .string(1, "succeededIndexes", pointer: true), .int32(2, "succeededCount", pointer: true),
        ]),
        ProtoMessage(batch + "JobStatus", [
            .messages(1, "conditions", batch + "JobCondition"), .message(2, "startTime", time), .message(3, "completionTime", time),
            .int32(4, "active"), .int32(5, "succeeded"), .int32(6, "failed"), .int32(11, "terminating", pointer: true),
            .string(7, "completedIndexes"), .string(10, "failedIndexes", pointer: true),
            .message(8, "uncountedTerminatedPods", batch + "UncountedTerminatedPods"), .int32(9, "ready", pointer: true),
        ]),
        ProtoMessage(batch + "JobCondition", [
            .string(1, "type"), .string(2, "status"), .message(3, "lastProbeTime", time), .message(4, "lastTransitionTime", time),
            .string(5, "reason"), .string(6, "message"),
        ]),
        ProtoMessage(batch + "UncountedTerminatedPods", [.strings(1, "succeeded"), .strings(2, "failed")]),
        ProtoMessage(batch + "CronJob", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", batch + "CronJobSpec"),
            .message(3, "status", batch + "CronJobStatus"),
        ]),
        ProtoMessage(batch + "CronJobSpec", [
            .string(1, "schedule"), .string(8, "timeZone", pointer: true), .int64(2, "startingDeadlineSeconds", pointer: true),
            .string(3, "concurrencyPolicy"), .bool(4, "suspend", pointer: true), .message(5, "jobTemplate", batch + "JobTemplateSpec"),
            .int32(6, "successfulJobsHistoryLimit", pointer: true), .int32(7, "failedJobsHistoryLimit", pointer: true),
        ]),
        ProtoMessage(batch + "JobTemplateSpec", [.message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", batch + "JobSpec")]),
        ProtoMessage(batch + "CronJobStatus", [
            .messages(1, "active", core + "ObjectReference"), .message(4, "lastScheduleTime", time),
            .message(5, "lastSuccessfulTime", time),
        ]),
        ProtoMessage(autoscaling + "HorizontalPodAutoscaler", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", autoscaling + "HorizontalPodAutoscalerSpec"),
            .message(3, "status", autoscaling + "HorizontalPodAutoscalerStatus"),
        ]),
        ProtoMessage(autoscaling + "HorizontalPodAutoscalerSpec", [
            .message(1, "scaleTargetRef", autoscaling + "CrossVersionObjectReference"), .int32(2, "minReplicas", pointer: true),
            .int32(3, "maxReplicas"), .messages(4, "metrics", autoscaling + "MetricSpec"),
            .message(5, "behavior", autoscaling + "HorizontalPodAutoscalerBehavior"),
        ]),
        ProtoMessage(autoscaling + "CrossVersionObjectReference", [.string(1, "kind"), .string(2, "name"), .string(3, "apiVersion")]),
        ProtoMessage(autoscaling + "MetricSpec", [
            .string(1, "type"), .message(2, "object", autoscaling + "ObjectMetricSource"),
            .message(3, "pods", autoscaling + "PodsMetricSource"), .message(4, "resource", autoscaling + "ResourceMetricSource"),
            .message(7, "containerResource", autoscaling + "ContainerResourceMetricSource"),
            .message(5, "external", autoscaling + "ExternalMetricSource"),
        ]),
        ProtoMessage(autoscaling + "ObjectMetricSource", [
            .message(1, "describedObject", autoscaling + "CrossVersionObjectReference"), .message(2, "target", autoscaling + "MetricTarget"),
            .message(3, "metric", autoscaling + "MetricIdentifier"),
        ]),
        ProtoMessage(autoscaling + "PodsMetricSource", [
            .message(1, "metric", autoscaling + "MetricIdentifier"), .message(2, "target", autoscaling + "MetricTarget"),
        ]),
        ProtoMessage(autoscaling + "ResourceMetricSource", [.string(1, "name"), .message(2, "target", autoscaling + "MetricTarget")]),
        ProtoMessage(autoscaling + "ContainerResourceMetricSource", [
            .string(1, "name"), .message(2, "target", autoscaling + "MetricTarget"), .string(3, "container"),
        ]),
        ProtoMessage(autoscaling + "ExternalMetricSource", [
            .message(1, "metric", autoscaling + "MetricIdentifier"), .message(2, "target", autoscaling + "MetricTarget"),
        ]),
        ProtoMessage(autoscaling + "MetricIdentifier", [.string(1, "name"), .message(2, "selector", meta + "LabelSelector")]),
        ProtoMessage(autoscaling + "MetricTarget", [
            .string(1, "type"), .message(2, "value", quantity), .message(3, "averageValue", quantity),
            .int32(4, "averageUtilization", pointer: true),
        ]),
        ProtoMessage(autoscaling + "HorizontalPodAutoscalerBehavior", [
            .message(1, "scaleUp", autoscaling + "HPAScalingRules"), .message(2, "scaleDown", autoscaling + "HPAScalingRules"),
        ]),
        ProtoMessage(autoscaling + "HPAScalingRules", [
            .int32(3, "stabilizationWindowSeconds", pointer: true), .string(1, "selectPolicy", pointer: true),
            .messages(2, "policies", autoscaling + "HPAScalingPolicy"), .message(4, "tolerance", quantity),
        ]),
        ProtoMessage(autoscaling + "HPAScalingPolicy", [.string(1, "type"), .int32(2, "value"), .int32(3, "periodSeconds")]),
        ProtoMessage(autoscaling + "HorizontalPodAutoscalerStatus", [
            .int64(1, "observedGeneration", pointer: true), .message(2, "lastScaleTime", time), .int32(3, "currentReplicas"),
            .int32(4, "desiredReplicas"), .messages(5, "currentMetrics", autoscaling + "MetricStatus"),
            .messages(6, "conditions", autoscaling + "HorizontalPodAutoscalerCondition"),
        ]),
        ProtoMessage(autoscaling + "MetricStatus", [
            .string(1, "type"), .message(4, "resource", autoscaling + "ResourceMetricStatus"),
            .message(7, "containerResource", autoscaling + "ContainerResourceMetricStatus"),
        ]),
        ProtoMessage(autoscaling + "ResourceMetricStatus", [.string(1, "name"), .message(2, "current", autoscaling + "MetricValueStatus")]),
        ProtoMessage(autoscaling + "ContainerResourceMetricStatus", [
            .string(1, "name"), .message(2, "current", autoscaling + "MetricValueStatus"), .string(3, "container"),
        ]),
        ProtoMessage(autoscaling + "MetricValueStatus", [
            .message(1, "value", quantity), .message(2, "averageValue", quantity), .int32(3, "averageUtilization", pointer: true),
        ]),
        ProtoMessage(autoscaling + "HorizontalPodAutoscalerCondition", [
            .string(1, "type"), .string(2, "status"), .message(3, "lastTransitionTime", time), .string(4, "reason"), .string(5, "message"),
        ]),
        ProtoMessage(autoscalingV1 + "HorizontalPodAutoscaler", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", autoscalingV1 + "HorizontalPodAutoscalerSpec"),
            .message(3, "status", autoscalingV1 + "HorizontalPodAutoscalerStatus"),
        ]),
        ProtoMessage(autoscalingV1 + "HorizontalPodAutoscalerSpec", [
            .message(1, "scaleTargetRef", autoscalingV1 + "CrossVersionObjectReference"), .int32(2, "minReplicas", pointer: true),
            .int32(3, "maxReplicas"), .int32(4, "targetCPUUtilizationPercentage", pointer: true),
        ]),
        ProtoMessage(autoscalingV1 + "CrossVersionObjectReference", [.string(1, "kind"), .string(2, "name"), .string(3, "apiVersion")]),
        ProtoMessage(autoscalingV1 + "HorizontalPodAutoscalerStatus", [
            .int64(1, "observedGeneration", pointer: true), .message(2, "lastScaleTime", time), .int32(3, "currentReplicas"),
            .int32(4, "desiredReplicas"), .int32(5, "currentCPUUtilizationPercentage", pointer: true),
        ]),
        ProtoMessage(autoscalingV1 + "Scale", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", autoscalingV1 + "ScaleSpec"),
            .message(3, "status", autoscalingV1 + "ScaleStatus"),
        ]),
        ProtoMessage(autoscalingV1 + "ScaleSpec", [.int32(1, "replicas")]),
        ProtoMessage(autoscalingV1 + "ScaleStatus", [.int32(1, "replicas"), .string(2, "selector")]),
        ProtoMessage(policy + "PodDisruptionBudget", [
            .message(1, "metadata", meta + "ObjectMeta"), .message(2, "spec", policy + "PodDisruptionBudgetSpec"),
            .message(3, "status", policy + "PodDisruptionBudgetStatus"),
        ]),
        ProtoMessage(policy + "PodDisruptionBudgetSpec", [
            .message(1, "minAvailable", intOrString), .message(2, "selector", meta + "LabelSelector"),
            .message(3, "maxUnavailable", intOrString), .string(4, "unhealthyPodEvictionPolicy", pointer: true),
        ]),
        ProtoMessage(policy + "PodDisruptionBudgetStatus", [
            .int64(1, "observedGeneration"), .messageMap(2, "disruptedPods", time), .int32(3, "disruptionsAllowed"),
            .int32(4, "currentHealthy"), .int32(5, "desiredHealthy"), .int32(6, "expectedPods"),
            .messages(7, "conditions", meta + "Condition"),
        ]),
    ]
}
