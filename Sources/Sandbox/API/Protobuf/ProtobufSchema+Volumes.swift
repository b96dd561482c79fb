/// core/v1 pod volumes: the sources a pod on the Sandbox can mount (configuration, secrets,
/// scratch space, host paths, claims, projections, CSI, images). Cloud-disk sources are not
/// tabled: a body that uses one is refused with advice, not half-read.
extension ProtobufSchema {
    static let volumeMessages: [ProtoMessage] = [
        ProtoMessage(core + "Volume", [.string(1, "name"), .inline(2, core + "VolumeSource")]),
        ProtoMessage(core + "VolumeSource", [
            .message(1, "hostPath", core + "HostPathVolumeSource"), .message(2, "emptyDir", core + "EmptyDirVolumeSource"),
            .message(6, "secret", core + "SecretVolumeSource"), .message(7, "nfs", core + "NFSVolumeSource"),
            .message(10, "persistentVolumeClaim", core + "PersistentVolumeClaimVolumeSource"),
            .message(16, "downwardAPI", core + "DownwardAPIVolumeSource"), .message(19, "configMap", core + "ConfigMapVolumeSource"),
            .message(26, "projected", core + "ProjectedVolumeSource"), .message(28, "csi", core + "CSIVolumeSource"),
            .message(30, "image", core + "ImageVolumeSource"),
        ]),
        ProtoMessage(core + "HostPathVolumeSource", [.string(1, "path"), .string(2, "type", pointer: true)]),
        ProtoMessage(core + "EmptyDirVolumeSource", [.string(1, "medium"), .message(2, "sizeLimit", quantity)]),
        ProtoMessage(core + "SecretVolumeSource", [
            .string(1, "secretName"), .messages(2, "items", core + "KeyToPath"), .int32(3, "defaultMode", pointer: true),
            .bool(4, "optional", pointer: true),
        ]),
        ProtoMessage(core + "ConfigMapVolumeSource", [
            .inline(1, core + "LocalObjectReference"), .messages(2, "items", core + "KeyToPath"),
            .int32(3, "defaultMode", pointer: true), .bool(4, "optional", pointer: true),
        ]),
        ProtoMessage(core + "KeyToPath", [.string(1, "key"), .string(2, "path"), .int32(3, "mode", pointer: true)]),
        ProtoMessage(core + "NFSVolumeSource", [.string(1, "server"), .string(2, "path"), .bool(3, "readOnly")]),
        ProtoMessage(core + "PersistentVolumeClaimVolumeSource", [.string(1, "claimName"), .bool(2, "readOnly")]),
        ProtoMessage(core + "DownwardAPIVolumeSource", [
            .messages(1, "items", core + "DownwardAPIVolumeFile"), .int32(2, "defaultMode", pointer: true),
        ]),
        ProtoMessage(core + "DownwardAPIVolumeFile", [
            .string(1, "path"), .message(2, "fieldRef", core + "ObjectFieldSelector"),
            .message(3, "resourceFieldRef", core + "ResourceFieldSelector"), .int32(4, "mode", pointer: true),
        ]),
        ProtoMessage(core + "ProjectedVolumeSource", [
            .messages(1, "sources", core + "VolumeProjection"), .int32(2, "defaultMode", pointer: true),
        ]),
        ProtoMessage(core + "VolumeProjection", [
            .message(1, "secret", core + "SecretProjection"), .message(2, "downwardAPI", core + "DownwardAPIProjection"),
            .message(3, "configMap", core + "ConfigMapProjection"),
            .message(4, "serviceAccountToken", core + "ServiceAccountTokenProjection"),
        ]),
        ProtoMessage(core + "SecretProjection", [
            .inline(1, core + "LocalObjectReference"), .messages(2, "items", core + "KeyToPath"), .bool(4, "optional", pointer: true),
        ]),
        ProtoMessage(core + "ConfigMapProjection", [
            .inline(1, core + "LocalObjectReference"), .messages(2, "items", core + "KeyToPath"), .bool(4, "optional", pointer: true),
        ]),
        ProtoMessage(core + "DownwardAPIProjection", [.messages(1, "items", core + "DownwardAPIVolumeFile")]),
        ProtoMessage(core + "ServiceAccountTokenProjection", [
            .string(1, "audience"), .int64(2, "expirationSeconds", pointer: true), .string(3, "path"),
        ]),
        ProtoMessage(core + "CSIVolumeSource", [
            .string(1, "driver"), .bool(2, "readOnly", pointer: true), .string(3, "fsType", pointer: true),
            .stringMap(4, "volumeAttributes"), .message(5, "nodePublishSecretRef", core + "LocalObjectReference"),
        ]),
        ProtoMessage(core + "ImageVolumeSource", [.string(1, "reference"), .string(2, "pullPolicy")]),
    ]
}
